import { z } from 'zod';
import { pageOf, PageQuery } from './paging.js';
import { userText } from './text.js';
import {
  AGREEMENT_TEXT_MAX,
  agreementCategories,
  versionStatuses,
} from '../../core/agreements/agreement.js';
import { LOG_NOTE_MAX, logStatuses, rhythms } from '../../core/commitments/commitment.js';

export const AgreementCategory = z.enum(agreementCategories, {
  error: 'Please choose a kind of agreement.',
});
export type AgreementCategory = z.infer<typeof AgreementCategory>;

const AgreementText = userText({
  notText: 'Please write the agreement as text.',
  max: AGREEMENT_TEXT_MAX,
  tooLong: `The agreement is longer than ${AGREEMENT_TEXT_MAX.toLocaleString('en')} characters.`,
}).refine((s) => s.trim() !== '', { error: 'Please write a few words first.' });

/** A new agreement: its first version, proposed to my partner. */
export const AgreementCreateBody = z.strictObject({
  text: AgreementText,
  category: AgreementCategory,
});
export type AgreementCreateBody = z.infer<typeof AgreementCreateBody>;

export const AgreementAnswerValue = z.enum(['accept', 'decline', 'revise', 'revisit'], {
  error: 'Please choose to accept, decline, suggest a change or revisit.',
});
export type AgreementAnswerValue = z.infer<typeof AgreementAnswerValue>;

/**
 * An answer to version `expected` (the newest version as I saw it). A change (revise, revisit)
 * brings its own words; accepting or declining does not.
 */
export const AgreementAnswerBody = z
  .strictObject({
    answer: AgreementAnswerValue,
    expected: z.number({ error: 'Please say which version you are answering.' }).int().min(1),
    text: AgreementText.optional(),
    category: AgreementCategory.optional(),
  })
  .refine((b) => (b.answer === 'revise' || b.answer === 'revisit') === (b.text !== undefined), {
    error: 'A suggested change brings its words (text); accepting or declining does not.',
    path: ['text'],
  });
export type AgreementAnswerBody = z.infer<typeof AgreementAnswerBody>;

export const DiffSegment = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export type DiffSegment = z.infer<typeof DiffSegment>;

export const AgreementVersionView = z.object({
  version: z.number().int(),
  text: z.string(),
  category: AgreementCategory,
  mine: z.boolean(),
  proposerName: z.string(),
  at: z.number().int(),
  status: z.enum(versionStatuses),
  /** The word-level change from the version before; null for the first version. */
  diff: z.array(DiffSegment).nullable(),
});
export type AgreementVersionView = z.infer<typeof AgreementVersionView>;

export const AgreementView = z.object({
  id: z.uuid(),
  /** The newest version's category. */
  category: AgreementCategory,
  /** Oldest first. */
  versions: z.array(AgreementVersionView),
  /** The version both have accepted and that still holds, if any. */
  inForce: z.number().int().nullable(),
  /** Whose answer the newest version waits for. */
  waitingOn: z.enum(['me', 'partner']).nullable(),
  /** What I may do next (the same rules the server enforces); `answers` is the version to name. */
  nextSteps: z.object({
    answers: z.number().int(),
    canAccept: z.boolean(),
    canDecline: z.boolean(),
    canRevise: z.boolean(),
    canRevisit: z.boolean(),
  }),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const Suggestion = z.object({
  id: z.string(),
  category: AgreementCategory,
  text: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const AgreementList = z.object({
  agreements: z.array(AgreementView),
  /** Starting points for this journey, those that fit it best first. */
  suggestions: z.array(Suggestion),
});
export type AgreementList = z.infer<typeof AgreementList>;

// Commitments

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
