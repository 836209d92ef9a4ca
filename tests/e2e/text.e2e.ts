import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphemeCount } from '../../src/core/text/text.js';
import { NOTE_PREVIEW } from '../../src/shared/api/checkins.js';
import {
  checkPage,
  CSRF,
  heading,
  launch,
  newContext,
  phone,
  signUpViaApi,
  watch,
} from './support.js';

const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = watch(await (await newContext(browser, baseUrl, phone)).newPage());
  await signUpViaApi(page, 'Noor');
  const started = await page.request.post('/api/journey', {
    headers: CSRF,
    data: { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_month' },
  });
  expect(started.status()).toBe(201);
});

afterAll(async () => {
  await browser?.close();
});

const hebrew = 'ערב שקט, דיברנו מעט.';
// Long enough that Today shows only its beginning.
const arabic = 'كان اليوم صعبا لكنني ما زلت هنا. '.repeat(10).trim();

async function write(note: string): Promise<void> {
  const res = await page.request.post('/api/checkins', {
    headers: CSRF,
    data: { feelings: [{ feeling: 'grief', intensity: 4 }], note },
  });
  expect(res.status()).toBe(201);
}

/** The direction the browser gave an element: what a reader sees, not the attribute. */
const direction = (selector: ReturnType<Page['locator']>) =>
  selector.evaluate(
    (el) =>
      (
        globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }
      ).getComputedStyle(el).direction,
  );

describe('text in right-to-left scripts, and long notes at a glance', () => {
  it('shows Arabic and Hebrew notes right to left, and Today only the start of a long one', async () => {
    await write(hebrew);
    await write(arabic);

    await page.goto('/app');
    await heading(page, 'Today');
    const glance = page.locator('p.note-text');
    await glance.waitFor();
    expect(await glance.getAttribute('dir')).toBe('auto');
    expect(await direction(glance)).toBe('rtl');
    const shown = (await glance.textContent()) ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(graphemeCount(shown)).toBeLessThanOrEqual(NOTE_PREVIEW + 1);
    expect(arabic.startsWith(shown.slice(0, -1))).toBe(true);
    await checkPage(page);

    await page.getByRole('link', { name: 'Read the whole note' }).click();
    const whole = page.locator('p.note-text', { hasText: arabic });
    await whole.waitFor();
    expect(await whole.textContent()).toBe(arabic);
    expect(await direction(whole)).toBe('rtl');
    const other = page.locator('p.note-text', { hasText: hebrew });
    expect(await direction(other)).toBe('rtl');
    await checkPage(page);
  });

  it('counts a family emoji, a flag and an accented letter as three characters while writing', async () => {
    await page.goto('/app/checkins/new');
    const field = page.getByLabel(/Anything you want to add/);
    await field.fill('👨‍👩‍👧‍👦🇩🇪e\u0301');
    await page.getByText('3 of 5,000 characters').waitFor();
    expect(await field.getAttribute('dir')).toBe('auto');
  });
});
