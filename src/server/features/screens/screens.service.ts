import { DomainError } from '../../../core/errors.js';
import { changesOver, isCorrection, suggestRetake } from '../../../core/measures/history.js';
import type { Instrument } from '../../../core/measures/instrument.js';
import {
  recovery,
  reliableChange,
  scoreAnswers,
  type Answers,
} from '../../../core/measures/scoring.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type {
  InstrumentList,
  InstrumentView,
  ScreenHistory,
  ScreenOutcome,
  ScreenResultDetail,
  screensApi,
} from '../../../shared/api/screens.js';
import type { Caller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Deps } from '../../deps.js';
import {
  deleteScreenResult,
  endsOfHistory,
  findDismissal,
  findScreenResult,
  insertScreenResult,
  listScreenResults,
  lockPerson,
  saveDismissal,
  type StoredScreenResult,
} from './screens.store.js';
import { instrumentView } from './screens.views.js';
import { raiseAlerts } from '../consent/consent.service.js';

/**
 * PHQ-9 and GAD-7: the questionnaires, taking one, and the person's own results over time.
 * Results are private to the person who answered: no endpoint takes another person's id, lists
 * hold only the caller's own, and a result id that is not the caller's answers 404 (so it cannot
 * even be confirmed). Nothing here is shared in this issue.
 */

type Api = typeof screensApi;

/** Everything about a result, sealed together under the person's key; only the time is plain. */
interface SealedResult {
  readonly answers: Answers;
  readonly followUp: string | null;
  readonly total: number;
  readonly band: { readonly id: string; readonly label: string };
  readonly aboveGuidance: boolean;
  readonly crisis: boolean;
}

const instrumentOf = (deps: Deps, id: string): Instrument => {
  const instrument = deps.content.instruments.get(id);
  if (!instrument) throw new DomainError('not_found');
  return instrument;
};

/** A result opened under the key of the person who answered it. */
const openResult = (who: People, row: StoredScreenResult): SealedResult =>
  JSON.parse(who.open('screenResult', row.userId, row.sealed, row.id)) as SealedResult;

export const listInstruments = (deps: Deps): InstrumentList => ({
  instruments: [...deps.content.instruments.values()].map(instrumentView),
});

export const instrumentById = (
  deps: Deps,
  { params }: Pick<Input<Api['instrument']>, 'params'>,
): InstrumentView => instrumentView(instrumentOf(deps, params.id));

export async function takeScreen(
  deps: Deps,
  c: Caller,
  { params, body }: Pick<Input<Api['take']>, 'params' | 'body'>,
): Promise<ScreenOutcome> {
  const instrument = instrumentOf(deps, params.id);
  const { answers, followUp, timeZone = 'UTC' } = body;
  // Refuses anything but one offered answer per question (422, nothing stored).
  const score = scoreAnswers(instrument, answers);
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
  // The key is read before the transaction: on SQLite its one connection is the transaction's.
  const who = await c.keys.people([c.userId]);
  const { baseline, replaced, createdAt } = await deps.database.db
    .transaction()
    .execute(async (trx) => {
      // Two answers sent at once take turns, so a same-day retake always sees the one it
      // replaces. SQLite runs one transaction at a time anyway.
      if (deps.database.dialect === 'postgres') await lockPerson(trx, c.userId);
      const { first, newest } = await endsOfHistory(trx, c.userId, instrument.id);
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
        userId: c.userId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        createdAt,
        sealed: who.seal('screenResult', c.userId, JSON.stringify(content), id),
      });
      // The alerts the person chose (crisis) or consented to (deterioration on screens), saved
      // with the answer. "Previous" is the result before this one; a same-day correction has none.
      await raiseAlerts(deps, trx, c.userId, {
        kind: 'screen',
        sourceId: id,
        at: createdAt,
        instrument,
        total: score.total,
        crisis: score.crisis,
        previousTotal: !replaced && newest ? openResult(who, newest).total : undefined,
      });
      // Replacing the only result makes this one the baseline.
      const baseline = replaced && first?.id === newest.id ? undefined : first;
      return { baseline, replaced, createdAt };
    });
  const baselineTotal = baseline ? openResult(who, baseline).total : undefined;
  return {
    id,
    instrumentId: instrument.id,
    createdAt,
    total: score.total,
    band: score.band,
    aboveGuidance: score.aboveGuidance,
    crisis: score.crisis,
    reliableChange:
      baselineTotal === undefined ? null : reliableChange(instrument, baselineTotal, score.total),
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
}

export async function screenHistory(
  deps: Deps,
  c: Caller,
  { query }: Pick<Input<Api['history']>, 'query'>,
): Promise<ScreenHistory> {
  const db = deps.database.db;
  const instrument = instrumentOf(deps, query.instrument);
  const rows = await listScreenResults(db, c.userId, instrument.id);
  // No results, no key to unwrap.
  const who = rows.length > 0 ? await c.keys.people([c.userId]) : undefined;
  const opened = who ? rows.map((row) => ({ row, result: openResult(who, row) })) : [];
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
      dismissedAt: await findDismissal(db, c.userId, instrument.id),
      now: deps.clock(),
    }),
  };
}

export async function screenResult(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['result']>, 'params'>,
): Promise<ScreenResultDetail> {
  const row = await findScreenResult(deps.database.db, params.id);
  // Someone else's result is "not found", never "forbidden": its existence stays private.
  if (!row || row.userId !== c.userId) throw new DomainError('not_found');
  const result = openResult(await c.keys.people([c.userId]), row);
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
}

export async function dismissSuggestion(
  deps: Deps,
  c: Caller,
  { body }: Pick<Input<Api['dismiss']>, 'body'>,
): Promise<undefined> {
  const instrument = instrumentOf(deps, body.instrument);
  // Stored as a plain time (screen_dismissals): it tells nothing about how the person is.
  await saveDismissal(deps.database.db, c.userId, instrument.id, deps.clock());
  return undefined;
}
