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

  it('loads every tool, exercises first, each pointing to Get help now and saying it complements therapy', () => {
    const { tools } = loadContent(realDir);
    expect(tools.index.map((p) => [p.slug, p.kind])).toEqual([
      ['breathing', 'exercise'],
      ['grounding', 'exercise'],
      ['grief', 'guidance'],
      ['anxiety', 'guidance'],
      ['anger', 'guidance'],
    ]);
    expect([...tools.pages.keys()].sort()).toEqual(['anger', 'anxiety', 'breathing', 'grief', 'grounding']);
    for (const page of [...tools.index, { slug: 'index', ...tools.intro }]) {
      expect(page.html, page.slug).toContain('href="/help"');
      expect(page.html, page.slug).toMatch(/therap/i);
    }
    for (const page of tools.index.filter((p) => p.kind === 'guidance')) {
      expect(page.html, page.slug).toContain('href="/tools/grounding"');
      expect(page.html, page.slug).toContain('href="/tools/breathing"');
    }
  });

  it('orders the tools by kind, then by their order, whatever the file names', () => {
    const dir = copyContent();
    const file = path.join(dir, 'tools', 'anger.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('kind: guidance', 'kind: exercise').replace(/^order: .*$/m, 'order: 0'));
    expect(loadContent(dir).tools.index.map((p) => p.slug)).toEqual(['anger', 'breathing', 'grounding', 'grief', 'anxiety']);
  });

  it('stops start-up naming the tool file when its front matter is broken', () => {
    const dir = copyContent();
    const file = path.join(dir, 'tools', 'breathing.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('kind: exercise', 'kind: workout'));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(`${file}: front matter is not valid: kind:`);

    const intro = copyContent();
    const introFile = path.join(intro, 'tools', 'index.md');
    fs.writeFileSync(introFile, fs.readFileSync(introFile, 'utf8').replace('summary:', 'title: Tools\nsummary:'));
    expect(() => loadContent(intro)).toThrow(`${introFile}: front matter is not valid`);
  });

  it('stops start-up when a required tool or the tools introduction is missing, or a tool holds raw HTML', () => {
    const missing = copyContent();
    fs.rmSync(path.join(missing, 'tools', 'anger.md'));
    expect(() => loadContent(missing)).toThrow(`${path.join(missing, 'tools', 'anger.md')}: this required page is missing`);

    const noIntro = copyContent();
    fs.rmSync(path.join(noIntro, 'tools', 'index.md'));
    expect(() => loadContent(noIntro)).toThrow(`${path.join(noIntro, 'tools', 'index.md')}: this required page is missing`);

    const withHtml = copyContent();
    fs.appendFileSync(path.join(withHtml, 'tools', 'grief.md'), '\n<img src=x onerror=alert(1)>\n');
    expect(() => loadContent(withHtml)).toThrow(/grief\.md: raw HTML is not allowed/);
  });
});

describe('instruments', () => {
  it('loads PHQ-9 and GAD-7 by id, checked against the schema', () => {
    const { instruments } = loadContent(realDir);
    expect(instruments.get('phq9')?.items).toHaveLength(9);
    expect(instruments.get('gad7')?.items).toHaveLength(7);
    expect(instruments.get('phq9')?.crisisRules.map((r) => r.item)).toEqual(['phq9.9']);
  });

  it('stops start-up naming the instrument file and the problem when a band leaves a gap', () => {
    const dir = copyContent();
    const file = path.join(dir, 'instruments', 'phq9.json');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('"min": 5, "max": 9}');
    fs.writeFileSync(file, text.replace('"min": 5, "max": 9}', '"min": 5, "max": 8}'));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(`${file}: bands.2.min: bands leave a gap: no band covers 9`);
  });

  it('stops start-up naming the instrument file when it is not JSON or carries an unknown rule type', () => {
    const notJson = copyContent();
    const notJsonFile = path.join(notJson, 'instruments', 'gad7.json');
    fs.appendFileSync(notJsonFile, ',');
    expect(() => loadContent(notJson)).toThrow(`${notJsonFile}: cannot be read as JSON`);

    const unknownRule = copyContent();
    const ruleFile = path.join(unknownRule, 'instruments', 'phq9.json');
    fs.writeFileSync(ruleFile, fs.readFileSync(ruleFile, 'utf8').replace('"type": "item_above"', '"type": "total_above"'));
    expect(() => loadContent(unknownRule)).toThrow(`${ruleFile}: crisisRules.0.type: unknown crisis rule type`);
  });

  it('stops start-up when PHQ-9 or GAD-7 is missing, or a file is not named after its id', () => {
    const missing = copyContent();
    fs.rmSync(path.join(missing, 'instruments', 'gad7.json'));
    expect(() => loadContent(missing)).toThrow(`${path.join(missing, 'instruments', 'gad7.json')}: this required instrument is missing`);

    const renamed = copyContent();
    const renamedFile = path.join(renamed, 'instruments', 'depression.json');
    fs.renameSync(path.join(renamed, 'instruments', 'phq9.json'), renamedFile);
    expect(() => loadContent(renamed)).toThrow(`${renamedFile}: the file name must be the instrument's id (phq9.json)`);
  });
});

describe('program', () => {
  it('loads the seven steps in order, each with its role texts, exercises and ready reflection', () => {
    const { program } = loadContent(realDir);
    expect(program.steps.map((s) => s.id)).toEqual([
      'responsibility',
      'plan',
      'commitment',
      'communication',
      'reconnection',
      'intimacy',
      'forgiveness',
    ]);
    expect(program.steps[0]?.exercises.map((e) => [e.id, e.type])).toEqual([
      ['responsibility.statement', 'accountability_statement'],
      ['responsibility.response', 'reflection'],
    ]);
    for (const step of program.steps) {
      for (const html of [step.html.why, step.html.roles.hurt, step.html.roles.broke_trust, step.html.roles.both]) {
        expect(html, step.id).toMatch(/^<p>/);
      }
      expect(step.html.why, step.id).toMatch(/therap/i);
      expect(step.ready.length, step.id).toBeGreaterThan(20);
      expect(step.exercises.every((e) => e.stepId === step.id)).toBe(true);
    }
    expect(program.steps[6]?.html.more.map((m) => m.heading)).toEqual([
      'What forgiving is, and what it is not','Moving forward']);
  });

  it('stops start-up naming the step file when an exercise type is unknown', () => {
    const dir = copyContent();
    const file = path.join(dir, 'program', '02-plan.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('type: agreements', 'type: workout'));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(`${file}: front matter is not valid: exercises.0.type: unknown exercise type "workout"`);
  });

  it('stops start-up naming the step file when a role section is missing', () => {
    const dir = copyContent();
    const file = path.join(dir, 'program', '03-commitment.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('## If you broke trust', '## If you were the one'));
    expect(() => loadContent(dir)).toThrow(`${file}: the section "## If you broke trust" is missing`);
  });

  it('stops start-up naming the step file when an exercise id is used twice or a step id is reused by another file', () => {
    const dir = copyContent();
    const file = path.join(dir, 'program', '07-forgiveness.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('id: forgiveness.letter', 'id: forgiveness.reading'));
    expect(() => loadContent(dir)).toThrow(`${file}: front matter is not valid: exercises.2.id: duplicate exercise id forgiveness.reading`);

    // Exercise ids start with their step's id, so across files an id can only repeat through a repeated step id.
    const twice = copyContent();
    const copy = path.join(twice, 'program', '08-responsibility.md');
    fs.writeFileSync(copy, fs.readFileSync(path.join(twice, 'program', '01-responsibility.md'), 'utf8').replace('order: 1', 'order: 8'));
    expect(() => loadContent(twice)).toThrow(`${copy}: duplicate step id responsibility`);
    expect(() => loadContent(twice)).toThrow(`${copy}: duplicate exercise id responsibility.statement: step responsibility uses it too`);
  });

  it('stops start-up naming the file when a phase is outside its lens, a file is misnamed, or a step is missing', () => {
    const phase = copyContent();
    const phaseFile = path.join(phase, 'program', '01-responsibility.md');
    fs.writeFileSync(phaseFile, fs.readFileSync(phaseFile, 'utf8').replace('gottman: [atone]\nexercises:', 'gottman: [atone, attach]\nexercises:'));
    expect(() => loadContent(phase)).toThrow(`${phaseFile}: front matter is not valid: gottman: the step is tagged with the Gottman phase attach, but none of its exercises are`);
    const unknownPhase = copyContent();
    const unknownFile = path.join(unknownPhase, 'program', '05-reconnection.md');
    fs.writeFileSync(unknownFile, fs.readFileSync(unknownFile, 'utf8').replace('eft: [vulnerability, intimacy]\ngottman', 'eft: [vulnerability, closeness]\ngottman'));
    expect(() => loadContent(unknownPhase)).toThrow(`${unknownFile}: front matter is not valid: eft.1: unknown EFT phase "closeness"`);

    const misnamed = copyContent();
    const renamed = path.join(misnamed, 'program', '04-talking.md');
    fs.renameSync(path.join(misnamed, 'program', '04-communication.md'), renamed);
    expect(() => loadContent(misnamed)).toThrow(`${renamed}: the file name must be the step's order and id (04-communication.md)`);

    const missing = copyContent();
    fs.rmSync(path.join(missing, 'program', '06-intimacy.md'));
    expect(() => loadContent(missing)).toThrow(`${path.join(missing, 'program', '06-intimacy.md')}: this required step is missing`);
  });
});
