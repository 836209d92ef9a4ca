import { z } from 'zod';
import { IdParams, pageOf, PageQuery } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';
import { AgreementCategory } from './agreements.js';
import { LOG_NOTE_MAX, logStatuses, rhythms } from '../../core/commitments/commitment.js';

export const Rhythm = z.enum(rhythms, { error: 'Please choose daily, weekly or as it happens.' });
export type Rhythm = z.infer<typeof Rhythm>;

export const CommitmentCreateBody = z.strictObject({ rhythm: Rhythm });
export type CommitmentCreateBody = z.infer<typeof CommitmentCreateBody>;

export const LogAnswerBody = z
  .strictObject({
    answer: z.enum(['confirm', 'dispute', 'resolve'], {
      error: 'Please choose to confirm, question or resolve this entry.',
    }),
    note: userText({
      notText: 'Please write the note as text.',
      max: LOG_NOTE_MAX,
      tooLong: `The note is longer than ${LOG_NOTE_MAX.toLocaleString('en')} characters.`,
    }).optional(),
  })
  .refine((b) => b.answer === 'dispute' || b.note === undefined, {
    error: 'A note goes with a question about an entry only.',
    path: ['note'],
  });
export type LogAnswerBody = z.infer<typeof LogAnswerBody>;

const EstimateFields = {
  mean: z.number(),
  lower: z.number(),
  upper: z.number(),
  effectiveEvents: z.number(),
};

/** How reliably something is kept now, with plain counts of the entries behind it. */
export const Reliability = z.object({
  ...EstimateFields,
  kept: z.number().int(),
  missed: z.number().int(),
  pending: z.number().int(),
});
export type Reliability = z.infer<typeof Reliability>;

/** The estimate week by week (the last point in each week), oldest first, for a chart. */
export const ReliabilityTrend = z.array(
  z.object({ at: z.number().int(), mean: z.number(), lower: z.number(), upper: z.number() }),
);
export type ReliabilityTrend = z.infer<typeof ReliabilityTrend>;

export const CommitmentLogView = z.object({
  id: z.uuid(),
  at: z.number().int(),
  status: z.enum(logStatuses),
  /** The dispute note, for both partners; null when there is none. */
  note: z.string().nullable(),
});
export type CommitmentLogView = z.infer<typeof CommitmentLogView>;

export const CommitmentView = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  agreementVersion: z.number().int(),
  /** The words of the agreement version committed to. */
  agreementText: z.string(),
  category: AgreementCategory,
  mine: z.boolean(),
  committerName: z.string(),
  rhythm: Rhythm,
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  /** The newest entries, newest first; earlier ones page in from `/api/commitments/:id/logs`. */
  logs: z.array(CommitmentLogView),
  /** The cursor for the entries before these; null when there are none. */
  moreLogs: z.string().nullable(),
  reliability: Reliability,
});
export type CommitmentView = z.infer<typeof CommitmentView>;

export const CommitmentLogPage = pageOf(CommitmentLogView);
export type CommitmentLogPage = z.infer<typeof CommitmentLogPage>;

export const CommitmentLogQuery = PageQuery;

export const CommitmentList = z.object({
  mine: z.array(CommitmentView),
  partner: z.array(CommitmentView),
  /** Every commitment's answered entries pooled, per person. */
  overallReliability: z.object({ mine: Reliability, partner: Reliability }),
});
export type CommitmentList = z.infer<typeof CommitmentList>;

/**
 * The trends behind the charts of the commitments page, read on their own: the list (and what
 * logging or answering an entry returns) stays small and quick to show, and the charts' weekly
 * points, most of the page's weight, follow it.
 */
export const CommitmentTrends = z.object({
  commitments: z.array(z.object({ id: z.uuid(), trend: ReliabilityTrend })),
  overall: z.object({ mine: ReliabilityTrend, partner: ReliabilityTrend }),
});
export type CommitmentTrends = z.infer<typeof CommitmentTrends>;

const tag = 'commitments';

/** The endpoints of step 3's commitments, as both the server and the web client see them. */
export const commitmentsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/commitments',
    tag,
    summary:
      "My commitments and my partner's, with their entries and how reliably each is kept, and overall",
    caller: 'journeyMember',
    response: CommitmentList,
  }),
  trends: endpoint({
    method: 'GET',
    path: '/api/commitments/trends',
    tag,
    summary:
      "How reliably each of my commitments and my partner's has been kept, week by week, and overall",
    caller: 'journeyMember',
    response: CommitmentTrends,
  }),
  logs: endpoint({
    method: 'GET',
    path: '/api/commitments/:id/logs',
    tag,
    summary: "Earlier entries of my commitment or my partner's, newest first",
    caller: 'journeyMember',
    params: IdParams,
    query: CommitmentLogQuery,
    response: CommitmentLogPage,
    errors: ['commitment.not_found', 'cursor.invalid'],
  }),
  commit: endpoint({
    method: 'POST',
    path: '/api/agreements/:id/commitments',
    tag,
    summary: 'Commit to the accepted version of an agreement, with a rhythm',
    caller: 'safetyChecked',
    params: IdParams,
    body: CommitmentCreateBody,
    response: CommitmentView,
    status: 201,
    errors: ['agreement.not_found', 'commitment.not_accepted', 'commitment.exists'],
  }),
  end: endpoint({
    method: 'POST',
    path: '/api/commitments/:id/end',
    tag,
    summary: 'End my commitment; its entries stay',
    caller: 'safetyChecked',
    params: IdParams,
    response: CommitmentView,
    errors: ['commitment.not_found', 'commitment.ended', 'commitment.not_yours_to_log'],
  }),
  log: endpoint({
    method: 'POST',
    path: '/api/commitments/:id/logs',
    tag,
    summary: 'Log that I followed through on my commitment today',
    caller: 'safetyChecked',
    params: IdParams,
    response: CommitmentView,
    status: 201,
    errors: ['commitment.not_found', 'commitment.ended', 'commitment.not_yours_to_log'],
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/commitment-logs/:id/answers',
    tag,
    summary:
      "Answer my partner's entry: confirm it, question it (with an optional note), or resolve a question once talked through",
    caller: 'safetyChecked',
    params: IdParams,
    body: LogAnswerBody,
    response: CommitmentView,
    errors: ['commitment.not_found', 'commitment.not_yours_to_confirm', 'commitment.log_changed'],
  }),
};
