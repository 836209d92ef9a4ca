import { z } from 'zod';

const telHref = z.string().regex(/^tel:\+?\d{2,15}$/, 'must be a tel: link with digits only');

export const CrisisLine = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['crisis', 'abuse']),
  number: z.string().min(1),
  text: z.string().min(1),
  href: telHref,
});
export type CrisisLine = z.infer<typeof CrisisLine>;

export const CrisisCountry = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(1),
  emergency: z.strictObject({
    name: z.string().min(1),
    number: z.string().min(1),
    href: telHref,
    note: z.string().min(1).optional(),
  }),
  lines: z.array(CrisisLine).min(1),
});
export type CrisisCountry = z.infer<typeof CrisisCountry>;

export const CrisisResources = z
  .strictObject({
    verifiedOn: z.iso.date(),
    source: z.string().min(1),
    countries: z.array(CrisisCountry).min(1),
  })
  .refine((r) => new Set(r.countries.map((c) => c.code)).size === r.countries.length, {
    message: 'country codes must be unique',
  });
export type CrisisResources = z.infer<typeof CrisisResources>;

/** The country a person picked, if we have lines for it; otherwise the "anywhere else" advice applies. */
export function pickCountry(
  resources: CrisisResources,
  code: string | undefined,
): CrisisCountry | undefined {
  if (!code) return undefined;
  const wanted = code.toUpperCase();
  return resources.countries.find((c) => c.code === wanted);
}
