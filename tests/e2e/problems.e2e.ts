import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, heading, launch, newContext, phone, watch } from './support.js';

const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser, baseUrl, phone);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('problem type pages', () => {
  it('the `type` link of a refused request opens a page that passes every check', async () => {
    const page = watch(await context.newPage());
    const refused = await page.request.get('/api/journey');
    expect(refused.status()).toBe(401);
    const { type } = (await refused.json()) as { type: string };
    await page.goto(type);
    await heading(page, 'Please sign in');
    await checkPage(page, { dark: true });
  });
});
