import { z } from 'zod';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../core/checkins/checkin.js';

/** A newest-first list read a page at a time: where to continue, and how many to give. */
export const PageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX, { error: `Ask for at most ${PAGE_SIZE_MAX} at a time.` })
    .default(PAGE_SIZE_DEFAULT),
});

/** One page of `item`s and the cursor for the next page, null after the last. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The id of one item in a path, `/api/…/:id`. */
export const IdParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });
export type IdParams = z.infer<typeof IdParams>;
