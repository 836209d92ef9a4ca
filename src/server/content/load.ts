import fs from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LearnFrontMatter, requiredLearnPages, slugPattern, type LearnPage } from '../../core/content/learn-page.js';
import { orderTools, requiredTools, ToolFrontMatter, ToolsIntroFrontMatter, toolsIntroSlug, type ToolPage, type ToolsContent, type ToolsIntro } from '../../core/content/tool-page.js';
import { CrisisResources } from '../../core/crisis/resources.js';
import { Instrument, requiredInstruments } from '../../core/measures/instrument.js';
import { assembleProgram, missingSteps, parseStepBody, stepFileName, StepFrontMatter, type Program, type ProgramStep } from '../../core/program/program.js';
import type { PromptDecks } from '../../core/reconnection/decks.js';
import { loadPromptDecks, PromptDeckError } from './prompts.js';

export class ContentError extends Error {}

export interface Content {
  readonly learn: ReadonlyMap<string, LearnPage>;
  /** Learn pages in reading order, home excluded. */
  readonly learnIndex: readonly LearnPage[];
  readonly crisis: CrisisResources;
  /** Questionnaires by id (phq9, gad7), scored from their data by src/core/measures/scoring.ts. */
  readonly instruments: ReadonlyMap<string, Instrument>;
  /** Tools for intense moments: the pages by slug, the index order, and the index's introduction. */
  readonly tools: ToolsContent;
  /** The seven steps in order, with their exercises and role texts (content/program/NN-<id>.md). */
  readonly program: Program;
  /** Step 5's connection prompt decks (content/prompts/<deck>.md). */
  readonly prompts: PromptDecks;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

// Our own Markdown only; raw HTML in it is refused so content cannot smuggle in scripts.
const marked = new Marked({ gfm: true, async: false });

/** One Markdown page with front matter checked against `schema`; `fields` names them in the error. */
function parseMarkdownPage<T extends object>(file: string, text: string, schema: z.ZodType<T>, fields: string): T & { slug: string; html: string } {
  const slug = path.basename(file, '.md');
  if (!slugPattern.test(slug)) throw new ContentError(`${file}: file name must be a lowercase slug like kinds-of-betrayal.md`);
  const match = FRONT_MATTER.exec(text);
  if (!match?.[1] || match[2] === undefined) {
    throw new ContentError(`${file}: must start with front matter between --- lines (${fields})`);
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (e) {
    throw new ContentError(`${file}: front matter is not valid YAML: ${(e as Error).message}`);
  }
  const front = schema.safeParse(data);
  if (!front.success) throw new ContentError(`${file}: front matter is not valid: ${describeIssues(front.error)}`);
  const body = match[2];
  if (/^#\s/m.test(body)) throw new ContentError(`${file}: use ## and ### headings; the title is the page's only # heading`);
  if (/<[a-z!/]/i.test(body)) throw new ContentError(`${file}: raw HTML is not allowed in content`);
  return { ...front.data, slug, html: marked.parse(body) as string };
}

const parseLearnPage = (file: string, text: string): LearnPage => parseMarkdownPage(file, text, LearnFrontMatter, 'title, summary, order');

/** The tools for intense moments: every required tool, plus `index.md`, which introduces the index page. */
function loadTools(dir: string): ToolsContent {
  const toolsDir = path.join(dir, 'tools');
  if (!fs.existsSync(toolsDir)) throw new ContentError(`${toolsDir}: the tools folder is missing`);
  const pages = new Map<string, ToolPage>();
  let intro: ToolsIntro | undefined;
  for (const name of fs.readdirSync(toolsDir).filter((n) => n.endsWith('.md')).sort()) {
    const file = path.join(toolsDir, name);
    const text = fs.readFileSync(file, 'utf8');
    if (name === `${toolsIntroSlug}.md`) {
      const { summary, html } = parseMarkdownPage(file, text, ToolsIntroFrontMatter, 'summary');
      intro = { summary, html };
    } else {
      const page = parseMarkdownPage(file, text, ToolFrontMatter, 'title, summary, order, kind');
      pages.set(page.slug, page);
    }
  }
  for (const slug of requiredTools) {
    if (!pages.has(slug)) throw new ContentError(`${path.join(toolsDir, `${slug}.md`)}: this required page is missing`);
  }
  if (!intro) throw new ContentError(`${path.join(toolsDir, `${toolsIntroSlug}.md`)}: this required page is missing`);
  return { pages, index: orderTools(pages.values()), intro };
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
  const tools = loadTools(dir);
  const instruments = loadInstruments(dir);
  const program = loadProgram(dir);
  const prompts = loadPrompts(dir);
  return { learn, learnIndex, crisis: crisis.data, tools, instruments, program, prompts };
}

/** The questionnaires, one file each named after its id; every file is checked whole, and PHQ-9 and GAD-7 must be there. */
function loadInstruments(dir: string): ReadonlyMap<string, Instrument> {
  const instrumentsDir = path.join(dir, 'instruments');
  if (!fs.existsSync(instrumentsDir)) throw new ContentError(`${instrumentsDir}: the instruments folder is missing`);
  const instruments = new Map<string, Instrument>();
  for (const name of fs.readdirSync(instrumentsDir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(instrumentsDir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ContentError(`${file}: cannot be read as JSON: ${(e as Error).message}`);
    }
    const instrument = Instrument.safeParse(raw);
    if (!instrument.success) throw new ContentError(`${file}: ${describeIssues(instrument.error)}`);
    const { id } = instrument.data;
    if (name !== `${id}.json`) throw new ContentError(`${file}: the file name must be the instrument's id (${id}.json)`);
    instruments.set(id, instrument.data);
  }
  for (const id of requiredInstruments) {
    if (!instruments.has(id)) throw new ContentError(`${path.join(instrumentsDir, `${id}.json`)}: this required instrument is missing`);
  }
  return instruments;
}

/** One step file: front matter checked by the core's schema, the fixed role sections checked, each rendered. */
function parseStep(file: string, text: string): ProgramStep {
  const match = FRONT_MATTER.exec(text);
  if (!match?.[1] || match[2] === undefined) throw new ContentError(`${file}: must start with front matter between --- lines (id, order, title, summary, eft, gottman, exercises, ready)`);
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (e) {
    throw new ContentError(`${file}: front matter is not valid YAML: ${(e as Error).message}`);
  }
  const front = StepFrontMatter.safeParse(data);
  if (!front.success) throw new ContentError(`${file}: front matter is not valid: ${describeIssues(front.error)}`);
  const { exercises, ...step } = front.data;
  const expected = stepFileName(step.order, step.id);
  if (path.basename(file) !== expected) throw new ContentError(`${file}: the file name must be the step's order and id (${expected})`);
  const body = match[2];
  if (/^#\s/m.test(body)) throw new ContentError(`${file}: use ## and ### headings; the title is the step's only # heading`);
  if (/<[a-z!/]/i.test(body)) throw new ContentError(`${file}: raw HTML is not allowed in content`);
  const parsed = parseStepBody(body);
  if (!parsed.ok) throw new ContentError(`${file}: ${parsed.message}`);
  const render = (md: string) => marked.parse(md) as string;
  const { why, roles, more } = parsed.texts;
  return {
    ...step,
    exercises: exercises.map((ex) => ({ ...ex, stepId: step.id })),
    html: {
      why: render(why),
      roles: { hurt: render(roles.hurt), broke_trust: render(roles.broke_trust), both: render(roles.both) },
      more: more.map((m) => ({ heading: m.heading, text: render(m.text) })),
    },
  };
}

/** The seven steps; a broken file, an id used twice across files, or a missing step stops start-up naming the file. */
function loadProgram(dir: string): Program {
  const programDir = path.join(dir, 'program');
  if (!fs.existsSync(programDir)) throw new ContentError(`${programDir}: the program folder is missing`);
  const files = new Map<string, string>();
  const steps: ProgramStep[] = [];
  for (const name of fs.readdirSync(programDir).filter((n) => n.endsWith('.md')).sort()) {
    const file = path.join(programDir, name);
    const step = parseStep(file, fs.readFileSync(file, 'utf8'));
    files.set(step.id, file);
    steps.push(step);
  }
  const assembled = assembleProgram(steps);
  if (!assembled.ok) {
    throw new ContentError(assembled.issues.map((i) => `${files.get(i.stepId) ?? programDir}: ${i.message}`).join('; '));
  }
  const [missing] = missingSteps(assembled.program);
  if (missing) throw new ContentError(`${path.join(programDir, missing.file)}: this required step is missing`);
  return assembled.program;
}

/** The connection prompt decks, their errors reported as every content error is. */
function loadPrompts(dir: string): PromptDecks {
  try {
    return loadPromptDecks(dir);
  } catch (e) {
    if (e instanceof PromptDeckError) throw new ContentError(e.message);
    throw e;
  }
}
