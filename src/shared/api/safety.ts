import { z } from 'zod';
import { safetyQuestionIds } from '../../core/safety/safety.js';
import { endpoint } from './endpoint.js';

const yesNo = z.boolean({ error: 'Please answer yes or no.' });

export const SafetyCheckBody = z.strictObject({
  answers: z.strictObject(
    Object.fromEntries(safetyQuestionIds.map((id) => [id, yesNo])) as Record<
      (typeof safetyQuestionIds)[number],
      typeof yesNo
    >,
  ),
});
export type SafetyCheckBody = z.infer<typeof SafetyCheckBody>;

/** What the person sees of their own safety settings. Never sent to anyone else. */
export const SafetyStatus = z.object({
  checked: z.boolean(),
  checkedAt: z.number().int().nullable(),
  safetyMode: z.boolean(),
  discreet: z.boolean(),
  /** Minutes without use after which the session ends, with these settings. */
  idleMinutes: z.number().int().positive(),
});
export type SafetyStatus = z.infer<typeof SafetyStatus>;

export const SafetySettingsBody = z
  .strictObject({
    discreet: z.boolean().optional(),
    /** Only `false` is accepted: safety mode is turned on by the check, and left by choice. */
    safetyMode: z
      .literal(false, { error: 'Safety mode turns on through the safety check.' })
      .optional(),
  })
  .refine((b) => b.discreet !== undefined || b.safetyMode !== undefined, {
    error: 'Please say what to change.',
  });
export type SafetySettingsBody = z.infer<typeof SafetySettingsBody>;

export const CountryBody = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'Please pick a country from the list.' })
    .nullable(),
});
export type CountryBody = z.infer<typeof CountryBody>;

const tag = 'safety';

/** The endpoints of the person's own safety check and settings: about the caller alone. */
export const safetyApi = {
  status: endpoint({
    method: 'GET',
    path: '/api/safety',
    tag,
    summary: 'My own safety check and settings (never shown to anyone else)',
    caller: 'signedIn',
    response: SafetyStatus,
  }),
  check: endpoint({
    method: 'POST',
    path: '/api/safety/check',
    tag,
    summary: 'Take the safety check; any "yes" turns on safety mode',
    caller: 'signedIn',
    body: SafetyCheckBody,
    response: SafetyStatus,
  }),
  settings: endpoint({
    method: 'PATCH',
    path: '/api/safety',
    tag,
    summary: 'Turn discreet mode on or off, or leave safety mode',
    caller: 'signedIn',
    body: SafetySettingsBody,
    response: SafetyStatus,
  }),
  country: endpoint({
    method: 'PUT',
    path: '/api/me/country',
    tag,
    summary: 'The country whose crisis lines I see first',
    caller: 'signedIn',
    body: CountryBody,
    response: null,
    status: 204,
  }),
};
