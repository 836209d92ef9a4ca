import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server.js';
import {
  answerSafetyCheck,
  checkPage,
  CRISIS_LINK,
  CSRF,
  enrollTotpViaApi,
  heading,
  launch,
  newContext,
  PASSWORD,
  signUpViaApi,
  watch,
} from './support.js';

/** The first screen of a small phone: what has to show the numbers without scrolling. */
const small = { width: 360, height: 640 };

// An instance of its own: a default country from the environment, and an administrator to make.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer({ STEADFAST_DEFAULT_COUNTRY: 'IE' });
  browser = await launch();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function openPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context =
    options.javaScriptEnabled === false
      ? await browser.newContext({
          baseURL: server.baseUrl,
          viewport: small,
          javaScriptEnabled: false,
        })
      : await newContext(browser, server.baseUrl, small);
  contexts.push(context);
  return watch(await context.newPage());
}

/**
 * Every given control is wholly inside the first 640 px, above the app's bar of sections fixed at
 * the bottom (when there is one), and the first words of explanation start below all of them.
 */
async function numbersFirst(page: Page, numbers: Locator[], words: Locator): Promise<void> {
  const bar = page.locator('.app-nav');
  const visibleBottom = (await bar.count()) > 0 ? (await bar.boundingBox())!.y : small.height;
  let lowest = 0;
  for (const number of numbers) {
    await number.waitFor();
    const box = await number.boundingBox();
    expect(box, String(number)).not.toBeNull();
    expect(box!.y, String(number)).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, String(number)).toBeLessThanOrEqual(visibleBottom);
    lowest = Math.max(lowest, box!.y + box!.height);
  }
  const text = await words.boundingBox();
  expect(text!.y).toBeGreaterThanOrEqual(lowest);
}

async function expectLink(page: Page, name: RegExp, href: string): Promise<Locator> {
  const link = page.getByRole('link', { name }).first();
  await link.waitFor();
  expect(await link.getAttribute('href')).toBe(href);
  return link;
}

async function answerPhq9WithItem9(page: Page): Promise<void> {
  await page.goto('/app/screens/phq9/take');
  await heading(page, 'The PHQ-9 questions');
  for (let item = 1; item <= 8; item++) {
    await page
      .getByRole('group', { name: new RegExp(`^${item}\\. `) })
      .getByRole('radio', { name: 'Not at all', exact: true })
      .check();
  }
  await page
    .getByRole('group', { name: /^9\. Thoughts that you would be better off dead/ })
    .getByRole('radio', { name: 'Several days', exact: true })
    .check();
  await page.getByRole('button', { name: 'Save my answers' }).click();
}

let robin: Page;

describe('crisis screens on a small phone', () => {
  it('PHQ-9 question 9: the default country’s numbers first, a one-tap country choice, and again after a reload', async () => {
    robin = await openPage();
    await signUpViaApi(robin, 'Robin');
    await robin.request.post('/api/journey', {
      headers: CSRF,
      data: { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_month' },
    });
    await answerPhq9WithItem9(robin);

    await heading(robin, "You don't have to carry this alone");
    await robin.waitForURL(/\/app\/screens\/phq9\/results\/[0-9a-f-]{36}$/);
    // No country chosen: the practice's default (Ireland, from STEADFAST_DEFAULT_COUNTRY).
    const words = robin.getByText('Thank you for answering honestly');
    await numbersFirst(
      robin,
      [
        await expectLink(robin, /^Emergency services: 112 or 999$/, 'tel:112'),
        await expectLink(robin, /^Samaritans: 116 123$/, 'tel:116123'),
        await expectLink(robin, /^Women's Aid: 1800 341 900$/, 'tel:1800341900'),
      ],
      words,
    );
    await checkPage(robin);

    // One tap, on this screen: the United Kingdom's numbers in place, and kept as Robin's country.
    const resultUrl = robin.url();
    await robin.getByRole('button', { name: 'United Kingdom', exact: true }).click();
    await numbersFirst(
      robin,
      [
        await expectLink(robin, /^Emergency services: 999$/, 'tel:999'),
        await expectLink(robin, /^Samaritans: 116 123$/, 'tel:116123'),
      ],
      words,
    );
    expect(robin.url()).toBe(resultUrl);
    await robin.getByRole('button', { name: 'United Kingdom', pressed: true }).waitFor();
    const session = (await (await robin.request.get('/api/auth/session')).json()) as {
      user: { country: string | null };
    };
    expect(session.user.country).toBe('GB');
    await checkPage(robin);

    // A reload leads back to the crisis screen, not to an empty questionnaire.
    await robin.reload();
    await heading(robin, "You don't have to carry this alone");
    await expectLink(robin, /^Emergency services: 999$/, 'tel:999');
    await robin.getByRole('button', { name: 'Continue to my results' }).click();
    await heading(robin, 'Your PHQ-9 results');
    await robin.getByText(/Your score is 1 out of 27/).waitFor();
    await checkPage(robin);
    // The result page leads back to it, and so does reloading the result page.
    await robin.getByRole('button', { name: 'See the support and numbers again' }).click();
    await heading(robin, "You don't have to carry this alone");
    await robin.getByRole('button', { name: 'Continue to my results' }).click();
    await heading(robin, 'Your PHQ-9 results');
    await robin.reload();
    await heading(robin, "You don't have to carry this alone");
    // So does the overview, while the newest answers stand.
    await robin.goto('/app/screens');
    await heading(robin, "How you're doing");
    await robin.getByRole('link', { name: 'See the support and numbers again' }).click();
    await heading(robin, "You don't have to carry this alone");
    await checkPage(robin);
  });

  it('a "yes" to the safety check: the abuse line and the emergency number first', async () => {
    const kim = await openPage();
    await signUpViaApi(kim, 'Kim', { checked: false });
    await kim.goto('/app/safety');
    await heading(kim, 'A few private questions');
    await answerSafetyCheck(kim, 'yes');
    await heading(kim, 'Thank you for telling us');
    const abuse = await expectLink(kim, /^Women's Aid: 1800 341 900$/, 'tel:1800341900');
    const crisis = await expectLink(kim, /^Samaritans: 116 123$/, 'tel:116123');
    await numbersFirst(
      kim,
      [await expectLink(kim, /^Emergency services: 112 or 999$/, 'tel:112'), abuse, crisis],
      kim.getByText('What you described can mean you are not safe'),
    );
    expect((await abuse.boundingBox())!.y).toBeLessThan((await crisis.boundingBox())!.y);
    await checkPage(kim);
  });

  it('Get help now opens the person’s own country first, with and without JavaScript', async () => {
    await robin.goto('/app');
    await heading(robin, 'Today');
    const help = robin.getByRole('link', { name: CRISIS_LINK, exact: true });
    expect(await help.getAttribute('href')).toBe('/help?country=GB');
    await help.click();
    await heading(robin, 'Get help now');
    await numbersFirst(
      robin,
      [
        await expectLink(robin, /^Call 999$/, 'tel:999'),
        await expectLink(robin, /^Samaritans: 116 123$/, 'tel:116123'),
        await expectLink(
          robin,
          /^National Domestic Abuse Helpline: 0808 2000 247$/,
          'tel:08082000247',
        ),
      ],
      robin.getByText('If you or someone else is in immediate danger'),
    );
    await robin.getByRole('heading', { level: 2, name: 'United Kingdom' }).waitFor();
    await checkPage(robin);

    // Without JavaScript the app's header is the plain /help link: the page reads Robin's session.
    const plain = await openPage({ javaScriptEnabled: false });
    await plain.context().addCookies(await robin.context().cookies());
    await plain.goto('/app');
    const plainHelp = plain.getByRole('link', { name: CRISIS_LINK, exact: true });
    expect(await plainHelp.getAttribute('href')).toBe('/help');
    await plainHelp.click();
    await heading(plain, 'Get help now');
    await numbersFirst(
      plain,
      [await expectLink(plain, /^Call 999$/, 'tel:999')],
      plain.getByText('If you or someone else is in immediate danger'),
    );

    // Someone signed out gets the practice's default.
    const anyone = await openPage();
    await anyone.goto('/help');
    await numbersFirst(
      anyone,
      [await expectLink(anyone, /^Call 112 or 999$/, 'tel:112')],
      anyone.getByText('If you or someone else is in immediate danger'),
    );
  });
});

describe('Practice settings', () => {
  it('the administrator changes the default country; a member cannot', async () => {
    const admin = await openPage();
    const setUp = await admin.request.post('/api/setup', {
      headers: CSRF,
      data: { email: `admin-${randomUUID()}@example.org`, password: PASSWORD, displayName: 'Ari' },
    });
    expect(setUp.status()).toBe(201);
    // Administrators need two-factor sign-in before anything else (partners.e2e.ts does it in the UI).
    await enrollTotpViaApi(admin);
    await admin.goto('/app');
    await admin.getByRole('link', { name: 'Practice' }).click();
    await heading(admin, 'Practice settings');
    const select = admin.getByLabel('Country for crisis lines');
    expect(await select.inputValue()).toBe('IE');
    await checkPage(admin);
    await select.selectOption('AU');
    await admin
      .getByRole('region', { name: 'Crisis lines' })
      .getByRole('button', { name: 'Save', exact: true })
      .click();
    await admin.getByText('Saved. Crisis screens now show these numbers first.').first().waitFor();

    const anyone = await openPage();
    await anyone.goto('/help');
    await numbersFirst(
      anyone,
      [await expectLink(anyone, /^Call 000$/, 'tel:000')],
      anyone.getByText('If you or someone else is in immediate danger'),
    );

    // Robin chose a country, so theirs still comes first; a member cannot change the default.
    await robin.goto('/app/practice');
    await heading(robin, 'Today');
    const refused = await robin.request.put('/api/practice/settings', {
      headers: CSRF,
      data: { defaultCountry: 'US' },
    });
    expect(refused.status()).toBe(403);
    const lines = (await (await anyone.request.get('/api/crisis')).json()) as {
      defaultCountry: string | null;
    };
    expect(lines.defaultCountry).toBe('AU');
  });
});
