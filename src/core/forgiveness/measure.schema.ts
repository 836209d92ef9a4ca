import { z } from 'zod';
import {
  AGREEMENT_MAX,
  AGREEMENT_MIN,
  forgivenessSubscales,
  type ForgivenessMeasure,
} from './measure.js';

/**
 * The rules the forgiveness reflection's data must follow, checked when the server starts and by the
 * tests. Kept apart from the data so the browser, which shows the measure, carries no Zod.
 */
const text = z.string().trim().min(1);

export const ForgivenessMeasureSchema: z.ZodType<ForgivenessMeasure> = z
  .strictObject({
    id: z.literal('forgiveness'),
    /** Bump when an item's wording changes; each stored entry keeps the version it answered. */
    version: z.number().int().positive(),
    title: text,
    /** Shown under the reflection wherever it appears. */
    source: z.literal("Steadfast's own reflection, not a validated clinical instrument"),
    prompt: text,
    options: z.array(z.strictObject({ value: z.number().int(), label: text })),
    items: z.array(
      z.strictObject({
        /** Stable forever, like avoidance.2: stored answers refer to it. */
        id: z.string().regex(/^(avoidance|resentment|goodwill)\.[1-9]$/),
        subscale: z.enum(forgivenessSubscales),
        text,
      }),
    ),
  })
  .superRefine((m, ctx) => {
    const values = m.options.map((o) => o.value);
    const expected = Array.from({ length: AGREEMENT_MAX }, (_, i) => i + AGREEMENT_MIN);
    if (JSON.stringify(values) !== JSON.stringify(expected)) {
      ctx.addIssue({ code: 'custom', message: 'options must be 1–5 in order', path: ['options'] });
    }
    const ids = new Set(m.items.map((i) => i.id));
    if (ids.size !== m.items.length) {
      ctx.addIssue({ code: 'custom', message: 'an item id is used twice', path: ['items'] });
    }
    for (const s of forgivenessSubscales) {
      const items = m.items.filter((i) => i.subscale === s);
      if (items.length < 3 || items.length > 4) {
        ctx.addIssue({ code: 'custom', message: `${s} needs 3–4 items`, path: ['items'] });
      }
      items.forEach((item, n) => {
        if (item.id !== `${s}.${n + 1}`) {
          ctx.addIssue({ code: 'custom', message: `${item.id} should be ${s}.${n + 1}` });
        }
      });
    }
  });
