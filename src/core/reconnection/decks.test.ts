import { describe, expect, it } from 'vitest';
import { assembleDecks, PromptDeckFrontMatter, requiredDecks, type PromptDeck } from './decks.js';

const prompts = (deck: string, n = 15) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${deck}.${String(i + 1).padStart(2, '0')}`,
    text: `A question number ${i + 1}?`,
  }));
const front = (deck: string, extra: Record<string, unknown> = {}) => ({
  id: deck,
  order: 1,
  title: 'A deck',
  summary: 'What it is for.',
  prompts: prompts(deck),
  ...extra,
});
const deckOf = (id: string, order = 1): PromptDeck => ({
  id,
  order,
  title: id,
  summary: 's',
  html: '',
  prompts: prompts(id).map((p) => ({ ...p, deckId: id })),
});

describe('a prompt deck', () => {
  it('takes a well-formed deck', () => {
    expect(PromptDeckFrontMatter.safeParse(front('light')).success).toBe(true);
  });

  it('refuses fewer than 15 prompts, a prompt of another deck, an id used twice and unknown fields', () => {
    const issues = (data: unknown) => {
      const r = PromptDeckFrontMatter.safeParse(data);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues(front('light', { prompts: prompts('light', 14) }))).toEqual([
      'prompts: a deck has at least 15 prompts',
    ]);
    const foreign = prompts('light');
    foreign[3] = { id: 'hopes.04', text: 'Which deck am I in?' };
    expect(issues(front('light', { prompts: foreign }))).toEqual([
      'prompts.3.id: prompt hopes.04 must start with the deck id (light.)',
    ]);
    const twice = prompts('light');
    twice[5] = { id: 'light.01', text: 'Asked twice?' };
    expect(issues(front('light', { prompts: twice }))).toEqual([
      'prompts.5.id: duplicate prompt id light.01',
    ]);
    expect(issues(front('light', { colour: 'blue' }))).toHaveLength(1);
    expect(issues(front('Light'))).not.toEqual([]);
  });

  it('assembles the decks in order, and refuses a missing deck or a prompt id in two decks', () => {
    const all = requiredDecks.map((id, i) => deckOf(id, requiredDecks.length - i));
    const ok = assembleDecks(all);
    expect(ok.ok && ok.decks.decks.map((d) => d.id)).toEqual([...requiredDecks].reverse());
    expect(ok.ok && ok.decks.prompts.get('light.03')?.deckId).toBe('light');
    expect(assembleDecks(all.slice(1))).toEqual({
      ok: false,
      message: `the deck ${requiredDecks[0]} is missing`,
    });
    expect(assembleDecks([...all, deckOf('light')])).toEqual({
      ok: false,
      message: 'duplicate deck id light',
    });
  });
});
