import { z } from 'zod';

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
