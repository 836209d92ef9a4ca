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

describe('steps 1 to 3, as a couple', () => {
  const did = `I kept a second phone for months ${randomUUID()}`;
  const agreement = `We share our phones openly when either of us asks ${randomUUID()}`;
  const revised = `We share our phones openly whenever either of us asks ${randomUUID()}`;

  it('step 1: Sam shares an accountability statement and Alex answers it', async () => {
    await sam.goto('/app/letters');
    await sam.getByRole('link', { name: 'Write an accountability statement' }).first().click();
    await heading(sam, 'Your accountability statement');
    await sam.getByRole('textbox', { name: 'What I did' }).fill(did);
    await sam
      .getByRole('textbox', { name: 'The impact, as I understand it' })
      .fill('You stopped trusting your own memory of those months.');
    await sam.getByRole('textbox', { name: 'My remorse' }).fill('I am deeply sorry.');
    await sam
      .getByRole('textbox', { name: 'What I will do now' })
      .fill('Answer every question you have, for as long as you need.');
    await checkPage(sam);
    await sam.getByRole('button', { name: 'Send my statement' }).click();
    await sam.getByRole('button', { name: 'Send to Alex' }).click();
    await sam.waitForURL(/\/app\/letters$/);

    await alex.goto('/app/letters');
    await alex.getByText(did).waitFor();
    await alex.getByRole('button', { name: 'I need more' }).click();
    await alex.getByRole('button', { name: 'Send my answer' }).click();
    await alex.getByText('You answered: “I need more”').waitFor();
    await checkPage(alex);
  });

  it('step 2: Alex proposes an agreement, Sam suggests a change, Alex accepts it', async () => {
    await alex.goto('/app/agreements');
    await alex.getByRole('textbox', { name: 'The agreement' }).fill(agreement);
    await alex.getByLabel('Kind of agreement').selectOption('transparency');
    await alex.getByRole('button', { name: 'Propose to my partner' }).click();
    await alex.getByText(agreement).first().waitFor();

    await sam.goto('/app/agreements');
    const proposal = sam.getByRole('article').filter({ hasText: agreement });
    await proposal.getByRole('button', { name: 'Suggest a change' }).click();
    await proposal.getByRole('textbox').fill(revised);
    await proposal.getByRole('button', { name: 'Send my version' }).click();
    await sam.getByText(revised).first().waitFor();
    await checkPage(sam);

    await alex.reload();
    const current = alex.getByRole('article').filter({ hasText: revised });
    await current.getByRole('button', { name: 'Accept' }).click();
    await current.getByText('History of this agreement').click();
    // The history shows what changed between versions.
    await current.locator('ins').first().waitFor();
    await checkPage(alex);
  });

  it('step 3: Sam commits and logs follow-through; Alex confirms one entry and questions another', async () => {
    await sam.goto('/app/agreements');
    const accepted = sam.getByRole('article').filter({ hasText: revised });
    await accepted.getByLabel('How often you will log it').selectOption('daily');
    await accepted.getByRole('button', { name: 'Commit to this' }).click();

    await sam.goto('/app/commitments');
    await sam.getByRole('heading', { name: 'My commitments' }).waitFor();
    await sam.getByRole('button', { name: 'I did this today' }).click();
    await sam.getByRole('button', { name: 'I did this today' }).click();
    await checkPage(sam);

    await alex.goto('/app/commitments');
    await alex.getByRole('button', { name: 'Confirm' }).first().click();
    await alex.getByRole('button', { name: 'Raise a question' }).first().click();
    await alex
      .getByRole('textbox', { name: 'A note about this entry (optional)' })
      .fill('I did not see it that evening.');
    await alex.getByRole('button', { name: 'Send the question' }).click();
    await alex.getByRole('heading', { name: 'Overall follow-through' }).waitFor();
    await checkPage(alex, { dark: true });
  });

  it('both mark steps 1 and 2 ready, and step 2 can be revisited without losing its history', async () => {
    for (const step of ['responsibility', 'plan']) {
      for (const page of [alex, sam]) {
        await page.goto(`/app/program/${step}`);
        await page.getByRole('button', { name: 'I’m ready to move on' }).click();
        await page.getByRole('button', { name: 'Not yet after all' }).waitFor();
      }
    }
    await sam.goto('/app/program/plan');
    await sam.getByText('Status: Done').first().waitFor();

    await alex.goto('/app/program/plan');
    await heading(alex, /^Step 2: /);
    await alex.getByRole('button', { name: 'Revisit this step' }).click();
    await alex.getByRole('button', { name: 'Revisit this step' }).waitFor({ state: 'detached' });
    await alex.getByText('Status: Done').first().waitFor();
    await checkPage(alex);
    // Revisiting kept everything: the step stays done and the agreement's history is all there.
    const progress = (await (await sam.request.get('/api/program')).json()) as {
      progress: { currentStepId: string | null };
    };
    expect(progress.progress.currentStepId).toBe('plan');
    await alex.goto('/app/agreements');
    await alex.getByText(revised).first().waitFor();
  });
});
