import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkPage, phoneContext, watch } from './support.js';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '..', '..');

const phoneTab = phoneContext();

/** Signing in, the app and its actions are checked by the journeys; here, the public reading. */
const notPublicReading =
  /^\/(?:app|api|assets|signin|signup|join|setup|exit|quick-exit)(?:[/.?]|$)/;

/** Every Markdown page in a content folder, at the address the server gives it. */
const contentPages = (folder: string, index: string): string[] =>
  fs
    .readdirSync(path.join(root, 'content', folder))
    .filter((f) => f.endsWith('.md') && f !== `${index}.md`)
    .map((f) => `/${folder}/${path.basename(f, '.md')}`);

describe('every public page', () => {
  it('is found by following the site’s own links, and passes axe and the page checks', async () => {
    const page = watch(await phoneTab.context.newPage());
    const queue = ['/learn', '/tools', '/help'];
    const checked = new Set<string>();
    while (queue.length > 0) {
      const address = queue.shift() ?? '';
      if (checked.has(address)) continue;
      checked.add(address);
      const response = await page.goto(address);
      // Home sends a fresh instance's first visitor to setup: that page is checked elsewhere.
      if (new URL(page.url()).pathname !== address) continue;
      expect(response?.status(), `status of ${address}`).toBe(200);
      await checkPage(page, { dark: true });
      // Page code is passed as text: this project's types are Node's, not the browser's.
      const links = await page.evaluate<string[]>(
        '[...document.querySelectorAll("a[href]")].map((a) => a.href)',
      );
      for (const link of links) {
        const url = new URL(link, baseUrl);
        if (url.origin !== new URL(baseUrl).origin || notPublicReading.test(url.pathname)) continue;
        if (!checked.has(url.pathname)) queue.push(url.pathname);
      }
    }
    // A page nothing links to would escape the crawl: every content page must have been reached.
    const expected = [
      '/learn',
      '/tools',
      '/help',
      ...contentPages('learn', 'home'),
      ...contentPages('tools', 'index'),
    ];
    expect([...checked]).toEqual(expect.arrayContaining(expected));
    // The directory, groups and intake pages joined the crawl: more pages than the default minute.
  }, 180_000);
});
