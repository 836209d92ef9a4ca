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

describe('the program', () => {
  it('shows the journey and a step, and a step is done only once both are ready', async () => {
    await alex.goto('/app/program');
    await heading(alex, 'Your journey');
    await checkPage(alex);
    await alex.getByRole('link', { name: /^Step 1: / }).click();
    await heading(alex, /^Step 1: /);
    await alex.getByRole('heading', { name: 'If you were hurt' }).waitFor();
    expect(await alex.getByRole('heading', { name: 'If you broke trust' }).count()).toBe(0);
    await checkPage(alex);
    await alex.getByRole('button', { name: 'I’m ready to move on' }).click();
    await alex.getByText('Status: In progress').first().waitFor();

    await sam.goto('/app/program/responsibility');
    await heading(sam, /^Step 1: /);
    await sam.getByRole('heading', { name: 'If you broke trust' }).waitFor();
    await sam.getByRole('button', { name: 'I’m ready to move on' }).click();
    await sam.getByText('Status: Done').first().waitFor();
    await checkPage(sam);
  });

  it('serves the agreements and commitments screens accessibly to both', async () => {
    await alex.goto('/app/agreements');
    await alex.getByRole('heading', { name: 'Propose an agreement' }).waitFor();
    await checkPage(alex);
    await sam.goto('/app/commitments');
    await sam.getByRole('heading', { name: 'My commitments' }).waitFor();
    await checkPage(sam, { dark: true });
  });
});
