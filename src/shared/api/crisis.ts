import { z } from 'zod';
import { CrisisCountry } from '../../core/crisis/resources.js';
import { endpoint } from './endpoint.js';

/** The crisis lines as the practice keeps them, and whose come first for someone with no country. */
export const CrisisLines = z.object({
  verifiedOn: z.string(),
  source: z.string(),
  countries: z.array(CrisisCountry),
  /** The practice's default country; null: the "anywhere else" advice. */
  defaultCountry: z.string().nullable(),
});
export type CrisisLines = z.infer<typeof CrisisLines>;

export const crisisApi = {
  lines: endpoint({
    method: 'GET',
    path: '/api/crisis',
    tag: 'crisis',
    summary:
      'Crisis and abuse lines by country (emergency number first), as the practice keeps them',
    caller: 'anyone',
    response: CrisisLines,
  }),
};
