import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server.js';
import {
  checkPage,
  coupleViaApi,
  CSRF,
  desktop,
  enrollTotpViaApi,
  heading,
  launch,
  newContext,
  PASSWORD,
  phone,
  signUpViaApi,
  totpNow,
  watch,
} from './support.js';

// An instance of its own: this file makes the practice's administrator and its therapist.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, server.baseUrl, viewport);
  contexts.push(context);
  return watch(await context.newPage());
}

const THERAPIST = 'Dr Morgan Lee';
const ITEM9_ALERT = /answered the last PHQ-9 question/;

/** PHQ-9 answers through the API: "not at all" everywhere but item 9 ("several days"). */
const phq9WithItem9 = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9.${n}`, n === 9 ? 1 : 0]),
);

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
  await heading(page, "You don't have to carry this alone");
}

let admin: Page;
let morgan: Page;
let alex: Page;
let bo: Page;
let inviteUrl = '';
let slug = '';
let alexId = '';

describe('the practice, from invitation to an ended link', () => {
  const therapistEmail = `morgan-${randomUUID()}@example.org`;
  const checkinNote = `Harder evening than I expected ${randomUUID()}`;
  const letterText = `What I lost when I found out ${randomUUID()}`;

  it('the administrator invites a therapist; the link is on screen and in the outbox', async () => {
    admin = await openPage(desktop);
    const setUp = await admin.request.post('/api/setup', {
      headers: CSRF,
      data: { email: `admin-${randomUUID()}@example.org`, password: PASSWORD, displayName: 'Ari' },
    });
    expect(setUp.status()).toBe(201);
    // Administrators need two-factor sign-in before anything else (partners.e2e.ts does it in the UI).
    await enrollTotpViaApi(admin);

    await admin.goto('/app');
    await admin.getByRole('link', { name: 'Therapists', exact: true }).first().click();
    await heading(admin, 'Therapists');
    await admin.getByText('No invitations yet.').waitFor();
    await checkPage(admin);

    await admin.getByLabel('Their email', { exact: true }).fill(therapistEmail);
    await admin.getByRole('button', { name: 'Send the invitation' }).click();
    // No mail server here: the link is shown, to pass on by hand.
    await admin
      .getByText('The invitation is in the outbox, since no mail server is set up.', {
        exact: false,
      })
      .waitFor();
    const shown = admin.locator('code.invite-link');
    await shown.waitFor();
    inviteUrl = (await shown.innerText()).trim();
    expect(inviteUrl).toMatch(
      new RegExp(`^${server.baseUrl}/therapist-invite#[A-Za-z0-9_-]{20,}$`),
    );
    const row = admin.getByRole('row').filter({ hasText: therapistEmail });
    await row.getByText(/^Waiting, until /).waitFor();
    await row
      .getByRole('button', { name: `Withdraw the invitation to ${therapistEmail}` })
      .waitFor();
    await checkPage(admin);

    await admin.goto('/app/outbox');
    await heading(admin, 'Outbox');
    const mail = admin.getByRole('article').filter({ hasText: `To ${therapistEmail}` });
    await mail.waitFor();
    expect(await mail.locator('.mail-body').innerText()).toContain(inviteUrl);
    await checkPage(admin);
  });

  it('the therapist joins through the link, sets up two-factor sign-in and publishes a profile', async () => {
    morgan = await openPage(desktop);
    await morgan.goto(inviteUrl);
    await heading(morgan, /as a therapist$/);
    // The token leaves the address bar at once.
    expect(morgan.url()).toBe(`${server.baseUrl}/therapist-invite`);
    await morgan.getByText(`Your account’s email will be ${therapistEmail}.`).waitFor();
    await checkPage(morgan);

    await morgan.getByLabel('What should we call you?', { exact: true }).fill(THERAPIST);
    await morgan.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await morgan.getByRole('button', { name: 'Create my account' }).click();
    await morgan.waitForURL(/\/app$/);

    // Required for therapists: nothing else until it is on.
    await heading(morgan, 'Set up two-factor sign-in');
    await checkPage(morgan);
    await morgan.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await morgan
      .getByRole('img', { name: 'QR code to scan with your authenticator app' })
      .waitFor();
    const secret = (await morgan.locator('.totp-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await checkPage(morgan);
    await morgan.getByLabel('6-digit code from your app').fill(totpNow(secret));
    await morgan.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await morgan.getByRole('heading', { level: 2, name: 'Save your recovery codes' }).waitFor();
    await checkPage(morgan);
    await morgan.getByLabel('I have saved these codes').check();
    await morgan.getByRole('button', { name: 'Done', exact: true }).click();

    // A therapist's home is the caseload, empty for now.
    await heading(morgan, 'Your caseload');
    await morgan.getByText('No alerts.').waitFor();
    await checkPage(morgan);

    await morgan.getByRole('link', { name: 'My profile', exact: true }).first().click();
    await heading(morgan, 'My profile');
    await morgan.getByText('Your profile is not shown in the directory yet.').waitFor();
    await checkPage(morgan);
    await morgan.getByLabel('Name people will see', { exact: true }).fill(THERAPIST);
    await morgan.getByLabel('Title', { exact: true }).fill('Couples therapist');
    await morgan
      .getByLabel('About you', { exact: true })
      .fill('I work with couples and individuals after betrayal, at a pace that feels safe.');
    await morgan
      .getByRole('checkbox', { name: 'Emotionally focused therapy (EFT)', exact: true })
      .check();
    await morgan.getByRole('checkbox', { name: 'Individual sessions', exact: true }).check();
    await morgan.getByRole('checkbox', { name: 'Couples sessions', exact: true }).check();
    await morgan.getByLabel('Languages', { exact: true }).fill('en, fr');
    await morgan.getByRole('checkbox', { name: 'Sessions online', exact: true }).check();
    await morgan
      .getByRole('checkbox', { name: 'Experience with betrayal and infidelity', exact: true })
      .check();
    await morgan.getByRole('checkbox', { name: 'Taking new clients now', exact: true }).check();
    await morgan.getByLabel('Availability', { exact: true }).fill('Tuesday and Thursday evenings');
    await morgan
      .getByRole('checkbox', { name: 'Show my profile in the public directory', exact: true })
      .check();
    await morgan.getByRole('button', { name: 'Save my profile' }).click();
    await morgan.getByText('Saved. Your profile is shown in the directory.').first().waitFor();
    const publicLink = morgan.getByRole('link', { name: 'See my profile as others see it' });
    await publicLink.waitFor();
    slug = ((await publicLink.getAttribute('href')) ?? '').replace(/^\/directory\//, '');
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    await checkPage(morgan);
  });

  it('a person finds the therapist in the directory and sends an intake request', async () => {
    const visitor = await openPage(phone);
    await visitor.goto('/directory');
    await heading(visitor, 'Find a therapist');
    await checkPage(visitor);

    // The filter is a plain form: choices, then its own submit button.
    await visitor.getByRole('radio', { name: 'Couples sessions', exact: true }).check();
    await visitor
      .getByRole('checkbox', { name: 'Experience with betrayal and infidelity', exact: true })
      .check();
    await visitor.getByRole('button', { name: 'Show therapists' }).click();
    await visitor.waitForURL(/\/directory\?.*format=couples/);
    await visitor.getByText('1 therapist matches your choices').waitFor();
    await checkPage(visitor);

    await visitor.getByRole('link', { name: THERAPIST, exact: true }).click();
    await visitor.waitForURL(new RegExp(`/directory/${slug}$`));
    await heading(visitor, THERAPIST);
    await visitor.getByText('Tuesday and Thursday evenings').waitFor();
    await checkPage(visitor);

    await visitor
      .getByRole('link', { name: `Ask for a first conversation with ${THERAPIST}` })
      .click();
    await visitor.waitForURL(new RegExp(`/intake\\?therapist=${slug}$`));
    await heading(visitor, 'Ask for help');
    expect(await visitor.getByLabel('A therapist', { exact: true }).inputValue()).toBe(slug);
    await checkPage(visitor);

    await visitor.getByRole('radio', { name: 'Support for us as a couple', exact: true }).check();
    await visitor.getByRole('radio', { name: 'Email', exact: true }).check();
    await visitor
      .getByLabel('Your email address or phone number', { exact: true })
      .fill(`jo-${randomUUID()}@example.org`);
    await visitor
      .getByRole('radio', { name: 'No, please do not leave a message', exact: true })
      .check();
    await visitor.getByLabel('A name we may use', { exact: true }).fill('Jo');
    await visitor.getByRole('button', { name: 'Send my request' }).click();
    await visitor.waitForURL(/\/intake\/sent$/);
    await heading(visitor, 'Thank you, your request arrived');
    await checkPage(visitor);

    // It lands in the inbox of the therapist it named, and of the administrator.
    for (const staff of [morgan, admin]) {
      await staff.goto('/app/intake');
      await heading(staff, 'Requests');
      await staff.getByText('Jo', { exact: true }).first().waitFor();
      await checkPage(staff);
    }
  });

  it('the public groups page and the administrator’s screens pass the checks', async () => {
    const made = await admin.request.post('/api/groups', {
      headers: CSRF,
      data: {
        name: 'Evening circle',
        description: 'A calm group for people finding their feet after betrayal.',
        format: 'in_person',
        location: 'Room 2, 14 Quiet Street',
        facilitatorId: null,
        capacity: 8,
        placesTaken: 3,
        timeZone: 'Europe/London',
        firstMeeting: `${new Date().getUTCFullYear() + 1}-03-16T18:30`,
        durationMinutes: 90,
        recurrence: { frequency: 'weekly', count: 8, until: null },
        published: true,
      },
    });
    expect(made.status()).toBe(201);

    const visitor = await openPage(phone);
    await visitor.goto('/groups');
    await heading(visitor, 'Groups');
    await visitor.getByText('Evening circle').first().waitFor();
    await checkPage(visitor);

    await admin.goto('/app/groups');
    await heading(admin, 'Groups');
    await admin.getByText('Evening circle').first().waitFor();
    await checkPage(admin);
  });

  it('a client links the therapist with crisis alerts on; the therapist accepts; check-ins are shared, letters are not', async () => {
    alex = await openPage(phone);
    const sam = await openPage(desktop);
    await signUpViaApi(alex, 'Alex');
    await signUpViaApi(sam, 'Sam');
    await coupleViaApi(alex, sam);

    await alex.goto('/app/therapist');
    await heading(alex, 'My therapist');
    await alex.getByText('You have not linked a therapist.').waitFor();
    await checkPage(alex);

    const ask = alex.getByRole('region', { name: 'Link a therapist' });
    await alex
      .getByRole('radio', { name: 'From the list of the practice’s therapists', exact: true })
      .check();
    await alex.getByLabel('Therapist', { exact: true }).selectOption(slug);
    // Asked plainly, with nothing chosen in advance.
    const crisis = alex.getByRole('group', { name: /should we alert this therapist\?/ });
    expect(await crisis.getByRole('radio', { checked: true }).count()).toBe(0);
    await crisis.getByRole('radio', { name: 'Yes, alert them', exact: true }).check();
    await checkPage(alex);
    await ask.getByRole('button', { name: 'Ask to link' }).click();
    const card = alex.getByRole('article', { name: THERAPIST });
    await card.getByText('Waiting for them to accept').waitFor();
    await checkPage(alex);

    await morgan.getByRole('link', { name: 'Link requests', exact: true }).first().click();
    await heading(morgan, 'Link requests');
    const request = morgan.getByRole('listitem').filter({ hasText: 'Alex' });
    await request.getByRole('button', { name: 'Accept' }).waitFor();
    await checkPage(morgan);
    await request.getByRole('button', { name: 'Accept' }).click();
    await request.getByText('Crisis alerts: on').waitFor();
    await request.getByText('Nothing shared with you yet.').waitFor();
    await checkPage(morgan);

    // Every category is off until Alex turns it on; Alex turns on check-ins only.
    await alex.reload();
    await card.getByText(/^Linked since /).waitFor();
    const checkins = card.getByRole('switch', { name: 'Emotion check-ins' });
    const letters = card.getByRole('switch', { name: 'Letters and statements' });
    expect(await checkins.isChecked()).toBe(false);
    // The switch shows the choice once it is saved.
    await checkins.click();
    await card.getByRole('switch', { name: 'Emotion check-ins', checked: true }).waitFor();
    expect(await letters.isChecked()).toBe(false);
    await checkPage(alex);

    // A check-in, written on screen, and an impact letter sent to Sam.
    await alex.goto('/app/checkins/new');
    await heading(alex, 'Check in');
    await alex.getByRole('checkbox', { name: 'Hurt', exact: true }).check();
    await alex.getByRole('slider', { name: 'Hurt' }).fill('7');
    await alex.getByLabel('Anything you want to add? (optional)').fill(checkinNote);
    await alex.getByRole('button', { name: 'Save check-in' }).click();
    await alex.waitForURL(/\/app\/checkins$/);
    await alex.getByText(checkinNote).waitFor();

    const started = await alex.request.post('/api/letters', {
      headers: CSRF,
      data: { kind: 'impact', text: letterText },
    });
    expect(started.status()).toBe(201);
    const versionId = ((await started.json()) as { versions: { id: string }[] }).versions[0]?.id;
    const sent = await alex.request.post(`/api/letters/${versionId}/share`, {
      headers: CSRF,
      data: {},
    });
    expect(sent.status()).toBe(200);

    const session = (await (await alex.request.get('/api/auth/session')).json()) as {
      user: { id: string };
    };
    alexId = session.user.id;
  });

  it('the therapist sees the check-ins in the summary, and not the letters', async () => {
    await morgan.goto('/app');
    await heading(morgan, 'Your caseload');
    const entry = morgan.getByRole('listitem').filter({ hasText: 'Shares: check-ins' });
    await entry.getByRole('link', { name: 'Alex', exact: true }).click();
    await morgan.waitForURL(new RegExp(`/app/clients/${alexId}$`));
    await heading(morgan, 'Between sessions: Alex');
    // In words first (the chart repeats them as its description).
    await morgan
      .getByRole('paragraph')
      .filter({ hasText: /^1 check-in in this period\. Named most often: Hurt/ })
      .first()
      .waitFor();
    await morgan.getByText(/^Not shared with you: .*letters and statements/).waitFor();
    expect(
      await morgan.getByRole('heading', { name: 'Letters and statements shared' }).count(),
    ).toBe(0);
    expect(await morgan.getByText(letterText).count()).toBe(0);
    // Words and numbers only: no note is ever shown.
    expect(await morgan.getByText(checkinNote).count()).toBe(0);
    await checkPage(morgan);

    const summary = await morgan.request.get(`/api/therapist/clients/${alexId}/summary`);
    expect(summary.status()).toBe(200);
    const body = await summary.text();
    expect(body).not.toContain(letterText);
    const people = (JSON.parse(body) as { people: { letters: unknown; checkins: unknown }[] })
      .people;
    expect(people[0]?.letters).toBeNull();
    expect(people[0]?.checkins).not.toBeNull();
  });

  it('PHQ-9 item 9 alerts the therapist only for the client who chose alerts', async () => {
    // Bo links with a code the therapist made, and says no to crisis alerts.
    bo = await openPage(phone);
    await signUpViaApi(bo, 'Bo');
    await bo.request.post('/api/journey', {
      headers: CSRF,
      data: { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_month' },
    });
    await morgan.goto('/app/requests');
    await heading(morgan, 'Link requests');
    await morgan.getByRole('button', { name: 'Make a new code' }).click();
    const codeLine = morgan.getByText(/^The code is \S+\. It works once, until /);
    await codeLine.waitFor();
    const code = /^The code is (\S+)\./.exec(await codeLine.innerText())?.[1] ?? '';
    expect(code).not.toBe('');
    await checkPage(morgan);
    const asked = await bo.request.post('/api/my-therapists', {
      headers: CSRF,
      data: { code, alertCrisis: false },
    });
    expect(asked.status()).toBeLessThan(300);
    await morgan.reload();
    const request = morgan.getByRole('listitem').filter({ hasText: 'Bo' });
    await request.getByRole('button', { name: 'Accept' }).click();
    await request.getByText('Crisis alerts: off').waitFor();

    const taken = await bo.request.post('/api/screens/phq9', {
      headers: CSRF,
      data: { answers: phq9WithItem9 },
    });
    expect(taken.status()).toBe(201);
    await answerPhq9WithItem9(alex);

    await morgan.goto('/app');
    await heading(morgan, 'Your caseload');
    const alerts = morgan.getByRole('region', { name: 'Alerts' });
    await alerts.getByText(/^Alex answered the last PHQ-9 question/).waitFor();
    expect(await alerts.getByText(/^Bo answered/).count()).toBe(0);
    await checkPage(morgan);

    const listed = (await (await morgan.request.get('/api/therapist/alerts')).json()) as {
      alerts: { clientName: string; kind: string }[];
    };
    expect(listed.alerts.map((a) => `${a.clientName} ${a.kind}`)).toEqual(['Alex crisis_item9']);
    expect(ITEM9_ALERT.test(await alerts.innerText())).toBe(true);
  });

  it('the client sees the therapist’s reads on the privacy page', async () => {
    await alex.goto('/app/privacy/reads');
    await heading(alex, 'Who has seen what you shared');
    const log = alex.getByRole('list', { name: /./ }).filter({ hasText: THERAPIST });
    await log.getByText(`${THERAPIST} looked at your`, { exact: false }).first().waitFor();
    await checkPage(alex);
  });

  it('the client ends the link and the therapist’s next read is refused', async () => {
    await alex.goto('/app/therapist');
    await heading(alex, 'My therapist');
    const card = alex.getByRole('article', { name: THERAPIST });
    await card.getByRole('button', { name: 'End this link' }).click();
    await card.getByRole('button', { name: 'Yes, end the link' }).click();
    await alex.getByRole('heading', { level: 2, name: 'Earlier links' }).waitFor();
    await alex.getByText(`${THERAPIST}: You ended this link on`, { exact: false }).waitFor();
    await checkPage(alex);

    const refused = await morgan.request.get(`/api/therapist/clients/${alexId}/summary`);
    expect(refused.status()).toBe(404);
    await morgan.goto(`/app/clients/${alexId}`);
    await heading(morgan, 'Between sessions');
    await morgan.getByText('There is no client here you can see.', { exact: false }).waitFor();
    await checkPage(morgan);
  });

  it('the administrator’s audit log passes the checks', async () => {
    await admin.goto('/app/audit');
    await heading(admin, 'Audit log');
    await admin.getByText(THERAPIST, { exact: false }).first().waitFor();
    await checkPage(admin);
  });
});
