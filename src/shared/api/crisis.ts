import { z } from 'zod';
import { CrisisCountry } from '../../core/crisis/resources.js';

/** The crisis lines as the practice keeps them, and whose come first for someone with no country. */
export const CrisisLines = z.object({
  verifiedOn: z.string(),
  source: z.string(),
  countries: z.array(CrisisCountry),
  /** The practice's default country; null: the "anywhere else" advice. */
  defaultCountry: z.string().nullable(),
});
export type CrisisLines = z.infer<typeof CrisisLines>;
