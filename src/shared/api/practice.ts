import { z } from 'zod';
import { Email } from './auth.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'Please pick a country from the list.' })
  .nullable();

/** Whether the runtime knows this IANA time zone (e.g. Europe/London). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().trim().refine(isTimeZone, {
  error: 'Please enter a time zone by its full name, like Europe/London or America/New_York.',
});

export const PRACTICE_NAME_MAX = 100;
export const PRACTICE_PHONE_MAX = 40;
export const PRACTICE_ADDRESS_MAX = 300;

/** A free-text setting the administrator may leave empty: an empty answer is stored as null. */
const optionalText = (max: number, tooLong: string) =>
  userText({ trim: true, min: 0, tooShort: '', max, tooLong })
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** What the practice's administrator has set for everyone on this instance. */
export const PracticeSettings = z.object({
  /** Whose crisis lines people see until they choose their own country; null: "anywhere else". */
  defaultCountry: countryCode,
  name: z.string().nullable(),
  contactEmail: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  /** The IANA time zone the practice's times (groups, sessions) are given in. */
  timeZone: z.string(),
  /** Whether people can send an intake request. */
  intakeOpen: z.boolean(),
});
export type PracticeSettings = z.infer<typeof PracticeSettings>;

/** Any of the settings; those left out stay as they are. */
export const PracticeSettingsBody = z.strictObject({
  defaultCountry: countryCode.optional(),
  name: optionalText(
    PRACTICE_NAME_MAX,
    `Please keep the practice's name to ${PRACTICE_NAME_MAX} characters or fewer.`,
  ).optional(),
  contactEmail: z
    .union([z.literal('').transform(() => null), Email])
    .nullable()
    .optional(),
  phone: optionalText(
    PRACTICE_PHONE_MAX,
    `Please keep the phone number to ${PRACTICE_PHONE_MAX} characters or fewer.`,
  )
    .refine((v) => v === null || /^[0-9+()\-. ]+$/.test(v), {
      error: 'Please enter the phone number with digits, spaces, +, - or brackets only.',
    })
    .optional(),
  address: optionalText(
    PRACTICE_ADDRESS_MAX,
    `Please keep the address to ${PRACTICE_ADDRESS_MAX} characters or fewer.`,
  ).optional(),
  timeZone: TimeZone.optional(),
  intakeOpen: z.boolean().optional(),
});
export type PracticeSettingsBody = z.input<typeof PracticeSettingsBody>;
export type PracticeSettingsChange = z.output<typeof PracticeSettingsBody>;

/** What anyone may know of the practice: no setting that is the administrator's business alone. */
export const PublicPractice = PracticeSettings.omit({ defaultCountry: true });
export type PublicPractice = z.infer<typeof PublicPractice>;

const tag = 'practice';

/** The practice's own settings: the administrator's alone to change. */
export const practiceApi = {
  settings: endpoint({
    method: 'GET',
    path: '/api/practice/settings',
    tag,
    summary: "The practice's settings: name, contact details, time zone, intake, default country",
    caller: 'admin',
    response: PracticeSettings,
  }),
  change: endpoint({
    method: 'PUT',
    path: '/api/practice/settings',
    tag,
    summary: "Change the practice's settings (those left out stay as they are)",
    caller: 'admin',
    body: PracticeSettingsBody,
    response: PracticeSettings,
    errors: ['crisis.country_unknown'],
  }),
  public: endpoint({
    method: 'GET',
    path: '/api/practice',
    tag,
    summary:
      "The practice's public details: name, contact, address, time zone, whether intake is open",
    caller: 'anyone',
    response: PublicPractice,
  }),
};
