import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage, heading, launch, newContext, phone, watch } from './support.js';

const baseUrl = inject('baseUrl');
const CSRF = { 'x-steadfast-csrf': '1' };
const allNo = { afraid: false, threatened: false, harmed: false, sexual: false, controlled: false };

let browser: Browser;
const contexts: BrowserContext[] = [];
let robin: Page;

beforeAll(async () => {
  browser = await launch();
  const context = await newContext(browser, baseUrl, phone);
  contexts.push(context);
  robin = watch(await context.newPage());
  const res = await robin.request.post('/api/auth/signup', {
    headers: CSRF,
    data: {
      email: `robin-${randomUUID()}@example.org`,
      password: 'a long and quiet river',
      displayName: 'Robin',
    },
  });
  expect(res.status()).toBe(201);
  await robin.request.post('/api/safety/check', { headers: CSRF, data: { answers: allNo } });
  await robin.request.put('/api/me/country', { headers: CSRF, data: { country: 'GB' } });
  await robin.request.post('/api/journey', {
    headers: CSRF,
    data: { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_month' },
  });
  for (const intensity of [8, 6, 5]) {
    await robin.request.post('/api/checkins', {
      headers: CSRF,
      data: { feelings: [{ feeling: 'grief', intensity }], note: '' },
    });
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('PHQ-9', () => {
  it('shows a calm crisis screen first, before any score, when question 9 is not "Not at all"', async () => {
    await robin.goto('/app/screens/phq9/take');
    await heading(robin, 'The PHQ-9 questions');
    // The licence asks for the published source wherever the questionnaire is taken.
    await robin.getByText(/^PHQ-9: Kroenke, Spitzer & Williams \(2001\)/).waitFor();
    await checkPage(robin);
    for (let item = 1; item <= 8; item++) {
      await robin
        .getByRole('group', { name: new RegExp(`^${item}\\. `) })
        .getByRole('radio', { name: 'Not at all', exact: true })
        .check();
    }
    await robin
      .getByRole('group', { name: /^9\. Thoughts that you would be better off dead/ })
      .getByRole('radio', { name: 'Several days', exact: true })
      .check();
    await robin.getByRole('button', { name: 'Save my answers' }).click();

    await heading(robin, "You don't have to carry this alone");
    expect(await robin.getByText(/Your score is/).count()).toBe(0);
    const emergency = robin.getByRole('link', { name: /Emergency services: 999/ });
    await emergency.waitFor();
    expect(await emergency.getAttribute('href')).toBe('tel:999');
    await robin.getByRole('link', { name: 'All helplines and emergency numbers' }).waitFor();
    await checkPage(robin);

    await robin.getByRole('button', { name: 'Continue to my results' }).click();
    await heading(robin, 'Your PHQ-9 results');
    await robin.getByText(/Your score is 1 out of 27/).waitFor();
    await robin.getByText(/These are your first answers/).waitFor();
    await robin.getByText(/^PHQ-9: Kroenke, Spitzer & Williams \(2001\)/).waitFor();
    await checkPage(robin);
  });

  it('takes a retake the same day as a correction of that day, not a change over time', async () => {
    await robin.goto('/app/screens/phq9/take');
    await heading(robin, 'The PHQ-9 questions');
    for (let item = 1; item <= 9; item++) {
      await robin
        .getByRole('group', { name: new RegExp(`^${item}\\. `) })
        .getByRole('radio', { name: 'Not at all', exact: true })
        .check();
    }
    await robin.getByRole('button', { name: 'Save my answers' }).click();
    await heading(robin, 'Your PHQ-9 results');
    await robin.getByText('These answers replace the ones you gave earlier today').waitFor();
    await robin.getByText(/These are your first answers/).waitFor();
    expect(await robin.getByText(/reliable/).count()).toBe(0);
    await checkPage(robin);
  });

  it('charts results and feelings over time, each with a table for screen readers', async () => {
    await robin.goto('/app/screens');
    await heading(robin, "How you're doing");
    await robin.getByText('How your PHQ-9 score has changed').waitFor();
    await robin.getByText('Show the numbers as a table').click();
    const table = robin.getByRole('table', { name: 'PHQ-9 scores by date' });
    await table.waitFor();
    // The day's corrected answer is its one result.
    expect(await table.locator('tbody tr').count()).toBe(1);
    await robin.getByText(/^PHQ-9: Kroenke, Spitzer & Williams \(2001\)/).waitFor();
    await robin.getByText(/^GAD-7: Spitzer, Kroenke, Williams & Löwe \(2006\)/).waitFor();
    await checkPage(robin, { dark: true });

    await robin.goto('/app/checkins/trends');
    await heading(robin, 'How your feelings have changed');
    await robin.getByText('Your feelings over the last 90 days').waitFor();
    await checkPage(robin);
  });
});
