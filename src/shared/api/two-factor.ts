import { z } from 'zod';
import { endpoint } from './endpoint.js';

/** A 6-digit code from an authenticator app (spaces, as some apps show them, are dropped). */
export const TotpCode = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'Please enter the 6 digits your app shows.' }));

/** Whether two-factor sign-in is on, and whether this account must have it. */
export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  /** Therapists and administrators must have it; everyone else may. */
  required: z.boolean(),
  /** Recovery codes not used yet (0 when off). */
  recoveryCodesLeft: z.number().int().nonnegative(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

/** A new secret to add to an authenticator app: as a QR code, a link, or typed by hand. */
export const TwoFactorSetup = z.object({
  /** The otpauth:// URI the QR code holds. */
  uri: z.string(),
  /** The secret in base32, for typing into the app by hand. */
  secret: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;

/** Recovery codes, shown once: only their hashes are kept. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const CodeBody = z.strictObject({ code: TotpCode });
export type CodeBody = z.infer<typeof CodeBody>;

export const TurnOffBody = z.strictObject({
  password: z.string().min(1, { error: 'Please enter your password.' }).max(1024),
  code: TotpCode,
});
export type TurnOffBody = z.infer<typeof TurnOffBody>;

const tag = 'two-factor';

/**
 * Two-factor sign-in (TOTP, RFC 6238) for the signed-in person. Every one of these stays open to a
 * therapist or administrator who has not set it up yet (`beforeTwoFactor`), since they are how
 * they set it up.
 */
export const twoFactorApi = {
  status: endpoint({
    method: 'GET',
    path: '/api/auth/two-factor',
    tag,
    summary: 'Whether two-factor sign-in is on, and whether this account needs it',
    caller: 'signedIn',
    beforeTwoFactor: true,
    response: TwoFactorStatus,
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/auth/two-factor/setup',
    tag,
    summary: 'Start setting up two-factor sign-in: a new secret, as a QR code and as text',
    caller: 'signedIn',
    beforeTwoFactor: true,
    body: z.strictObject({}).nullish(),
    response: TwoFactorSetup,
    status: 201,
    errors: ['two_factor.already_on'],
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/api/auth/two-factor/confirm',
    tag,
    summary: 'Turn two-factor sign-in on with a code from the app; answers the recovery codes once',
    caller: 'signedIn',
    beforeTwoFactor: true,
    body: CodeBody,
    response: RecoveryCodes,
    errors: [
      'two_factor.not_started',
      'two_factor.already_on',
      'two_factor.code_invalid',
      'auth.rate_limited',
    ],
  }),
  recoveryCodes: endpoint({
    method: 'POST',
    path: '/api/auth/two-factor/recovery-codes',
    tag,
    summary: 'Replace the recovery codes with new ones (the old ones stop working)',
    caller: 'signedIn',
    beforeTwoFactor: true,
    body: CodeBody,
    response: RecoveryCodes,
    errors: ['two_factor.off', 'two_factor.code_invalid', 'auth.rate_limited'],
  }),
  turnOff: endpoint({
    method: 'POST',
    path: '/api/auth/two-factor/off',
    tag,
    summary: 'Turn two-factor sign-in off (not for therapists and administrators)',
    caller: 'signedIn',
    beforeTwoFactor: true,
    body: TurnOffBody,
    response: null,
    status: 204,
    errors: [
      'two_factor.off',
      'two_factor.required',
      'two_factor.password_invalid',
      'two_factor.code_invalid',
      'auth.rate_limited',
    ],
  }),
};
