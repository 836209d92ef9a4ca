import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const CRISIS_LINK = 'Get help now: crisis lines and emergency numbers';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const phone = { width: 360, height: 800 };

/**
 * One phone-sized browser context for a whole test file, opened before its tests and closed after
 * them; use `.context` inside a test.
 */
export function phoneContext(): { readonly context: BrowserContext } {
  let browser: Browser | undefined;
  const handle = {} as { context: BrowserContext };
  beforeAll(async () => {
    browser = await launch();
    handle.context = await newContext(browser, inject('baseUrl'), phone);
  });
  afterAll(async () => {
    await handle.context?.close();
    await browser?.close();
  });
  return handle;
}
export const desktop = { width: 1280, height: 800 };

let devices = 0;

/**
 * A browser context stands for one person's device. Each comes from an address of its own (the
 * server trusts its loopback "proxy", see server.ts), as people's phones do, so the per-address
 * limits count each device apart rather than the whole suite as one address.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  devices += 1;
  const address = `10.${process.pid % 250}.${Math.floor(devices / 250)}.${devices % 250}`;
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'en-GB',
    extraHTTPHeaders: { 'X-Forwarded-For': address },
  });
  context.setDefaultTimeout(10_000);
  return context;
}

const problems = new WeakMap<Page, string[]>();

/** Records what would go unnoticed in a test: CSP refusals and uncaught errors in the page. */
export function watch(page: Page): Page {
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      seen.push(`csp: ${message.text()}`);
    }
  });
  return page;
}

/** The checks every page must pass, public or signed in, in light and (on request) dark mode. */
export async function checkPage(page: Page, options: { dark?: boolean } = {}): Promise<void> {
  const where = page.url();
  expect(problems.get(page) ?? [], `errors in ${where}`).toEqual([]);

  // The crisis link: on every page, a real link to the server-rendered page, in view without scrolling.
  const help = page.getByRole('link', { name: CRISIS_LINK, exact: true });
  await help.waitFor({ state: 'visible' });
  // It names the person's country when they have one, so that country's lines come first.
  expect(await help.getAttribute('href'), where).toMatch(/^\/help(\?country=[A-Z]{2})?$/);
  const box = await help.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height, where).toBe(true);

  // Quick exit: on every page too, in view, leaving through /exit even without the script.
  const exit = page.getByRole('link', { name: 'Quick exit', exact: true });
  await exit.waitFor({ state: 'visible' });
  expect(await exit.getAttribute('href'), where).toBe('/exit');
  const exitBox = await exit.boundingBox();
  expect(
    exitBox && exitBox.y >= 0 && exitBox.y + exitBox.height <= (viewport?.height ?? 0),
    where,
  ).toBe(true);

  // No sideways scrolling, whatever the width.
  // Page code is passed as text: this project's types are Node's, not the browser's.
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);

  // Touch targets of at least 44 × 44 CSS pixels (links inside running text are exempt).
  const small = await page.evaluate<string[]>(`[...document.querySelectorAll(
      'button, .button, .help-now, .quick-exit, .brand, .site-nav a, .app-nav a, .choice, .call, select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden])'
    )]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width < 43.5 || r.height < 43.5)
      .map(([el, r]) => el.outerHTML.slice(0, 80) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))`);
  expect(small, `small touch targets on ${where}`).toEqual([]);

  const schemes: ('light' | 'dark')[] = options.dark ? ['light', 'dark'] : ['light'];
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    // Measure colours at rest, not halfway through a theme's transition.
    // (Endless animations, like the breathing guide's, are left to run.)
    await page.evaluate(
      'Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished))',
    );
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
    expect(summary, `axe (${colorScheme}) on ${where}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The page's one h1, once it has rendered. */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
}

/** Answers every safety question the same way and saves. */
export async function answerSafetyCheck(page: Page, answer: 'yes' | 'no'): Promise<void> {
  for (const group of await page.getByRole('group').all()) {
    await group.getByRole('radio', { name: answer === 'yes' ? 'Yes' : 'No', exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save my answers privately' }).click();
}

export const PASSWORD = 'a long and quiet river';
export const CSRF = { 'x-steadfast-csrf': '1' };
const allNoSafety = {
  afraid: false,
  threatened: false,
  harmed: false,
  sexual: false,
  controlled: false,
};

/**
 * A person signed up through the API in this page's browser context (its cookie included), who
 * has taken the safety check (all "no") unless told otherwise. Returns their email.
 */
export async function signUpViaApi(
  page: Page,
  name: string,
  options: { checked?: boolean } = {},
): Promise<string> {
  const email = `${name.toLowerCase()}-${crypto.randomUUID()}@example.org`;
  const res = await page.request.post('/api/auth/signup', {
    headers: CSRF,
    data: { email, password: PASSWORD, displayName: name },
  });
  expect(res.status()).toBe(201);
  if (options.checked !== false) {
    const check = await page.request.post('/api/safety/check', {
      headers: CSRF,
      data: { answers: allNoSafety },
    });
    expect(check.status()).toBe(200);
  }
  return email;
}

/**
 * Turns two-factor sign-in on through the API for the account signed in in this page's context
 * (therapists and administrators need it before anything else answers them). Returns the secret,
 * from which `totpNow` makes the codes an authenticator app would show.
 */
export async function enrollTotpViaApi(page: Page): Promise<string> {
  const started = await page.request.post('/api/auth/two-factor/setup', {
    headers: CSRF,
    data: {},
  });
  expect(started.status()).toBe(201);
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await page.request.post('/api/auth/two-factor/confirm', {
    headers: CSRF,
    data: { code: totpNow(secret) },
  });
  expect(confirmed.status()).toBe(200);
  return secret;
}

/** The code an authenticator app shows now for this secret (the test server runs on real time). */
export const totpNow = (secret: string): string => generateSync({ secret });

/** A starts a together journey (as the hurt partner) and B joins it through A's invitation. */
export async function coupleViaApi(a: Page, b: Page): Promise<void> {
  await a.request.post('/api/journey', {
    headers: CSRF,
    data: { path: 'together', role: 'hurt', kinds: ['secrets'], cameToLight: 'this_month' },
  });
  const invite = (await (
    await a.request.post('/api/journey/invites', { headers: CSRF, data: {} })
  ).json()) as { url: string };
  const joined = await b.request.post('/api/invites/accept', {
    headers: CSRF,
    data: { token: invite.url.split('#')[1], role: 'unsaid' },
  });
  expect(joined.status()).toBe(200);
}

/**
 * For a test file about a couple: before all its tests, Alex (hurt, on a phone) and Sam (broke
 * trust, on a desktop) have taken the safety check and share a together journey; after them, the
 * browser closes. The returned object is filled in before the first test.
 */
export function useCouple(baseURL: string): { alex: Page; sam: Page } {
  const couple = {} as { alex: Page; sam: Page };
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    const open = async (viewport: { width: number; height: number }) =>
      watch(await (await newContext(browser as Browser, baseURL, viewport)).newPage());
    couple.alex = await open(phone);
    couple.sam = await open(desktop);
    await signUpViaApi(couple.alex, 'Alex');
    await signUpViaApi(couple.sam, 'Sam');
    await coupleViaApi(couple.alex, couple.sam);
    await couple.sam.request.patch('/api/journey', {
      headers: CSRF,
      data: { role: 'broke_trust' },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return couple;
}
