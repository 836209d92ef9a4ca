import { z } from 'zod';
import {
  ANSWER_NOTE_MAX,
  answerValues,
  LETTER_TEXT_MAX,
  letterKinds,
  letterStates,
  STATEMENT_PART_MAX,
  statementParts,
  threadKinds,
  threadStates,
} from '../../core/letters/letter.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

export const LetterKind = z.enum(letterKinds, {
  error: 'Please choose an impact letter, a reflection, an unsent letter or a statement.',
});
export type LetterKind = z.infer<typeof LetterKind>;

const LetterText = userText({
  notText: 'Please write your letter as text.',
  max: LETTER_TEXT_MAX,
  tooLong: `The letter is longer than ${LETTER_TEXT_MAX.toLocaleString('en')} characters.`,
}).refine((s) => s.trim() !== '', { error: 'Please write a few words first.' });

const LetterId = z.uuid({ error: 'That letter id is not valid.' });

const StatementPartText = userText({
  notText: 'Please write each part as text.',
  max: STATEMENT_PART_MAX,
  tooLong: `A part is longer than ${STATEMENT_PART_MAX.toLocaleString('en')} characters.`,
});

/**
 * A statement's four guided parts. A draft may leave parts empty (it is finished over time); it is
 * sent only once every part has a few words (the server checks that on sending).
 */
export const StatementParts = z
  .strictObject({
    did: StatementPartText,
    impact: StatementPartText,
    remorse: StatementPartText,
    next: StatementPartText,
  })
  .refine((p) => statementParts.some((k) => p[k].trim() !== ''), {
    error: 'Please write a few words in one of the parts first.',
  });
export type StatementParts = z.infer<typeof StatementParts>;

/**
 * A new draft: a new letter (a new thread), a new version of my letter (`threadId`), or a reflection
 * on one sent version of my partner's letter (`respondsTo`).
 */
export const LetterCreateBody = z
  .strictObject({
    kind: LetterKind,
    /** A letter, reflection or unsent letter is one text… */
    text: LetterText.optional(),
    /** …a statement is its four parts. */
    parts: StatementParts.optional(),
    threadId: LetterId.optional(),
    respondsTo: LetterId.optional(),
  })
  .refine((b) => (b.kind === 'statement') === (b.parts !== undefined), {
    error: 'A statement is written in its four parts (parts); other letters are not.',
    path: ['parts'],
  })
  .refine((b) => (b.kind !== 'statement') === (b.text !== undefined), {
    error: 'Please write your letter as text (a statement uses parts instead).',
    path: ['text'],
  })
  .refine((b) => (b.kind === 'reflection') === (b.respondsTo !== undefined), {
    error: 'A reflection says which letter it reflects on (respondsTo); a letter does not.',
    path: ['respondsTo'],
  })
  .refine((b) => b.kind !== 'reflection' || b.threadId === undefined, {
    error: 'A reflection belongs to the thread of the letter it reflects on; leave threadId out.',
    path: ['threadId'],
  });
export type LetterCreateBody = z.infer<typeof LetterCreateBody>;

/**
 * Editing my draft (its text, or a statement's parts: the server checks which one its kind takes); a
 * reflection may also move to a newer sent version of the letter.
 */
export const LetterUpdateBody = z
  .strictObject({
    text: LetterText.optional(),
    parts: StatementParts.optional(),
    respondsTo: LetterId.optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.parts === undefined), {
    error: 'Please send either the text or a statement’s parts.',
    path: ['text'],
  });
export type LetterUpdateBody = z.infer<typeof LetterUpdateBody>;

export const AnswerValue = z.enum(answerValues, {
  error:
    'Please choose "I feel understood" or "Not yet" (a reflection), or "It helps", "I need more" or "Not now" (a statement).',
});
export type AnswerValue = z.infer<typeof AnswerValue>;

export const AnswerCreateBody = z.strictObject({
  answer: AnswerValue,
  note: userText({
    notText: 'Please write the note as text.',
    max: ANSWER_NOTE_MAX,
    tooLong: `The note is longer than ${ANSWER_NOTE_MAX.toLocaleString('en')} characters.`,
  }).default(''),
});
export type AnswerCreateBody = z.input<typeof AnswerCreateBody>;

export const Answer = z.object({
  id: z.uuid(),
  value: AnswerValue,
  note: z.string(),
  mine: z.boolean(),
  authorName: z.string(),
  createdAt: z.number().int(),
});
export type Answer = z.infer<typeof Answer>;

/** One version of a letter or reflection, as its reader may see it. */
export const LetterVersion = z.object({
  id: z.uuid(),
  threadId: z.uuid(),
  kind: LetterKind,
  /** 1, 2, 3… per kind within the thread. */
  version: z.number().int(),
  mine: z.boolean(),
  authorName: z.string(),
  state: z.enum(letterStates),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  sharedAt: z.number().int().nullable(),
  /** For a reflection: the letter version it reflects on. */
  respondsTo: z.uuid().nullable(),
  /** The text of a letter, reflection or unsent letter; empty for a statement. */
  text: z.string(),
  /** A statement's four parts; null for the other kinds. */
  parts: z
    .object({ did: z.string(), impact: z.string(), remorse: z.string(), next: z.string() })
    .nullable(),
  answer: Answer.nullable(),
});
export type LetterVersion = z.infer<typeof LetterVersion>;

export const ThreadState = z.enum(threadStates);
export type ThreadState = z.infer<typeof ThreadState>;

export const LetterThread = z.object({
  id: z.uuid(),
  kind: z.enum(threadKinds),
  state: ThreadState,
  /** Whether I wrote the letter this thread is about. */
  mine: z.boolean(),
  letterAuthorName: z.string(),
  /** Oldest first: each letter version followed by the reflections on it, each with its answer. */
  versions: z.array(LetterVersion),
  /** What I may do next here (the same rules the server enforces). */
  canReflect: z.boolean(),
  canRevise: z.boolean(),
  /** The reflection (or statement) I may answer now, if any. */
  canAnswer: z.uuid().nullable(),
});
export type LetterThread = z.infer<typeof LetterThread>;

export const LetterList = z.object({
  /** Newest activity first. */
  threads: z.array(LetterThread),
  /** The kinds of new letter I may begin on my path: impact, statement, unsent, or none. */
  canStart: z.array(z.enum(threadKinds)),
});
export type LetterList = z.infer<typeof LetterList>;

/** Letters and reflections can be long, in any script: room for 20,000 characters of any kind. */
const LETTER_BODY_LIMIT = 256 * 1024;

const tag = 'letters';

/** The endpoints of impact letters, reflections, unsent letters and statements, and their answers. */
export const lettersApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/letters',
    tag,
    summary:
      'My letters and reflections (drafts included) and what my partner sent me, with every version and answer',
    caller: 'journeyMember',
    response: LetterList,
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/letters',
    tag,
    summary:
      'Begin a draft: a new letter, a new version of my letter (threadId), or a reflection on a letter my partner sent (respondsTo)',
    caller: 'journeyMember',
    body: LetterCreateBody,
    bodyLimit: LETTER_BODY_LIMIT,
    response: LetterThread,
    status: 201,
    errors: [
      'letter.not_found',
      'letter.parts',
      'letter.path',
      'letter.role',
      'letter.reflect_on_partner',
      'letter.draft_exists',
      'letter.awaiting_answer',
      'letter.understood',
      'letter.statement_exists',
    ],
  }),
  rewrite: endpoint({
    method: 'PUT',
    path: '/api/letters/:id',
    tag,
    summary: 'Rewrite my draft (a reflection may move to a newer sent version of the letter)',
    caller: 'journeyMember',
    params: IdParams,
    body: LetterUpdateBody,
    bodyLimit: LETTER_BODY_LIMIT,
    response: LetterThread,
    errors: ['letter.not_found', 'letter.locked', 'letter.parts', 'letter.reflect_on_partner'],
  }),
  share: endpoint({
    method: 'POST',
    path: '/api/letters/:id/share',
    tag,
    summary: 'Send my draft to my partner; from then on that version stays as it is',
    caller: 'safetyChecked',
    params: IdParams,
    response: LetterThread,
    errors: [
      'letter.not_found',
      'letter.locked',
      'letter.unsent_private',
      'letter.path',
      'letter.role',
      'letter.no_partner',
      'letter.newer_version',
      'letter.awaiting_answer',
      'letter.understood',
      'letter.parts',
    ],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/letters/:id',
    tag,
    summary: 'Delete a version of mine that was never sent',
    caller: 'journeyMember',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['letter.not_found', 'letter.locked'],
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/letters/:id/answers',
    tag,
    summary:
      'Answer a reflection on my letter ("I feel understood" or "not yet") or a statement sent to me ("it helps", "I need more" or "not now"), with a note',
    caller: 'safetyChecked',
    params: IdParams,
    body: AnswerCreateBody,
    response: LetterThread,
    status: 201,
    errors: [
      'letter.not_found',
      'letter.not_yours_to_answer',
      'letter.answer_kind',
      'letter.answered',
      'letter.superseded',
    ],
  }),
};
