import type {
  AgreementCategory,
  AgreementTransition,
  VersionStatus,
} from '../../../core/agreements/agreement.js';
import type { LogChange, LogStatus, Rhythm } from '../../../core/commitments/commitment.js';
import { DomainError } from '../../../core/errors.js';
import type { Db } from '../../db/schema.js';

export interface VersionRow {
  readonly agreementId: string;
  readonly version: number;
  readonly journeyId: string;
  readonly category: AgreementCategory;
  readonly proposedBy: string;
  readonly at: number;
  readonly status: VersionStatus;
  readonly sealed: string;
}

const versionQuery = (db: Db) =>
  db
    .selectFrom('agreement_versions')
    .select([
      'agreement_id',
      'version',
      'journey_id',
      'category',
      'proposed_by',
      'at',
      'status',
      'sealed',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof versionQuery>['executeTakeFirstOrThrow']>>;

const toVersionRow = (r: Row): VersionRow => ({
  agreementId: r.agreement_id,
  version: Number(r.version),
  journeyId: r.journey_id,
  category: r.category,
  proposedBy: r.proposed_by,
  at: Number(r.at),
  status: r.status,
  sealed: r.sealed,
});

/** Every version of every agreement in a journey, by agreement, oldest first. */
export async function listVersions(db: Db, journeyId: string): Promise<VersionRow[]> {
  const rows = await versionQuery(db)
    .where('journey_id', '=', journeyId)
    .orderBy('agreement_id')
    .orderBy('version')
    .execute();
  return rows.map(toVersionRow);
}

/** The versions of one agreement in a journey (none when it belongs to another journey). */
export async function agreementVersions(
  db: Db,
  journeyId: string,
  agreementId: string,
): Promise<VersionRow[]> {
  const rows = await versionQuery(db)
    .where('journey_id', '=', journeyId)
    .where('agreement_id', '=', agreementId)
    .orderBy('version')
    .execute();
  return rows.map(toVersionRow);
}

/** A unique-key violation, on either database. */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

/**
 * Writes one transition as the rules computed it, in one transaction: each status change only
 * where the status is still the one the rules saw (exactly one row, or everything rolls back), and
 * the added version under the unique (agreement_id, version) key. A lost race answers
 * `agreement.changed`.
 */
export async function writeTransition(
  db: Db,
  input: {
    readonly journeyId: string;
    readonly transition: AgreementTransition;
    /** The added version's text, sealed; required when the transition adds a version. */
    readonly sealed?: string;
  },
): Promise<void> {
  const { transition } = input;
  const agreementId = transition.agreement.id;
  try {
    await db.transaction().execute(async (trx) => {
      for (const change of transition.changes) {
        const result = await trx
          .updateTable('agreement_versions')
          .set({ status: change.to })
          .where('agreement_id', '=', agreementId)
          .where('journey_id', '=', input.journeyId)
          .where('version', '=', change.version)
          .where('status', '=', change.from)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new DomainError('agreement.changed');
      }
      const added = transition.added;
      if (added) {
        if (input.sealed === undefined) throw new Error('the added version needs its sealed text');
        await trx
          .insertInto('agreement_versions')
          .values({
            agreement_id: agreementId,
            version: added.version,
            journey_id: input.journeyId,
            category: added.category,
            proposed_by: added.proposedBy,
            at: added.at,
            status: added.status,
            sealed: input.sealed,
          })
          .execute();
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('agreement.changed');
    throw e;
  }
}

// Commitments

export interface CommitmentRow {
  readonly id: string;
  readonly journeyId: string;
  readonly agreementId: string;
  readonly agreementVersion: number;
  readonly committedBy: string;
  readonly rhythm: Rhythm;
  readonly startedAt: number;
  readonly endedAt: number | null;
}

export interface LogRow {
  readonly id: string;
  readonly commitmentId: string;
  readonly loggedBy: string;
  readonly at: number;
  readonly status: LogStatus;
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
    ]);
type CRow = Awaited<ReturnType<ReturnType<typeof commitmentQuery>['executeTakeFirstOrThrow']>>;

const toCommitmentRow = (r: CRow): CommitmentRow => ({
  id: r.id,
  journeyId: r.journey_id,
  agreementId: r.agreement_id,
  agreementVersion: Number(r.agreement_version),
  committedBy: r.committed_by,
  rhythm: r.rhythm,
  startedAt: Number(r.started_at),
  endedAt: r.ended_at === null ? null : Number(r.ended_at),
});

export async function listCommitments(db: Db, journeyId: string): Promise<CommitmentRow[]> {
  const rows = await commitmentQuery(db)
    .where('journey_id', '=', journeyId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map(toCommitmentRow);
}

/** A commitment in a journey; undefined when it belongs to another one. */
export async function findCommitment(
  db: Db,
  journeyId: string,
  id: string,
): Promise<CommitmentRow | undefined> {
  const row = await commitmentQuery(db)
    .where('journey_id', '=', journeyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toCommitmentRow(row) : undefined;
}

/** A new commitment; the unique index refuses a second running one for the same person. */
export async function insertCommitment(db: Db, c: CommitmentRow): Promise<void> {
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

const toLogRow = (r: LRow): LogRow => ({
  id: r.id,
  commitmentId: r.commitment_id,
  loggedBy: r.logged_by,
  at: Number(r.at),
  status: r.status,
  answeredBy: r.answered_by,
  sealed: r.sealed,
});

/** The entries of the given commitments, oldest first. */
export async function listLogs(db: Db, commitmentIds: readonly string[]): Promise<LogRow[]> {
  // Guard against an empty id list: `IN ()` is invalid SQL.
  if (commitmentIds.length === 0) return [];
  const rows = await logQuery(db)
    .where('commitment_id', 'in', commitmentIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(toLogRow);
}

export async function findLog(db: Db, id: string): Promise<LogRow | undefined> {
  const row = await logQuery(db).where('id', '=', id).executeTakeFirst();
  return row ? toLogRow(row) : undefined;
}

export async function insertLog(
  db: Db,
  l: { id: string; commitmentId: string; loggedBy: string; at: number },
): Promise<void> {
  await db
    .insertInto('commitment_logs')
    .values({
      id: l.id,
      commitment_id: l.commitmentId,
      logged_by: l.loggedBy,
      at: l.at,
      status: 'pending',
      answered_by: null,
      answered_at: null,
      sealed: null,
    })
    .execute();
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

/** The kinds of betrayal a journey named, for ordering suggestions. */
export async function journeyKinds(db: Db, journeyId: string): Promise<string[]> {
  const row = await db
    .selectFrom('journeys')
    .select('kinds')
    .where('id', '=', journeyId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.kinds) as string[]) : [];
}
