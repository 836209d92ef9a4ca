import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  checkPage,
  coupleViaApi,
  CSRF,
  desktop,
  heading,
  launch,
  newContext,
  phone,
  signUpViaApi,
  watch,
} from './support.js';

const baseUrl = inject('baseUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];
let alex: Page; // hurt
let sam: Page; // broke trust

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, baseUrl, viewport);
  contexts.push(context);
  return watch(await context.newPage());
}

beforeAll(async () => {
  browser = await launch();
  alex = await openPage(phone);
  sam = await openPage(desktop);
  await signUpViaApi(alex, 'Alex');
  await signUpViaApi(sam, 'Sam');
  await coupleViaApi(alex, sam);
  await sam.request.patch('/api/journey', { headers: CSRF, data: { role: 'broke_trust' } });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('the impact letter loop', () => {
  const letter = `When I found out, the floor went from under me ${randomUUID()}`;
  const first = `I understand that I made you doubt everything ${randomUUID()}`;
  const second = `I see now that the secrecy hurt as much as the act ${randomUUID()}`;

  it('lets Alex draft privately, then send the impact letter', async () => {
    await alex.goto('/app/letters');
    await heading(alex, 'Letters');
    await checkPage(alex);
    await alex.getByRole('link', { name: 'Write an impact letter' }).click();
    await heading(alex, 'Your impact letter');
    await alex.getByRole('textbox', { name: 'Your letter' }).fill(letter);
    await alex.getByRole('button', { name: 'Save draft' }).click();
    await checkPage(alex);

    // A draft is Alex's alone.
    const before = await sam.request.get('/api/letters');
    expect(JSON.stringify(await before.json())).not.toContain(letter);

    await alex.getByRole('button', { name: 'Send my letter' }).click();
    await alex.getByRole('button', { name: 'Send to Sam' }).click();
    await alex.waitForURL(/\/app\/letters$/);
    await alex.getByText('Sent to Sam').first().waitFor();
    await alex.getByText(letter).waitFor();
    await checkPage(alex);
  });

  it('lets Sam read it and send a reflection, which Alex answers "Not yet"', async () => {
    await sam.goto('/app/letters');
    await heading(sam, 'Letters');
    await sam.getByText(letter).waitFor();
    await checkPage(sam);
    await sam.getByRole('link', { name: 'Write your reflection' }).click();
    await heading(sam, 'Your reflection');
    await sam.getByRole('textbox', { name: 'Your reflection' }).fill(first);
    await sam.getByRole('button', { name: 'Send my reflection' }).click();
    await sam.getByRole('button', { name: 'Send to Alex' }).click();
    await sam.waitForURL(/\/app\/letters$/);
    await sam.getByText(first).waitFor();

    await alex.reload();
    await alex.getByText(first).waitFor();
    await alex.getByRole('heading', { name: 'Your answer' }).waitFor();
    await checkPage(alex);
    await alex.getByRole('button', { name: 'Not yet' }).click();
    await alex.getByRole('button', { name: 'Send my answer' }).click();
    await alex.getByText('You answered: “Not yet”').waitFor();
  });

  it('keeps every version as Sam writes again, until Alex feels understood', async () => {
    await sam.reload();
    await sam.getByText('Alex answered: “Not yet”').waitFor();
    await sam.getByRole('link', { name: 'Write a new version of your reflection' }).click();
    await sam.getByRole('textbox', { name: 'Your reflection' }).fill(second);
    await sam.getByRole('button', { name: 'Send my reflection' }).click();
    await sam.getByRole('button', { name: 'Send to Alex' }).click();
    await sam.waitForURL(/\/app\/letters$/);

    await alex.reload();
    await alex.getByText(second).waitFor();
    await alex.getByRole('button', { name: 'I feel understood' }).click();
    await alex.getByRole('button', { name: 'Send my answer' }).click();
    await alex.getByText('You answered: “I feel understood”').waitFor();
    await checkPage(alex);

    await sam.reload();
    await sam.getByText('Alex answered: “I feel understood”').waitFor();
    // Every version is still there for both, oldest first.
    for (const text of [letter, first, second]) {
      await sam.getByText(text).waitFor();
      await alex.getByText(text).waitFor();
    }
    await checkPage(sam);
  });
});
