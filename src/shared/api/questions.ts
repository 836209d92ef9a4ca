import { z } from 'zod';
import { isTimeZone } from '../../core/groups/schedule.js';
import {
  ANSWER_TEXT_MAX,
  OPEN_FOR_MINUTES_MAX,
  QUESTION_TEXT_MAX,
  SLOT_MINUTES_MAX,
  SLOT_MINUTES_MIN,
  SLOTS_MAX,
  answerMarks,
  opennessModes,
} from '../../core/questions/questions.js';
import { IdParams, PageQuery, pageOf } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

const zoneMessage = 'We do not know that time zone. Please use a name such as "Europe/Berlin".';
const slotLength = `A set time lasts from ${SLOT_MINUTES_MIN} minutes to ${SLOT_MINUTES_MAX / 60} hours.`;

/** A weekly set time: ISO weekday (1 Monday … 7 Sunday), local start `HH:mm`, length in minutes. */
export const QuestionSlot = z.strictObject({
  weekday: z
    .number({ error: 'Please choose a day of the week.' })
    .int({ error: 'Please choose a day of the week.' })
    .min(1, { error: 'Please choose a day of the week.' })
    .max(7, { error: 'Please choose a day of the week.' }),
  start: z
    .string({ error: 'Please give the start time as HH:mm.' })
    .max(5, { error: 'Please give the start time as HH:mm.' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Please give the start time as HH:mm.' }),
  minutes: z
    .number({ error: slotLength })
    .int({ error: slotLength })
    .min(SLOT_MINUTES_MIN, { error: slotLength })
    .max(SLOT_MINUTES_MAX, { error: slotLength }),
});
export type QuestionSlot = z.infer<typeof QuestionSlot>;

const openForMessage = `"Open now" lasts from 15 minutes to ${OPEN_FOR_MINUTES_MAX / 60 / 24} days, or until you close it.`;

/**
 * When my questions are open: closed, open now (for a while, or until I close it: `forMinutes`
 * null), or at set times each week in my time zone; and whether I have paused everything.
 */
export const OpennessBody = z
  .strictObject({
    mode: z.enum(opennessModes, { error: 'Please choose closed, open now or set times.' }),
    forMinutes: z
      .number({ error: openForMessage })
      .int({ error: openForMessage })
      .min(15, { error: openForMessage })
      .max(OPEN_FOR_MINUTES_MAX, { error: openForMessage })
      .nullable(),
    timeZone: z
      .string({ error: zoneMessage })
      .max(64, { error: zoneMessage })
      .refine(isTimeZone, { error: zoneMessage }),
    slots: z
      .array(QuestionSlot, { error: 'Please list the set times.' })
      .max(SLOTS_MAX, { error: `Please choose at most ${SLOTS_MAX} set times.` }),
    paused: z.boolean({ error: 'Please say whether questions are paused.' }),
  })
  .refine((b) => b.mode !== 'slots' || b.slots.length > 0, {
    error: 'Please add at least one set time, or choose another way.',
    path: ['slots'],
  });
export type OpennessBody = z.infer<typeof OpennessBody>;

/** Whether an asker's questions are open at this moment, and when that changes. */
export const OpennessStatus = z.object({
  open: z.boolean(),
  paused: z.boolean(),
  /** When open questions close by themselves; null when they stay open until closed (or are closed). */
  closesAt: z.number().int().nullable(),
  /** When questions next open by the set times; null when none comes or they are open. */
  opensAt: z.number().int().nullable(),
});
export type OpennessStatus = z.infer<typeof OpennessStatus>;

export const OpennessView = z.object({
  mode: z.enum(opennessModes),
  until: z.number().int().nullable(),
  timeZone: z.string(),
  slots: z.array(QuestionSlot),
  paused: z.boolean(),
  status: OpennessStatus,
});
export type OpennessView = z.infer<typeof OpennessView>;

export const QuestionsState = z.object({
  /** The together path with both partners on it: questions need someone to ask and to answer. */
  hasPartner: z.boolean(),
  partnerName: z.string(),
  /** Whether I ask (I was hurt, or "both"); then `mine` is how my questions are open. */
  mayAsk: z.boolean(),
  mine: OpennessView.nullable(),
  /** How my partner's questions are open; null until they have ever set it. */
  partner: OpennessStatus.nullable(),
});
export type QuestionsState = z.infer<typeof QuestionsState>;

export const AnswerMark = z.enum(answerMarks, {
  error: 'Please choose "That helps" or "I need more".',
});
export type AnswerMark = z.infer<typeof AnswerMark>;

export const AnswerView = z.object({
  id: z.uuid(),
  at: z.number().int(),
  mine: z.boolean(),
  text: z.string(),
  /** The asker's word on it; null until they give one. */
  mark: AnswerMark.nullable(),
});
export type AnswerView = z.infer<typeof AnswerView>;

export const EarlierQuestion = z.object({
  id: z.uuid(),
  askedAt: z.number().int(),
  text: z.string(),
  /** Oldest first. */
  answers: z.array(AnswerView),
});
export type EarlierQuestion = z.infer<typeof EarlierQuestion>;

export const QuestionView = z.object({
  id: z.uuid(),
  askedAt: z.number().int(),
  /** I asked it (I mark its answers); otherwise it is mine to answer. */
  mine: z.boolean(),
  askerName: z.string(),
  text: z.string(),
  /** The earlier question this one comes back to, with what was answered then. */
  follows: EarlierQuestion.nullable(),
  /** Oldest first. */
  answers: z.array(AnswerView),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const QuestionPage = pageOf(QuestionView);
export type QuestionPage = z.infer<typeof QuestionPage>;

const questionText = userText({
  notText: 'Please write the question as text.',
  max: QUESTION_TEXT_MAX,
  tooLong: `The question is longer than ${QUESTION_TEXT_MAX.toLocaleString('en')} characters.`,
}).refine((s) => s.trim() !== '', { error: 'Please write a few words first.' });

const answerText = userText({
  notText: 'Please write the answer as text.',
  max: ANSWER_TEXT_MAX,
  tooLong: `The answer is longer than ${ANSWER_TEXT_MAX.toLocaleString('en')} characters.`,
}).refine((s) => s.trim() !== '', { error: 'Please write a few words first.' });

export const QuestionCreateBody = z.strictObject({
  text: questionText,
  /** An earlier question of mine this one comes back to. */
  follows: z.uuid({ error: 'That question id is not valid.' }).nullable().optional(),
});
export type QuestionCreateBody = z.infer<typeof QuestionCreateBody>;

export const AnswerCreateBody = z.strictObject({ text: answerText });
export type AnswerCreateBody = z.infer<typeof AnswerCreateBody>;

export const AnswerMarkBody = z.strictObject({ mark: AnswerMark.nullable() });
export type AnswerMarkBody = z.infer<typeof AnswerMarkBody>;

const tag = 'questions';
/** Room for the longest answer in any script, emoji and all. */
const TEXT_BODY_LIMIT = 128 * 1024;

/** The endpoints of step 4's questions and answers, as both the server and the web client see them. */
export const questionsApi = {
  state: endpoint({
    method: 'GET',
    path: '/api/questions/openness',
    tag,
    summary: 'Whether I ask, how my questions are open, and whether my partner’s are open now',
    caller: 'safetyChecked',
    response: QuestionsState,
  }),
  setOpenness: endpoint({
    method: 'PUT',
    path: '/api/questions/openness',
    tag,
    summary: 'Set when my questions are open (closed, open now, set times) or pause them',
    caller: 'safetyChecked',
    body: OpennessBody,
    response: OpennessView,
    errors: ['question.no_partner', 'question.not_asker'],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/questions',
    tag,
    summary:
      'The questions of my journey with their answers and marks, newest first, a page at a time',
    caller: 'safetyChecked',
    query: PageQuery,
    response: QuestionPage,
    errors: ['cursor.invalid'],
  }),
  ask: endpoint({
    method: 'POST',
    path: '/api/questions',
    tag,
    summary:
      'Ask my partner a question while my questions are open, perhaps coming back to an earlier one',
    caller: 'safetyChecked',
    body: QuestionCreateBody,
    bodyLimit: TEXT_BODY_LIMIT,
    response: QuestionView,
    status: 201,
    errors: [
      'question.no_partner',
      'question.not_asker',
      'question.closed',
      'question.paused',
      'question.not_found',
    ],
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/questions/:id/answers',
    tag,
    summary: 'Answer my partner’s question, in my own time (held back only while they have paused)',
    caller: 'safetyChecked',
    params: IdParams,
    body: AnswerCreateBody,
    bodyLimit: TEXT_BODY_LIMIT,
    response: QuestionView,
    status: 201,
    errors: ['question.not_found', 'question.no_partner', 'question.own', 'question.paused'],
  }),
  mark: endpoint({
    method: 'PUT',
    path: '/api/question-answers/:id/mark',
    tag,
    summary: 'Mark an answer to my question "That helps" or "I need more" (or take the mark back)',
    caller: 'safetyChecked',
    params: IdParams,
    body: AnswerMarkBody,
    response: QuestionView,
    errors: ['question.not_found', 'question.not_yours_to_mark'],
  }),
};
