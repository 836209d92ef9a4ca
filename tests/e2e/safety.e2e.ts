import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerSafetyCheck,
  coupleViaApi,
  CSRF,
  PASSWORD,
  signUpViaApi,
  checkPage,
  heading,
  launch,
  newContext,
  phone,
  watch,
} from './support.js';

const baseUrl = inject('baseUrl');
const neutralUrl = inject('neutralUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];

async function openPage(): Promise<Page> {
  const context = await newContext(browser, baseUrl, phone);
  contexts.push(context);
  return watch(await context.newPage());
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('safety first', () => {
  it('turns on safety mode when a safety question is answered "yes", and changes only that person’s screens', async () => {
    const casey = await openPage();
    await signUpViaApi(casey, 'Casey', { checked: false });
    await casey.request.post('/api/journey', {
      headers: CSRF,
      data: { path: 'together', role: 'both', kinds: ['lying'], cameToLight: 'this_week' },
    });
    await casey.goto('/app');
    await casey.getByRole('heading', { name: 'A few private questions first' }).waitFor();
    await checkPage(casey);
    await casey.getByRole('link', { name: 'Answer privately' }).click();
    await heading(casey, 'A few private questions');

    // Sending it half-answered says what is missing and saves nothing.
    await casey.getByRole('button', { name: 'Save my answers privately' }).click();
    await casey
      .getByRole('alert')
      .getByText(/Please answer each question/)
      .waitFor();
    await checkPage(casey);

    const controlled = casey.getByRole('group', { name: /control your money/ });
    for (const group of await casey.getByRole('group').all()) {
      await group.getByRole('radio', { name: 'No', exact: true }).check();
    }
    await controlled.getByRole('radio', { name: 'Yes', exact: true }).check();
    await casey.getByRole('button', { name: 'Save my answers privately' }).click();
    await heading(casey, 'Thank you for telling us');
    await casey.getByText('Your partner cannot see any of this').waitFor();
    // Discreet mode: a neutral title and icon.
    await casey.waitForFunction("document.title === 'Notes'");
    expect(await casey.locator('link[rel="icon"]').getAttribute('href')).toBe(
      '/favicon-neutral.svg',
    );
    await checkPage(casey);

    await casey.getByRole('link', { name: 'Continue' }).click();
    await casey.waitForURL(/\/app$/);
    await casey.getByRole('heading', { name: 'Your safety comes first' }).waitFor();
    expect(await casey.title()).toBe('Notes');
    await checkPage(casey);

    // A shorter idle time, and the person can leave safety mode themself.
    const session = (await (await casey.request.get('/api/auth/session')).json()) as {
      idleMinutes: number;
    };
    expect(session.idleMinutes).toBe(5);
    await casey.getByRole('link', { name: 'Settings' }).click();
    await casey.getByText('Safety mode is on').waitFor();
    await checkPage(casey);
    await casey.getByRole('button', { name: 'Leave safety mode' }).click();
    await casey.getByRole('button', { name: 'Yes, leave safety mode' }).click();
    await casey.getByRole('button', { name: 'Leave safety mode' }).waitFor({ state: 'detached' });
    await casey.getByRole('checkbox', { name: 'Discreet mode' }).waitFor();
    expect(await casey.getByRole('checkbox', { name: 'Discreet mode' }).isChecked()).toBe(true);
  });

  it('gives the partner exactly the same answers before and after the other turns on safety mode', async () => {
    const alex = await openPage();
    const sam = await openPage();
    await signUpViaApi(alex, 'Alex');
    await signUpViaApi(sam, 'Sam');
    await coupleViaApi(alex, sam);

    const samReads = async () => {
      const out: Record<string, unknown> = {};
      for (const url of ['/api/auth/session', '/api/journey', '/api/checkins', '/api/safety']) {
        const res = await sam.request.get(url);
        out[url] = { status: res.status(), body: (await res.json()) as unknown };
      }
      return out;
    };
    const before = await samReads();

    await alex.goto('/app/safety');
    await heading(alex, 'A few private questions');
    await answerSafetyCheck(alex, 'yes');
    await heading(alex, 'Thank you for telling us');
    expect(await samReads()).toEqual(before);

    await sam.goto('/app');
    await sam.getByText('You and Alex share this journey.').waitFor();
    expect(await sam.title()).not.toBe('Notes');
  });
});

describe('quick exit', () => {
  /** Alex, signed in, reading a private check-in, after having come from a Learn page. */
  async function readingPrivateWords() {
    const page = await openPage();
    const note = `Private words ${randomUUID()}`;
    const email = await signUpViaApi(page, 'Alex');
    await page.request.post('/api/journey', {
      headers: CSRF,
      data: { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_week' },
    });
    await page.request.post('/api/checkins', {
      headers: CSRF,
      data: { feelings: [{ feeling: 'hurt', intensity: 8 }], note },
    });
    await page.request.post('/api/auth/signout', { headers: CSRF });

    await page.goto('/learn');
    await page.goto('/signin');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('link', { name: 'My space', exact: true }).click();
    await page.getByText(note).waitFor();
    return { page, note };
  }

  it('leaves for the neutral site with the button, and Back does not show the private page', async () => {
    const { page, note } = await readingPrivateWords();
    await page.getByRole('link', { name: 'Quick exit' }).click();
    await page.waitForURL(neutralUrl);
    await page.getByRole('heading', { name: 'Weather today' }).waitFor();

    await page.goBack();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/learn');
    expect(await page.getByText(note).count()).toBe(0);
    // The session ended too: the app asks for a sign-in again.
    expect(
      ((await (await page.request.get('/api/auth/session')).json()) as { user: unknown }).user,
    ).toBeNull();
  });

  it('leaves with Shift pressed three times, from the app and from a public page', async () => {
    const { page, note } = await readingPrivateWords();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(neutralUrl);
    await page.goBack();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/learn');
    expect(await page.getByText(note).count()).toBe(0);

    // Server-rendered pages have it too (typing a capital letter is not an exit).
    await page.goto('/help');
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(new URL(page.url()).pathname).toBe('/help');
    await page.keyboard.press('Shift');
    await page.waitForURL(neutralUrl);
  });

  it('is not stopped by a "Leave site?" prompt while someone is writing', async () => {
    const { page } = await readingPrivateWords();
    await page.getByRole('link', { name: 'Check in', exact: true }).first().click();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss(); // "Stay on this page": what a prompt would do to the exit
    });
    // Typed for real, so the page has the user activation browsers need before they prompt.
    await page.getByLabel('Anything you want to add? (optional)').click();
    await page.keyboard.type('half a thought');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(neutralUrl);
    expect(dialogs).toEqual([]);
  });

  it('from the crisis page reached through the app, Back does not lead into the app', async () => {
    const { page, note } = await readingPrivateWords();
    await page
      .getByRole('link', { name: 'Get help now: crisis lines and emergency numbers' })
      .click();
    await heading(page, 'Get help now');
    await page.getByRole('link', { name: 'Quick exit' }).click();
    await page.waitForURL(neutralUrl);
    await page.goBack();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/learn');
    expect(await page.getByText(note).count()).toBe(0);
  });
});

describe('tools for intense moments', () => {
  it('are public pages that pass every check, the breathing guide included', async () => {
    const page = await openPage();
    await page.goto('/tools');
    await heading(page, 'Tools for intense moments');
    await checkPage(page);
    await page
      .getByRole('link', { name: /breath/i })
      .first()
      .click();
    await page.getByRole('img', { name: /breath/i }).waitFor();
    await checkPage(page);
    // With reduced motion the circle stops and the counting guide is there to read.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const running = await page.evaluate<number>(
      "document.getAnimations().filter((a) => a.playState === 'running').length",
    );
    expect(running).toBe(0);
    await page.goto('/tools/grounding');
    await checkPage(page, { dark: true });
  });
});
