import type { Db } from '../../db/schema.js';

export interface StoredTimeout {
  readonly id: string;
  readonly journeyId: string;
  readonly callerId: string;
  readonly startedAt: number;
  readonly until: number;
  readonly endedAt: number | null;
}

const baseQuery = (db: Db) =>
  db
    .selectFrom('timeouts')
    .select(['id', 'journey_id', 'caller_id', 'started_at', 'returns_at', 'ended_at']);
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toStoredTimeout = (r: Row): StoredTimeout => ({
  id: r.id,
  journeyId: r.journey_id,
  callerId: r.caller_id,
  startedAt: r.started_at,
  until: r.returns_at,
  endedAt: r.ended_at,
});

export async function findTimeout(db: Db, id: string): Promise<StoredTimeout | undefined> {
  const row = await baseQuery(db).where('id', '=', id).executeTakeFirst();
  return row ? toStoredTimeout(row) : undefined;
}

/** The journey's time-out that was not ended by hand (it may have run out: check with the clock). */
export async function findOpenTimeout(
  db: Db,
  journeyId: string,
): Promise<StoredTimeout | undefined> {
  const row = await baseQuery(db)
    .where('journey_id', '=', journeyId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row ? toStoredTimeout(row) : undefined;
}

/**
 * Starts a time-out. A time-out that ran out is closed first (at its return time); the unique index
 * on open time-outs refuses a second one called at the same moment.
 */
export async function insertTimeout(
  db: Db,
  t: { id: string; journeyId: string; callerId: string; now: number; until: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('timeouts')
      .set((eb) => ({ ended_at: eb.ref('returns_at') }))
      .where('journey_id', '=', t.journeyId)
      .where('ended_at', 'is', null)
      .where('returns_at', '<=', t.now)
      .execute();
    await trx
      .insertInto('timeouts')
      .values({
        id: t.id,
        journey_id: t.journeyId,
        caller_id: t.callerId,
        started_at: t.now,
        returns_at: t.until,
        ended_at: null,
      })
      .execute();
  });
}

/** Ends a running time-out early; a time-out already over is left as it was. */
export async function endTimeout(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('timeouts')
    .set({ ended_at: now })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .where('returns_at', '>', now)
    .execute();
}
