import { z } from 'zod';
import {
  AGREEMENT_MAX,
  AGREEMENT_MIN,
  FORGIVENESS_NOTE_MAX,
  FORGIVENESS_REFLECTION_MAX,
  forgivenessItemIds,
  reflectionPrompts,
} from '../../core/forgiveness/measure.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

const answerMessage = 'Please choose one answer from 1 to 5 for each sentence.';
const Answer = z
  .number({ error: answerMessage })
  .int({ error: answerMessage })
  .min(AGREEMENT_MIN, { error: answerMessage })
  .max(AGREEMENT_MAX, { error: answerMessage });

/** One answer for every sentence of the reflection; a missing or unknown one is refused. */
export const ForgivenessAnswers = z.strictObject(
  Object.fromEntries(forgivenessItemIds.map((id) => [id, Answer])),
);

export const ForgivenessEntryBody = z.strictObject({
  answers: ForgivenessAnswers,
  /** A private note for the person alone, never shown to anyone else. */
  note: userText({
    notText: 'Please write the note as text.',
    max: FORGIVENESS_NOTE_MAX,
    tooLong: `The note is longer than ${FORGIVENESS_NOTE_MAX.toLocaleString('en')} characters.`,
  }).default(''),
});
export type ForgivenessEntryBody = z.input<typeof ForgivenessEntryBody>;

/** The mean of each subscale, 1–5 to two decimals; never a total. */
export const SubscaleMeans = z.object({
  avoidance: z.number(),
  resentment: z.number(),
  goodwill: z.number(),
});
export type SubscaleMeans = z.infer<typeof SubscaleMeans>;

/** One of my own answers to the reflection: the means, the answers themselves and my note. */
export const ForgivenessEntry = z.object({
  id: z.uuid(),
  createdAt: z.number().int(),
  version: z.number().int(),
  means: SubscaleMeans,
  answers: z.record(z.string(), z.number().int()),
  note: z.string(),
});
export type ForgivenessEntry = z.infer<typeof ForgivenessEntry>;

export const ForgivenessMine = z.object({
  /** Oldest first, as a chart reads. */
  entries: z.array(ForgivenessEntry),
  /** Whether I share my chart (the means and their dates, never a note) with my partner. */
  shared: z.boolean(),
});
export type ForgivenessMine = z.infer<typeof ForgivenessMine>;

/**
 * My partner's chart: the same empty list whether they have not answered, not shared, stopped
 * sharing, or there is no partner, so nothing can be told from it.
 */
export const ForgivenessPartnerChart = z.object({
  points: z.array(z.object({ at: z.number().int(), means: SubscaleMeans })),
});
export type ForgivenessPartnerChart = z.infer<typeof ForgivenessPartnerChart>;

export const ForgivenessSharingBody = z.strictObject({
  shared: z.boolean({ error: 'Please say whether to share (true) or not (false).' }),
});
export type ForgivenessSharingBody = z.infer<typeof ForgivenessSharingBody>;

export const ReflectionPrompt = z.enum(reflectionPrompts, {
  error: 'Please choose one of the prompts offered, or none.',
});

export const ForgivenessReflectionBody = z.strictObject({
  prompt: ReflectionPrompt.nullable().default(null),
  text: userText({
    notText: 'Please write your reflection as text.',
    max: FORGIVENESS_REFLECTION_MAX,
    tooLong: `The reflection is longer than ${FORGIVENESS_REFLECTION_MAX.toLocaleString('en')} characters.`,
  }).refine((s) => s.trim() !== '', { error: 'Please write a few words first.' }),
});
export type ForgivenessReflectionBody = z.input<typeof ForgivenessReflectionBody>;

export const ForgivenessReflection = z.object({
  id: z.uuid(),
  createdAt: z.number().int(),
  prompt: ReflectionPrompt.nullable(),
  text: z.string(),
});
export type ForgivenessReflection = z.infer<typeof ForgivenessReflection>;

export const ForgivenessReflectionList = z.object({
  /** Newest first. */
  items: z.array(ForgivenessReflection),
});
export type ForgivenessReflectionList = z.infer<typeof ForgivenessReflectionList>;

const tag = 'forgiveness';

/** Step 7: the private forgiveness reflection, and the resentment, avoidance and goodwill chart. */
export const forgivenessApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/forgiveness',
    tag,
    summary: 'My answers to the forgiveness reflection over time, and whether I share the chart',
    caller: 'journeyMember',
    response: ForgivenessMine,
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/forgiveness/entries',
    tag,
    summary: 'Answer the forgiveness reflection today, with a private note',
    caller: 'journeyMember',
    body: ForgivenessEntryBody,
    response: ForgivenessEntry,
    status: 201,
  }),
  removeEntry: endpoint({
    method: 'DELETE',
    path: '/api/forgiveness/entries/:id',
    tag,
    summary: 'Delete one of my answers to the forgiveness reflection',
    caller: 'journeyMember',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['forgiveness.not_found'],
  }),
  share: endpoint({
    method: 'PUT',
    path: '/api/forgiveness/sharing',
    tag,
    summary: 'Share my forgiveness chart with my partner, or stop sharing it, at any time',
    caller: 'journeyMember',
    body: ForgivenessSharingBody,
    response: ForgivenessSharingBody,
    errors: ['safety.check_needed', 'forgiveness.no_partner'],
  }),
  partner: endpoint({
    method: 'GET',
    path: '/api/forgiveness/partner',
    tag,
    summary: 'My partner’s forgiveness chart, only while they choose to share it (else empty)',
    caller: 'journeyMember',
    response: ForgivenessPartnerChart,
  }),
  reflections: endpoint({
    method: 'GET',
    path: '/api/forgiveness/reflections',
    tag,
    summary: 'My private forgiveness reflections, newest first',
    caller: 'journeyMember',
    response: ForgivenessReflectionList,
  }),
  reflect: endpoint({
    method: 'POST',
    path: '/api/forgiveness/reflections',
    tag,
    summary: 'Write a private forgiveness reflection, for me alone',
    caller: 'journeyMember',
    body: ForgivenessReflectionBody,
    response: ForgivenessReflection,
    status: 201,
  }),
  removeReflection: endpoint({
    method: 'DELETE',
    path: '/api/forgiveness/reflections/:id',
    tag,
    summary: 'Delete one of my private forgiveness reflections',
    caller: 'journeyMember',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['forgiveness.not_found'],
  }),
};
