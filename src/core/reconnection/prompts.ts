import type { ErrorCode } from '../errors.js';

/**
 * The reveal rule of connection prompts. Each partner answers a prompt privately; both answers
 * are shown only once both have answered, so neither goes first alone and neither can read the
 * other's words and then write theirs to match (or to please).
 *
 * Either may skip a prompt, before or after answering, until both answers are shown. A skip sets
 * the prompt aside for both and nothing of the other's is ever shown: the kindest choice, since
 * an answer written for a shared moment is not handed over when that moment does not happen,
 * and the least revealing, since the view says "set aside" and never who did it. The skipper's
 * own answer is withdrawn with the skip; the other keeps seeing only their own words.
 *
 * Once both answers are shown they stay as they were: each was read as written, so neither is
 * rewritten afterwards. Before that, a person may change their own answer as often as they like.
 */

export const PROMPT_ANSWER_MAX = 2000;

/**
 * One person's entry on one prompt: an answer, or a skip. `T` is what stands for the words: the
 * server passes the sealed values, so that only what the rule lets through is ever opened.
 */
export type PromptEntry<T = string> =
  | { readonly kind: 'answer'; readonly text: T; readonly at: number }
  | { readonly kind: 'skip'; readonly at: number };

/** What is stored for one prompt of a journey, from the caller's side. */
export interface PromptFacts<T = string> {
  readonly mine: PromptEntry<T> | undefined;
  readonly partner: PromptEntry<T> | undefined;
}

export const promptStatuses = [
  'open',
  'partner_answered',
  'waiting',
  'revealed',
  'set_aside',
] as const;
export type PromptStatus = (typeof promptStatuses)[number];

/** What the caller may see of a prompt. `partner` is never set unless both have answered. */
export interface PromptSight<T = string> {
  readonly status: PromptStatus;
  readonly mine: T | null;
  readonly partner: T | null;
  /** When the answers were shown (the later of the two), for a revealed prompt. */
  readonly revealedAt: number | null;
  readonly canAnswer: boolean;
  readonly canSkip: boolean;
}

const isAnswer = <T>(
  e: PromptEntry<T> | undefined,
): e is Extract<PromptEntry<T>, { kind: 'answer' }> => e?.kind === 'answer';

/** The one place a partner's answer is let through: only when both have answered. */
export function sightOf<T>(facts: PromptFacts<T>): PromptSight<T> {
  const { mine, partner } = facts;
  if (mine?.kind === 'skip' || partner?.kind === 'skip') {
    return {
      status: 'set_aside',
      mine: isAnswer(mine) ? mine.text : null,
      partner: null,
      revealedAt: null,
      canAnswer: false,
      canSkip: false,
    };
  }
  if (isAnswer(mine) && isAnswer(partner)) {
    return {
      status: 'revealed',
      mine: mine.text,
      partner: partner.text,
      revealedAt: Math.max(mine.at, partner.at),
      canAnswer: false,
      canSkip: false,
    };
  }
  return {
    status: isAnswer(mine) ? 'waiting' : partner ? 'partner_answered' : 'open',
    mine: isAnswer(mine) ? mine.text : null,
    partner: null,
    revealedAt: null,
    canAnswer: true,
    canSkip: true,
  };
}

/** Why the caller may not answer (or change their answer) now, or undefined when they may. */
export function refusalToAnswer<T>(facts: PromptFacts<T>): ErrorCode | undefined {
  const sight = sightOf(facts);
  if (sight.status === 'set_aside') return 'prompt.set_aside';
  if (sight.status === 'revealed') return 'prompt.revealed';
  return undefined;
}

/** Why the caller may not skip now, or undefined when they may. */
export function refusalToSkip<T>(facts: PromptFacts<T>): ErrorCode | undefined {
  const sight = sightOf(facts);
  if (sight.status === 'set_aside') return 'prompt.set_aside';
  if (sight.status === 'revealed') return 'prompt.revealed';
  return undefined;
}
