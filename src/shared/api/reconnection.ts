import { z } from 'zod';
import { APPRECIATION_MAX } from '../../core/reconnection/appreciation.js';
import { PROMPT_ID_MAX, promptIdPattern } from '../../core/reconnection/decks.js';
import { PROMPT_ANSWER_MAX, promptStatuses } from '../../core/reconnection/prompts.js';
import { IdParams, PageQuery, pageOf } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

/** A prompt's stable id from the decks, `/api/prompts/:id/…`. */
export const PromptParams = z.strictObject({
  id: z
    .string()
    .max(PROMPT_ID_MAX, { error: 'That prompt id is not valid.' })
    .regex(promptIdPattern, { error: 'That prompt id is not valid.' }),
});
export type PromptParams = z.infer<typeof PromptParams>;

export const PromptAnswerBody = z.strictObject({
  text: userText({
    notText: 'Please write your answer as text.',
    max: PROMPT_ANSWER_MAX,
    tooLong: `Your answer is longer than ${PROMPT_ANSWER_MAX.toLocaleString('en')} characters.`,
    trim: true,
    min: 1,
    tooShort: 'Please write a few words first, or skip this prompt.',
  }),
});
export type PromptAnswerBody = z.infer<typeof PromptAnswerBody>;

/**
 * One prompt as the caller sees it. `partnerAnswer` is set only when both have answered
 * (`revealed`); before that the caller sees at most that their partner has answered.
 */
export const PromptView = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(promptStatuses),
  myAnswer: z.string().nullable(),
  partnerAnswer: z.string().nullable(),
  revealedAt: z.number().int().nullable(),
  canAnswer: z.boolean(),
  canSkip: z.boolean(),
});
export type PromptView = z.infer<typeof PromptView>;

export const PromptDeckView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  /** The deck's introduction, rendered from our own Markdown. */
  html: z.string(),
  prompts: z.array(PromptView),
});
export type PromptDeckView = z.infer<typeof PromptDeckView>;

export const PromptDecksView = z.object({
  /** The partner's name, or null while there is no partner on the journey (nothing can be answered). */
  partnerName: z.string().nullable(),
  decks: z.array(PromptDeckView),
});
export type PromptDecksView = z.infer<typeof PromptDecksView>;

const promptsTag = 'prompts';

/** Step 5's connection prompts: answered privately, revealed when both have answered. */
export const promptsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/prompts',
    tag: promptsTag,
    summary:
      'The connection prompt decks, each prompt with my answer and, once we have both answered, my partner’s',
    caller: 'safetyChecked',
    response: PromptDecksView,
  }),
  answer: endpoint({
    method: 'PUT',
    path: '/api/prompts/:id/answer',
    tag: promptsTag,
    summary:
      'Answer a prompt privately, or change my answer until my partner has answered too; both are shown when both have answered',
    caller: 'safetyChecked',
    params: PromptParams,
    body: PromptAnswerBody,
    response: PromptView,
    errors: ['prompt.not_found', 'reconnection.no_partner', 'prompt.set_aside', 'prompt.revealed'],
  }),
  skip: endpoint({
    method: 'POST',
    path: '/api/prompts/:id/skip',
    tag: promptsTag,
    summary:
      'Set a prompt aside for both of us (my answer, if any, is withdrawn; nothing of my partner’s is shown)',
    caller: 'safetyChecked',
    params: PromptParams,
    response: PromptView,
    errors: ['prompt.not_found', 'reconnection.no_partner', 'prompt.set_aside', 'prompt.revealed'],
  }),
};

export const AppreciationBody = z.strictObject({
  text: userText({
    notText: 'Please write your note as text.',
    max: APPRECIATION_MAX,
    tooLong: `A note is at most ${APPRECIATION_MAX.toLocaleString('en')} characters.`,
    trim: true,
    min: 1,
    tooShort: 'Please write a few words first.',
  }),
});
export type AppreciationBody = z.infer<typeof AppreciationBody>;

export const AppreciationView = z.object({
  id: z.uuid(),
  text: z.string(),
  /** Mine (sent) or my partner's (received). */
  mine: z.boolean(),
  authorName: z.string(),
  at: z.number().int(),
});
export type AppreciationView = z.infer<typeof AppreciationView>;

export const AppreciationPage = pageOf(AppreciationView);
export type AppreciationPage = z.infer<typeof AppreciationPage>;

const appreciationsTag = 'appreciations';

/** Step 5's appreciation notes: sent at once, kept newest first for both partners. */
export const appreciationsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/appreciations',
    tag: appreciationsTag,
    summary: 'Appreciation notes between my partner and me, newest first, a page at a time',
    caller: 'safetyChecked',
    query: PageQuery,
    response: AppreciationPage,
    errors: ['cursor.invalid'],
  }),
  send: endpoint({
    method: 'POST',
    path: '/api/appreciations',
    tag: appreciationsTag,
    summary: 'Send my partner a short note of appreciation',
    caller: 'safetyChecked',
    body: AppreciationBody,
    response: AppreciationView,
    status: 201,
    errors: ['reconnection.no_partner'],
  }),
  takeBack: endpoint({
    method: 'DELETE',
    path: '/api/appreciations/:id',
    tag: appreciationsTag,
    summary: 'Take back a note I sent',
    caller: 'safetyChecked',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['appreciation.not_found'],
  }),
};
