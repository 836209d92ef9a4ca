import { z } from 'zod';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { feelings } from '../../core/checkins/checkin.js';
import { isTimeZone } from '../../core/measures/history.js';
import { TRENDS_DAYS_DEFAULT, TRENDS_DAYS_MAX } from '../../core/checkins/checkin.js';

export { TRENDS_DAYS_DEFAULT, TRENDS_DAYS_MAX };

/** The id of an instrument, like phq9 (its data file is content/instruments/phq9.json). */
const instrumentId = z
  .string({ error: 'Please name a questionnaire, like phq9.' })
  .max(32, { error: 'Please name a questionnaire, like phq9.' })
  .regex(/^[a-z][a-z0-9]*$/, { error: 'Please name a questionnaire, like phq9.' });

export const InstrumentParams = z.strictObject({ id: instrumentId });

// ——— The questionnaires, as the client renders them ———

export const InstrumentBand = z.object({
  id: z.string(),
  label: z.string(),
  min: z.number().int(),
  max: z.number().int(),
});
export type InstrumentBand = z.infer<typeof InstrumentBand>;

export const InstrumentView = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  shortName: z.string(),
  /** What it looks at, in a word: "depression", "anxiety". */
  measures: z.string(),
  prompt: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      options: z.array(z.object({ score: z.number().int(), label: z.string() })),
    }),
  ),
  /** The unscored "how difficult" question, or null. */
  followUp: z
    .object({
      id: z.string(),
      text: z.string(),
      options: z.array(z.object({ id: z.string(), label: z.string() })),
    })
    .nullable(),
  scoring: z.object({ min: z.number().int(), max: z.number().int() }),
  bands: z.array(InstrumentBand),
  /** At or above this total a person is likely to benefit from professional help. */
  guidanceAtLeast: z.number().int(),
  /** Points of change that count as reliable (null when the rule is not a plain threshold). */
  reliableChangePoints: z.number().int().nullable(),
  /** Where the reliable-change rule comes from, named wherever reliable change is shown. */
  reliableChangeSource: z.string(),
  /** The licence asks for the source to be named wherever the questionnaire is shown. */
  source: z.object({ citation: z.string(), attribution: z.string() }),
  licence: z.object({ terms: z.string(), grant: z.string().nullable() }),
});
export type InstrumentView = z.infer<typeof InstrumentView>;

export const InstrumentList = z.object({ instruments: z.array(InstrumentView) });
export type InstrumentList = z.infer<typeof InstrumentList>;

// ——— Taking a screen ———

export const ScreenAnswersBody = z.strictObject({
  /** Item id → the score of the option chosen, e.g. { "phq9.1": 2, … }; every item, once. */
  answers: z.record(
    z
      .string()
      .max(32)
      .regex(/^[a-z][a-z0-9]*\.\d{1,2}$/, { error: 'That is not a question here.' }),
    z
      .number({ error: 'Please choose one of the answers offered.' })
      .int({ error: 'Please choose one of the answers offered.' })
      .min(0, { error: 'Please choose one of the answers offered.' })
      .max(100, { error: 'Please choose one of the answers offered.' }),
    { error: 'Please answer each question.' },
  ),
  /** The id of the option chosen for the unscored follow-up question, when answered. */
  followUp: z
    .string()
    .max(40)
    .regex(/^[a-z]+(?:_[a-z]+)*$/, { error: 'Please choose one of the answers offered.' })
    .optional(),
  /**
   * The person's time zone as their device reports it (e.g. "Europe/London"), used only to tell
   * whether an earlier answer was today and not kept; without it the day is the UTC day.
   */
  timeZone: z
    .string()
    .max(64, { error: 'That is not a time zone we know.' })
    .refine(isTimeZone, { error: 'That is not a time zone we know.' })
    .optional(),
});
export type ScreenAnswersBody = z.input<typeof ScreenAnswersBody>;

export const ReliableChangeLabel = z.enum([
  'reliable_improvement',
  'reliable_deterioration',
  'no_reliable_change',
]);
export type ReliableChangeLabel = z.infer<typeof ReliableChangeLabel>;

export const RecoveryLabel = z.enum([
  'reliable_recovery',
  'recovery',
  'no_recovery',
  'below_caseness_at_start',
]);
export type RecoveryLabel = z.infer<typeof RecoveryLabel>;

const band = z.object({ id: z.string(), label: z.string() });

/** What the person sees straight after answering. */
export const ScreenOutcome = z.object({
  id: z.uuid(),
  instrumentId: z.string(),
  createdAt: z.number().int(),
  total: z.number().int(),
  band,
  /** At or above the guidance threshold: likely to benefit from professional help. */
  aboveGuidance: z.boolean(),
  /** A crisis rule fired (PHQ-9 item 9 above 0): the client shows crisis support first. */
  crisis: z.boolean(),
  /** Against this person's first result of the same instrument (the baseline); null for the first. */
  reliableChange: ReliableChangeLabel.nullable(),
  /** From the baseline, for instruments with a caseness threshold (GAD-7). */
  recovery: RecoveryLabel.nullable(),
  /** The baseline this result is compared with, shown with its date; null when this is the first. */
  baseline: z.object({ createdAt: z.number().int(), total: z.number().int() }).nullable(),
  /** True when this answer replaced one given earlier the same day: a correction, not a change. */
  replacedSameDay: z.boolean(),
});
export type ScreenOutcome = z.infer<typeof ScreenOutcome>;

/** One result in the person's own history, oldest first. */
export const ScreenHistoryItem = z.object({
  id: z.uuid(),
  createdAt: z.number().int(),
  total: z.number().int(),
  band,
  aboveGuidance: z.boolean(),
  crisis: z.boolean(),
  /** Against the person's first result (the baseline); null for the first. */
  changeSinceFirst: ReliableChangeLabel.nullable(),
  recovery: RecoveryLabel.nullable(),
});
export type ScreenHistoryItem = z.infer<typeof ScreenHistoryItem>;

export const ScreenListQuery = z.strictObject({ instrument: instrumentId });

export const ScreenHistory = z.object({
  instrumentId: z.string(),
  /** For the chart: the severity bands and the range of totals. */
  bands: z.array(InstrumentBand),
  scoring: z.object({ min: z.number().int(), max: z.number().int() }),
  guidanceAtLeast: z.number().int(),
  results: z.array(ScreenHistoryItem),
  /** A gentle yes/no: no result yet or the newest is 14 days old or more, and not set aside. */
  suggestRetake: z.boolean(),
});
export type ScreenHistory = z.infer<typeof ScreenHistory>;

/** One of the person's own results, with their answers. */
export const ScreenResultDetail = ScreenHistoryItem.omit({
  changeSinceFirst: true,
  recovery: true,
}).extend({
  instrumentId: z.string(),
  instrumentVersion: z.number().int(),
  answers: z.record(z.string(), z.number().int()),
  followUp: z.string().nullable(),
});
export type ScreenResultDetail = z.infer<typeof ScreenResultDetail>;

export const DismissSuggestionBody = z.strictObject({ instrument: instrumentId });
export type DismissSuggestionBody = z.infer<typeof DismissSuggestionBody>;

// ——— Feelings over time (from the person's own check-ins) ———

/** The longest window the chart asks for, and the most check-ins it opens for one chart. */
export const TRENDS_ITEMS_MAX = 1000;

export const TrendsQuery = z.strictObject({
  days: z.coerce
    .number({ error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .int({ error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .min(1, { error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .max(TRENDS_DAYS_MAX, { error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .default(TRENDS_DAYS_DEFAULT),
});

export const CheckinTrends = z.object({
  days: z.number().int(),
  /** The window: from `from` up to and including `to` (milliseconds). */
  from: z.number().int(),
  to: z.number().int(),
  /** True when the window held more check-ins than we open for one chart (only the newest are used). */
  truncated: z.boolean(),
  feelings: z.array(
    z.object({
      feeling: z.enum(feelings),
      points: z.array(z.object({ t: z.number().int(), value: z.number().int() })),
    }),
  ),
});
export type CheckinTrends = z.infer<typeof CheckinTrends>;

const tag = 'screens';

/** The questionnaires and the person's own results, as both the server and the web client see them. */
export const screensApi = {
  // The questionnaires' text is no secret (the licence lets anyone show it) and holds nothing
  // personal, so any signed-in account may read it — the practice's administrator too, to see
  // what clients are asked. Only members take them.
  instruments: endpoint({
    method: 'GET',
    path: '/api/instruments',
    tag,
    summary: 'The questionnaires (PHQ-9, GAD-7), as the client shows them',
    caller: 'signedIn',
    response: InstrumentList,
  }),
  instrument: endpoint({
    method: 'GET',
    path: '/api/instruments/:id',
    tag,
    summary: 'One questionnaire: prompt, questions, answers, bands and its source',
    caller: 'signedIn',
    params: InstrumentParams,
    response: InstrumentView,
    errors: ['not_found'],
  }),
  take: endpoint({
    method: 'POST',
    path: '/api/screens/:id',
    tag,
    summary:
      'Answer a questionnaire; the result is sealed and only I can see it. A second answer the same day replaces the first.',
    caller: 'member',
    params: InstrumentParams,
    body: ScreenAnswersBody,
    response: ScreenOutcome,
    status: 201,
    errors: ['not_found', 'measure.answers_invalid'],
  }),
  history: endpoint({
    method: 'GET',
    path: '/api/screens',
    tag,
    summary: 'My own results of one questionnaire, oldest first, with the bands for the chart',
    caller: 'member',
    query: ScreenListQuery,
    response: ScreenHistory,
    errors: ['not_found'],
  }),
  result: endpoint({
    method: 'GET',
    path: '/api/screens/results/:id',
    tag,
    summary: 'One of my own results, with my answers',
    caller: 'member',
    params: IdParams,
    response: ScreenResultDetail,
    errors: ['not_found'],
  }),
  dismiss: endpoint({
    method: 'POST',
    path: '/api/screens/suggestion/dismiss',
    tag,
    summary: 'Not now: hide the suggestion to look again until my next result',
    caller: 'member',
    body: DismissSuggestionBody,
    response: null,
    status: 204,
    errors: ['not_found'],
  }),
};
