import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { keyRing } from '../auth/key-ring.js';
import type { Db } from '../db/schema.js';
import {
  makeCouple,
  makeJourney,
  makeMember,
  TestClient,
  testDialect,
  useTestApp,
  writeCheckin,
} from '../test-support/harness.js';
import { linkClient, makeTherapist } from '../test-support/caseload.js';
import { answer, last, share, write } from '../test-support/letters.js';
import { inviteTherapist, makeAdmin } from '../test-support/therapists.js';
import { enrollTotp } from '../test-support/two-factor.js';
import { sealContext, sealedFields, type SealedFieldName } from './contexts.js';
import { closenessKindIds } from '../../core/intimacy/kinds.js';

const SEALED_PREFIX = 'sf1.';

/** Every text column of every table, as the database itself lists them. */
async function textColumns(db: Db): Promise<{ table: string; column: string }[]> {
  if (testDialect() === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    const out: { table: string; column: string }[] = [];
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string; type: string }>`
        select name, type from pragma_table_info(${name})`.execute(db);
      for (const c of columns.rows) {
        if (c.type.toLowerCase() === 'text') out.push({ table: name, column: c.name });
      }
    }
    return out;
  }
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'text'`.execute(db);
  return columns.rows.map((c) => ({ table: c.table_name, column: c.column_name }));
}

const valuesOf = async (db: Db, table: string, columns: readonly string[]) =>
  (
    await sql<
      Record<string, unknown>
    >`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(db)
  ).rows;

describe(`one seal context for every sealed column (${testDialect()})`, () => {
  const t = useTestApp();

  it('every column holding sealed values has exactly one context, and what every feature wrote opens with it', async () => {
    // Something of every sealed kind, written through the app as people write it.
    const { a, b } = await makeCouple(t.app);
    const marker = `marker-${randomUUID()}`;
    await a.client.put('/api/me/country', { country: 'IE' });
    const solo = await makeMember(t.app);
    await makeJourney(solo);
    // A two-factor secret, sealed under the person's key.
    await enrollTotp(solo.client, t.clock);
    const invited = await solo.client.post('/api/journey/invites', {
      email: `x-${randomUUID()}@example.org`,
    });
    expect(invited.statusCode).toBe(201);
    // therapists: the administrator's invitation (its email sealed under the master key).
    await inviteTherapist((await makeAdmin(t.app)).client);
    await writeCheckin(a, `a note ${marker}`);
    const screened = await a.client.post('/api/screens/phq9', {
      answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9.${n}`, 0])),
      followUp: 'extremely_difficult',
    });
    expect(screened.statusCode).toBe(201);
    const impact = last(await write(a, { kind: 'impact', text: `letter ${marker}` }));
    await share(a, impact.id);
    const reflection = last(
      await write(b, { kind: 'reflection', respondsTo: impact.id, text: `reflection ${marker}` }),
    );
    await share(b, reflection.id);
    await answer(a, reflection.id, { answer: 'not_yet', note: marker });
    const agreement = (
      await a.client.post('/api/agreements', { text: `before ${marker}`, category: 'other' })
    ).json<{ id: string }>().id;
    await b.client.post(`/api/agreements/${agreement}/answers`, {
      answer: 'revise',
      expected: 1,
      text: `after ${marker}`,
    });
    await a.client.post(`/api/agreements/${agreement}/answers`, { answer: 'accept', expected: 2 });
    const commitment = (
      await b.client.post(`/api/agreements/${agreement}/commitments`, { rhythm: 'daily' })
    ).json<{ id: string }>().id;
    const entry = (await b.client.post(`/api/commitments/${commitment}/logs`)).json<{
      logs: { id: string }[];
    }>().logs[0]?.id;
    const disputed = await a.client.post(`/api/commitment-logs/${entry}/answers`, {
      answer: 'dispute',
      note: `dispute ${marker}`,
    });
    expect(disputed.statusCode).toBe(200);
    const asked = await new TestClient(t.app, '10.77.0.1').post('/api/intake', {
      lookingFor: 'individual',
      contactMethod: 'email',
      contactDetail: 'someone@example.org',
      safeToLeaveMessage: true,
      name: `intake ${marker}`,
    });
    expect(asked.statusCode, asked.body).toBe(204);
    // A therapist's suggestion, its note under the therapist's key.
    const therapist = await makeTherapist(t.app, t.deps);
    await linkClient(t.deps, { clientId: a.id, therapistId: therapist.id });
    const suggested = await therapist.client.post(`/api/therapist/clients/${a.id}/suggestions`, {
      kind: 'tool',
      ref: 'breathing',
      note: `suggestion ${marker}`,
    });
    expect(suggested.statusCode).toBe(201);
    // A shared activity: its words under the adder's key, a "done" note under the writer's.
    const activity = await a.client.post('/api/activities', {
      title: `activity ${marker}`,
      details: `details ${marker}`,
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const activityId = activity.json<{ id: string }>().id;
    const activityDone = await b.client.put(`/api/activities/${activityId}/done`, {
      note: `done ${marker}`,
    });
    expect(activityDone.statusCode, activityDone.body).toBe(200);

    // closeness (step 6): a round of marks, sealed under the person's key.
    const closeness = await a.client.put('/api/closeness/mine', {
      marks: Object.fromEntries(closenessKindIds.map((id) => [id, 'maybe'])),
    });
    expect(closeness.statusCode, closeness.body).toBe(200);
    // Step 5: a connection prompt answered by both, and an appreciation note.
    for (const who of [a, b]) {
      const answered = await who.client.put('/api/prompts/know-again.01/answer', {
        text: `prompt ${marker}`,
      });
      expect(answered.statusCode, answered.body).toBe(200);
    }
    const thanked = await b.client.post('/api/appreciations', { text: `thanks ${marker}` });
    expect(thanked.statusCode, thanked.body).toBe(201);
    // Questions (step 4): a question under the asker's key, its answer under the answerer's.
    const opened = await a.client.put('/api/questions/openness', {
      mode: 'now',
      forMinutes: null,
      timeZone: 'UTC',
      slots: [],
      paused: false,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const question = await a.client.post('/api/questions', { text: `question ${marker}` });
    expect(question.statusCode, question.body).toBe(201);
    const answered = await b.client.post(
      `/api/questions/${question.json<{ id: string }>().id}/answers`,
      { text: `answer ${marker}` },
    );
    expect(answered.statusCode, answered.body).toBe(201);
    const marked = await a.client.put(
      `/api/question-answers/${answered.json<{ answers: { id: string }[] }>().answers[0]?.id}/mark`,
      { mark: 'need_more' },
    );
    expect(marked.statusCode, marked.body).toBe(200);
    // Meetings: a preparation item and a note on how it went, under their writers' keys. The
    // meeting is set for 20 minutes from now, so that the note can follow once it begins.
    const soon = { weekday: 7, time: '09:20', timeZone: 'UTC', durationMinutes: 30 };
    expect((await a.client.put('/api/meetings/schedule', soon)).statusCode).toBe(200);
    const item = { part: 'worry', text: `item ${marker}`, bring: true };
    expect((await a.client.post('/api/meetings/items', item)).statusCode).toBe(201);
    t.clock.advance(20 * 60_000);
    const noted = await b.client.put('/api/meetings/notes', {
      date: '2026-11-01',
      text: `note ${marker}`,
      shared: false,
    });
    expect(noted.statusCode, noted.body).toBe(200);
    // Step 7: a private forgiveness reflection, and answers to the forgiveness measure with a note.
    const reflected = await a.client.post('/api/forgiveness/reflections', {
      text: `forgiveness ${marker}`,
    });
    expect(reflected.statusCode, reflected.body).toBe(201);
    const forgivenessAnswers = Object.fromEntries(
      ['avoidance.1', 'avoidance.2', 'avoidance.3', 'avoidance.4']
        .concat(['resentment.1', 'resentment.2', 'resentment.3', 'resentment.4'])
        .concat(['goodwill.1', 'goodwill.2', 'goodwill.3'])
        .map((id) => [id, 3]),
    );
    const measured = await b.client.post('/api/forgiveness/entries', {
      answers: forgivenessAnswers,
      note: `note ${marker}`,
    });
    expect(measured.statusCode, measured.body).toBe(201);

    const db = t.deps.database.db;
    const registered = Object.values(sealedFields).map((f) => `${f.table}.${f.column}`);
    // No column is registered twice: one context each.
    expect(new Set(registered).size).toBe(registered.length);

    // Every column that holds a sealed value is in the registry.
    const holdingSealed: string[] = [];
    for (const { table, column } of await textColumns(db)) {
      const rows = await valuesOf(db, table, [column]);
      if (rows.some((r) => typeof r[column] === 'string' && r[column].startsWith(SEALED_PREFIX))) {
        holdingSealed.push(`${table}.${column}`);
      }
    }
    expect(holdingSealed.sort()).toEqual([...registered].sort());

    // Every registered column holds values, and every one opens under its registered context.
    const ring = keyRing(t.deps);
    for (const [name, f] of Object.entries(sealedFields) as [
      SealedFieldName,
      (typeof sealedFields)[SealedFieldName],
    ][]) {
      const person = typeof f.key === 'object' ? f.key.person : undefined;
      const rows = (
        await valuesOf(db, f.table, [f.column, ...f.idColumns, ...(person ? [person] : [])])
      ).filter((r) => r[f.column] !== null);
      expect(rows.length, `${name}: nothing was written`).toBeGreaterThan(0);
      for (const row of rows) {
        const sealed = String(row[f.column]);
        const id = f.idColumns.map((c) => String(row[c]));
        const open = (): unknown => {
          if (f.key === 'wrap') return t.deps.sealer.unwrap(id.join(':'), sealed);
          // Only the key check's row is sealed in the settings table.
          if (f.key === 'keyCheck') {
            return id.join(':') === 'crypto.master_key_check'
              ? t.deps.sealer.verifyKeyCheck(sealed) || undefined
              : 'not sealed';
          }
          if (f.key === 'server')
            return t.deps.sealer.openForServer(sealed, sealContext(name, ...id));
          return ring
            .people([String(row[f.key.person])])
            .then((who) => who.open(name, String(row[person ?? '']), sealed, ...id));
        };
        await expect(
          Promise.resolve().then(open),
          `${name} ${id.join(':')}`,
        ).resolves.toBeDefined();
      }
    }
  });
});
