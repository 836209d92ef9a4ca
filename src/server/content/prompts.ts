import fs from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import {
  assembleDecks,
  PromptDeckFrontMatter,
  type PromptDeck,
  type PromptDecks,
} from '../../core/reconnection/decks.js';

/**
 * Step 5's connection prompt decks (content/prompts/<deck>.md): the prompts in the front matter,
 * a short introduction as the body. Like the rest of content/, a broken deck stops start-up,
 * naming the file.
 */

export class PromptDeckError extends Error {}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;
const marked = new Marked({ gfm: true, async: false });

function parseDeck(file: string, text: string): PromptDeck {
  const match = FRONT_MATTER.exec(text);
  if (!match?.[1] || match[2] === undefined) {
    throw new PromptDeckError(
      `${file}: must start with front matter between --- lines (id, order, title, summary, prompts)`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (e) {
    throw new PromptDeckError(`${file}: front matter is not valid YAML: ${(e as Error).message}`);
  }
  const front = PromptDeckFrontMatter.safeParse(data);
  if (!front.success) {
    const issues = front.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new PromptDeckError(`${file}: front matter is not valid: ${issues}`);
  }
  const deck = front.data;
  if (path.basename(file) !== `${deck.id}.md`) {
    throw new PromptDeckError(`${file}: the file name must be the deck's id (${deck.id}.md)`);
  }
  const body = match[2];
  if (/^#{1,2}\s/m.test(body)) throw new PromptDeckError(`${file}: a deck's introduction has no headings`);
  if (/<[a-z!/]/i.test(body)) throw new PromptDeckError(`${file}: raw HTML is not allowed in content`);
  return {
    id: deck.id,
    order: deck.order,
    title: deck.title,
    summary: deck.summary,
    html: marked.parse(body) as string,
    prompts: deck.prompts.map((p) => ({ id: p.id, deckId: deck.id, text: p.text })),
  };
}

/** Every deck in content/prompts/, checked whole; the four required decks must be there. */
export function loadPromptDecks(dir: string): PromptDecks {
  const decksDir = path.join(dir, 'prompts');
  if (!fs.existsSync(decksDir)) throw new PromptDeckError(`${decksDir}: the prompts folder is missing`);
  const decks = fs
    .readdirSync(decksDir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = path.join(decksDir, name);
      return parseDeck(file, fs.readFileSync(file, 'utf8'));
    });
  const assembled = assembleDecks(decks);
  if (!assembled.ok) throw new PromptDeckError(`${decksDir}: ${assembled.message}`);
  return assembled.decks;
}
