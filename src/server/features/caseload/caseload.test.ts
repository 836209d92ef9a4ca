import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verify } from '../audit/chain.js';
import type {
  AlertView,
  Caseload,
  ClientSummary,
  SuggestionList,
} from '../../../shared/api/caseload.js';
import { fromAuditRow } from '../audit/audit.store.js';
import {
  endLink,
  linkClient,
  makeTherapist,
  raiseAlert,
  setConsents,
} from '../../test-support/caseload.js';
import {
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  ok,
  signInAgainLater,
  testDialect,
  useTestApp,
  writeCheckin,
  type Member,
  type TestApp,
} from '../../test-support/harness.js';
import { last, share, write } from '../../test-support/letters.js';

const t = useTestApp();
const DAY = 86_400_000;

const phq9 = (m: Member, score: number) =>
  ok<{ id: string }>(
    m.client.post('/api/screens/phq9', {
      // `score` points spread over the first items (each 0–3).
      answers: Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [
          `phq9.${n}`,
          n === 9 ? 0 : Math.max(0, Math.min(3, score - (n - 1) * 3)),
        ]),
      ),
    }),
    201,
  );

async function auditEvents(app: TestApp) {
  const rows = await app.deps.database.db
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('seq')
    .execute();
  return rows.map(fromAuditRow);
}

/** Alex and Sam, with what each wrote: check-ins (one kept from the partner), screens, letters. */
async function couple(app: TestApp) {
  const { a: alex, b: sam, journeyId } = await makeCouple(app.app);
  const checkA1 = await writeCheckin(alex, 'private words about the night', [
    { feeling: 'hurt', intensity: 8 },
    { feeling: 'anger', intensity: 4 },
  ]);
  await signInAgainLater(app, 2 * DAY, alex, sam);
  const checkA2 = await writeCheckin(alex, 'a calmer day', [{ feeling: 'hurt', intensity: 4 }]);
  const checkS = await writeCheckin(sam, 'sam wrote this', [{ feeling: 'grief', intensity: 5 }]);
  const screen1 = await phq9(alex, 5);
  await signInAgainLater(app, 2 * DAY, alex, sam);
  const screen2 = await phq9(alex, 14);
  const shared = last(await write(alex, { kind: 'impact', text: 'the shared letter' }));
  await share(alex, shared.id);
  const draft = last(await write(alex, { kind: 'impact', text: 'a draft never to be seen' }));
  return { alex, sam, journeyId, checkA1, checkA2, checkS, screen1, screen2, shared, draft };
}

const summaryOf = (th: { client: Member['client'] }, id: string, query = '') =>
  ok<ClientSummary>(th.client.get(`/api/therapist/clients/${id}/summary${query}`));

describe(`between-sessions summary (${testDialect()})`, () => {
  it('shows only what each client shares: check-ins, even ones kept from the partner; shared letters, never drafts', async () => {
    const c = await couple(t);
    const therapist = await makeTherapist(t.app, t.deps);
    await linkClient(t.deps, {
      clientId: c.alex.id,
      therapistId: therapist.id,
      consents: ['checkins', 'screens', 'letters'],
    });
    await linkClient(t.deps, {
      clientId: c.sam.id,
      therapistId: therapist.id,
      consents: ['checkins'],
    });

    const res = await therapist.client.get(`/api/therapist/clients/${c.alex.id}/summary`);
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<ClientSummary>();
    expect(summary.kind).toBe('couple');
    const [alex, sam] = summary.people;
    expect(alex?.name).toBe('Alex');
    expect(alex?.checkins?.count).toBe(2);
    expect(alex?.checkins?.ids.sort()).toEqual([c.checkA1.id, c.checkA2.id].sort());
    expect(alex?.checkins?.feelings).toEqual([
      { feeling: 'hurt', count: 2, averageIntensity: 6 },
      { feeling: 'anger', count: 1, averageIntensity: 4 },
    ]);
    expect(alex?.screens?.results.map((r) => [r.total, r.band.id, r.changeSincePrevious])).toEqual([
      [5, 'mild', null],
      [14, 'moderate', 'reliable_deterioration'],
    ]);
    expect(alex?.letters?.items.map((l) => l.id)).toEqual([c.shared.id]);
    expect(alex?.notShared).toEqual(['agreements', 'program', 'safety']);
    expect(alex?.commitments).toBeNull();
    expect(alex?.safety).toBeNull();
    expect(sam?.checkins?.ids).toEqual([c.checkS.id]);
    expect(sam?.screens).toBeNull();
    expect(sam?.letters).toBeNull();
    // What they made together needs both: neither shares the program or agreements.
    expect(summary.joint).toEqual({
      notShared: ['program', 'agreements'],
      program: null,
      agreements: null,
    });
    // No content beyond what was asked, and never a draft.
    expect(res.body).not.toContain(c.draft.id);
    expect(res.body).not.toContain('private words');
    expect(res.body).not.toContain('the shared letter');
  });

  it('starts at the date asked for', async () => {
    const c = await couple(t);
    const therapist = await makeTherapist(t.app, t.deps);
    await linkClient(t.deps, {
      clientId: c.alex.id,
      therapistId: therapist.id,
      consents: ['checkins', 'screens'],
    });
    const secondDay = new Date(t.deps.clock()).toISOString().slice(0, 10);
    const later = await summaryOf(therapist, c.alex.id, `?since=${secondDay}`);
    expect(later.since).toBe(Date.parse(`${secondDay}T00:00:00Z`));
    expect(later.people[0]?.checkins?.count).toBe(0);
    expect(later.people[0]?.screens?.results.map((r) => r.id)).toEqual([c.screen2.id]);
    // The one before the period is still what the change is measured against.
    expect(later.people[0]?.screens?.results[0]?.changeSincePrevious).toBe(
      'reliable_deterioration',
    );
    expect(
      await codeOf(
        therapist.client.get(`/api/therapist/clients/${c.alex.id}/summary?since=2026-02-30`),
      ),
    ).toBe('400 request.invalid');
  });

  it('shows joint records only when both partners share them', async () => {
    const c = await couple(t);
    const therapist = await makeTherapist(t.app, t.deps);
    const both = ['program', 'agreements'] as const;
    await linkClient(t.deps, {
      clientId: c.alex.id,
      therapistId: therapist.id,
      consents: [...both],
    });
    const samLink = await linkClient(t.deps, {
      clientId: c.sam.id,
      therapistId: therapist.id,
      consents: [...both],
    });
    for (const m of [c.alex, c.sam])
      await ok(m.client.post('/api/program/steps/responsibility/ready', { ready: true }));
    const agreement = await ok<{ id: string }>(
      c.alex.client.post('/api/agreements', {
        text: 'We tell each other plans.',
        category: 'routines',
      }),
      201,
    );
    await ok(
      c.sam.client.post(`/api/agreements/${agreement.id}/answers`, {
        answer: 'accept',
        expected: 1,
      }),
    );
    const commitment = await ok<{ id: string }>(
      c.alex.client.post(`/api/agreements/${agreement.id}/commitments`, { rhythm: 'daily' }),
      201,
    );

    const summary = await summaryOf(therapist, c.sam.id);
    expect(summary.people.map((p) => p.name)).toEqual(['Sam', 'Alex']);
    expect(summary.joint?.program?.done.map((s) => s.stepId)).toEqual(['responsibility']);
    expect(summary.joint?.agreements?.items.map((a) => [a.id, a.status])).toEqual([
      [agreement.id, 'accepted'],
    ]);
    const alex = summary.people[1];
    expect(alex?.commitments?.items.map((x) => [x.id, x.category, x.rhythm])).toEqual([
      [commitment.id, 'routines', 'daily'],
    ]);
    expect(JSON.stringify(summary)).not.toContain('We tell each other plans.');

    // Sam takes back consent to the program: the steps they took together disappear.
    await setConsents(t.deps, samLink, ['agreements']);
    const after = await summaryOf(therapist, c.alex.id);
    expect(after.joint?.program).toBeNull();
    expect(after.joint?.notShared).toEqual(['program']);
    expect(after.joint?.agreements?.items).toHaveLength(1);
  });

  it('shows the safety check only with safety consent, and never an unsent letter', async () => {
    const robin = await makeMember(t.app, 'Robin');
    await makeJourney(robin, { path: 'solo' });
    const unsent = last(await write(robin, { kind: 'unsent', text: 'never sent' }));
    const therapist = await makeTherapist(t.app, t.deps);
    const link = await linkClient(t.deps, {
      clientId: robin.id,
      therapistId: therapist.id,
      consents: ['letters'],
    });
    const before = await summaryOf(therapist, robin.id);
    expect(before.kind).toBe('individual');
    expect(before.people[0]?.letters?.items).toEqual([]);
    expect(before.people[0]?.safety).toBeNull();
    expect(JSON.stringify(before)).not.toContain(unsent.id);
    await setConsents(t.deps, link, ['letters', 'safety']);
    const after = await summaryOf(therapist, robin.id);
    expect(after.people[0]?.safety).toEqual({ checkedAt: expect.any(Number), anyYes: false });
  });

  it('answers the same 404 for no link, no consent, an ended link, another therapist and no one', async () => {
    const c = await couple(t);
    const therapist = await makeTherapist(t.app, t.deps);
    const other = await makeTherapist(t.app, t.deps, 'Dr Okafor');
    const link = await linkClient(t.deps, {
      clientId: c.alex.id,
      therapistId: therapist.id,
      consents: ['checkins'],
    });
    await linkClient(t.deps, { clientId: c.sam.id, therapistId: therapist.id, consents: [] });
    await linkClient(t.deps, {
      clientId: c.sam.id,
      therapistId: other.id,
      status: 'requested',
      consents: ['checkins'],
    });
    const nobody = await other.client.get(`/api/therapist/clients/${randomUUID()}/summary`);
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json<{ code: string }>().code).toBe('client.not_found');
    const same = async (res: Promise<{ statusCode: number; body: string }>) => {
      const r = await res;
      expect({ status: r.statusCode, body: r.body }).toEqual({ status: 404, body: nobody.body });
    };
    await same(other.client.get(`/api/therapist/clients/${c.alex.id}/summary`)); // another therapist
    await same(other.client.get(`/api/therapist/clients/${c.sam.id}/summary`)); // asked, not accepted
    await same(therapist.client.get(`/api/therapist/clients/${c.sam.id}/summary`)); // no consent
    await same(other.client.get(`/api/therapist/clients/${c.alex.id}/report.pdf`));
    await ok(therapist.client.get(`/api/therapist/clients/${c.alex.id}/summary`));
    await endLink(t.deps, link);
    await same(therapist.client.get(`/api/therapist/clients/${c.alex.id}/summary`)); // ended
    await same(therapist.client.get(`/api/therapist/clients/${c.alex.id}/report.pdf`));
    // Members are not therapists.
    expect(await codeOf(c.sam.client.get(`/api/therapist/clients/${c.alex.id}/summary`))).toBe(
      '403 auth.forbidden',
    );
  });

  it('writes an audit event per category read, with the ids shown and the request id, on a valid chain', async () => {
    const c = await couple(t);
    const therapist = await makeTherapist(t.app, t.deps);
    await linkClient(t.deps, {
      clientId: c.alex.id,
      therapistId: therapist.id,
      consents: ['checkins', 'screens'],
    });
    const before = (await auditEvents(t)).length;
    const res = await therapist.client.get(`/api/therapist/clients/${c.alex.id}/summary`);
    expect(res.statusCode).toBe(200);
    const events = await auditEvents(t);
    expect(verify(events)).toEqual({ ok: true, count: events.length });
    const added = events.slice(before);
    expect(
      added.map((e) => [
        e.actorId,
        e.actorRole,
        e.action,
        e.subjectId,
        e.category,
        [...e.items].sort(),
      ]),
    ).toEqual([
      [
        therapist.id,
        'therapist',
        'read',
        c.alex.id,
        'checkins',
        [c.checkA1.id, c.checkA2.id].sort(),
      ],
      [
        therapist.id,
        'therapist',
        'read',
        c.alex.id,
        'screens',
        [c.screen1.id, c.screen2.id].sort(),
      ],
    ]);
    expect(new Set(added.map((e) => e.requestId)).size).toBe(1);
    expect(added[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // A refused read writes nothing.
    const other = await makeTherapist(t.app, t.deps, 'Dr Okafor');
    await other.client.get(`/api/therapist/clients/${c.alex.id}/summary`);
    expect(await auditEvents(t)).toHaveLength(events.length);
  });
});

describe(`caseload and alerts (${testDialect()})`, () => {
  it('lists couples together and individuals, alerts first, never content, and logs the read', async () => {
    const c = await couple(t);
    const chris = await makeMember(t.app, 'Chris');
    const dana = await makeMember(t.app, 'Dana');
    const eli = await makeMember(t.app, 'Eli');
    const therapist = await makeTherapist(t.app, t.deps);
    const other = await makeTherapist(t.app, t.deps, 'Dr Okafor');
    await linkClient(t.deps, {
      clientId: c.alex.id,
      therapistId: therapist.id,
      consents: ['checkins'],
    });
    await linkClient(t.deps, { clientId: c.sam.id, therapistId: therapist.id, consents: [] });
    const chrisLink = await linkClient(t.deps, {
      clientId: chris.id,
      therapistId: therapist.id,
      consents: ['screens'],
    });
    const danaLink = await linkClient(t.deps, {
      clientId: dana.id,
      therapistId: therapist.id,
      consents: ['screens', 'safety'],
    });
    const eliLink = await linkClient(t.deps, {
      clientId: eli.id,
      therapistId: therapist.id,
      consents: ['screens'],
    });
    await raiseAlert(t.deps, {
      linkId: chrisLink,
      therapistId: therapist.id,
      clientId: chris.id,
      kind: 'deterioration',
    });
    t.clock.advance(1000);
    const crisis = await raiseAlert(t.deps, {
      linkId: danaLink,
      therapistId: therapist.id,
      clientId: dana.id,
      kind: 'crisis_safety',
    });
    await raiseAlert(t.deps, {
      linkId: eliLink,
      therapistId: therapist.id,
      clientId: eli.id,
      kind: 'crisis_item9',
    });
    await endLink(t.deps, eliLink);

    const before = (await auditEvents(t)).length;
    const res = await therapist.client.get('/api/therapist/caseload');
    expect(res.statusCode, res.body).toBe(200);
    const caseload = res.json<Caseload>();
    expect(
      caseload.entries.map((e) => [e.kind, e.clients.map((x) => x.name), e.unseenAlerts]),
    ).toEqual([
      ['individual', ['Dana'], 1],
      ['individual', ['Chris'], 1],
      ['couple', ['Alex', 'Sam'], 0],
    ]);
    expect(caseload.entries[2]?.clients.map((x) => x.shared)).toEqual([['checkins'], []]);
    expect(caseload.entries[0]?.latestAlert).toMatchObject({ id: crisis, kind: 'crisis_safety' });
    // An ended link's client and alert are gone at once.
    expect(res.body).not.toContain(eli.id);
    expect(res.body).not.toContain('private words');
    const events = await auditEvents(t);
    expect(verify(events).ok).toBe(true);
    expect(
      events.slice(before).map((e) => [e.action, e.category, e.subjectId, [...e.items].sort()]),
    ).toEqual([['read', 'caseload', null, [c.alex.id, c.sam.id, chris.id, dana.id].sort()]]);

    // Another therapist sees none of it and cannot mark the alert.
    expect((await ok<Caseload>(other.client.get('/api/therapist/caseload'))).entries).toEqual([]);
    expect(await codeOf(other.client.post(`/api/therapist/alerts/${crisis}/seen`))).toBe(
      '404 not_found',
    );
    const seen = await ok<AlertView>(therapist.client.post(`/api/therapist/alerts/${crisis}/seen`));
    expect(seen.seenAt).toBe(t.deps.clock());
    const alerts = await ok<{ alerts: AlertView[] }>(therapist.client.get('/api/therapist/alerts'));
    expect(alerts.alerts.map((a) => [a.clientName, a.kind, a.seenAt !== null])).toEqual([
      ['Dana', 'crisis_safety', true],
      ['Chris', 'deterioration', false],
    ]);
    const after = await ok<Caseload>(therapist.client.get('/api/therapist/caseload'));
    expect(after.entries.map((e) => e.clients[0]?.name)).toEqual(['Chris', 'Alex', 'Dana']);
    expect(await codeOf(c.alex.client.get('/api/therapist/caseload'))).toBe('403 auth.forbidden');
  });
});

/** The PDF's text, page by page, read back with pdf.js. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

describe(`client report (${testDialect()})`, () => {
  it('is a PDF of the shared categories with scores, bands, reliable change and dates, and says what was not shared', async () => {
    const c = await couple(t);
    const therapist = await makeTherapist(t.app, t.deps, 'Dr Rivera');
    await linkClient(t.deps, {
      clientId: c.alex.id,
      therapistId: therapist.id,
      consents: ['screens', 'checkins'],
    });
    const agreement = await ok<{ id: string }>(
      c.alex.client.post('/api/agreements', {
        text: 'A private agreement text',
        category: 'routines',
      }),
      201,
    );
    await ok(
      c.sam.client.post(`/api/agreements/${agreement.id}/answers`, {
        answer: 'accept',
        expected: 1,
      }),
    );
    await ok(
      c.alex.client.post(`/api/agreements/${agreement.id}/commitments`, { rhythm: 'daily' }),
      201,
    );
    const before = (await auditEvents(t)).length;

    const res = await therapist.client.get(
      `/api/therapist/clients/${c.alex.id}/report.pdf?since=2026-10-01`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    const day = (at: number) => new Date(at).toISOString().slice(0, 10);
    expect(text).toContain('Client report');
    expect(text).toContain('Therapist: Dr Rivera');
    expect(text).toContain('Client: Alex');
    expect(text).toContain(`Period: 2026-10-01 to ${day(t.deps.clock())}`);
    expect(text).toContain('PHQ-9 on');
    expect(text).toContain('14 of 27 (moderate)');
    expect(text).toContain('reliable worsening');
    expect(text).toContain('Hurt: named 2 times, average intensity 6 of 10');
    expect(text).toMatch(
      /Not shared with the therapist: letters and statements, agreements and commitments, program progress, safety check/,
    );
    expect(text).toContain('Generated on');
    // Nothing unshared: no commitments, no letters, no safety, no notes.
    expect(text).not.toContain('Commitments');
    expect(text).not.toContain('A private agreement text');
    expect(text).not.toContain('Safety check on');
    expect(text).not.toContain('private words');
    expect(text).not.toContain('Letters and statements shared');

    const events = (await auditEvents(t)).slice(before);
    expect(events.map((e) => [e.action, e.category, e.subjectId])).toEqual([
      ['export', 'checkins', c.alex.id],
      ['export', 'screens', c.alex.id],
    ]);
    expect(verify(await auditEvents(t)).ok).toBe(true);
  });
});

describe(`suggestions (${testDialect()})`, () => {
  it('go to one client or both partners, sealed, listed gently, and can be set aside', async () => {
    const c = await couple(t);
    const therapist = await makeTherapist(t.app, t.deps, 'Dr Rivera');
    const other = await makeTherapist(t.app, t.deps, 'Dr Okafor');
    await linkClient(t.deps, { clientId: c.alex.id, therapistId: therapist.id, consents: [] });
    await linkClient(t.deps, { clientId: c.sam.id, therapistId: therapist.id, consents: [] });
    const url = `/api/therapist/clients/${c.alex.id}/suggestions`;
    const note = 'Try this when the evenings are hard.';

    expect(await codeOf(therapist.client.post(url, { kind: 'tool', ref: 'nope', note }))).toBe(
      '422 suggestion.ref_unknown',
    );
    expect(await codeOf(therapist.client.post(url, { kind: 'step', ref: 'breathing', note }))).toBe(
      '422 suggestion.ref_unknown',
    );
    expect(await codeOf(other.client.post(url, { kind: 'tool', ref: 'breathing', note }))).toBe(
      '404 client.not_found',
    );
    expect(await codeOf(c.sam.client.post(url, { kind: 'tool', ref: 'breathing', note }))).toBe(
      '403 auth.forbidden',
    );

    const sent = await ok<{ suggestions: { id: string; clientId: string }[] }>(
      therapist.client.post(url, { kind: 'tool', ref: 'breathing', note, couple: true }),
      201,
    );
    expect(sent.suggestions.map((s) => s.clientId)).toEqual([c.alex.id, c.sam.id]);
    t.clock.advance(1000);
    await ok(
      therapist.client.post(url, { kind: 'exercise', ref: 'plan.needs', note: 'Only for you.' }),
      201,
    );

    const stored = await t.deps.database.db
      .selectFrom('suggestions')
      .select('note_sealed')
      .execute();
    expect(stored).toHaveLength(3);
    for (const s of stored) expect(s.note_sealed).not.toContain('evenings');

    const alexList = await ok<SuggestionList>(c.alex.client.get('/api/suggestions'));
    expect(alexList.items.map((s) => [s.kind, s.title, s.note, s.therapistName])).toEqual([
      ['exercise', expect.any(String), 'Only for you.', 'Dr Rivera'],
      ['tool', expect.any(String), note, 'Dr Rivera'],
    ]);
    expect(alexList.items[1]?.href).toBe('/tools/breathing');
    const samList = await ok<SuggestionList>(c.sam.client.get('/api/suggestions'));
    expect(samList.items.map((s) => s.note)).toEqual([note]);

    const alexTool = alexList.items[1]!.id;
    // Only the person it was for can set it aside.
    expect(await codeOf(c.sam.client.post(`/api/suggestions/${alexTool}/set-aside`))).toBe(
      '404 not_found',
    );
    const aside = await c.alex.client.post(`/api/suggestions/${alexTool}/set-aside`);
    expect(aside.statusCode).toBe(204);
    expect(
      (await ok<SuggestionList>(c.alex.client.get('/api/suggestions'))).items.map((s) => s.note),
    ).toEqual(['Only for you.']);
    expect((await ok<SuggestionList>(c.sam.client.get('/api/suggestions'))).items).toHaveLength(1);
    expect(await codeOf(therapist.client.get('/api/suggestions'))).toBe('403 auth.forbidden');

    const options = await ok<{ options: { kind: string; ref: string }[] }>(
      therapist.client.get('/api/therapist/suggestion-options'),
    );
    expect(options.options).toContainEqual(
      expect.objectContaining({ kind: 'tool', ref: 'breathing' }),
    );
    expect(options.options).toContainEqual(
      expect.objectContaining({ kind: 'step', ref: 'responsibility' }),
    );
  });
});
