import { z } from 'zod';
import { endpoint } from './endpoint.js';

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'Please pick a country from the list.' })
  .nullable();

/** What the practice's administrator has set for everyone on this instance. */
export const PracticeSettings = z.object({
  /** Whose crisis lines people see until they choose their own country; null: "anywhere else". */
  defaultCountry: countryCode,
});
export type PracticeSettings = z.infer<typeof PracticeSettings>;

export const PracticeSettingsBody = z.strictObject({ defaultCountry: countryCode });
export type PracticeSettingsBody = z.infer<typeof PracticeSettingsBody>;

const tag = 'practice';

/** The practice's own settings: the administrator's alone to read and change. */
export const practiceApi = {
  settings: endpoint({
    method: 'GET',
    path: '/api/practice/settings',
    tag,
    summary: "The practice's settings, such as the default country for crisis lines",
    caller: 'admin',
    response: PracticeSettings,
  }),
  change: endpoint({
    method: 'PUT',
    path: '/api/practice/settings',
    tag,
    summary: "Change the practice's settings",
    caller: 'admin',
    body: PracticeSettingsBody,
    response: PracticeSettings,
    errors: ['crisis.country_unknown'],
  }),
};
