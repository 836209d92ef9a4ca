import type {
  CommitmentFacts,
  LogChange,
  LogFacts,
  LogStatus,
} from '../../../core/commitments/commitment.js';
import {
  commitmentSnapshot,
  EMPTY_SNAPSHOT,
  overallSnapshot,
  type ReliabilitySnapshot,
} from '../../../core/commitments/reliability.js';
import { DomainError } from '../../../core/errors.js';
import { compileOnce, perDatabase } from '../../db/compile-once.js';
import { isUniqueViolation, type Db } from '../../db/schema.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';

/**
 * Step 3's storage: commitments, their entries and the partner's answers, and each person's
 * reliability kept up to date with them (see src/core/commitments/reliability.ts).
 */

/** A commitment as the rules know it, and the journey it belongs to. */
export interface JourneyCommitment extends CommitmentFacts {
  readonly journeyId: string;
}

/** An entry as the rules know it, who answered it, and its sealed dispute note. */
export interface StoredLog extends LogFacts {
  readonly answeredBy: string | null;
  readonly sealed: string | null;
}

const commitmentQuery = (db: Db) =>
  db
    .selectFrom('commitments')
    .select([
      'id',
      'journey_id',
      'agreement_id',
      'agreement_version',
      'committed_by',
      'rhythm',
      'started_at',
      'ended_at',
      'reliability',
    ]);
type CRow = Awaited<ReturnType<ReturnType<typeof commitmentQuery>['executeTakeFirstOrThrow']>>;

/** A commitment as stored: with its reliability snapshot, encoded (see snapshot-codec.ts). */
export interface StoredCommitment extends JourneyCommitment {
  readonly reliability: string;
}

const toStoredCommitment = (r: CRow): StoredCommitment => ({
  id: r.id,
  journeyId: r.journey_id,
  agreementId: r.agreement_id,
  agreementVersion: Number(r.agreement_version),
  committedBy: r.committed_by,
  rhythm: r.rhythm,
  startedAt: Number(r.started_at),
  endedAt: r.ended_at === null ? null : Number(r.ended_at),
  reliability: r.reliability,
});

export async function listCommitments(db: Db, journeyId: string): Promise<StoredCommitment[]> {
  const { rows } = await db.executeQuery(compiledReads(db).commitments(journeyId));
  return rows.map(toStoredCommitment);
}

/** A commitment in a journey; undefined when it belongs to another one. */
export async function findCommitment(
  db: Db,
  journeyId: string,
  id: string,
): Promise<StoredCommitment | undefined> {
  const row = await commitmentQuery(db)
    .where('journey_id', '=', journeyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStoredCommitment(row) : undefined;
}

/** A new commitment; the unique index refuses a second running one for the same person. */
export async function insertCommitment(db: Db, c: JourneyCommitment): Promise<void> {
  try {
    await db
      .insertInto('commitments')
      .values({
        id: c.id,
        journey_id: c.journeyId,
        agreement_id: c.agreementId,
        agreement_version: c.agreementVersion,
        committed_by: c.committedBy,
        rhythm: c.rhythm,
        started_at: c.startedAt,
        ended_at: c.endedAt,
        reliability: encodeSnapshot(EMPTY_SNAPSHOT),
      })
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('commitment.exists');
    throw e;
  }
}

/** Ends a running commitment; false when it had ended already. */
export async function endCommitment(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('commitments')
    .set({ ended_at: now })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const logQuery = (db: Db) =>
  db
    .selectFrom('commitment_logs')
    .select(['id', 'commitment_id', 'logged_by', 'at', 'status', 'answered_by', 'sealed']);
type LRow = Awaited<ReturnType<ReturnType<typeof logQuery>['executeTakeFirstOrThrow']>>;

const toStoredLog = (r: LRow): StoredLog => ({
  id: r.id,
  commitmentId: r.commitment_id,
  loggedBy: r.logged_by,
  at: Number(r.at),
  status: r.status,
  answeredBy: r.answered_by,
  sealed: r.sealed,
});

/** A position in a commitment's entries, newest first: the (at, id) of the last entry seen. */
export interface LogCursor {
  readonly at: number;
  readonly id: string;
}

/** One page of a commitment's entries, newest first, by keyset on (at, id). */
export function logPageQuery(
  db: Db,
  commitmentId: string,
  cursor: LogCursor | undefined,
  limit: number,
) {
  let query = logQuery(db).where('commitment_id', '=', commitmentId);
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(cursor.at, cursor.id)));
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit);
}

// Every commitments read asks for each commitment's first page: built and compiled once.
export const compiledLogPages = perDatabase((db: Db) => ({
  first: compileOnce(
    (commitmentId: string, limit: number) => logPageQuery(db, commitmentId, undefined, limit),
    2,
  ),
  after: compileOnce(
    (commitmentId: string, at: number, id: string, limit: number) =>
      logPageQuery(db, commitmentId, { at, id }, limit),
    4,
  ),
}));

/** One page of a commitment's entries, newest first (a cursor continues after its entry). */
export async function logPage(
  db: Db,
  commitmentId: string,
  cursor: LogCursor | undefined,
  limit: number,
): Promise<StoredLog[]> {
  const compiled = compiledLogPages(db);
  const query = cursor
    ? compiled.after(commitmentId, cursor.at, cursor.id, limit)
    : compiled.first(commitmentId, limit);
  const { rows } = await db.executeQuery(query);
  return rows.map(toStoredLog);
}

export async function findLog(db: Db, id: string): Promise<StoredLog | undefined> {
  const row = await logQuery(db).where('id', '=', id).executeTakeFirst();
  return row ? toStoredLog(row) : undefined;
}

/** An entry as it stands, answered or not, with when it was answered. */
export interface LogEntry extends StoredLog {
  readonly answeredAt: number | null;
}

/** A new entry, waiting for the partner. */
export async function insertLog(
  db: Db,
  l: { id: string; commitmentId: string; loggedBy: string; at: number },
): Promise<void> {
  await insertLogs(db, [
    { ...l, status: 'pending', answeredBy: null, answeredAt: null, sealed: null },
  ]);
}

/**
 * Entries as they stand, in statements of 500 rows (SQLite binds at most 32,766 values in one):
 * the bench seeds a year of answered entries at once.
 */
export async function insertLogs(db: Db, logs: readonly LogEntry[]): Promise<void> {
  for (let i = 0; i < logs.length; i += 500) {
    await db
      .insertInto('commitment_logs')
      .values(
        logs.slice(i, i + 500).map((l) => ({
          id: l.id,
          commitment_id: l.commitmentId,
          logged_by: l.loggedBy,
          at: l.at,
          status: l.status,
          answered_by: l.answeredBy,
          answered_at: l.answeredAt,
          sealed: l.sealed,
        })),
      )
      .execute();
  }
}

/**
 * The partner's answer, written only where the entry still has the status the rules saw; a lost
 * race answers `commitment.log_changed`.
 */
export async function writeLogAnswer(
  db: Db,
  a: { id: string; change: LogChange; by: string; now: number; sealed: string | null },
): Promise<void> {
  const result = await db
    .updateTable('commitment_logs')
    .set({
      status: a.change.to,
      answered_by: a.by,
      answered_at: a.now,
      // Resolving keeps the note the dispute came with.
      ...(a.sealed === null ? {} : { sealed: a.sealed }),
    })
    .where('id', '=', a.id)
    .where('status', '=', a.change.from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new DomainError('commitment.log_changed');
}

// Reliability, kept up to date with the entries

/** Reliability trends keep one point a week: a year stays a readable chart and a quick read. */
export const TREND_SAMPLING = { everyMs: 7 * 24 * 60 * 60 * 1000 };

/**
 * Brings the kept reliability of one person's commitments in a journey, and of all of them pooled,
 * up to date with their entries. Call it in the transaction that changed an entry, after the
 * change: a read then only moves the kept sums to its own time instead of walking a year of
 * entries.
 *
 * Two changes for the same person at once (two entries answered in two tabs) must not leave the
 * snapshot of the one that finished first: on PostgreSQL the person's pool row is locked before
 * the entries are read, so the second recomputation waits and then sees both changes. SQLite runs
 * one write transaction at a time anyway.
 *
 * Every commitment of the person is recomputed, not only the one that changed: a handful of rows,
 * and any snapshot that was ever out of step is mended by the next change.
 */
export async function refreshReliability(
  trx: Db,
  journeyId: string,
  userId: string,
): Promise<void> {
  await trx
    .insertInto('reliability_pools')
    .values({
      journey_id: journeyId,
      user_id: userId,
      snapshot: encodeSnapshot(EMPTY_SNAPSHOT),
      pending: 0,
    })
    .onConflict((oc) => oc.columns(['journey_id', 'user_id']).doNothing())
    .execute();
  // Writing the row to itself takes its row lock on PostgreSQL (and is harmless on SQLite): the
  // reads below start only once any other change for this person has committed.
  await trx
    .updateTable('reliability_pools')
    .set((eb) => ({ snapshot: eb.ref('snapshot') }))
    .where('journey_id', '=', journeyId)
    .where('user_id', '=', userId)
    .execute();
  const commitments = await trx
    .selectFrom('commitments')
    .select(['id', 'rhythm'])
    .where('journey_id', '=', journeyId)
    .where('committed_by', '=', userId)
    .execute();
  const logs =
    commitments.length === 0
      ? []
      : await trx
          .selectFrom('commitment_logs')
          .select(['commitment_id', 'at', 'status'])
          .where(
            'commitment_id',
            'in',
            commitments.map((c) => c.id),
          )
          .execute();
  const logsOf = new Map<string, { at: number; status: LogStatus }[]>();
  for (const l of logs) {
    const own = logsOf.get(l.commitment_id) ?? [];
    own.push({ at: Number(l.at), status: l.status });
    logsOf.set(l.commitment_id, own);
  }
  const each = commitments.map((c) => ({
    id: c.id,
    rhythm: c.rhythm,
    logs: logsOf.get(c.id) ?? [],
  }));
  for (const c of each) {
    await trx
      .updateTable('commitments')
      .set({ reliability: encodeSnapshot(commitmentSnapshot(c.rhythm, c.logs, TREND_SAMPLING)) })
      .where('id', '=', c.id)
      .execute();
  }
  const pooled = overallSnapshot(each, TREND_SAMPLING);
  await trx
    .updateTable('reliability_pools')
    .set({ snapshot: encodeSnapshot(pooled), pending: pooled.pending })
    .where('journey_id', '=', journeyId)
    .where('user_id', '=', userId)
    .execute();
}

/** Each member's pooled reliability in a journey, by person; absent until their first entry. */
export async function poolSnapshots(
  db: Db,
  journeyId: string,
  options: { trend: boolean },
): Promise<Map<string, ReliabilitySnapshot>> {
  const { rows } = await db.executeQuery(compiledReads(db).pools(journeyId));
  return new Map(rows.map((r) => [r.user_id, decodeSnapshot(r.snapshot, options)]));
}

// The commitments read runs these on every request: built and compiled once per database.
export const compiledReads = perDatabase((db: Db) => ({
  commitments: compileOnce(
    (journeyId: string) =>
      commitmentQuery(db).where('journey_id', '=', journeyId).orderBy('started_at').orderBy('id'),
    1,
  ),
  pools: compileOnce(
    (journeyId: string) =>
      db
        .selectFrom('reliability_pools')
        .select(['user_id', 'snapshot'])
        .where('journey_id', '=', journeyId),
    1,
  ),
}));
