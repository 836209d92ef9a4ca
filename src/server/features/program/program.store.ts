import type { JourneyEvent, JourneyMember } from '../../../core/program/step-model.js';
import { sql } from 'kysely';
import { compileOnce, perDatabase } from '../../db/compile-once.js';
import { openRole } from '../../auth/person-facts.js';
import type { Sealer } from '../../crypto/sealing.js';
import type { Db } from '../../db/schema.js';

export type NewProgramEvent =
  | { kind: 'ready' | 'not_ready' | 'revisit'; stepId: string }
  | { kind: 'exercise' | 'exercise_undone'; stepId: string; exerciseId: string };

/** A journey's current members and every event on its steps, as the step model replays them. */
export interface JourneyState {
  readonly members: JourneyMember[];
  readonly events: JourneyEvent[];
}

/** The journey's members and its events on the steps (exported for their plan test). */
export const journeyStateQueries = (db: Db, journeyId: string) => ({
  members: db
    .selectFrom('journey_members')
    .select(['user_id', 'role'])
    .where('journey_id', '=', journeyId)
    .where('left_at', 'is', null)
    .orderBy('joined_at')
    .orderBy('user_id'),
  // In (at, id) order, as the index holds them.
  events: db
    .selectFrom('program_events')
    .select(['member_id', 'kind', 'step_id', 'exercise_id', 'at'])
    .where('journey_id', '=', journeyId)
    .orderBy('at')
    .orderBy('id'),
});

// Every dashboard and step read loads these: built and compiled once per database.
export const compiledJourneyState = perDatabase((db: Db) => ({
  members: compileOnce((journeyId: string) => journeyStateQueries(db, journeyId).members, 1),
  events: compileOnce((journeyId: string) => journeyStateQueries(db, journeyId).events, 1),
}));

/** The journey's current members in the order they joined, and every event on its steps. */
export async function loadJourneyState(
  db: Db,
  sealer: Sealer,
  journeyId: string,
): Promise<JourneyState> {
  const compiled = compiledJourneyState(db);
  const [{ rows: members }, { rows }] = await Promise.all([
    db.executeQuery(compiled.members(journeyId)),
    db.executeQuery(compiled.events(journeyId)),
  ]);
  return {
    members: members.map((m) => ({
      id: m.user_id,
      role: openRole(sealer, journeyId, m.user_id, m.role),
    })),
    events: rows.map((r): JourneyEvent => {
      const at = Number(r.at);
      return r.kind === 'exercise' || r.kind === 'exercise_undone'
        ? { kind: r.kind, exerciseId: r.exercise_id ?? '', memberId: r.member_id, at }
        : { kind: r.kind, stepId: r.step_id, memberId: r.member_id, at };
    }),
  };
}

interface ProgramEventEntry {
  id: string;
  journeyId: string;
  memberId: string;
  at: number;
  event: NewProgramEvent;
}

/**
 * Adds one event inside the caller's transaction (work on an exercise only the first time). The
 * step model replays events by time, so an
 * event never gets an earlier time than the journey's last one: two marks in the same millisecond
 * (or after the clock stepped back) still replay in the order they were made.
 */
export async function insertProgramEvent(trx: Db, e: ProgramEventEntry): Promise<void> {
  const { event } = e;
  if (event.kind === 'exercise' || event.kind === 'exercise_undone') {
    // Work on an exercise is noted once per person while it stands, and taken back only where it
    // stands: a year of daily entries and answers would otherwise add hundreds of events that
    // every read of the journey replays.
    const latest = await trx
      .selectFrom('program_events')
      .select('kind')
      .where('journey_id', '=', e.journeyId)
      .where('member_id', '=', e.memberId)
      .where('kind', 'in', ['exercise', 'exercise_undone'])
      .where('exercise_id', '=', event.exerciseId)
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const standing = latest?.kind === 'exercise';
    if (standing === (event.kind === 'exercise')) return;
  }
  const last = await trx
    .selectFrom('program_events')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('journey_id', '=', e.journeyId)
    .executeTakeFirst();
  const lastAt = last?.at === null || last?.at === undefined ? null : Number(last.at);
  const at = lastAt === null ? e.at : Math.max(e.at, lastAt + 1);
  await trx
    .insertInto('program_events')
    .values({
      id: e.id,
      journey_id: e.journeyId,
      member_id: e.memberId,
      kind: e.event.kind,
      step_id: e.event.stepId,
      exercise_id: 'exerciseId' in e.event ? e.event.exerciseId : null,
      at,
    })
    .execute();
}

/**
 * Records one event and reads the journey back in the same transaction, so the progress returned
 * includes it and whatever a partner recorded just before.
 */
export async function recordProgramEvent(
  db: Db,
  sealer: Sealer,
  e: ProgramEventEntry,
): Promise<JourneyState> {
  return db.transaction().execute(async (trx) => {
    await insertProgramEvent(trx, e);
    return loadJourneyState(trx, sealer, e.journeyId);
  });
}

/** What a member's partner has shared with them, as yes or no: never counted, never the content. */
export interface FromPartner {
  readonly statement: boolean;
  readonly agreement: boolean;
  readonly entries: boolean;
  readonly checkins: boolean;
}

/**
 * What a member's partner has shared, as one statement of four EXISTS. Each selects only columns of
 * its partial index (migration 0009), so it is answered from the index without reading the table.
 */
export const fromPartnerQuery = (db: Db, journeyId: string, viewerId: string) =>
  db.selectNoFrom((eb) => [
    eb
      .exists(
        eb
          .selectFrom('letters')
          .select('author_id')
          .where('journey_id', '=', journeyId)
          .where('author_id', '!=', viewerId)
          .where('kind', '=', sql.lit('statement'))
          .where('state', '=', sql.lit('shared')),
      )
      .as('statement'),
    eb
      .exists(
        eb
          .selectFrom('agreement_versions')
          .select('proposed_by')
          .where('journey_id', '=', journeyId)
          .where('proposed_by', '!=', viewerId)
          .where('status', '=', sql.lit('proposed')),
      )
      .as('agreement'),
    eb
      .exists(
        eb
          .selectFrom('reliability_pools')
          .select('user_id')
          .where('journey_id', '=', journeyId)
          .where('user_id', '!=', viewerId)
          .where('pending', '>', sql.lit(0)),
      )
      .as('entries'),
    eb
      .exists(
        eb
          .selectFrom('checkins')
          .select('author_id')
          .where('journey_id', '=', journeyId)
          .where('author_id', '!=', viewerId)
          .where('visibility', '=', sql.lit('partner')),
      )
      .as('checkins'),
  ]);

// The journey dashboard reads this on every visit: one statement, compiled once per database.
// Each part is an EXISTS answered by one probe of a partial index that holds only the rows that
// say yes; the conditions are literals so that SQLite can match those indexes. The entries waiting
// for a look are kept as a count with the partner's pooled reliability.
export const compiledFromPartner = perDatabase((db: Db) =>
  compileOnce(
    (journeyId: string, viewerId: string) => fromPartnerQuery(db, journeyId, viewerId),
    2,
  ),
);

export async function fromPartner(
  db: Db,
  journeyId: string,
  viewerId: string,
): Promise<FromPartner> {
  const { rows } = await db.executeQuery(compiledFromPartner(db)(journeyId, viewerId));
  const row = rows[0];
  // PostgreSQL answers booleans, SQLite 0 or 1.
  const yes = (v: unknown) => v === true || Number(v) === 1;
  return {
    statement: yes(row?.statement),
    agreement: yes(row?.agreement),
    entries: yes(row?.entries),
    checkins: yes(row?.checkins),
  };
}
