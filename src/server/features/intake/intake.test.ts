import { describe, expect, it } from 'vitest';
import { sealContext } from '../../crypto/contexts.js';
import {
  codeOf,
  makeMember,
  ok,
  TestClient,
  testDialect,
  useTestApp,
  type TestApp,
} from '../../test-support/harness.js';
import {
  intakeFormFields,
  makeStaff,
  makeTherapist,
  postIntakeForm,
  setIntakeOpen,
  TEST_ORIGIN,
} from '../../test-support/intake.js';
import type { IntakeDetail, IntakeSummary } from '../../../shared/api/intake.js';
import { INTAKE_LIMIT_PER_HOUR } from './intake.service.js';

const rows = (t: TestApp) =>
  t.deps.database.db.selectFrom('intake_requests').selectAll().orderBy('created_at').execute();

/** The outbox, opened: who each mail went to, its subject and its body. */
async function outbox(t: TestApp) {
  const mails = await t.deps.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .orderBy('created_at')
    .execute();
  return mails.map((m) => ({
    to: t.deps.sealer.openForServer(m.recipient, sealContext('outboxRecipient', m.id)),
    subject: m.subject,
    text: t.deps.sealer.openForServer(m.body, sealContext('outboxBody', m.id)),
  }));
}

const jsonBody = (over: Record<string, unknown> = {}) => ({
  lookingFor: 'individual',
  therapist: null,
  contactMethod: 'call',
  contactDetail: '+44 20 7946 0000',
  times: 'Evenings',
  safeToLeaveMessage: false,
  name: 'Kit',
  message: 'Hello.',
  ...over,
});

describe(`the public request form (${testDialect()})`, () => {
  const t = useTestApp();

  it('shows the published therapists, calm words about safety, and keeps a chosen therapist', async () => {
    const ada = await makeTherapist(t.app, t.deps, 'Ada Byron');
    const hidden = await makeTherapist(t.app, t.deps, 'Hidden Person', { published: false });
    const page = await t.app.inject({ method: 'GET', url: `/intake?therapist=${ada.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('href="/help"');
    expect(page.body).toContain('method="post" action="/intake"');
    expect(page.body).toMatch(new RegExp(`<option value="${ada.slug}"\\s+selected`));
    expect(page.body).not.toContain(hidden.slug);
    // No script of its own: the form works with JavaScript off (the layout's quick exit aside).
    expect(page.body.match(/<script/g)?.length).toBe(1);
    for (const asked of ['nobody', 'x'.repeat(500)]) {
      const plain = await t.app.inject({ method: 'GET', url: `/intake?therapist=${asked}` });
      expect(plain.statusCode).toBe(200);
      expect(plain.body).not.toMatch(/selected/);
    }
  });

  it('lands a sealed request, tells the inbox only that one arrived, and confirms to the person when asked', async () => {
    const admin = await makeStaff(t.app, t.deps, 'admin', 'Admin');
    const ada = await makeTherapist(t.app, t.deps, 'Ada Byron');
    const other = await makeTherapist(t.app, t.deps, 'Bea Other');
    const res = await postIntakeForm(
      t.app,
      intakeFormFields({ therapist: ada.slug, confirmByEmail: 'yes' }),
    );
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/intake/sent');
    const thanks = await t.app.inject({ method: 'GET', url: '/intake/sent' });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('your request arrived');

    const [row, ...more] = await rows(t);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ looking_for: 'couple', therapist_id: ada.id, status: 'new' });
    // Nothing the person wrote is readable at rest, in any column.
    const stored = JSON.stringify(row);
    for (const words of [
      'Robin',
      'Quietwater',
      'robin@example.org',
      'Weekday',
      'talk to someone',
    ]) {
      expect(stored).not.toContain(words);
    }
    const opened = JSON.parse(
      t.deps.sealer.openForServer(row!.sealed, sealContext('intakeRequest', row!.id)),
    ) as Record<string, unknown>;
    expect(opened).toMatchObject({
      name: 'Robin Quietwater',
      contactDetail: 'robin@example.org',
      safeToLeaveMessage: false,
      confirmByEmail: true,
    });

    const mails = await outbox(t);
    expect(mails.map((m) => m.to).sort()).toEqual(
      [admin.email, ada.email, 'robin@example.org'].sort(),
    );
    expect(mails.map((m) => m.to)).not.toContain(other.email);
    for (const mail of mails) {
      for (const words of [
        'Robin',
        'Quietwater',
        'robin@example.org',
        'Ada',
        'Weekday',
        'couple',
      ]) {
        expect(`${mail.subject} ${mail.text}`).not.toContain(words);
      }
    }
    const toInbox = mails.filter((m) => m.to !== 'robin@example.org');
    expect(toInbox.map((m) => m.subject)).toEqual(['A new request', 'A new request']);
    expect(toInbox[0]!.text).toContain(`${TEST_ORIGIN}/app/intake`);
    const confirmation = mails.find((m) => m.to === 'robin@example.org')!;
    expect(confirmation.subject).toBe('Received');
    expect(confirmation.text).not.toMatch(/steadfast|therap|request/i);
  });

  it('sends no confirmation unless asked, and to anyone-requests only the administrators hear', async () => {
    const admin = await makeStaff(t.app, t.deps, 'admin', 'Admin');
    await makeTherapist(t.app, t.deps, 'Ada Byron');
    const res = await postIntakeForm(t.app, intakeFormFields());
    expect(res.statusCode, res.body).toBe(303);
    expect((await outbox(t)).map((m) => m.to)).toEqual([admin.email]);
    expect((await rows(t))[0]!.therapist_id).toBeNull();
  });

  it('shows the form again with the words kept and each problem by its field, storing nothing', async () => {
    const res = await postIntakeForm(
      t.app,
      intakeFormFields({
        name: '   ',
        contactDetail: 'not an address',
        safeToLeaveMessage: undefined,
        message: 'Our words, <kept> & "escaped"',
        times: 'Saturdays',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    const body = res.body;
    expect(body).toContain('class="error-summary"');
    expect(body).toContain('href="#intake-name"');
    expect(body).toContain('href="#intake-contactDetail"');
    expect(body).toContain('href="#intake-safeToLeaveMessage-yes"');
    expect(body).toContain('Please write an email address');
    // Each error is tied to its control.
    expect(body).toMatch(
      /id="intake-name"[^>]*aria-invalid="true"[^>]*aria-describedby="intake-name-hint intake-name-error"/,
    );
    expect(body).toContain('id="intake-name-error"');
    // What the person wrote is back in the form, escaped.
    expect(body).toContain('Our words, &lt;kept&gt; &amp; &quot;escaped&quot;</textarea');
    expect(body).toContain('value="not an address"');
    expect(body).toMatch(/value="couple"\s+checked/);
    expect(body).toContain('Saturdays');
    expect(await rows(t)).toEqual([]);
    expect(await outbox(t)).toEqual([]);
  });

  it('asks for email before sending a confirmation, and refuses a therapist who is not listed', async () => {
    const hidden = await makeTherapist(t.app, t.deps, 'Hidden', { published: false });
    const phone = await postIntakeForm(
      t.app,
      intakeFormFields({
        contactMethod: 'text',
        contactDetail: '07700 900123',
        confirmByEmail: 'yes',
      }),
    );
    expect(phone.statusCode).toBe(400);
    expect(phone.body).toContain('id="intake-confirmByEmail-error"');
    const unlisted = await postIntakeForm(t.app, intakeFormFields({ therapist: hidden.slug }));
    expect(unlisted.statusCode).toBe(422);
    expect(unlisted.body).toContain('id="intake-therapist-error"');
    expect(await rows(t)).toEqual([]);
  });

  it('refuses a post from another site, and one that does not say where it came from', async () => {
    const fields = intakeFormFields();
    const refused = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: TEST_ORIGIN, 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
      { origin: 'https://evil.example', 'sec-fetch-site': '' },
      { origin: 'null', 'sec-fetch-site': '' },
      { origin: '', 'sec-fetch-site': '' },
    ];
    for (const h of refused) {
      const headers = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== ''));
      const res = await t.app.inject({
        method: 'POST',
        url: '/intake',
        remoteAddress: '10.30.0.1',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams(fields).toString(),
      });
      expect(`${JSON.stringify(h)}: ${res.statusCode}`).toBe(`${JSON.stringify(h)}: 403`);
      expect(res.json<{ code: string }>().code).toBe('csrf.missing');
    }
    expect(await rows(t)).toEqual([]);
    // A same-origin post under the pages' no-referrer policy says `Origin: null`: still ours.
    const ours = await postIntakeForm(t.app, fields, { headers: { origin: 'null' } });
    expect(ours.statusCode, ours.body).toBe(303);
    // A browser without fetch metadata: its Origin decides.
    const older = await t.app.inject({
      method: 'POST',
      url: '/intake',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(older.statusCode, older.body).toBe(303);
    // The exemption is this form's alone: the API still needs the header.
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/intake',
      headers: { origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' },
      payload: jsonBody(),
    });
    expect(api.statusCode).toBe(403);
    // And no API route reads a form body.
    const formToApi = await new TestClient(t.app).request(
      'POST',
      '/api/intake',
      new URLSearchParams(fields).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(formToApi.statusCode).toBe(415);
  });

  it(`takes ${INTAKE_LIMIT_PER_HOUR} requests an hour from one address, then says so kindly`, async () => {
    for (let i = 0; i < INTAKE_LIMIT_PER_HOUR; i++) {
      expect(
        (await postIntakeForm(t.app, intakeFormFields(), { ip: '10.40.0.1' })).statusCode,
      ).toBe(303);
    }
    const refused = await postIntakeForm(t.app, intakeFormFields(), { ip: '10.40.0.1' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('href="/help"');
    // The JSON form counts towards the same limit.
    const viaApi = new TestClient(t.app, '10.40.0.1');
    expect(await codeOf(viaApi.post('/api/intake', jsonBody()))).toBe('429 intake.rate_limited');
    // Another address is not affected, and an hour later this one may send again.
    expect((await postIntakeForm(t.app, intakeFormFields(), { ip: '10.40.0.2' })).statusCode).toBe(
      303,
    );
    t.clock.advance(60 * 60_000 + 1);
    expect((await postIntakeForm(t.app, intakeFormFields(), { ip: '10.40.0.1' })).statusCode).toBe(
      303,
    );
    expect(await rows(t)).toHaveLength(INTAKE_LIMIT_PER_HOUR + 2);
  });

  it('says kindly when the practice is not taking requests, pointing to the crisis lines and the directory', async () => {
    await setIntakeOpen(t.deps, false);
    const page = await t.app.inject({ method: 'GET', url: '/intake' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('not taking new requests');
    expect(page.body).toContain('href="/help"');
    expect(page.body).toContain('href="/therapists"');
    expect(page.body).not.toContain('action="/intake"');
    const post = await postIntakeForm(t.app, intakeFormFields());
    expect(post.statusCode).toBe(409);
    expect(post.body).toContain('not taking new requests');
    const anyone = new TestClient(t.app);
    expect(await codeOf(anyone.post('/api/intake', jsonBody()))).toBe('409 intake.closed');
    expect((await ok<{ open: boolean }>(anyone.get('/api/intake/form'))).open).toBe(false);
    expect(await rows(t)).toEqual([]);

    await setIntakeOpen(t.deps, true);
    expect((await postIntakeForm(t.app, intakeFormFields())).statusCode).toBe(303);
  });

  it('takes the same request as JSON for the app', async () => {
    const ada = await makeTherapist(t.app, t.deps, 'Ada Byron');
    const anyone = new TestClient(t.app);
    const form = await ok<{ open: boolean; therapists: { slug: string; name: string }[] }>(
      anyone.get('/api/intake/form'),
    );
    expect(form).toEqual({ open: true, therapists: [{ slug: ada.slug, name: 'Ada Byron' }] });
    const sent = await anyone.post('/api/intake', jsonBody({ therapist: ada.slug }));
    expect(sent.statusCode, sent.body).toBe(204);
    expect(await codeOf(anyone.post('/api/intake', jsonBody({ therapist: 'nobody' })))).toBe(
      '422 intake.therapist_unknown',
    );
    const bad = await anyone.post('/api/intake', jsonBody({ contactDetail: 'call me maybe' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'contactDetail',
    ]);
    const [row] = await rows(t);
    expect(row).toMatchObject({ therapist_id: ada.id, looking_for: 'individual' });
  });
});

describe(`the intake inbox (${testDialect()})`, () => {
  const t = useTestApp();

  async function setUp() {
    const admin = await makeStaff(t.app, t.deps, 'admin', 'Admin');
    const ada = await makeTherapist(t.app, t.deps, 'Ada Byron');
    const bea = await makeTherapist(t.app, t.deps, 'Bea Other');
    const send = async (name: string, therapist: string) => {
      t.clock.advance(1000);
      const res = await postIntakeForm(t.app, intakeFormFields({ name, therapist }), {
        ip: `10.50.0.${name.length}`,
      });
      expect(res.statusCode, res.body).toBe(303);
    };
    await send('First for Ada', ada.slug);
    await send('To anyone', '');
    await send('Second for Ada', ada.slug);
    const ids = (await rows(t)).map((r) => r.id);
    return { admin, ada, bea, ids };
  }

  it('shows the administrator every request, newest first, a page at a time', async () => {
    const { admin } = await setUp();
    const all = await ok<{ items: IntakeSummary[]; nextCursor: string | null }>(
      admin.client.get('/api/intake/requests'),
    );
    expect(all.items.map((i) => i.name)).toEqual(['Second for Ada', 'To anyone', 'First for Ada']);
    expect(all.items[0]).toMatchObject({
      status: 'new',
      lookingFor: 'couple',
      contactMethod: 'email',
      therapist: { name: 'Ada Byron' },
    });
    expect(all.items[1]!.therapist).toBeNull();
    expect(all.nextCursor).toBeNull();

    const first = await ok<{ items: IntakeSummary[]; nextCursor: string }>(
      admin.client.get('/api/intake/requests?limit=2'),
    );
    expect(first.items).toHaveLength(2);
    const rest = await ok<{ items: IntakeSummary[]; nextCursor: string | null }>(
      admin.client.get(`/api/intake/requests?limit=2&cursor=${first.nextCursor}`),
    );
    expect(rest.items.map((i) => i.name)).toEqual(['First for Ada']);
    expect(rest.nextCursor).toBeNull();
    expect(await codeOf(admin.client.get('/api/intake/requests?cursor=nonsense'))).toBe(
      '400 cursor.invalid',
    );
  });

  it('shows a therapist only the requests that chose them; another therapist gets not found', async () => {
    const { ada, bea, ids } = await setUp();
    const [firstForAda, toAnyone] = ids;
    const mine = await ok<{ items: IntakeSummary[] }>(ada.client.get('/api/therapist/intake'));
    expect(mine.items.map((i) => i.name)).toEqual(['Second for Ada', 'First for Ada']);
    const detail = await ok<IntakeDetail>(ada.client.get(`/api/therapist/intake/${firstForAda}`));
    expect(detail).toMatchObject({
      name: 'First for Ada',
      contactDetail: 'robin@example.org',
      times: 'Weekday mornings',
      safeToLeaveMessage: false,
      message: 'We would like to talk to someone.',
    });
    expect((await ok<{ items: unknown[] }>(bea.client.get('/api/therapist/intake'))).items).toEqual(
      [],
    );
    for (const id of [firstForAda, toAnyone, '00000000-0000-4000-8000-000000000000']) {
      expect(await codeOf(bea.client.get(`/api/therapist/intake/${id}`))).toBe(
        '404 intake.not_found',
      );
      expect(
        await codeOf(bea.client.put(`/api/therapist/intake/${id}/status`, { status: 'closed' })),
      ).toBe('404 intake.not_found');
    }
    // A request to anyone is the administrator's to pass on, not every therapist's to read.
    expect(await codeOf(ada.client.get(`/api/therapist/intake/${toAnyone}`))).toBe(
      '404 intake.not_found',
    );
  });

  it('lets the administrator and the chosen therapist move a request along, and back', async () => {
    const { admin, ada, ids } = await setUp();
    const id = ids[0]!;
    t.clock.advance(5000);
    const contacted = await ok<IntakeDetail>(
      ada.client.put(`/api/therapist/intake/${id}/status`, { status: 'contacted' }),
    );
    expect(contacted.status).toBe('contacted');
    expect(contacted.updatedAt).toBe(t.clock());
    const closed = await ok<IntakeDetail>(
      admin.client.put(`/api/intake/requests/${id}/status`, { status: 'closed' }),
    );
    expect(closed.status).toBe('closed');
    const filtered = await ok<{ items: IntakeSummary[] }>(
      admin.client.get('/api/intake/requests?status=closed'),
    );
    expect(filtered.items.map((i) => i.id)).toEqual([id]);
    const newOnes = await ok<{ items: IntakeSummary[] }>(
      ada.client.get('/api/therapist/intake?status=new'),
    );
    expect(newOnes.items.map((i) => i.name)).toEqual(['Second for Ada']);
    const reopened = await ok<IntakeDetail>(
      admin.client.put(`/api/intake/requests/${id}/status`, { status: 'new' }),
    );
    expect(reopened.status).toBe('new');
    expect(
      (await admin.client.put(`/api/intake/requests/${id}/status`, { status: 'gone' })).statusCode,
    ).toBe(400);
    const [row] = await rows(t);
    expect(row!.status).toBe('new');
  });

  it('refuses members, and anyone signed out, on every inbox route', async () => {
    const { admin, ada, ids } = await setUp();
    const member = await makeMember(t.app, 'Alex');
    const anonymous = new TestClient(t.app);
    const id = ids[0]!;
    const routes = [
      (c: TestClient) => c.get('/api/intake/requests'),
      (c: TestClient) => c.get(`/api/intake/requests/${id}`),
      (c: TestClient) => c.put(`/api/intake/requests/${id}/status`, { status: 'closed' }),
      (c: TestClient) => c.get('/api/therapist/intake'),
      (c: TestClient) => c.get(`/api/therapist/intake/${id}`),
      (c: TestClient) => c.put(`/api/therapist/intake/${id}/status`, { status: 'closed' }),
    ];
    for (const route of routes) {
      expect((await route(member.client)).statusCode).toBe(403);
      expect((await route(anonymous)).statusCode).toBe(401);
    }
    // Each side's routes are its own: the administrator is not a therapist, nor the other way round.
    expect((await admin.client.get('/api/therapist/intake')).statusCode).toBe(403);
    expect((await ada.client.get('/api/intake/requests')).statusCode).toBe(403);
    expect((await rows(t)).every((r) => r.status === 'new')).toBe(true);
  });
});
