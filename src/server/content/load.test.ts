import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ContentError, loadContent } from './load.js';

const realDir = loadConfig({}).contentDir;
const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-content-'));
  temps.push(dir);
  fs.cpSync(realDir, dir, { recursive: true });
  return dir;
}

describe('content', () => {
  it('loads every required Learn page and the crisis data', () => {
    const content = loadContent(realDir);
    expect([...content.learn.keys()]).toEqual(
      expect.arrayContaining(['home', 'kinds-of-betrayal', 'impact', 'mental-health', 'how-repair-works', 'questions']),
    );
    for (const page of content.learn.values()) {
      expect(page.html.length).toBeGreaterThan(200);
    }
  });

  it('says on every page, or in the questions, that Steadfast complements therapy', () => {
    for (const page of loadContent(realDir).learn.values()) {
      expect(page.html, page.slug).toMatch(/therap/i);
    }
  });

  it('carries the crisis numbers from INSTRUMENTS.md, emergency number first', () => {
    const { crisis } = loadContent(realDir);
    const byCode = Object.fromEntries(crisis.countries.map((c) => [c.code, c]));
    expect(byCode.US?.emergency.number).toBe('911');
    expect(byCode.US?.lines.map((l) => l.href)).toEqual(['tel:988', 'tel:18007997233']);
    expect(byCode.GB?.emergency.number).toBe('999');
    expect(byCode.GB?.lines.map((l) => l.href)).toEqual(['tel:116123', 'tel:08082000247']);
    expect(byCode.IE?.lines.map((l) => l.href)).toEqual(['tel:116123', 'tel:1800341900']);
    expect(byCode.CA?.lines.map((l) => l.href)).toEqual(['tel:988']);
    expect(byCode.AU?.emergency.number).toBe('000');
    expect(byCode.AU?.lines.map((l) => l.href)).toEqual(['tel:131114', 'tel:1800737732']);
  });

  it('stops start-up naming the file when front matter is broken', () => {
    const dir = copyContent();
    const file = path.join(dir, 'learn', 'impact.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 42\nunknown: field'));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(file);
  });

  it('stops start-up when a required page is missing, or a page holds raw HTML', () => {
    const missing = copyContent();
    fs.rmSync(path.join(missing, 'learn', 'questions.md'));
    expect(() => loadContent(missing)).toThrow(/questions\.md: this required page is missing/);

    const withHtml = copyContent();
    fs.appendFileSync(path.join(withHtml, 'learn', 'impact.md'), '\n<script>alert(1)</script>\n');
    expect(() => loadContent(withHtml)).toThrow(/impact\.md: raw HTML is not allowed/);
  });

  it('stops start-up naming the crisis file when a number is not a tel: link', () => {
    const dir = copyContent();
    const file = path.join(dir, 'crisis', 'resources.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('tel:988', 'https://example.org'));
    expect(() => loadContent(dir)).toThrow(file);
  });
});
