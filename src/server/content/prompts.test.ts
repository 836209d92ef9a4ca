import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requiredDecks } from '../../core/reconnection/decks.js';
import { loadConfig } from '../config.js';
import { ContentError, loadContent } from './load.js';

const realDir = loadConfig({}).contentDir;
const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-prompts-'));
  temps.push(dir);
  fs.cpSync(realDir, dir, { recursive: true });
  return dir;
}

describe('connection prompt decks', () => {
  it('hold at least 60 prompts across the four decks, each id unique and stable in form', () => {
    const { prompts } = loadContent(realDir);
    expect(prompts.decks.map((d) => d.id)).toEqual([...requiredDecks]);
    const all = prompts.decks.flatMap((d) => d.prompts);
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const deck of prompts.decks) expect(deck.prompts.length, deck.id).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.text.toLowerCase())).size).toBe(all.length);
    for (const p of all) {
      expect(p.id).toMatch(new RegExp(`^${p.deckId}\\.\\d{2}$`));
      expect(prompts.prompts.get(p.id)).toBe(p);
      // Questions, in our own plain words: no probing of what happened.
      expect(p.text, p.id).toMatch(/\?$/);
      expect(p.text, p.id).not.toMatch(/affair|cheat|betray|unfaithful|lied|lying/i);
    }
  });

  it('stops start-up naming the file when a deck is malformed', () => {
    const dir = copyContent();
    const file = path.join(dir, 'prompts', 'light.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('id: light.03', 'id: light.01'));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(
      `${file}: front matter is not valid: prompts.2.id: duplicate prompt id light.01`,
    );

    const few = copyContent();
    const fewFile = path.join(few, 'prompts', 'hopes.md');
    const text = fs.readFileSync(fewFile, 'utf8');
    fs.writeFileSync(fewFile, text.replace(/ {2}- id: hopes\.0[2-9]\n.*\n/g, ''));
    expect(() => loadContent(few)).toThrow(
      `${fewFile}: front matter is not valid: prompts: a deck has at least 15 prompts`,
    );
  });

  it('stops start-up when a required deck is missing, a prompt id is in two decks, or a file is misnamed', () => {
    const missing = copyContent();
    fs.rmSync(path.join(missing, 'prompts', 'appreciation.md'));
    expect(() => loadContent(missing)).toThrow(/the deck appreciation is missing/);

    const twice = copyContent();
    fs.copyFileSync(
      path.join(twice, 'prompts', 'light.md'),
      path.join(twice, 'prompts', 'light-again.md'),
    );
    expect(() => loadContent(twice)).toThrow(
      `${path.join(twice, 'prompts', 'light-again.md')}: the file name must be the deck's id (light.md)`,
    );

    const html = copyContent();
    fs.appendFileSync(path.join(html, 'prompts', 'light.md'), '\n<script>alert(1)</script>\n');
    expect(() => loadContent(html)).toThrow(/light\.md: raw HTML is not allowed/);
  });
});
