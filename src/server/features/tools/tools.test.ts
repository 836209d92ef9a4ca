import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { t as msg } from '../../../shared/i18n/messages.js';
import { escapeHtml, html, layout } from '../../pages/html.js';
import { PASSWORD, TestClient, uniqueEmail, useTestApp } from '../../test-support/harness.js';

const t = useTestApp();

/** Exercises first (by their order), then guidance (by theirs). */
const expectedOrder = ['breathing', 'grounding', 'grief', 'anxiety', 'anger'];

const get = (url: string) => t.app.inject({ method: 'GET', url });
/** What the page itself says, without the header and footer every page shares. */
const mainOf = (body: string): string => {
  const start = body.indexOf('<main');
  const end = body.indexOf('</main>');
  expect(start, 'page has a <main>').toBeGreaterThan(-1);
  return body.slice(start, end);
};
/**
 * A tool page may carry no script of its own: only what the shared layout puts on every public page
 * (such as a quick-exit file), and never an inline one.
 */
function expectNoScriptOfItsOwn(body: string, url: string): void {
  const scripts = (page: string) => page.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
  const fromLayout = scripts(layout({ title: 'x', body: html`` }));
  expect(scripts(body), url).toEqual(fromLayout);
  expect(body.match(/<script\b/gi)?.length ?? 0, url).toBe(fromLayout.length);
  for (const s of fromLayout) expect(s, url).toMatch(/^<script src="\/[^"]+"[^>]*><\/script>$/);
  expect(mainOf(body), url).not.toMatch(/<script\b|\son[a-z]+=/i);
}
const toolLinks = (body: string): string[] =>
  [...mainOf(body).matchAll(/href="\/tools\/([a-z0-9-]+)"/g)].map((m) => m[1] ?? '');

/** The bodies of every `@media (prefers-reduced-motion: reduce)` block in a stylesheet. */
function reducedMotionBlocks(css: string): string[] {
  const blocks: string[] = [];
  const opener = /@media \(prefers-reduced-motion: reduce\)\s*\{/g;
  for (let m = opener.exec(css); m; m = opener.exec(css)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < css.length && depth > 0; i++) {
      if (css[i] === '{') depth++;
      else if (css[i] === '}') depth--;
    }
    blocks.push(css.slice(m.index + m[0].length, i - 1));
  }
  return blocks;
}

describe('tools for intense moments', () => {
  it('lists every tool on the index, exercises first and then guidance, each in order', async () => {
    const res = await get('/tools');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(toolLinks(res.body)).toEqual(expectedOrder);
    expect(t.deps.content.tools.index.map((p) => p.slug)).toEqual(expectedOrder);

    const body = mainOf(res.body);
    expect(body).toContain(`<h1>${msg('tools.indexTitle')}</h1>`);
    const exercises = body.indexOf(`>${msg('tools.exercises')}</h2>`);
    const guidance = body.indexOf(`>${msg('tools.guidance')}</h2>`);
    expect(exercises).toBeGreaterThan(-1);
    expect(body.indexOf('href="/tools/grounding"')).toBeGreaterThan(exercises);
    expect(body.indexOf('href="/tools/grounding"')).toBeLessThan(guidance);
    expect(body.indexOf('href="/tools/grief"')).toBeGreaterThan(guidance);
  });

  it('renders each tool with its title as the one h1, no script of its own, and a link to Get help now in the page itself', async () => {
    for (const page of t.deps.content.tools.index) {
      const url = `/tools/${page.slug}`;
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.body, url).toContain(`<title>${escapeHtml(page.title)} · Steadfast</title>`);
      expect(res.body.match(/<h1[\s>]/g), url).toHaveLength(1);
      expect(res.body, url).toContain(`<h1>${escapeHtml(page.title)}</h1>`);
      expectNoScriptOfItsOwn(res.body, url);
      expect(res.body, url).toContain('<a class="help-now" href="/help"');
      expect(mainOf(res.body), url).toContain('href="/help"');
      expect(String(res.headers['content-security-policy']), url).not.toContain('unsafe-inline');
    }
    const index = await get('/tools');
    expectNoScriptOfItsOwn(index.body, '/tools');
    expect(mainOf(index.body)).toContain('href="/help"');
  });

  it('links each kind of guidance to both exercises', async () => {
    for (const slug of ['grief', 'anxiety', 'anger']) {
      const links = toolLinks((await get(`/tools/${slug}`)).body);
      expect(links, slug).toEqual(expect.arrayContaining(['grounding', 'breathing']));
    }
  });

  it('presents the grounding steps as an ordered list', async () => {
    const body = mainOf((await get('/tools/grounding')).body);
    const list = /<ol>([\s\S]*?)<\/ol>/.exec(body)?.[1] ?? '';
    expect(list.match(/<li>/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(list).toMatch(/five things you can see/);
  });

  it('gives the breathing circle an accessible description, both cues, and the counting guide for reduced motion', async () => {
    const body = mainOf((await get('/tools/breathing')).body);
    expect(body).toContain(
      `<div class="breathing-pacer" role="img" aria-label="${msg('tools.breathing.label')}">`,
    );
    expect(body).toContain(`<span class="breathing-cue-in">${msg('tools.breathing.in')}</span>`);
    expect(body).toContain(`<span class="breathing-cue-out">${msg('tools.breathing.out')}</span>`);
    expect(body).toContain(
      `<figcaption class="breathing-counts">${msg('tools.breathing.counts')}</figcaption>`,
    );
    expect(msg('tools.breathing.counts')).toMatch(/count slowly to four.*count slowly to six/);
    // Only the breathing page carries the guide.
    expect((await get('/tools/grounding')).body).not.toContain('breathing-pacer');
  });

  it('styles the breathing guide as one 10 s timeline, and swaps it for the counting text under reduced motion', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const css = fs.readFileSync(path.join(here, '../../../web/public/site.css'), 'utf8');
    // Circle and labels share one duration, so they stay in step; 4 s in is 40% of it.
    expect(css).toMatch(/\.breathing-circle \{[^}]*animation: breathing-circle 10s /);
    expect(css).toMatch(/\.breathing-cue-in \{[^}]*animation: breathing-cue-in 10s /);
    expect(css).toMatch(/\.breathing-cue-out \{[^}]*animation: breathing-cue-out 10s /);
    expect(css).toMatch(/@keyframes breathing-circle \{[^@]*40% \{\s*transform: scale\(1\);/);

    const reduced = reducedMotionBlocks(css).join('\n');
    expect(reduced).toMatch(/\.breathing-pacer \{\s*display: none;/);
    expect(reduced).toMatch(/\.breathing-counts \{[^}]*position: static;[^}]*clip-path: none;/);
    expect(reduced).toMatch(/animation: none !important/);
  });

  it('answers an unknown or malformed slug with the HTML not-found page', async () => {
    for (const url of ['/tools/nope', '/tools/index', '/tools/Grief', '/tools/..%2Fhelp']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.body, url).toContain(`<h1>${msg('notFound.title')}</h1>`);
    }
  });

  it('is linked from the Learn index, the home page and Get help now', async () => {
    const admin = new TestClient(t.app);
    const setup = await admin.post('/api/setup', {
      email: uniqueEmail('admin'),
      password: PASSWORD,
      displayName: 'Admin',
    });
    expect(setup.statusCode).toBe(201);
    for (const url of ['/', '/learn']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(mainOf(res.body), url).toContain(
        `<a href="/tools">${escapeHtml(msg('tools.fromLearn'))}</a>`,
      );
    }
    const help = await get('/help');
    expect(mainOf(help.body)).toContain(
      '<a href="/tools">If you are safe right now but overwhelmed: tools for intense moments</a>',
    );
  });
});
