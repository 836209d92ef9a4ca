import { z } from 'zod';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';
import {
  AGREEMENT_TEXT_MAX,
  agreementCategories,
  versionStatuses,
} from '../../core/agreements/agreement.js';

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

const tag = 'agreements';

/** The endpoints of step 2's agreements, as both the server and the web client see them. */
export const agreementsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/agreements',
    tag,
    summary:
      'The agreements in my journey with every version and the changes between them, and suggestions to start from',
    caller: 'journeyMember',
    response: AgreementList,
  }),
  propose: endpoint({
    method: 'POST',
    path: '/api/agreements',
    tag,
    summary: 'Propose an agreement to my partner',
    caller: 'safetyChecked',
    body: AgreementCreateBody,
    response: AgreementView,
    status: 201,
    errors: ['agreement.text_invalid'],
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/agreements/:id/answers',
    tag,
    summary:
      'Answer the newest version (accept, decline, suggest a change) or revisit an agreement, naming the version answered',
    caller: 'safetyChecked',
    params: IdParams,
    body: AgreementAnswerBody,
    response: AgreementView,
    errors: [
      'agreement.not_found',
      'agreement.changed',
      'agreement.own_proposal',
      'agreement.text_invalid',
    ],
  }),
};
