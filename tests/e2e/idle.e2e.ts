import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, CSRF, heading, launch, newContext, PASSWORD, phone, watch } from './support.js';

const baseUrl = inject('baseUrl');
const neutralUrl = inject('neutralUrl');

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
});

afterEach(async () => {
  await context?.close();
});

afterAll(async () => {
  await browser?.close();
});

const NOTE = /Anything you want to add/;

/** A person on a solo journey, signed in in a fresh browser context; the page's clock is ours. */
async function signedIn(name = 'Jo'): Promise<{ page: Page; email: string; idleMinutes: number }> {
  context = await newContext(browser, baseUrl, phone);
  const email = `idle-${name.toLowerCase()}-${randomUUID()}@example.org`;
  const signup = await context.request.post('/api/auth/signup', {
    headers: CSRF,
    data: { email, password: PASSWORD, displayName: name },
  });
  expect(signup.status()).toBe(201);
  const { idleMinutes } = (await signup.json()) as { idleMinutes: number };
  const started = await context.request.post('/api/journey', {
    headers: CSRF,
    data: { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_month' },
  });
  expect(started.status()).toBe(201);
  const page = watch(await context.newPage());
  // The page's clock is ours to move: no real waiting.
  await page.clock.install();
  return { page, email, idleMinutes };
}

const minutes = (n: number) => `${String(n).padStart(2, '0')}:00`;
const isSessionCall = (url: string) => new URL(url).pathname === '/api/auth/session';

async function signedInUser(page: Page): Promise<unknown> {
  const session = await page.request.get('/api/auth/session');
  return ((await session.json()) as { user: unknown }).user;
}

async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Words typed into a new check-in, then the screen cleared after the idle time. */
async function wordsLeftUnused(): Promise<{ page: Page; email: string; words: string }> {
  const { page, email, idleMinutes } = await signedIn();
  await page.goto('/app/checkins/new');
  await heading(page, 'Check in');
  const words = `words nobody else should see ${randomUUID()}`;
  await page.getByLabel(NOTE).fill(words);
  await page.clock.fastForward(minutes(idleMinutes + 1));
  await page.waitForURL(/\/signin\?ended=idle$/);
  await heading(page, 'Sign in');
  expect(await page.content()).not.toContain(words);
  return { page, email, words };
}

describe('a phone left unused', () => {
  it('clears the screen after the idle time, ends the session, and Back does not bring the words back', async () => {
    const { page, idleMinutes } = await signedIn();
    await page.goto('/app/checkins/new');
    await heading(page, 'Check in');
    const words = `words nobody else should see ${randomUUID()}`;
    await page.getByLabel(NOTE).fill(words);

    await page.clock.fastForward(minutes(idleMinutes - 1));
    expect(await page.getByLabel(NOTE).inputValue()).toBe(words);

    await page.clock.fastForward('02:00');
    await page.waitForURL(/\/signin\?ended=idle$/);
    await page
      .getByRole('status')
      .getByText(/signed out after a while without use/)
      .waitFor();
    expect(await page.getByText(words).count()).toBe(0);
    // The sign-in page does not tell whoever holds the phone that words were kept.
    expect(await page.getByText(/writing/).count()).toBe(0);
    await checkPage(page);

    await page.goBack();
    expect(page.url()).not.toContain('/app/checkins/new');
    expect(await signedInUser(page)).toBeNull();
  });

  it('keeps the session while someone types, however long they take, telling the server now and then', async () => {
    const { page, idleMinutes } = await signedIn();
    await page.goto('/app/checkins/new');
    await heading(page, 'Check in');
    const note = page.getByLabel(NOTE);
    await note.fill('It is taking me a long time to find the words');
    // Twice the idle limit, typing a little every ten minutes: each time the server hears of it.
    for (let typed = 0; typed < (2 * idleMinutes) / 10; typed++) {
      await page.clock.fastForward(minutes(10));
      const keepAlive = page.waitForRequest((r) => r.method() === 'GET' && isSessionCall(r.url()));
      await note.press('End');
      await page.keyboard.type('.');
      expect((await (await keepAlive).response())?.status()).toBe(200);
    }
    expect(page.url()).toContain('/app/checkins/new');
    expect(await note.inputValue()).toMatch(/find the words\.+$/);
    expect(await signedInUser(page)).not.toBeNull();
  });

  it('offers to stay a minute before the sign-out, politely and within reach of the keyboard', async () => {
    const { page, idleMinutes } = await signedIn();
    await page.goto('/app');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const stay = page.getByRole('button', { name: 'Stay signed in' });

    await page.clock.fastForward(minutes(idleMinutes - 2));
    expect(await stay.count()).toBe(0);
    await page.clock.fastForward(minutes(1));
    await stay.waitFor();
    const live = page.locator('[aria-live="polite"]').filter({ hasText: /Still there\?/ });
    expect(await live.count()).toBe(1);
    await checkPage(page);

    // Reached with Tab from the top of the page, and used with Enter.
    await page.locator('body').focus();
    let focused = '';
    for (let tabs = 0; tabs < 10 && focused !== 'Stay signed in'; tabs++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>('document.activeElement?.textContent ?? ""');
    }
    expect(focused).toBe('Stay signed in');
    const keepAlive = page.waitForRequest((r) => r.method() === 'GET' && isSessionCall(r.url()));
    await page.keyboard.press('Enter');
    await keepAlive;
    await stay.waitFor({ state: 'detached' });

    // Past the time the sign-out would have come: still here.
    await page.clock.fastForward(minutes(2));
    expect(page.url()).toMatch(/\/app$/);
    expect(await stay.count()).toBe(0);
    expect(await signedInUser(page)).not.toBeNull();
  });

  it('puts unsaved words back when the same person signs in again in the same tab', async () => {
    const { page, email, words } = await wordsLeftUnused();
    await signInHere(page, email);
    await page.waitForURL(/\/app\/checkins\/new$/);
    await heading(page, 'Check in');
    expect(await page.getByLabel(NOTE).inputValue()).toBe(words);
    await page
      .getByRole('status')
      .getByText(/What you were writing .* is here again/)
      .waitFor();
    await checkPage(page);
  });

  it('puts back an agreement being written too: every text field keeps its words, not only the drafts', async () => {
    const { page, email, idleMinutes } = await signedIn();
    const checked = await page.request.post('/api/safety/check', {
      headers: CSRF,
      data: {
        answers: {
          afraid: false,
          threatened: false,
          harmed: false,
          sexual: false,
          controlled: false,
        },
      },
    });
    expect(checked.status()).toBe(200);
    await page.goto('/app/agreements');
    await heading(page, 'Agreements');
    const words = `an agreement not yet proposed ${randomUUID()}`;
    await page.getByLabel('The agreement').fill(words);
    await page.clock.fastForward(minutes(idleMinutes + 1));
    await page.waitForURL(/\/signin\?ended=idle$/);
    expect(await page.content()).not.toContain(words);
    await signInHere(page, email);
    await page.waitForURL(/\/app\/agreements$/);
    await heading(page, 'Agreements');
    expect(await page.getByLabel('The agreement').inputValue()).toBe(words);
  });

  it('never hands the words to someone else who signs in in that tab', async () => {
    const { page, words } = await wordsLeftUnused();
    const other = `idle-sam-${randomUUID()}@example.org`;
    expect(
      (
        await context.request.post('/api/auth/signup', {
          headers: CSRF,
          data: { email: other, password: PASSWORD, displayName: 'Sam' },
        })
      ).status(),
    ).toBe(201);
    await context.request.post('/api/auth/signout', { headers: CSRF });
    await signInHere(page, other);
    await page.waitForURL(/\/app\/checkins\/new$/);
    await heading(page, 'Check in');
    expect(await page.getByLabel(NOTE).inputValue()).toBe('');

    expect(await page.content()).not.toContain(words);
  });

  it('drops the kept words on Quick exit: signing in again afterwards brings nothing back', async () => {
    const { page, email, words } = await wordsLeftUnused();
    await page.getByRole('link', { name: 'Quick exit', exact: true }).click();
    await page.waitForURL(neutralUrl);
    await page.goto('/signin');
    await signInHere(page, email);
    await page.waitForURL(/\/app$/);
    await page.goto('/app/checkins/new');
    await heading(page, 'Check in');
    expect(await page.getByLabel(NOTE).inputValue()).toBe('');
    expect(await page.content()).not.toContain(words);
  });
});
