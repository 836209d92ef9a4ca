import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, phone, watch } from './support.js';

const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser, baseUrl, phone);
  page = watch(await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

// Page code is passed as text: this project's types are Node's, not the browser's.
/** Resolves once the offline worker controls the page (an event, not a wait on time). */
const controlled = `new Promise((resolve) => {
  if (navigator.serviceWorker.controller) return resolve(true);
  navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true));
})`;

/** Every URL in every cache the page can see. */
const cachedUrls = `(async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(new URL(request.url).pathname + new URL(request.url).search);
  }
  return urls;
})()`;

const h1 = () => page.locator('h1').first().textContent();

describe('the crisis and tools pages with no connection', () => {
  it('keeps /help and the visited tools readable offline, and never keeps an API answer', async () => {
    await page.goto('/help');
    expect(await page.evaluate(controlled)).toBe(true);
    const helpTitle = await h1();
    const tools = [
      '/tools',
      '/tools/breathing',
      '/tools/grounding',
      '/tools/grief',
      '/tools/anxiety',
      '/tools/anger',
    ];
    const titles = new Map<string, string | null>();
    for (const url of tools) {
      await page.goto(url);
      titles.set(url, await h1());
    }
    // An API answer read while online (through the worker's page), to prove it is not kept.
    const online = await page.evaluate<number>(`fetch('/api/crisis').then((r) => r.status)`);
    expect(online).toBe(200);

    await context.setOffline(true);
    await page.goto('/help');
    expect(await h1()).toBe(helpTitle);
    await expect(
      page.getByRole('link', { name: 'Quick exit', exact: true }).isVisible(),
    ).resolves.toBe(true);
    // The page keeps its style offline too.
    const styled = await page.evaluate<string>(
      `getComputedStyle(document.querySelector('.site-header')).display`,
    );
    expect(styled).not.toBe('inline');
    // A country never chosen online still shows the crisis page kept for /help.
    await page.goto('/help?country=GB');
    expect(await h1()).toBe(helpTitle);
    for (const url of tools) {
      await page.goto(url);
      expect(await h1(), url).toBe(titles.get(url));
    }
    await page.reload();
    expect(await h1()).toBe(titles.get('/tools/anger'));

    const offline = await page.evaluate<string>(
      `fetch('/api/crisis').then((r) => 'answered ' + r.status, () => 'failed')`,
    );
    expect(offline).toBe('failed');
    const urls = await page.evaluate<string[]>(cachedUrls);
    expect(urls).toContain('/help');
    expect(urls).toContain('/tools/breathing');
    expect(urls.filter((u) => u.startsWith('/api/'))).toEqual([]);
    expect(urls.filter((u) => u.startsWith('/signin') || u.startsWith('/app'))).toEqual([]);
  });

  it('still leaves by Quick exit with no connection, to a blank page', async () => {
    await page.goto('/tools/breathing');
    await page.getByRole('link', { name: 'Quick exit', exact: true }).click();
    await page.waitForURL('**/exit');
    expect(await page.title()).toBe('');
    expect(await page.evaluate<string>('document.body.textContent')).toBe('');
    await context.setOffline(false);
  });
});
