import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/accounts/password-policy.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

export const Email = z
  .string()
  .trim()
  .max(254, { error: 'That email address is too long.' })
  .pipe(z.email({ error: 'Please enter an email address like name@example.com.' }));

export const Password = z
  .string()
  .min(PASSWORD_MIN, { error: `Please use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Please use at most ${PASSWORD_MAX} characters.` });

export const DISPLAY_NAME_MAX = 60;

export const DisplayName = userText({
  trim: true,
  min: 1,
  tooShort: 'Please say what we should call you.',
  max: DISPLAY_NAME_MAX,
  tooLong: `Please keep the name to ${DISPLAY_NAME_MAX} characters or fewer.`,
});

export const SignUpBody = z.strictObject({
  email: Email,
  password: Password,
  displayName: DisplayName,
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z.strictObject({
  email: Email,
  // Sign-in accepts any length so that a person is never told more than "that didn't match".
  password: z.string().min(1, { error: 'Please enter your password.' }).max(1024),
  /**
   * For an account with two-factor sign-in: the 6-digit code from the app, or a recovery code.
   * Sent again with the email and password once the server answered `auth.two_factor_needed`.
   */
  code: z.string().trim().min(1, { error: 'Please enter the code.' }).max(64).optional(),
});
export type SignInBody = z.infer<typeof SignInBody>;

// A request without a body arrives as null.
export const EmptyBody = z.strictObject({}).nullish();

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['member', 'admin', 'therapist']),
  /** The country whose crisis lines come first for this person; null until they pick one. */
  country: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const SessionInfo = z.object({
  user: Me,
  /** Minutes without use after which the session ends; the client clears its screen then too. */
  idleMinutes: z.number().int().positive(),
  /** Neutral page titles and icon on this person's screens. */
  discreet: z.boolean(),
  /**
   * Two-factor sign-in: whether it is on, and whether this account must have it (therapists and
   * administrators, who see only its setup until it is on).
   */
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** Who is signed in on this device, if anyone, and the settings their screens need. */
export const CurrentSession = SessionInfo.extend({ user: Me.nullable() });
export type CurrentSession = z.infer<typeof CurrentSession>;

/** The errors creating an account may answer, whoever creates it. */
const accountErrors = ['auth.password_weak', 'auth.password_length', 'auth.email_taken'] as const;

/** Accounts and sessions, as both the server and the web client see them. */
export const authApi = {
  signUp: endpoint({
    method: 'POST',
    path: '/api/auth/signup',
    tag: 'auth',
    summary: 'Create an account and sign in',
    caller: 'anyone',
    body: SignUpBody,
    response: SessionInfo,
    status: 201,
    errors: ['auth.rate_limited', ...accountErrors],
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/api/auth/signin',
    tag: 'auth',
    summary: 'Sign in with email and password',
    caller: 'anyone',
    body: SignInBody,
    response: SessionInfo,
    errors: [
      'auth.rate_limited',
      'auth.invalid_credentials',
      'auth.two_factor_needed',
      'auth.two_factor_invalid',
    ],
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/api/auth/signout',
    tag: 'auth',
    summary: 'Sign out of this device',
    caller: 'anyone',
    beforeTwoFactor: true,
    body: EmptyBody,
    response: null,
    status: 204,
  }),
  session: endpoint({
    method: 'GET',
    path: '/api/auth/session',
    tag: 'auth',
    summary: 'Who is signed in on this device, if anyone',
    caller: 'anyone',
    beforeTwoFactor: true,
    response: CurrentSession,
  }),
};

/** First run: the one-time creation of the practice's administrator. */
export const setupApi = {
  status: endpoint({
    method: 'GET',
    path: '/api/setup',
    tag: 'setup',
    summary: 'Whether first-run setup is still needed',
    caller: 'anyone',
    response: SetupStatus,
  }),
  createAdmin: endpoint({
    method: 'POST',
    path: '/api/setup',
    tag: 'setup',
    summary: 'Create the first administrator (only once)',
    caller: 'anyone',
    body: SignUpBody,
    response: SessionInfo,
    status: 201,
    errors: ['setup.done', ...accountErrors],
  }),
};
