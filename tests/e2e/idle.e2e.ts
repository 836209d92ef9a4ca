import { randomUUID } from 'node:crypto';
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

describe('a phone left unused', () => {
  it('clears the screen after the idle time, ends the session, and Back does not bring the words back', async () => {
    const signup = await context.request.post('/api/auth/signup', {
      headers: { 'x-steadfast-csrf': '1' },
      data: {
        email: `idle-${randomUUID()}@example.org`,
        password: 'a long and quiet river',
        displayName: 'Jo',
      },
    });
    expect(signup.status()).toBe(201);
    const { idleMinutes } = (await signup.json()) as { idleMinutes: number };
    const started = await context.request.post('/api/journey', {
      headers: { 'x-steadfast-csrf': '1' },
      data: { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_month' },
    });
    expect(started.status()).toBe(201);

    const page = watch(await context.newPage());
    // The page's clock is ours to move: no real waiting.
    await page.clock.install();
    await page.goto('/app/checkins/new');
    await heading(page, 'Check in');
    const words = `words nobody else should see ${randomUUID()}`;
    await page.getByLabel(/Anything you want to add/).fill(words);

    await page.clock.fastForward(`${String(idleMinutes - 1).padStart(2, '0')}:00`);
    expect(await page.getByLabel(/Anything you want to add/).inputValue()).toBe(words);

    await page.clock.fastForward('02:00');
    await page.waitForURL(/\/signin\?ended=idle$/);
    await page
      .getByRole('status')
      .getByText(/signed out after a while without use/)
      .waitFor();
    expect(await page.getByText(words).count()).toBe(0);
    await checkPage(page);

    await page.goBack();
    expect(page.url()).not.toContain('/app/checkins/new');
    const session = await context.request.get('/api/auth/session');
    expect(((await session.json()) as { user: unknown }).user).toBeNull();
  });
});
