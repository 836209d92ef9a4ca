import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/accounts/password-policy.js';
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
});
export type SignInBody = z.infer<typeof SignInBody>;

// A request without a body arrives as null.
export const EmptyBody = z.strictObject({}).nullish();

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['member', 'admin']),
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
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;
