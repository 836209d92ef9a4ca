import fs from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LearnFrontMatter, requiredLearnPages, slugPattern, type LearnPage } from '../../core/content/learn-page.js';
import { CrisisResources } from '../../core/crisis/resources.js';

export class ContentError extends Error {}

export interface Content {
  readonly learn: ReadonlyMap<string, LearnPage>;
  /** Learn pages in reading order, home excluded. */
  readonly learnIndex: readonly LearnPage[];
  readonly crisis: CrisisResources;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

// Our own Markdown only; raw HTML in it is refused so content cannot smuggle in scripts.
const marked = new Marked({ gfm: true, async: false });

function parseLearnPage(file: string, text: string): LearnPage {
  const slug = path.basename(file, '.md');
  if (!slugPattern.test(slug)) throw new ContentError(`${file}: file name must be a lowercase slug like kinds-of-betrayal.md`);
  const match = FRONT_MATTER.exec(text);
  if (!match?.[1] || match[2] === undefined) {
    throw new ContentError(`${file}: must start with front matter between --- lines (title, summary, order)`);
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (e) {
    throw new ContentError(`${file}: front matter is not valid YAML: ${(e as Error).message}`);
  }
  const front = LearnFrontMatter.safeParse(data);
  if (!front.success) throw new ContentError(`${file}: front matter is not valid: ${describeIssues(front.error)}`);
  const body = match[2];
  if (/^#\s/m.test(body)) throw new ContentError(`${file}: use ## and ### headings; the title is the page's only # heading`);
  if (/<[a-z!/]/i.test(body)) throw new ContentError(`${file}: raw HTML is not allowed in content`);
  return { ...front.data, slug, html: marked.parse(body) as string };
}

export function loadContent(dir: string): Content {
  const learnDir = path.join(dir, 'learn');
  if (!fs.existsSync(learnDir)) throw new ContentError(`${learnDir}: the Learn pages folder is missing`);
  const learn = new Map<string, LearnPage>();
  for (const name of fs.readdirSync(learnDir).filter((n) => n.endsWith('.md')).sort()) {
    const file = path.join(learnDir, name);
    const page = parseLearnPage(file, fs.readFileSync(file, 'utf8'));
    learn.set(page.slug, page);
  }
  for (const slug of requiredLearnPages) {
    if (!learn.has(slug)) throw new ContentError(`${path.join(learnDir, `${slug}.md`)}: this required page is missing`);
  }

  const crisisFile = path.join(dir, 'crisis', 'resources.json');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(crisisFile, 'utf8'));
  } catch (e) {
    throw new ContentError(`${crisisFile}: cannot be read as JSON: ${(e as Error).message}`);
  }
  const crisis = CrisisResources.safeParse(raw);
  if (!crisis.success) throw new ContentError(`${crisisFile}: ${describeIssues(crisis.error)}`);

  const learnIndex = [...learn.values()].filter((p) => p.slug !== 'home').sort((a, b) => a.order - b.order);
  return { learn, learnIndex, crisis: crisis.data };
}
