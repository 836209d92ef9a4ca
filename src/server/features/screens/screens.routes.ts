import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../core/errors.js';
import { changesOver, isCorrection, suggestRetake } from '../../../core/measures/history.js';
import type { Instrument } from '../../../core/measures/instrument.js';
import {
  recovery,
  reliableChange,
  scoreAnswers,
  type Answers,
  type Score,
} from '../../../core/measures/scoring.js';
import { NoContent, Problem } from '../../../shared/api/problem.js';
import {
  DismissSuggestionBody,
  InstrumentList,
  InstrumentParams,
  InstrumentView,
  ScreenAnswersBody,
  ScreenHistory,
  ScreenListQuery,
  ScreenOutcome,
  ScreenResultDetail,
  ScreenResultParams,
} from '../../../shared/api/screens.js';
import type { DataKey, SealContext } from '../../crypto/sealing.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { access, memberId } from '../../http/access.js';
import {
  deleteScreenResult,
  endsOfHistory,
  findDismissal,
  findScreenResult,
  insertScreenResult,
  listScreenResults,
  saveDismissal,
  type ScreenRow,
} from './screens.store.js';

/** Everything about a result, sealed together under the person's key; only the time is plain. */
interface SealedResult {
  readonly answers: Answers;
  readonly followUp: string | null;
  readonly total: number;
  readonly band: { readonly id: string; readonly label: string };
  readonly aboveGuidance: boolean;
  readonly crisis: boolean;
}

const sealContext = (id: string): SealContext => ({
  table: 'screen_results',
  id,
  field: 'result',
});

/** The questionnaire as the client shows it: text, options, bands and the source line. */
export function instrumentView(i: Instrument): InstrumentView {
  return {
    id: i.id,
    version: i.version,
    title: i.title,
    shortName: i.shortName,
    measures: i.measures,
    prompt: i.prompt,
    items: i.items.map((item) => ({ id: item.id, text: item.text, options: item.options })),
    followUp: i.followUp
      ? { id: i.followUp.id, text: i.followUp.text, options: i.followUp.options }
      : null,
    scoring: { min: i.scoring.min, max: i.scoring.max },
    bands: i.bands,
    guidanceAtLeast: i.guidance.atLeast,
    reliableChangePoints: i.reliableChange.type === 'threshold' ? i.reliableChange.points : null,
    reliableChangeSource: i.reliableChange.source,
    source: i.source,
    licence: { terms: i.licence.terms, grant: i.licence.grant ?? null },
  };
}

/**
 * PHQ-9 and GAD-7: the questionnaires, taking one, and the person's own results over time.
 * Results are private to the person who answered: no route takes another person's id, lists
 * hold only the caller's own, and a result id that is not the caller's answers 404 (so it cannot
 * even be confirmed). Nothing here is shared in this issue.
 */
export function registerScreenRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  const instrumentOf = (id: string): Instrument => {
    const instrument = deps.content.instruments.get(id);
    if (!instrument) throw new DomainError('not_found');
    return instrument;
  };

  async function keyOf(userId: string, on: Db = db): Promise<DataKey> {
    const user = await on
      .selectFrom('users')
      .select('wrapped_key')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return deps.sealer.unwrap(userId, user.wrapped_key);
  }

  const open = (key: DataKey, row: ScreenRow): SealedResult =>
    JSON.parse(deps.sealer.open(key, row.sealed, sealContext(row.id))) as SealedResult;

  // The questionnaires' text is no secret (the licence lets anyone show it) and holds nothing
  // personal, so any signed-in account may read it — the practice's administrator too, to see
  // what clients are asked. Only members take them.
  r.get(
    '/api/instruments',
    {
      config: access('signedIn'),
      schema: {
        tags: ['screens'],
        summary: 'The questionnaires (PHQ-9, GAD-7), as the client shows them',
        response: { 200: InstrumentList },
      },
    },
    () => ({ instruments: [...deps.content.instruments.values()].map(instrumentView) }),
  );

  r.get(
    '/api/instruments/:id',
    {
      config: access('signedIn'),
      schema: {
        tags: ['screens'],
        summary: 'One questionnaire: prompt, questions, answers, bands and its source',
        params: InstrumentParams,
        response: { 200: InstrumentView, 400: Problem, 404: Problem },
      },
    },
    (request) => instrumentView(instrumentOf(request.params.id)),
  );

  r.post(
    '/api/screens/:id',
    {
      config: access('member'),
      schema: {
        tags: ['screens'],
        summary:
          'Answer a questionnaire; the result is sealed and only I can see it. A second answer the same day replaces the first.',
        params: InstrumentParams,
        body: ScreenAnswersBody,
        response: { 201: ScreenOutcome, 400: Problem, 404: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      const instrument = instrumentOf(request.params.id);
      const { answers, followUp, timeZone = 'UTC' } = request.body;
      // Refuses anything but one offered answer per question (422, nothing stored).
      const score: Score = scoreAnswers(instrument, answers);
      if (followUp !== undefined && !instrument.followUp?.options.some((o) => o.id === followUp)) {
        throw new DomainError('measure.answers_invalid', { reason: 'follow_up' });
      }
      const id = deps.newId();
      const content: SealedResult = {
        answers,
        followUp: followUp ?? null,
        total: score.total,
        band: score.band,
        aboveGuidance: score.aboveGuidance,
        crisis: score.crisis,
      };
      const { key, baseline, replaced, createdAt } = await db.transaction().execute(async (trx) => {
        // Two answers sent at once take turns, so a same-day retake always sees the one it
        // replaces. SQLite runs one transaction at a time anyway.
        if (deps.database.dialect === 'postgres') {
          await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
        }
        const key = await keyOf(userId, trx);
        const { first, newest } = await endsOfHistory(trx, userId, instrument.id);
        const now = deps.clock();
        // A retake on the same calendar day is a correction: it replaces that day's answer, so
        // minutes apart can never read as a change over time. The day is the person's own when
        // their device says where they are, else the UTC day.
        const replaced = newest !== undefined && isCorrection(newest.createdAt, now, timeZone);
        if (replaced) await deleteScreenResult(trx, newest.id);
        // Strictly after the result before it, so "oldest first" and "first" always agree.
        const createdAt = replaced
          ? Math.max(now, newest.createdAt)
          : Math.max(now, (newest?.createdAt ?? -Infinity) + 1);
        await insertScreenResult(trx, {
          id,
          userId,
          instrumentId: instrument.id,
          instrumentVersion: instrument.version,
          createdAt,
          sealed: deps.sealer.seal(key, JSON.stringify(content), sealContext(id)),
        });
        // Replacing the only result makes this one the baseline.
        const baseline = replaced && first?.id === newest.id ? undefined : first;
        return { key, baseline, replaced, createdAt };
      });
      const baselineTotal = baseline ? open(key, baseline).total : undefined;
      const outcome: ScreenOutcome = {
        id,
        instrumentId: instrument.id,
        createdAt,
        total: score.total,
        band: score.band,
        aboveGuidance: score.aboveGuidance,
        crisis: score.crisis,
        reliableChange:
          baselineTotal === undefined
            ? null
            : reliableChange(instrument, baselineTotal, score.total),
        recovery:
          baselineTotal === undefined
            ? null
            : (recovery(instrument, baselineTotal, score.total) ?? null),
        baseline:
          baseline && baselineTotal !== undefined
            ? { createdAt: baseline.createdAt, total: baselineTotal }
            : null,
        replacedSameDay: replaced,
      };
      return reply.code(201).send(outcome);
    },
  );

  r.get(
    '/api/screens',
    {
      config: access('member'),
      schema: {
        tags: ['screens'],
        summary: 'My own results of one questionnaire, oldest first, with the bands for the chart',
        querystring: ScreenListQuery,
        response: { 200: ScreenHistory, 400: Problem, 404: Problem },
      },
    },
    async (request): Promise<ScreenHistory> => {
      const userId = memberId(request);
      const instrument = instrumentOf(request.query.instrument);
      const rows = await listScreenResults(db, userId, instrument.id);
      const key = rows.length > 0 ? await keyOf(userId) : undefined;
      const opened = key ? rows.map((row) => ({ row, result: open(key, row) })) : [];
      const changes = changesOver(
        instrument,
        opened.map((o) => o.result.total),
      );
      return {
        instrumentId: instrument.id,
        bands: instrument.bands,
        scoring: { min: instrument.scoring.min, max: instrument.scoring.max },
        guidanceAtLeast: instrument.guidance.atLeast,
        results: opened.map(({ row, result }, i) => ({
          id: row.id,
          createdAt: row.createdAt,
          total: result.total,
          band: result.band,
          aboveGuidance: result.aboveGuidance,
          crisis: result.crisis,
          changeSinceFirst: changes[i]?.sinceFirst ?? null,
          recovery: changes[i]?.recovery ?? null,
        })),
        suggestRetake: suggestRetake({
          newestAt: rows.at(-1)?.createdAt,
          dismissedAt: await findDismissal(db, userId, instrument.id),
          now: deps.clock(),
        }),
      };
    },
  );

  r.get(
    '/api/screens/results/:id',
    {
      config: access('member'),
      schema: {
        tags: ['screens'],
        summary: 'One of my own results, with my answers',
        params: ScreenResultParams,
        response: { 200: ScreenResultDetail, 400: Problem, 404: Problem },
      },
    },
    async (request): Promise<ScreenResultDetail> => {
      const userId = memberId(request);
      const row = await findScreenResult(db, request.params.id);
      // Someone else's result is "not found", never "forbidden": its existence stays private.
      if (!row || row.userId !== userId) throw new DomainError('not_found');
      const result = open(await keyOf(userId), row);
      return {
        id: row.id,
        instrumentId: row.instrumentId,
        instrumentVersion: row.instrumentVersion,
        createdAt: row.createdAt,
        total: result.total,
        band: result.band,
        aboveGuidance: result.aboveGuidance,
        crisis: result.crisis,
        answers: result.answers,
        followUp: result.followUp,
      };
    },
  );

  r.post(
    '/api/screens/suggestion/dismiss',
    {
      config: access('member'),
      schema: {
        tags: ['screens'],
        summary: 'Not now: hide the suggestion to look again until my next result',
        body: DismissSuggestionBody,
        response: { 204: NoContent, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      const instrument = instrumentOf(request.body.instrument);
      // Stored as a plain time (screen_dismissals): it tells nothing about how the person is.
      await saveDismissal(db, userId, instrument.id, deps.clock());
      return reply.code(204).send(null);
    },
  );
}
