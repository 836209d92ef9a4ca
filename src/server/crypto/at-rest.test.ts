import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../boot.js';
import { keyFilePath, MasterKeyError } from './master-key.js';
import {
  createTestApp,
  createTestDatabase,
  makeCouple,
  makeJourney,
  makeMember,
  testConfig,
  testDialect,
  writeCheckin,
  type TestDatabase,
} from '../test-support/harness.js';
import { TEST_POSTGRES_URL } from '../test-support/postgres-global-setup.js';
import { inviteTherapist, makeAdmin } from '../test-support/therapists.js';
import { closenessKindIds } from '../../core/intimacy/kinds.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Everything the database holds, as an attacker with a copy of it would see it. */
function rawCopy(testDb: TestDatabase): string {
  if (testDb.sqliteFile) {
    const files = [testDb.sqliteFile, `${testDb.sqliteFile}-wal`].filter((f) => fs.existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    return files.map((f) => fs.readFileSync(f).toString('latin1')).join('\n');
  }
  const url = new URL(TEST_POSTGRES_URL);
  return execFileSync(
    'pg_dump',
    [
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      url.username || 'postgres',
      '-n',
      testDb.pgSchema ?? '',
      url.pathname.slice(1),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

describe(`sealed at rest (${testDialect()})`, () => {
  it('a check-in note never appears in the database files, even when shared', async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const { a, b } = await makeCouple(t.app);
    const marker = `marker-${randomUUID()}`;
    const { id } = await writeCheckin(a, `I felt ${marker} tonight`);
    await writeCheckin(a, `${marker} again`, [{ feeling: 'numbness', intensity: 9 }]);
    await a.client.put(`/api/checkins/${id}/visibility`, { visibility: 'partner' });
    // Letters, reflections and answers too: a sent letter, a reflection on it, a "not yet" with a note.
    const letter = (
      await a.client.post('/api/letters', { kind: 'impact', text: `letter ${marker}` })
    ).json<{ versions: { id: string }[] }>().versions[0]?.id;
    await a.client.post(`/api/letters/${letter}/share`);
    const reflection = (
      await b.client.post('/api/letters', {
        kind: 'reflection',
        respondsTo: letter,
        text: `reflection ${marker}`,
      })
    ).json<{ versions: { id: string }[] }>().versions[1]?.id;
    await b.client.post(`/api/letters/${reflection}/share`);
    const answered = await a.client.post(`/api/letters/${reflection}/answers`, {
      answer: 'not_yet',
      note: `note ${marker}`,
    });
    expect(answered.statusCode).toBe(201);
    // An agreement's words, and a note questioning a logged follow-through.
    const agreement = (
      await a.client.post('/api/agreements', { text: `agreement ${marker}`, category: 'other' })
    ).json<{ id: string }>().id;
    await b.client.post(`/api/agreements/${agreement}/answers`, { answer: 'accept', expected: 1 });
    const commitment = (
      await a.client.post(`/api/agreements/${agreement}/commitments`, { rhythm: 'daily' })
    ).json<{ id: string }>().id;
    const entry = (await a.client.post(`/api/commitments/${commitment}/logs`)).json<{
      logs: { id: string }[];
    }>().logs[0]?.id;
    const disputed = await b.client.post(`/api/commitment-logs/${entry}/answers`, {
      answer: 'dispute',
      note: `dispute ${marker}`,
    });
    expect(disputed.json<{ logs: { note: string }[] }>().logs[0]?.note).toBe(`dispute ${marker}`);
    // A revised agreement: the diff kept with the new version carries the words of both.
    const revised = (
      await a.client.post('/api/agreements', { text: `before ${marker}`, category: 'other' })
    ).json<{ id: string }>().id;
    const revision = await b.client.post(`/api/agreements/${revised}/answers`, {
      answer: 'revise',
      expected: 1,
      text: `after ${marker}`,
    });
    expect(revision.json<{ versions: { diff: unknown[] | null }[] }>().versions[1]?.diff).toEqual([
      { kind: 'removed', text: 'before ' },
      { kind: 'added', text: 'after ' },
      { kind: 'same', text: marker },
    ]);
    // An accountability statement (its four parts) and an "I need more" with a note.
    const statement = (
      await b.client.post('/api/letters', {
        kind: 'statement',
        parts: {
          did: `did ${marker}`,
          impact: `impact ${marker}`,
          remorse: `remorse ${marker}`,
          next: `next ${marker}`,
        },
      })
    ).json<{ versions: { id: string }[] }>().versions[0]?.id;
    expect((await b.client.post(`/api/letters/${statement}/share`)).statusCode).toBe(200);
    const needMore = await a.client.post(`/api/letters/${statement}/answers`, {
      answer: 'need_more',
      note: `more ${marker}`,
    });
    expect(needMore.statusCode).toBe(201);
    // Questions (step 4): a question, its answer, and the asker's "I need more" on it.
    const openQuestions = await a.client.put('/api/questions/openness', {
      mode: 'now',
      forMinutes: null,
      timeZone: 'UTC',
      slots: [],
      paused: false,
    });
    expect(openQuestions.statusCode, openQuestions.body).toBe(200);
    const question = await a.client.post('/api/questions', { text: `question ${marker}` });
    expect(question.statusCode, question.body).toBe(201);
    const questionAnswer = await b.client.post(
      `/api/questions/${question.json<{ id: string }>().id}/answers`,
      { text: `answer ${marker}` },
    );
    expect(questionAnswer.statusCode, questionAnswer.body).toBe(201);
    const questionMark = await a.client.put(
      `/api/question-answers/${questionAnswer.json<{ answers: { id: string }[] }>().answers[0]?.id}/mark`,
      { mark: 'need_more' },
    );
    expect(questionMark.statusCode, questionMark.body).toBe(200);
    // A meeting's preparation (brought, so the partner reads it) and a shared note on how it went.
    const soon = { weekday: 7, time: '09:20', timeZone: 'UTC', durationMinutes: 30 };
    expect((await a.client.put('/api/meetings/schedule', soon)).statusCode).toBe(200);
    const prepared = { part: 'worry', text: `meeting ${marker}`, bring: true };
    expect((await a.client.post('/api/meetings/items', prepared)).statusCode).toBe(201);
    t.clock.advance(20 * 60_000);
    const meetingNote = { date: '2026-11-01', text: `went ${marker}`, shared: true };
    expect((await b.client.put('/api/meetings/notes', meetingNote)).statusCode).toBe(200);

    const dump = rawCopy(t.testDb);
    // The dump is real: it contains data we know is stored in the clear.
    expect(dump).toContain(a.email);
    expect(dump).not.toContain(marker);
    expect(dump).not.toContain('numbness');
    expect(dump).not.toContain('not_yet');
    expect(dump).not.toContain('need_more');
    expect(dump).not.toContain('remorse');
  });

  it('a screen result (answers, follow-up, total, band, flags) never appears in the database files', async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const alex = await makeMember(t.app);
    // Total 16 ("moderately severe") with item 9 above 0: every sealed field has words to look for.
    const answers = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9.${n}`, n <= 5 ? 3 : n === 9 ? 1 : 0]),
    );
    const res = await alex.client.post('/api/screens/phq9', {
      answers,
      followUp: 'extremely_difficult',
    });
    expect(res.json()).toMatchObject({
      total: 16,
      band: { id: 'moderately_severe' },
      crisis: true,
    });

    const dump = rawCopy(t.testDb);
    // The dump is real: the row is in it, with its plain instrument id.
    expect(dump).toContain(alex.email);
    expect(dump).toContain(res.json<{ id: string }>().id);
    for (const secret of ['phq9.', 'extremely_difficult', 'moderately', '"total"', '"crisis"']) {
      expect(dump).not.toContain(secret);
    }
  });

  it("what happened, when it came to light, who is who and an invitee's email never appear in the database files", async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const name = `Name${randomUUID().slice(0, 8)}`;
    const alex = await makeMember(t.app, name);
    await alex.client.put('/api/me/country', { country: 'IE' });
    const journey = await makeJourney(alex, {
      role: 'broke_trust',
      kinds: ['physical_infidelity', 'financial'],
      cameToLight: 'years_2_plus',
    });
    const invitee = `invitee-${randomUUID()}@example.org`;
    const invited = await alex.client.post('/api/journey/invites', { email: invitee });
    expect(invited.statusCode).toBe(201);
    // Read back whole through the app, so the dump below is of data that is really there.
    expect(
      (await alex.client.get('/api/journey')).json<{ journey: unknown }>().journey,
    ).toMatchObject({
      kinds: ['physical_infidelity', 'financial'],
      cameToLight: 'years_2_plus',
      me: { role: 'broke_trust' },
      pendingInvites: [{ email: invitee }],
    });

    const dump = rawCopy(t.testDb);
    expect(dump).toContain(journey.id);
    expect((await alex.client.get('/api/auth/session')).json()).toMatchObject({
      user: { displayName: name, country: 'IE' },
    });
    for (const secret of [
      'physical_infidelity',
      'financial',
      'years_2_plus',
      invitee,
      name,
      'broke_trust',
    ]) {
      expect(dump).not.toContain(secret);
    }
  });

  it('what a person asking the practice for help wrote never appears in the database files', async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const marker = randomUUID().slice(0, 8);
    const words = {
      name: `Asker${marker}`,
      contactDetail: `asker-${marker}@example.org`,
      times: `Mornings${marker}`,
      message: `Message${marker}`,
    };
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/intake',
      headers: { 'x-steadfast-csrf': '1' },
      payload: {
        lookingFor: 'couple',
        contactMethod: 'email',
        safeToLeaveMessage: false,
        confirmByEmail: true,
        ...words,
      },
    });
    expect(sent.statusCode, sent.body).toBe(204);
    const row = await t.deps.database.db
      .selectFrom('intake_requests')
      .select('id')
      .executeTakeFirstOrThrow();

    const dump = rawCopy(t.testDb);
    expect(dump).toContain(row.id);
    // The confirmation in the outbox is sealed too: its address is the person's.
    for (const secret of Object.values(words)) expect(dump).not.toContain(secret);
  });

  it("a therapist invitation's email and working link never appear in the database files, nor the outbox's", async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const admin = await makeAdmin(t.app);
    const invited = await inviteTherapist(admin.client, `therapist-${randomUUID()}@example.org`);
    // Read back through the app: the invitation and its mail are really there.
    const outbox = (await admin.client.get('/api/outbox')).json<{ items: { text: string }[] }>();
    expect(outbox.items[0]?.text).toContain(invited.url);
    const dump = rawCopy(t.testDb);
    expect(dump).toContain(invited.id);
    for (const secret of [invited.email, invited.token]) expect(dump).not.toContain(secret);
  });

  it('a connection prompt answer and an appreciation note never appear in the database files', async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const { a, b } = await makeCouple(t.app);
    const marker = `marker-${randomUUID()}`;
    // One answer waiting for the partner, one pair revealed, and a note: read back through the app.
    await a.client.put('/api/prompts/hopes.01/answer', { text: `waiting ${marker}` });
    await a.client.put('/api/prompts/light.01/answer', { text: `mine ${marker}` });
    const revealed = await b.client.put('/api/prompts/light.01/answer', {
      text: `theirs ${marker}`,
    });
    expect(revealed.json<{ partnerAnswer: string }>().partnerAnswer).toBe(`mine ${marker}`);
    const note = await a.client.post('/api/appreciations', { text: `thanks ${marker}` });
    expect(note.statusCode, note.body).toBe(201);
    expect(
      (await b.client.get('/api/appreciations')).json<{ items: { text: string }[] }>().items[0]
        ?.text,
    ).toBe(`thanks ${marker}`);

    const dump = rawCopy(t.testDb);
    expect(dump).toContain(note.json<{ id: string }>().id);
    expect(dump).toContain('light.01');
    expect(dump).not.toContain(marker);
  });

  it('refuses to start when sealed data exists but the master key file is gone', async () => {
    const testDb = await createTestDatabase();
    cleanups.push(() => testDb.drop());
    const config = testConfig(testDb.dataDir, { STEADFAST_MASTER_KEY: '' });
    const deps = await boot(config, { database: testDb.database });
    const { buildApp } = await import('../app.js');
    const { app } = await buildApp(deps, { logger: false });
    await makeJourney(await makeMember(app));
    await app.close();
    expect(fs.statSync(keyFilePath(testDb.dataDir)).mode & 0o777).toBe(0o600);

    fs.rmSync(keyFilePath(testDb.dataDir));
    await expect(boot(config, { database: testDb.database })).rejects.toThrow(MasterKeyError);
    await expect(boot(config, { database: testDb.database })).rejects.toThrow(
      /master\.key is missing/,
    );
    expect(fs.existsSync(keyFilePath(testDb.dataDir))).toBe(false);
  });

  it('refuses to make a new key over a database that was started with another, even with no one in it', async () => {
    const testDb = await createTestDatabase();
    cleanups.push(() => testDb.drop());
    const config = testConfig(testDb.dataDir, { STEADFAST_MASTER_KEY: '' });
    await boot(config, { database: testDb.database });
    fs.rmSync(keyFilePath(testDb.dataDir));
    await expect(boot(config, { database: testDb.database })).rejects.toThrow(
      /master\.key is missing/,
    );
    expect(fs.existsSync(keyFilePath(testDb.dataDir))).toBe(false);
  });

  it('refuses to start with a master key that does not match the data', async () => {
    const testDb = await createTestDatabase();
    cleanups.push(() => testDb.drop());
    await boot(testConfig(testDb.dataDir), { database: testDb.database });
    await expect(boot(testConfig(testDb.dataDir), { database: testDb.database })).rejects.toThrow(
      /does not match this database/,
    );
  });

  it('which kinds of closeness anyone marked, and how, never appear in the database files', async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const { a, b } = await makeCouple(t.app);
    const marks = (ready: readonly string[]) =>
      Object.fromEntries(
        closenessKindIds.map((id, i) => [
          id,
          ready.includes(id) ? 'ready' : i % 2 ? 'maybe' : 'not_now',
        ]),
      );
    expect(
      (await a.client.put('/api/closeness/mine', { marks: marks(['affection.hug', 'sex.touch']) }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await b.client.put('/api/closeness/mine', {
          marks: marks(['affection.hug', 'touch.massage']),
        })
      ).statusCode,
    ).toBe(200);
    const shown = await a.client.get('/api/closeness/matches');
    expect(shown.json()).toMatchObject({ state: 'shown', matches: [{ id: 'affection.hug' }] });

    const dump = rawCopy(t.testDb);
    expect(dump).toContain(a.email);
    for (const id of closenessKindIds) expect(dump).not.toContain(id);
    expect(dump).not.toContain('not_now');
    expect(dump).not.toContain('maybe');
  });
});

describe(`shared activities sealed at rest (${testDialect()})`, () => {
  it("an activity's words and each partner's note never appear in the database files", async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const { a, b } = await makeCouple(t.app);
    const marker = `marker-${randomUUID()}`;
    const added = await a.client.post('/api/activities', {
      title: `walk ${marker}`,
      details: `details ${marker}`,
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json<{ id: string }>().id;
    const planned = await b.client.put(`/api/activities/${id}/plan`, {
      date: '2026-12-12',
      time: '18:30',
      timeZone: 'Europe/Berlin',
    });
    expect(planned.statusCode, planned.body).toBe(200);
    for (const [who, note] of [
      [a, `mine ${marker}`],
      [b, `yours ${marker}`],
    ] as const) {
      const done = await who.client.put(`/api/activities/${id}/done`, { note });
      expect(done.statusCode, done.body).toBe(200);
    }
    const read = await b.client.get('/api/activities');
    expect(read.body).toContain(`mine ${marker}`);

    const dump = rawCopy(t.testDb);
    // The dump is real: it holds the plan, which is not free text.
    expect(dump).toContain('Europe/Berlin');
    expect(dump).not.toContain(marker);
  });
  it('a forgiveness reflection, the answers and note of the forgiveness measure, and a forgiveness letter never appear in the database files', async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    const { a } = await makeCouple(t.app);
    const marker = `marker-${randomUUID()}`;
    const reflected = await a.client.post('/api/forgiveness/reflections', {
      prompt: 'self',
      text: `reflection ${marker}`,
    });
    expect(reflected.statusCode).toBe(201);
    const answers = {
      'avoidance.1': 1,
      'avoidance.2': 2,
      'avoidance.3': 3,
      'avoidance.4': 4,
      'resentment.1': 5,
      'resentment.2': 4,
      'resentment.3': 3,
      'resentment.4': 2,
      'goodwill.1': 1,
      'goodwill.2': 2,
      'goodwill.3': 3,
    };
    const answered = await a.client.post('/api/forgiveness/entries', {
      answers,
      note: `note ${marker}`,
    });
    expect(answered.statusCode).toBe(201);
    const letter = await a.client.post('/api/letters', {
      kind: 'forgiveness',
      text: `forgiveness ${marker}`,
    });
    expect(letter.statusCode).toBe(201);

    const dump = rawCopy(t.testDb);
    expect(dump).toContain(a.email);
    expect(dump).not.toContain(marker);
    // The answers themselves, and the chosen prompt, are sealed too.
    expect(dump).not.toContain('resentment.1');
    expect(dump).not.toContain('"self"');
  });
});
