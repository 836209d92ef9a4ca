import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { migrateToLatest, migratorFor } from '../../db/migrate.js';
import { codeOf, ok, useTestApp } from '../../test-support/harness.js';
import { answer, last, letterCouple, list, share, write } from '../../test-support/letters.js';
import { sealContext } from '../../crypto/contexts.js';

const t = useTestApp();

const couple = () => letterCouple(t.app);

const parts1 = {
  did: 'I hid the messages for a year.',
  impact: 'You stopped trusting your own memory.',
  remorse: 'I am sorry, and it is mine to carry.',
  next: 'I will answer any question you ask.',
};
const parts2 = { ...parts1, impact: 'You doubted yourself, and you felt alone with it.' };

describe('the accountability statement', () => {
  it('goes from a private draft to "It helps" through "I need more", every version readable by both', async () => {
    const { alex, sam } = await couple();
    expect((await list(sam)).canStart).toEqual(['statement']);
    expect((await list(alex)).canStart).toEqual(['impact']);

    // A partial draft is saved, and only Sam sees it.
    const draft = await write(sam, { kind: 'statement', parts: { ...parts1, next: '' } });
    expect(draft).toMatchObject({ kind: 'statement', state: 'draft', mine: true });
    const v1 = last(draft);
    expect(v1.parts).toEqual({ ...parts1, next: '' });
    expect(v1.text).toBe('');
    expect((await list(alex)).threads).toEqual([]);
    // It is not sent until every part has words.
    expect(await codeOf(sam.client.post(`/api/letters/${v1.id}/share`))).toBe('400 letter.parts');
    expect((await list(alex)).threads).toEqual([]);

    await ok(sam.client.put(`/api/letters/${v1.id}`, { parts: parts1 }));
    const sent = await share(sam, v1.id);
    expect(sent.state).toBe('waiting_for_answer');
    const alexView = (await list(alex)).threads[0]!;
    expect(alexView).toMatchObject({ kind: 'statement', mine: false, letterAuthorName: 'Sam' });
    expect(alexView.canAnswer).toBe(v1.id);
    expect(alexView.versions.map((v) => v.parts)).toEqual([parts1]);

    // A reflection's answer does not fit a statement; Sam does not answer their own.
    expect(
      await codeOf(alex.client.post(`/api/letters/${v1.id}/answers`, { answer: 'understood' })),
    ).toBe('400 letter.answer_kind');
    expect(
      await codeOf(sam.client.post(`/api/letters/${v1.id}/answers`, { answer: 'helps' })),
    ).toBe('409 letter.not_yours_to_answer');

    const more = await answer(alex, v1.id, {
      answer: 'need_more',
      note: 'Say more about what it did to me.',
    });
    expect(more.state).toBe('need_more');
    expect(
      await codeOf(alex.client.post(`/api/letters/${v1.id}/answers`, { answer: 'helps' })),
    ).toBe('409 letter.answered');

    // Sam revises: the new draft changes nothing for Alex until it is sent.
    const v2 = last(await write(sam, { kind: 'statement', threadId: sent.id, parts: parts2 }));
    expect(v2).toMatchObject({ version: 2, state: 'draft' });
    const alexMid = (await list(alex)).threads[0]!;
    expect(alexMid.state).toBe('need_more');
    expect(alexMid.versions).toHaveLength(1);
    expect(await share(sam, v2.id)).toMatchObject({ state: 'waiting_for_answer' });

    const helps = await answer(alex, v2.id, { answer: 'helps' });
    expect(helps.state).toBe('helps');

    for (const [viewer, mine] of [
      [sam, true],
      [alex, false],
    ] as const) {
      const thread = (await list(viewer)).threads[0]!;
      expect(thread).toMatchObject({ state: 'helps', mine, canAnswer: null });
      expect(
        thread.versions.map((v) => [v.kind, v.version, v.authorName, v.state, v.answer?.value]),
      ).toEqual([
        ['statement', 1, 'Sam', 'shared', 'need_more'],
        ['statement', 2, 'Sam', 'shared', 'helps'],
      ]);
      expect(thread.versions.map((v) => v.parts)).toEqual([parts1, parts2]);
      expect(thread.versions[0]!.answer).toMatchObject({
        note: 'Say more about what it did to me.',
        authorName: 'Alex',
        mine: !mine,
      });
    }
  });

  it('"Not now" is kept as an answer, and the writer may still write a new version', async () => {
    const { alex, sam } = await couple();
    const v1 = last(await write(sam, { kind: 'statement', parts: parts1 }));
    await share(sam, v1.id);
    expect((await answer(alex, v1.id, { answer: 'not_now' })).state).toBe('not_now');
    expect((await list(sam)).threads[0]).toMatchObject({ state: 'not_now', canRevise: true });
  });

  it('the partner whose part is "hurt" cannot write a statement', async () => {
    const { alex } = await couple();
    expect(
      await codeOf(alex.client.post('/api/letters', { kind: 'statement', parts: parts1 })),
    ).toBe('409 letter.role');
  });

  it('a statement is written in parts, and other letters as text', async () => {
    const { alex, sam } = await couple();
    expect(
      (await sam.client.post('/api/letters', { kind: 'statement', text: 'One text.' })).statusCode,
    ).toBe(400);
    expect(
      (await alex.client.post('/api/letters', { kind: 'impact', parts: parts1 })).statusCode,
    ).toBe(400);
    const v1 = last(await write(sam, { kind: 'statement', parts: parts1 }));
    expect(await codeOf(sam.client.put(`/api/letters/${v1.id}`, { text: 'One text.' }))).toBe(
      '400 letter.parts',
    );
    const letter = last(await write(alex, { kind: 'impact', text: 'My letter.' }));
    expect(await codeOf(alex.client.put(`/api/letters/${letter.id}`, { parts: parts1 }))).toBe(
      '400 letter.parts',
    );
    // Nothing changed.
    expect((await list(sam)).threads[0]!.versions[0]!.parts).toEqual(parts1);
  });

  it('is one letter per person: a second is refused, even when two begin at the same moment', async () => {
    const { alex, sam } = await couple();
    const starts = await Promise.all([
      sam.client.post('/api/letters', { kind: 'statement', parts: parts1 }),
      sam.client.post('/api/letters', { kind: 'statement', parts: parts2 }),
    ]);
    expect(starts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = starts.find((r) => r.statusCode === 409)!;
    expect(refused.json<{ code: string }>().code).toBe('letter.statement_exists');
    const mine = await list(sam);
    expect(mine.threads).toHaveLength(1);
    expect(mine.canStart).toEqual([]);
    expect(
      await codeOf(sam.client.post('/api/letters', { kind: 'statement', parts: parts1 })),
    ).toBe('409 letter.statement_exists');
    // It grows by versions instead, once the first is sent.
    const first = last(mine.threads[0]!);
    await share(sam, first.id);
    const v2 = await write(sam, {
      kind: 'statement',
      threadId: mine.threads[0]!.id,
      parts: parts2,
    });
    expect(v2.versions).toHaveLength(2);
    expect((await list(alex)).threads).toHaveLength(1);
  });

  it('two statements begun before the rule become one when migrated, every version and answer kept', async () => {
    const { alex, sam } = await couple();
    const first = last(await write(sam, { kind: 'statement', parts: parts1 }));
    await share(sam, first.id);
    await answer(alex, first.id, { answer: 'need_more', note: 'Tell me about the summer.' });

    // Back to before the rule, and a second statement beside the first, as could happen then.
    await (await migratorFor(t.deps.database)).migrateTo('0007-reliability-snapshots');
    const db = t.deps.database.db;
    const row = await db
      .selectFrom('letters')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    const user = await db
      .selectFrom('users')
      .select('wrapped_key')
      .where('id', '=', row.author_id)
      .executeTakeFirstOrThrow();
    const key = t.deps.sealer.unwrap(row.author_id, user.wrapped_key);
    const text = t.deps.sealer.open(key, row.sealed, sealContext('letter', row.id));
    const secondId = randomUUID();
    await db
      .insertInto('letters')
      .values({
        ...row,
        id: secondId,
        thread_id: secondId,
        state: 'draft',
        shared_at: null,
        created_at: Number(row.created_at) + 1,
        updated_at: Number(row.created_at) + 1,
        sealed: t.deps.sealer.seal(key, text, sealContext('letter', secondId)),
      })
      .execute();
    // Read from the table: the app itself needs the latest schema (its session lookup included).
    const threads = await db
      .selectFrom('letters')
      .select('thread_id')
      .distinct()
      .where('author_id', '=', row.author_id)
      .where('kind', '=', 'statement')
      .execute();
    expect(threads).toHaveLength(2);

    await migrateToLatest(t.deps.database);
    const merged = (await list(sam)).threads;
    expect(merged).toHaveLength(1);
    expect(merged[0]!.versions.map((v) => v.id)).toEqual([first.id, secondId]);
    expect(merged[0]!.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(merged[0]!.versions[0]!.answer).toMatchObject({ value: 'need_more' });
    // Alex reads the sent version and its answer as before; the unsent one stays Sam's.
    expect((await list(alex)).threads[0]!.versions.map((v) => v.id)).toEqual([first.id]);
  });
});
