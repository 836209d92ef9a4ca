import { z } from 'zod';

/**
 * Step 5's connection prompts: our own decks, one Markdown file each under content/prompts/, its
 * prompts in the front matter. A prompt's id is stable (answers are kept under it), so a prompt
 * is reworded in place and never renumbered; a deck that breaks these rules stops start-up.
 */

export const deckIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `<deck>.<nn>`: the deck's id, a dot, two or more digits. */
export const promptIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[0-9]{2,3}$/;
export const PROMPT_ID_MAX = 60;
export const PROMPTS_PER_DECK_MIN = 15;

/** The decks the product promises; start-up fails if one is missing. */
export const requiredDecks = ['know-again', 'appreciation', 'hopes', 'light'] as const;

export const PromptDeckFrontMatter = z
  .strictObject({
    id: z.string().regex(deckIdPattern, { error: 'a deck id is a lowercase slug like know-again' }),
    order: z.number().int().min(0),
    title: z.string().min(1).max(80),
    summary: z.string().min(1).max(200),
    prompts: z
      .array(
        z.strictObject({
          id: z
            .string()
            .max(PROMPT_ID_MAX)
            .regex(promptIdPattern, { error: 'a prompt id is the deck id, a dot and a number' }),
          text: z.string().trim().min(10).max(200),
        }),
      )
      .min(PROMPTS_PER_DECK_MIN, { error: `a deck has at least ${PROMPTS_PER_DECK_MIN} prompts` }),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>();
    deck.prompts.forEach((p, i) => {
      if (!p.id.startsWith(`${deck.id}.`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['prompts', i, 'id'],
          message: `prompt ${p.id} must start with the deck id (${deck.id}.)`,
        });
      }
      if (seen.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['prompts', i, 'id'],
          message: `duplicate prompt id ${p.id}`,
        });
      }
      seen.add(p.id);
    });
  });
export type PromptDeckFrontMatter = z.infer<typeof PromptDeckFrontMatter>;

export interface Prompt {
  readonly id: string;
  readonly deckId: string;
  readonly text: string;
}

export interface PromptDeck {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  /** The deck's short introduction, rendered from our own Markdown. */
  readonly html: string;
  readonly prompts: readonly Prompt[];
}

export interface PromptDecks {
  /** In their order. */
  readonly decks: readonly PromptDeck[];
  /** Every prompt by id, across decks. */
  readonly prompts: ReadonlyMap<string, Prompt>;
}

/** The decks in order, each prompt reachable by id; a prompt id used in two decks is an issue. */
export function assembleDecks(
  decks: readonly PromptDeck[],
): { ok: true; decks: PromptDecks } | { ok: false; message: string } {
  const prompts = new Map<string, Prompt>();
  const ids = new Set<string>();
  for (const deck of decks) {
    if (ids.has(deck.id)) return { ok: false, message: `duplicate deck id ${deck.id}` };
    ids.add(deck.id);
    for (const p of deck.prompts) {
      if (prompts.has(p.id)) return { ok: false, message: `duplicate prompt id ${p.id}` };
      prompts.set(p.id, p);
    }
  }
  const missing = requiredDecks.find((id) => !ids.has(id));
  if (missing) return { ok: false, message: `the deck ${missing} is missing` };
  return {
    ok: true,
    decks: {
      decks: decks.toSorted((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
      prompts,
    },
  };
}
