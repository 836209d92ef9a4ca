import { decodeCursor, encodeCursor } from '../../../core/checkins/checkin.js';
import {
  answerLog,
  commit,
  logFollowThrough,
  refusalToEnd,
} from '../../../core/commitments/commitment.js';
import {
  EMPTY_SNAPSHOT,
  reliabilityAt,
  trendAt,
  type ReliabilitySnapshot,
} from '../../../core/commitments/reliability.js';
import { DomainError, refuseIf } from '../../../core/errors.js';
import type { ExerciseWork } from '../../../core/program/exercise-work.js';
import type { Input, Output } from '../../../shared/api/endpoint.js';
import type {
  CommitmentList,
  CommitmentLogView,
  CommitmentTrends,
  CommitmentView,
  Reliability,
  ReliabilityTrend,
  commitmentsApi,
} from '../../../shared/api/commitments.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { listVersions } from '../agreements/agreements.store.js';
import { openAgreement, openAgreements } from '../agreements/agreements.read.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import {
  endCommitment as endStored,
  findCommitment,
  findLog,
  insertCommitment,
  insertLog,
  listCommitments,
  logPage,
  poolSnapshots,
  refreshReliability,
  writeLogAnswer,
  type StoredLog,
  type StoredCommitment,
} from './commitments.store.js';
import { reliabilityView, trendView } from './reliability-view.js';
import { decodeSnapshot } from './snapshot-codec.js';

/**
 * Step 3, committing to change: commitments to accepted agreements, their entries and the
 * partner's answers, and how reliably each is kept (see src/core/commitments/reliability.ts).
 */

type Api = typeof commitmentsApi;

/**
 * A commitments read shows this many newest entries per commitment, a phone's screenful; earlier
 * ones page in on request (a year of daily entries is 365).
 */
export const LOGS_SHOWN = 10;

/** The cursor after the first `shown` of `rows` when there are more of them; null otherwise. */
const cursorAfter = (rows: readonly StoredLog[], shown: number): string | null => {
  const last = rows[shown - 1];
  return rows.length > shown && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null;
};

/** The kept snapshot brought to the time of the read. */
const readAt = (snapshot: ReliabilitySnapshot, now: number): Reliability =>
  reliabilityView(reliabilityAt(snapshot, now));

/** The kept trend up to the time of the read. */
const trendRead = (snapshot: ReliabilitySnapshot, now: number): ReliabilityTrend =>
  trendView(trendAt(snapshot, now));

/** An entry as both partners read it, its dispute note opened under the key of who wrote it. */
const logView =
  (who: People) =>
  (l: StoredLog): CommitmentLogView => ({
    id: l.id,
    at: l.at,
    status: l.status,
    note:
      l.sealed && l.answeredBy ? who.open('commitmentLogNote', l.answeredBy, l.sealed, l.id) : null,
  });

async function commitmentViews(
  deps: Deps,
  c: JourneyCaller,
  rows: readonly StoredCommitment[],
): Promise<CommitmentView[]> {
  const db = deps.database.db;
  // Only the newest entries are read; the kept snapshot already counts every one of them.
  const [pages, stored] = await Promise.all([
    Promise.all(rows.map((row) => logPage(db, row.id, undefined, LOGS_SHOWN + 1))),
    listVersions(db, c.journeyId),
  ]);
  const logs = pages.flatMap((page) => page.slice(0, LOGS_SHOWN));
  // Only the versions committed to are opened: a commitment shows the words it was made to.
  const committed = new Set(rows.map((row) => `${row.agreementId}:${row.agreementVersion}`));
  const versions = await openAgreements(
    deps,
    c,
    stored.filter((v) => committed.has(`${v.agreementId}:${v.version}`)),
  );
  const agreements = new Map(versions.map((o) => [o.agreement.id, o.agreement]));
  const who = await c.keys.people([
    ...rows.map((row) => row.committedBy),
    ...logs.flatMap((l) => (l.answeredBy ? [l.answeredBy] : [])),
  ]);
  const now = deps.clock();
  return rows.map((row, i): CommitmentView => {
    const version = agreements
      .get(row.agreementId)
      ?.versions.find((v) => v.version === row.agreementVersion);
    return {
      id: row.id,
      agreementId: row.agreementId,
      agreementVersion: row.agreementVersion,
      agreementText: version?.text ?? '',
      category: version?.category ?? 'other',
      mine: row.committedBy === c.userId,
      committerName: who.name(row.committedBy),
      rhythm: row.rhythm,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      logs: logs.filter((l) => l.commitmentId === row.id).map(logView(who)),
      moreLogs: cursorAfter(pages[i] ?? [], LOGS_SHOWN),
      reliability: readAt(decodeSnapshot(row.reliability, { trend: false }), now),
    };
  });
}

/** The journey's commitments, and each partner's pooled snapshot (empty before any entry). */
async function journeyCommitments(deps: Deps, c: JourneyCaller, options: { trend: boolean }) {
  const db = deps.database.db;
  const [rows, pools] = await Promise.all([
    listCommitments(db, c.journeyId),
    poolSnapshots(db, c.journeyId, options),
  ]);
  const partnerId = rows.find((row) => row.committedBy !== c.userId)?.committedBy;
  const pool = (userId: string | undefined) => (userId && pools.get(userId)) || EMPTY_SNAPSHOT;
  return { rows, pooled: { mine: pool(c.userId), partner: pool(partnerId) } };
}

/** A commitment in the caller's journey; any other does not exist for them. */
async function commitmentIn(deps: Deps, c: JourneyCaller, id: string): Promise<StoredCommitment> {
  const row = await findCommitment(deps.database.db, c.journeyId, id);
  if (!row) throw new DomainError('commitment.not_found');
  return row;
}

async function commitmentView(deps: Deps, c: JourneyCaller, id: string): Promise<CommitmentView> {
  const [view] = await commitmentViews(deps, c, [await commitmentIn(deps, c, id)]);
  if (!view) throw new DomainError('commitment.not_found');
  return view;
}

/**
 * Writes a change to an entry, the committer's kept reliability and the caller's work on the
 * commitments exercise, together.
 */
const withReliability = (
  deps: Deps,
  c: JourneyCaller,
  committedBy: string,
  work: ExerciseWork,
  change: (trx: Db) => Promise<void>,
) =>
  deps.database.db.transaction().execute(async (trx) => {
    await change(trx);
    await refreshReliability(trx, c.journeyId, committedBy);
    await exerciseRecorder(deps)(trx, { journeyId: c.journeyId, memberId: c.userId, work });
  });

export async function listJourneyCommitments(
  deps: Deps,
  c: JourneyCaller,
): Promise<CommitmentList> {
  const { rows, pooled } = await journeyCommitments(deps, c, { trend: false });
  const views = await commitmentViews(deps, c, rows);
  const now = deps.clock();
  return {
    mine: views.filter((v) => v.mine),
    partner: views.filter((v) => !v.mine),
    overallReliability: { mine: readAt(pooled.mine, now), partner: readAt(pooled.partner, now) },
  };
}

export async function commitmentTrends(deps: Deps, c: JourneyCaller): Promise<CommitmentTrends> {
  const { rows, pooled } = await journeyCommitments(deps, c, { trend: true });
  const now = deps.clock();
  return {
    commitments: rows.map((row) => ({
      id: row.id,
      trend: trendRead(decodeSnapshot(row.reliability), now),
    })),
    overall: { mine: trendRead(pooled.mine, now), partner: trendRead(pooled.partner, now) },
  };
}

export async function commitmentLogs(
  deps: Deps,
  c: JourneyCaller,
  { params, query }: Input<Api['logs']>,
): Promise<Output<Api['logs']>> {
  const row = await commitmentIn(deps, c, params.id);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await logPage(
    deps.database.db,
    row.id,
    after && { at: after.createdAt, id: after.id },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const who = await c.keys.people(page.flatMap((l) => (l.answeredBy ? [l.answeredBy] : [])));
  return { items: page.map(logView(who)), nextCursor: cursorAfter(rows, query.limit) };
}

export async function commitTo(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['commit']>, 'params' | 'body'>,
): Promise<CommitmentView> {
  const db = deps.database.db;
  const { agreement } = await openAgreement(deps, c, params.id);
  const existing = (await listCommitments(db, c.journeyId)).filter(
    (row) => row.agreementId === agreement.id,
  );
  const made = commit(agreement, {
    id: deps.newId(),
    by: c.userId,
    rhythm: body.rhythm,
    at: deps.clock(),
    existing,
  });
  await db.transaction().execute(async (trx) => {
    await insertCommitment(trx, { ...made, journeyId: c.journeyId });
    await exerciseRecorder(deps)(trx, {
      journeyId: c.journeyId,
      memberId: c.userId,
      work: 'commitment_made',
    });
  });
  return commitmentView(deps, c, made.id);
}

export async function endCommitment(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['end']>, 'params'>,
): Promise<CommitmentView> {
  const row = await commitmentIn(deps, c, params.id);
  refuseIf(refusalToEnd(row, c.userId));
  if (!(await endStored(deps.database.db, row.id, deps.clock()))) {
    throw new DomainError('commitment.ended');
  }
  return commitmentView(deps, c, row.id);
}

export async function logCommitment(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['log']>, 'params'>,
): Promise<CommitmentView> {
  const row = await commitmentIn(deps, c, params.id);
  const entry = logFollowThrough(row, { id: deps.newId(), by: c.userId, at: deps.clock() });
  await withReliability(deps, c, row.committedBy, 'commitment_logged', (trx) =>
    insertLog(trx, entry),
  );
  return commitmentView(deps, c, row.id);
}

export async function answerEntry(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['answer']>, 'params' | 'body'>,
): Promise<CommitmentView> {
  const log = await findLog(deps.database.db, params.id);
  const row = log && (await findCommitment(deps.database.db, c.journeyId, log.commitmentId));
  if (!log || !row) throw new DomainError('commitment.not_found');
  const { answer, note } = body;
  const { change } = answerLog(row, log, c.userId, answer);
  const sealed =
    answer === 'dispute' && note !== undefined && note.trim() !== ''
      ? (await c.keys.people([c.userId])).seal('commitmentLogNote', c.userId, note.trim(), log.id)
      : null;
  await withReliability(deps, c, row.committedBy, 'commitment_entry_answered', (trx) =>
    writeLogAnswer(trx, { id: log.id, change, by: c.userId, now: deps.clock(), sealed }),
  );
  return commitmentView(deps, c, row.id);
}
