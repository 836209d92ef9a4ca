import { sql } from 'kysely';
import type { Db } from '../db/schema.js';

/**
 * Fixed-window counters kept in the database, so that several app instances share them.
 * One statement both resets an old window and counts, so concurrent requests cannot lose a hit.
 */
export async function hit(db: Db, key: string, now: number, windowMs: number): Promise<number> {
  const staleBefore = now - windowMs;
  const result = await sql<{ count: number }>`
    insert into rate_limits (key, window_start, count) values (${key}, ${now}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${staleBefore} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${staleBefore} then ${now} else rate_limits.window_start end
    returning count`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * Gives back hits taken at `now` that turned out not to count (a right password, or a try refused
 * before any check), in one statement. A window restarted since then is left alone.
 */
export async function giveBack(db: Db, keys: readonly string[], now: number): Promise<void> {
  if (keys.length === 0) return; // `IN ()` is invalid SQL.
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('key', 'in', keys)
    .where('window_start', '<=', now)
    .where('count', '>', 0)
    .execute();
}

export async function clear(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
