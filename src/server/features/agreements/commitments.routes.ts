import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { decodeCursor, encodeCursor } from '../../../core/checkins/checkin.js';
import {
  answerLog,
  assertAllowed,
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
import { DomainError } from '../../../core/errors.js';
import type { ExerciseWork } from '../../../core/program/exercise-work.js';
import {
  CommitmentCreateBody,
  CommitmentList,
  CommitmentLogPage,
  CommitmentLogQuery,
  CommitmentTrends,
  CommitmentView,
  LogAnswerBody,
  type CommitmentLogView,
  type Reliability,
  type ReliabilityTrend,
} from '../../../shared/api/agreements.js';
import { IdParams } from '../../../shared/api/journeys.js';
import { Problem } from '../../../shared/api/problem.js';
import type { Deps } from '../../deps.js';
import { access, memberId } from '../../http/access.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  endCommitment,
  findCommitment,
  findLog,
  insertCommitment,
  insertLog,
  listCommitments,
  logPage,
  poolSnapshots,
  refreshReliability,
  writeLogAnswer,
  type LogRow,
  type StoredCommitment,
} from './commitments.store.js';
import { listVersions } from './agreements.store.js';
import type { People } from '../people.js';
import { agreementReaders, callerOf, logNoteContext, type Caller } from './readers.js';
import { reliabilityView, trendView } from './reliability-view.js';
import { decodeSnapshot } from './snapshot-codec.js';

/**
 * Step 3, committing to change: commitments to accepted agreements, their entries and the
 * partner's answers, and how reliably each is kept (see src/core/commitments/reliability.ts).
 */

/** The cursor after the first `shown` of `rows` when there are more of them; null otherwise. */
const cursorAfter = (rows: readonly LogRow[], shown: number): string | null => {
  const last = rows[shown - 1];
  return rows.length > shown && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null;
};

/** The kept snapshot brought to the time of the read. */
const readAt = (snapshot: ReliabilitySnapshot, now: number): Reliability =>
  reliabilityView(reliabilityAt(snapshot, now));

/** The kept trend up to the time of the read. */
const trendRead = (snapshot: ReliabilitySnapshot, now: number): ReliabilityTrend =>
  trendView(trendAt(snapshot, now));

/**
 * A commitments read shows this many newest entries per commitment, a phone's screenful; earlier
 * ones page in on request (a year of daily entries is 365).
 */
export const LOGS_SHOWN = 10;

export function registerCommitmentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const recordWork = exerciseRecorder(deps);
  const { openAgreements, openAgreement, people } = agreementReaders(deps);

  /** An entry as both partners read it, its dispute note opened under the key of who wrote it. */
  const logView =
    (who: People) =>
    (l: LogRow): CommitmentLogView => ({
      id: l.id,
      at: l.at,
      status: l.status,
      note:
        l.sealed && l.answeredBy
          ? deps.sealer.open(who.key(l.answeredBy), l.sealed, logNoteContext(l.id))
          : null,
    });

  async function commitmentViews(c: Caller, rows: readonly StoredCommitment[]) {
    const ids = rows.map((row) => row.id);
    // Only the newest entries are read; the kept snapshot already counts every one of them.
    const [pages, versionRows] = await Promise.all([
      Promise.all(ids.map((id) => logPage(db, id, undefined, LOGS_SHOWN + 1))),
      listVersions(db, c.journeyId),
    ]);
    const logs = pages.flatMap((page) => page.slice(0, LOGS_SHOWN));
    // Only the versions committed to are opened: a commitment shows the words it was made to.
    const committed = new Set(rows.map((row) => `${row.agreementId}:${row.agreementVersion}`));
    const versions = await openAgreements(
      versionRows.filter((v) => committed.has(`${v.agreementId}:${v.version}`)),
    );
    const agreements = new Map(versions.map((o) => [o.agreement.id, o.agreement]));
    const who = await people([
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
  async function journeyCommitments(c: Caller, options: { trend: boolean }) {
    const [rows, pools] = await Promise.all([
      listCommitments(db, c.journeyId),
      poolSnapshots(db, c.journeyId, options),
    ]);
    const partnerId = rows.find((row) => row.committedBy !== c.userId)?.committedBy;
    const pool = (userId: string | undefined) => (userId && pools.get(userId)) || EMPTY_SNAPSHOT;
    return { rows, pooled: { mine: pool(c.userId), partner: pool(partnerId) } };
  }

  /** A commitment in the caller's journey; any other does not exist for them. */
  async function commitmentIn(c: Caller, id: string): Promise<StoredCommitment> {
    const row = await findCommitment(db, c.journeyId, id);
    if (!row) throw new DomainError('commitment.not_found');
    return row;
  }

  async function commitmentView(c: Caller, id: string): Promise<CommitmentView> {
    const row = await commitmentIn(c, id);
    const [view] = await commitmentViews(c, [row]);
    if (!view) throw new DomainError('commitment.not_found');
    return view;
  }

  /**
   * Writes a change to an entry, the committer's kept reliability and the caller's work on the
   * commitments exercise, together.
   */
  const withReliability = (
    c: Caller,
    committedBy: string,
    work: ExerciseWork,
    change: (trx: typeof db) => Promise<void>,
  ) =>
    db.transaction().execute(async (trx) => {
      await change(trx);
      await refreshReliability(trx, c.journeyId, committedBy);
      await recordWork(trx, { journeyId: c.journeyId, memberId: c.userId, work });
    });

  r.get(
    '/api/commitments',
    {
      config: access('member'),
      schema: {
        tags: ['commitments'],
        summary:
          "My commitments and my partner's, with their entries and how reliably each is kept, and overall",
        response: { 200: CommitmentList, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const { rows, pooled } = await journeyCommitments(c, { trend: false });
      const views = await commitmentViews(c, rows);
      const now = deps.clock();
      reply.header('cache-control', 'no-store');
      return {
        mine: views.filter((v) => v.mine),
        partner: views.filter((v) => !v.mine),
        overallReliability: {
          mine: readAt(pooled.mine, now),
          partner: readAt(pooled.partner, now),
        },
      };
    },
  );

  r.get(
    '/api/commitments/trends',
    {
      config: access('member'),
      schema: {
        tags: ['commitments'],
        summary:
          "How reliably each of my commitments and my partner's has been kept, week by week, and overall",
        response: { 200: CommitmentTrends, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const { rows, pooled } = await journeyCommitments(c, { trend: true });
      const now = deps.clock();
      reply.header('cache-control', 'no-store');
      return {
        commitments: rows.map((row) => ({
          id: row.id,
          trend: trendRead(decodeSnapshot(row.reliability), now),
        })),
        overall: { mine: trendRead(pooled.mine, now), partner: trendRead(pooled.partner, now) },
      };
    },
  );

  r.get(
    '/api/commitments/:id/logs',
    {
      config: access('member'),
      schema: {
        tags: ['commitments'],
        summary: "Earlier entries of my commitment or my partner's, newest first",
        params: IdParams,
        querystring: CommitmentLogQuery,
        response: { 200: CommitmentLogPage, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const row = await commitmentIn(c, request.params.id);
      const { cursor, limit } = request.query;
      const after = cursor ? decodeCursor(cursor) : undefined;
      const rows = await logPage(
        db,
        row.id,
        after && { at: after.createdAt, id: after.id },
        limit + 1,
      );
      const page = rows.slice(0, limit);
      const who = await people(page.flatMap((l) => (l.answeredBy ? [l.answeredBy] : [])));
      reply.header('cache-control', 'no-store');
      return { items: page.map(logView(who)), nextCursor: cursorAfter(rows, limit) };
    },
  );

  r.post(
    '/api/agreements/:id/commitments',
    {
      config: access('member'),
      schema: {
        tags: ['commitments'],
        summary: 'Commit to the accepted version of an agreement, with a rhythm',
        params: IdParams,
        body: CommitmentCreateBody,
        response: { 201: CommitmentView, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = callerOf(request);
      const { agreement } = await openAgreement(c, request.params.id);
      const existing = (await listCommitments(db, c.journeyId)).filter(
        (row) => row.agreementId === agreement.id,
      );
      const made = commit(agreement, {
        id: deps.newId(),
        by: c.userId,
        rhythm: request.body.rhythm,
        at: deps.clock(),
        existing,
      });
      await db.transaction().execute(async (trx) => {
        await insertCommitment(trx, { ...made, journeyId: c.journeyId });
        await recordWork(trx, {
          journeyId: c.journeyId,
          memberId: c.userId,
          work: 'commitment_made',
        });
      });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await commitmentView(c, made.id));
    },
  );

  r.post(
    '/api/commitments/:id/end',
    {
      config: access('member'),
      schema: {
        tags: ['commitments'],
        summary: 'End my commitment; its entries stay',
        params: IdParams,
        response: { 200: CommitmentView, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = callerOf(request);
      const row = await commitmentIn(c, request.params.id);
      assertAllowed(refusalToEnd(row, c.userId));
      if (!(await endCommitment(db, row.id, deps.clock()))) {
        throw new DomainError('commitment.ended');
      }
      reply.header('cache-control', 'no-store');
      return commitmentView(c, row.id);
    },
  );

  r.post(
    '/api/commitments/:id/logs',
    {
      config: access('member'),
      schema: {
        tags: ['commitments'],
        summary: 'Log that I followed through on my commitment today',
        params: IdParams,
        response: { 201: CommitmentView, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = callerOf(request);
      const row = await commitmentIn(c, request.params.id);
      const entry = logFollowThrough(row, { id: deps.newId(), by: c.userId, at: deps.clock() });
      await withReliability(c, row.committedBy, 'commitment_logged', (trx) =>
        insertLog(trx, entry),
      );
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await commitmentView(c, row.id));
    },
  );

  r.post(
    '/api/commitment-logs/:id/answers',
    {
      config: access('member'),
      schema: {
        tags: ['commitments'],
        summary:
          "Answer my partner's entry: confirm it, question it (with an optional note), or resolve a question once talked through",
        params: IdParams,
        body: LogAnswerBody,
        response: { 200: CommitmentView, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = callerOf(request);
      const log = await findLog(db, request.params.id);
      const row = log && (await findCommitment(db, c.journeyId, log.commitmentId));
      if (!log || !row) throw new DomainError('commitment.not_found');
      const { answer, note } = request.body;
      const { change } = answerLog(row, log, c.userId, answer);
      const id = log.id;
      const sealed =
        answer === 'dispute' && note !== undefined && note.trim() !== ''
          ? deps.sealer.seal(
              (await people([c.userId])).key(c.userId),
              note.trim(),
              logNoteContext(id),
            )
          : null;
      await withReliability(c, row.committedBy, 'commitment_entry_answered', (trx) =>
        writeLogAnswer(trx, { id, change, by: c.userId, now: deps.clock(), sealed }),
      );
      reply.header('cache-control', 'no-store');
      return commitmentView(c, row.id);
    },
  );
}
