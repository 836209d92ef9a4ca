import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PAGE_SIZE_DEFAULT } from '../../src/core/checkins/checkin.js';
import {
  answerSafetyCheck,
  checkPage,
  desktop,
  heading,
  launch,
  newContext,
  phone,
  totpNow,
  watch,
} from './support.js';

const baseUrl = inject('baseUrl');
const PASSWORD = 'a long and quiet river';

interface Listed {
  items: { id: string; note: string }[];
}

let browser: Browser;
const contexts: BrowserContext[] = [];
let alex: Page;
let sam: Page;

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, baseUrl, viewport);
  contexts.push(context);
  return watch(await context.newPage());
}

async function fillAccount(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('What should we call you?', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
}

/** What Sam's session can read through the API, whatever the screen shows. */
async function samCanRead(id: string, note: string) {
  const list = await sam.request.get('/api/checkins');
  expect(list.status()).toBe(200);
  const listed = ((await list.json()) as Listed).items.some((c) => c.note === note);
  const one = await sam.request.get(`/api/checkins/${id}`);
  return { listed, status: one.status() };
}

const myCheckin = (page: Page, note: string) => page.getByRole('article').filter({ hasText: note });

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('Steadfast in a browser', () => {
  const note = `A quiet evening, hard to explain ${randomUUID()}`;
  let inviteUrl = '';
  let checkinId = '';

  it('serves the public pages, crisis resources included, to a phone', async () => {
    const page = await openPage(phone);

    // A fresh instance sends its first visitor to the one-time setup.
    await page.goto('/');
    await page.waitForURL(/\/setup$/);
    await heading(page, 'Set up Steadfast');
    await checkPage(page);

    await page.goto('/learn');
    await heading(page, 'Learn');
    await checkPage(page);

    await page.goto('/learn/kinds-of-betrayal');
    await heading(page, 'Kinds of betrayal');
    await checkPage(page);

    await page.goto('/help');
    await heading(page, 'Get help now');
    await page.getByLabel('Your country', { exact: true }).selectOption('GB');
    await page.getByRole('button', { name: 'Show numbers' }).click();
    await page.waitForURL(/\/help\?country=GB$/);
    await page.getByRole('heading', { level: 2, name: 'United Kingdom' }).waitFor();
    await checkPage(page, { dark: true });
  });

  it('shows the crisis link on app pages even before, or without, JavaScript', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: phone,
      javaScriptEnabled: false,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/signin');
    const help = page.getByRole('link', {
      name: 'Get help now: crisis lines and emergency numbers',
    });
    await help.waitFor();
    expect(await help.getAttribute('href')).toBe('/help');
    await help.click();
    await heading(page, 'Get help now');

    // While the app's code is still on its way (here: never arrives), the page is already usable.
    const slow = await openPage(phone);
    await slow.route('**/assets/**', (route) => route.abort());
    await slow.goto('/app');
    await checkPage(slow);
  });

  it('creates the administrator through /setup, which then no longer exists', async () => {
    const page = await openPage(desktop);
    await page.goto('/setup');
    await heading(page, 'Set up Steadfast');
    await checkPage(page);

    await fillAccount(page, 'Robin', `robin-${randomUUID()}@example.org`);
    await page.getByRole('button', { name: 'Create the administrator account' }).click();
    await page.waitForURL(/\/app$/);
    // Two-factor sign-in is required for administrators: its setup comes before anything else.
    await heading(page, 'Set up two-factor sign-in');
    await checkPage(page);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = (await page.locator('.totp-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await checkPage(page);
    await page.getByLabel('6-digit code from your app').fill(totpNow(secret));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('heading', { level: 2, name: 'Save your recovery codes' }).waitFor();
    await checkPage(page);
    // Done stays off until the person says the codes are saved.
    const done = page.getByRole('button', { name: 'Done', exact: true });
    expect(await done.isDisabled()).toBe(true);
    await page.getByLabel('I have saved these codes').check();
    await done.click();
    await heading(page, 'Today');
    await page.getByText("You manage this practice's Steadfast.").waitFor();
    await checkPage(page);

    await page.goto('/');
    await heading(page, 'Rebuilding trust, at your own pace');
    await checkPage(page, { dark: true });

    const gone = await page.goto('/setup');
    expect(gone?.status()).toBe(404);
    await heading(page, 'Page not found');
    await checkPage(page);
  });

  it('lets Alex sign up on a phone, start a together journey and create an invitation', async () => {
    alex = await openPage(phone);
    await alex.goto('/signup');
    await heading(alex, 'Create your private space');
    await checkPage(alex);

    await fillAccount(alex, 'Alex', `alex-${randomUUID()}@example.org`);
    await alex.getByRole('button', { name: 'Create my space' }).click();
    await alex.waitForURL(/\/app$/);
    await heading(alex, 'Today');
    await alex.getByRole('heading', { name: 'Begin when you are ready' }).waitFor();
    await checkPage(alex);

    await alex.getByRole('link', { name: 'Begin', exact: true }).click();
    await heading(alex, 'Start your journey');
    await alex.getByText('You can change any of this later.').waitFor();

    // Sending it unanswered shows what is missing, next to each question.
    await alex.getByRole('button', { name: 'Start my journey' }).click();
    await alex.getByRole('heading', { level: 2, name: 'Please check what you entered' }).waitFor();
    await alex.getByText('Please choose a path.').first().waitFor();
    await checkPage(alex, { dark: true });

    await alex.getByRole('radio', { name: /^Rebuild together/ }).check();
    await alex.getByRole('radio', { name: 'I was hurt', exact: true }).check();
    // Naming what happened is never required: "I would rather not say" stands on its own.
    const lying = alex.getByRole('checkbox', { name: 'Lying', exact: true });
    const unsaid = alex.getByRole('checkbox', { name: 'I would rather not say', exact: true });
    await lying.check();
    await unsaid.check();
    expect(await lying.isChecked()).toBe(false);
    await alex.getByRole('checkbox', { name: 'Emotional infidelity', exact: true }).check();
    await alex.getByRole('checkbox', { name: 'Keeping secrets', exact: true }).check();
    expect(await unsaid.isChecked()).toBe(false);
    await alex.getByLabel('When did it come to light?').selectOption('months_1_6');
    await alex.getByRole('button', { name: 'Start my journey' }).click();
    // The private safety check is offered as soon as the journey starts.
    await alex.waitForURL(/\/app\/safety$/);
    await alex.getByText('Your journey has started.', { exact: false }).first().waitFor();
    await heading(alex, 'A few private questions');
    await checkPage(alex);
    await answerSafetyCheck(alex, 'no');
    await heading(alex, 'Your answers are saved');
    await alex.getByRole('link', { name: 'Continue' }).click();
    await alex.waitForURL(/\/app$/);
    await alex.getByText('Your partner has not joined yet.').waitFor();
    await checkPage(alex);

    await alex
      .getByRole('navigation', { name: 'Your space' })
      .getByRole('link', { name: 'Together', exact: true })
      .click();
    await heading(alex, 'Together');
    await alex.getByRole('button', { name: 'Create an invitation link' }).click();
    const link = alex.getByLabel('Invitation link', { exact: true });
    await link.waitFor();
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${baseUrl}/join#[A-Za-z0-9_-]{43}$`));
    await alex.getByText('It works once, for 7 days.').waitFor();
    await alex.getByRole('button', { name: 'Withdraw' }).waitFor();
    await checkPage(alex);
  });

  it('lets Sam open the link, sign up through it and join', async () => {
    sam = await openPage(desktop);
    await sam.goto(inviteUrl);
    await heading(sam, 'You have been invited');
    await sam.getByText('Alex invited you to rebuild trust together on Steadfast.').waitFor();
    // The token leaves the address bar at once.
    expect(sam.url()).toBe(`${baseUrl}/join`);
    await checkPage(sam);

    await sam.getByRole('link', { name: 'Create an account to join' }).click();
    await heading(sam, 'Create your private space');
    await fillAccount(sam, 'Sam', `sam-${randomUUID()}@example.org`);
    await sam.getByRole('button', { name: 'Create my space' }).click();
    // Back on the invitation: Sam says their own part before joining; nothing is assumed for them.
    await heading(sam, 'You have been invited');
    await sam.getByRole('button', { name: "Join Alex's journey" }).click();
    await sam
      .getByText(
        'Please choose how you would describe your part, even if it is “I would rather not say”.',
      )
      .first()
      .waitFor();
    expect(sam.url()).toBe(`${baseUrl}/join`);
    await sam.getByRole('radio', { name: 'I broke trust' }).check();
    await checkPage(sam);
    await sam.getByRole('button', { name: "Join Alex's journey" }).click();
    await sam.waitForURL(/\/app$/);
    await sam.getByText('You and Alex share this journey.').waitFor();
    // New here: welcomed, not welcomed back.
    await sam.getByText('Welcome, Sam. Glad you are here. Take it at your own pace.').waitFor();
    expect(await sam.getByText(/Welcome back/).count()).toBe(0);
    await checkPage(sam);
    const mine = await sam.request.get('/api/journey');
    expect(((await mine.json()) as { journey: { me: { role: string } } }).journey.me.role).toBe(
      'broke_trust',
    );

    // The link worked once.
    const again = await sam.request.post('/api/invites/preview', {
      data: { token: inviteUrl.split('#')[1] },
      headers: { 'x-steadfast-csrf': '1' },
    });
    expect(((await again.json()) as { status: string }).status).toBe('used');
  });

  it('keeps Alex’s new check-in private: Sam sees nothing, on screen or through the API', async () => {
    await alex.getByRole('link', { name: 'My space', exact: true }).click();
    await heading(alex, 'My space');
    await alex.getByRole('heading', { name: 'Your check-ins will live here' }).waitFor();
    await checkPage(alex);

    await alex.getByRole('link', { name: 'Write your first check-in' }).click();
    await heading(alex, 'Check in');
    await alex.getByText('Only you will see this unless you choose to share it.').waitFor();
    await alex.getByRole('checkbox', { name: 'Hurt', exact: true }).check();
    await alex.getByRole('checkbox', { name: 'Hope', exact: true }).check();
    await alex.getByRole('slider', { name: 'Hurt' }).fill('7');
    await alex.getByText('7 out of 10').waitFor();
    await alex.getByLabel('Anything you want to add? (optional)').fill(note);
    await alex.getByText(`${note.length} of 5,000 characters`).waitFor();
    await checkPage(alex);

    await alex.getByRole('button', { name: 'Save check-in' }).click();
    await alex.waitForURL(/\/app\/checkins$/);
    const item = myCheckin(alex, note);
    await item.getByText('Only you').waitFor();
    await item.getByText('Hurt: 7 out of 10').waitFor();
    await item.getByText('Hope: 5 out of 10').waitFor();
    await item.getByRole('button', { name: 'Share with Sam' }).waitFor();
    await checkPage(alex, { dark: true });

    const mine = (await (await alex.request.get('/api/checkins')).json()) as Listed;
    checkinId = mine.items.find((c) => c.note === note)?.id ?? '';
    expect(checkinId).not.toBe('');

    await sam.getByRole('link', { name: 'My space', exact: true }).click();
    await heading(sam, 'My space');
    await sam.getByRole('heading', { name: 'Your check-ins will live here' }).waitFor();
    expect(await sam.getByText(note).count()).toBe(0);
    await checkPage(sam);
    expect(await samCanRead(checkinId, note)).toEqual({ listed: false, status: 404 });
  });

  it('shows the check-in to Sam once Alex shares it, and hides it again when Alex stops', async () => {
    const item = myCheckin(alex, note);
    await item.getByRole('button', { name: 'Share with Sam' }).click();
    const confirm = alex.getByRole('group', { name: /^Sam will see this check-in/ });
    await confirm
      .getByText(
        'Sam will see this check-in: its feelings and note. You can take it back at any time.',
      )
      .waitFor();
    await checkPage(alex);
    await confirm.getByRole('button', { name: 'Share with Sam' }).click();
    await item.getByText('You and Sam').waitFor();

    await sam.reload();
    const shared = sam.getByRole('article').filter({ hasText: note });
    await shared.getByText('Shared by Alex').waitFor();
    expect(await shared.getByRole('button').count()).toBe(0);
    await checkPage(sam);
    expect(await samCanRead(checkinId, note)).toEqual({ listed: true, status: 200 });

    await item.getByRole('button', { name: 'Stop sharing' }).click();
    await item.getByText('Only you').waitFor();

    await sam.reload();
    await heading(sam, 'My space');
    await sam.getByRole('heading', { name: 'Your check-ins will live here' }).waitFor();
    expect(await sam.getByText(note).count()).toBe(0);
    expect(await samCanRead(checkinId, note)).toEqual({ listed: false, status: 404 });
  });

  it('works from the keyboard alone: skip link, focus on each new page, writing and deleting', async () => {
    const focused = () =>
      alex.evaluate<string>(
        "(document.activeElement?.id || document.activeElement?.tagName || '') + ' ' + (document.activeElement?.textContent ?? '').trim().slice(0, 40)",
      );
    const second = `Written without a mouse ${randomUUID()}`;

    await alex.goto('/app/checkins');
    await heading(alex, 'My space');
    await alex.keyboard.press('Tab');
    expect(await focused()).toMatch(/^A Skip to content/);
    await alex.keyboard.press('Enter');
    expect(await focused()).toMatch(/^main /);

    await alex.keyboard.press('Tab');
    expect(await focused()).toMatch(/ Check in$/);
    await alex.keyboard.press('Enter');
    await heading(alex, 'Check in');
    expect(await focused()).toBe('H1 Check in');

    await alex.keyboard.press('Tab');
    expect(await focused()).toMatch(/^feelings-hurt /);
    await alex.keyboard.press('Space');
    await alex.getByRole('slider', { name: 'Hurt' }).focus();
    await alex.keyboard.press('ArrowRight');
    await alex.keyboard.press('ArrowRight');
    await alex.getByText('7 out of 10').waitFor();
    await alex.keyboard.press('Tab');
    expect(await focused()).toMatch(/^note /);
    await alex.keyboard.type(second);
    await alex.keyboard.press('Tab');
    expect(await focused()).toMatch(/ Save check-in$/);
    await alex.keyboard.press('Enter');
    await alex.waitForURL(/\/app\/checkins$/);
    await alex.getByRole('status').getByText('Check-in saved. Only you can see it.').waitFor();
    expect(await focused()).toBe('H1 My space');

    await myCheckin(alex, second).getByRole('button', { name: 'Delete' }).focus();
    await alex.keyboard.press('Enter');
    const confirm = alex.getByRole('group', { name: /^Delete this check-in\?/ });
    await confirm.waitFor();
    await checkPage(alex);
    await alex.keyboard.press('Tab');
    expect(await focused()).toMatch(/ Delete for good$/);
    await alex.keyboard.press('Enter');
    await alex.getByRole('status').getByText('The check-in is deleted.').waitFor();
    expect(await alex.getByText(second).count()).toBe(0);
    expect(await focused()).toBe('H1 My space');
    await myCheckin(alex, note).waitFor();
  });

  it('pages through a long history with "Show older check-ins"', async () => {
    const later = 2 * PAGE_SIZE_DEFAULT;
    for (let i = 0; i < later; i++) {
      const res = await alex.request.post('/api/checkins', {
        headers: { 'x-steadfast-csrf': '1' },
        data: { feelings: [{ feeling: 'sadness', intensity: i % 11 }], note: `Later note ${i}` },
      });
      expect(res.status()).toBe(201);
    }
    await alex.reload();
    await heading(alex, 'My space');
    await alex.getByText(`Later note ${later - 1}`).waitFor();
    expect(await alex.getByRole('article').count()).toBe(PAGE_SIZE_DEFAULT);
    const older = alex.getByRole('button', { name: 'Show older check-ins' });
    await older.click();
    await alex.getByText('Later note 0', { exact: true }).waitFor();
    expect(await alex.getByText(note).count()).toBe(0);
    await older.click();
    await myCheckin(alex, note).waitFor();
    expect(await alex.getByRole('article').count()).toBe(later + 1);
    expect(await older.count()).toBe(0);
    await checkPage(alex);
  });

  it('lets Alex change the journey and sign out from Settings', async () => {
    await alex.getByRole('link', { name: 'Settings', exact: true }).click();
    await heading(alex, 'Settings');
    await alex.getByText('Sam has joined, so the path stays "Rebuild together".').waitFor();
    await alex.getByRole('checkbox', { name: 'Lying', exact: true }).check();
    await alex.getByRole('button', { name: 'Save changes' }).click();
    await alex.getByText('Your changes are saved.').first().waitFor();
    await checkPage(alex);

    await alex.getByRole('button', { name: 'Sign out' }).click();
    await alex.waitForURL(/\/signin$/);
    await heading(alex, 'Sign in');
    await checkPage(alex);
    const session = (await (await alex.request.get('/api/auth/session')).json()) as {
      user: unknown;
    };
    expect(session.user).toBeNull();
  });
});
