import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LetterThread } from '../../../shared/api/letters.js';
import {
  codeOf,
  makeJourney,
  makeMember,
  tokenOf,
  ok,
  useTestApp,
} from '../../test-support/harness.js';
import { answer, last, letterCouple, list, share, write } from '../../test-support/letters.js';
import { insertAnswer, insertDraft } from './letters.store.js';

const t = useTestApp();

const couple = () => letterCouple(t.app);

describe('the impact letter loop', () => {
  it('goes from a letter to "I feel understood" through "not yet", keeping every version for both', async () => {
    const { alex, sam } = await couple();

    const draft = await write(alex, { kind: 'impact', text: 'When I found out, the floor went.' });
    expect(draft.state).toBe('draft');
    const v1 = last(draft).id;
    await ok(
      alex.client.put(`/api/letters/${v1}`, { text: 'When I found out, I stopped sleeping.' }),
    );
    expect((await list(sam)).threads).toEqual([]);

    const sent = await share(alex, v1);
    expect(sent.state).toBe('waiting_for_reflection');
    const samView = (await list(sam)).threads[0]!;
    expect(samView).toMatchObject({ mine: false, letterAuthorName: 'Alex', canReflect: true });
    expect(samView.versions.map((v) => v.text)).toEqual(['When I found out, I stopped sleeping.']);

    const r1 = last(
      await write(sam, { kind: 'reflection', respondsTo: v1, text: 'You felt alone.' }),
    );
    // Sam's draft changes nothing for Alex.
    expect((await list(alex)).threads[0]).toMatchObject({
      state: 'waiting_for_reflection',
      canAnswer: null,
    });
    expect((await list(alex)).threads[0]!.versions).toHaveLength(1);

    expect((await share(sam, r1.id)).state).toBe('waiting_for_answer');
    expect((await list(alex)).threads[0]!.canAnswer).toBe(r1.id);
    const notYet = await answer(alex, r1.id, {
      answer: 'not_yet',
      note: 'It was more than lonely.',
    });
    expect(notYet.state).toBe('not_yet');
    expect((await list(sam)).threads[0]!.canReflect).toBe(true);

    // The letter's author may also write a new version; a reflection is then due on it.
    const v2 = last(
      await write(alex, {
        kind: 'impact',
        threadId: sent.id,
        text: 'It felt like the ground went.',
      }),
    );
    expect((await share(alex, v2.id)).state).toBe('waiting_for_reflection');
    const r2 = last(
      await write(sam, { kind: 'reflection', respondsTo: v2.id, text: 'The ground went.' }),
    );
    await share(sam, r2.id);
    const understood = await answer(alex, r2.id, { answer: 'understood' });
    expect(understood.state).toBe('understood');

    for (const [viewer, mine] of [
      [alex, true],
      [sam, false],
    ] as const) {
      const thread = (await list(viewer)).threads[0]!;
      expect(thread.state).toBe('understood');
      expect(thread.mine).toBe(mine);
      expect(
        thread.versions.map((v) => [v.kind, v.version, v.authorName, v.state, v.answer?.value]),
      ).toEqual([
        ['impact', 1, 'Alex', 'shared', undefined],
        ['reflection', 1, 'Sam', 'shared', 'not_yet'],
        ['impact', 2, 'Alex', 'shared', undefined],
        ['reflection', 2, 'Sam', 'shared', 'understood'],
      ]);
      expect(thread.versions[1]!.answer).toMatchObject({
        note: 'It was more than lonely.',
        authorName: 'Alex',
        mine,
      });
      expect(thread.versions.every((v) => v.sharedAt !== null)).toBe(true);
    }
    expect((await list(sam)).threads[0]).toMatchObject({ canReflect: false, canAnswer: null });
  });

  it('a sent version stays as it is: no edit, no delete, no second send', async () => {
    const { alex } = await couple();
    const id = last(await write(alex, { kind: 'impact', text: 'first words' })).id;
    await share(alex, id);
    expect(await codeOf(alex.client.put(`/api/letters/${id}`, { text: 'other words' }))).toBe(
      '409 letter.locked',
    );
    expect(await codeOf(alex.client.delete(`/api/letters/${id}`))).toBe('409 letter.locked');
    expect(await codeOf(alex.client.post(`/api/letters/${id}/share`))).toBe('409 letter.locked');
    expect(last((await list(alex)).threads[0]!).text).toBe('first words');
  });
});

describe('what the partner can see', () => {
  it('never a draft: not its text, its id, its count or its time', async () => {
    const { alex, sam } = await couple();
    const before = (await sam.client.get('/api/letters')).body;
    const draft = last(await write(alex, { kind: 'impact', text: 'not ready yet' }));
    const after = (await sam.client.get('/api/letters')).body;
    expect(after).toBe(before);
    for (const res of [
      sam.client.put(`/api/letters/${draft.id}`, { text: 'x' }),
      sam.client.post(`/api/letters/${draft.id}/share`),
      sam.client.delete(`/api/letters/${draft.id}`),
      sam.client.post(`/api/letters/${draft.id}/answers`, { answer: 'understood' }),
      sam.client.post('/api/letters', { kind: 'reflection', respondsTo: draft.id, text: 'x' }),
    ]) {
      expect(await codeOf(res)).toBe('404 letter.not_found');
    }
    expect(last((await list(alex)).threads[0]!).text).toBe('not ready yet');
  });

  it('a sent version shows from when it was sent, not from when its draft was begun', async () => {
    const { alex, sam } = await couple();
    const id = last(await write(alex, { kind: 'impact', text: 'slowly written' })).id;
    t.clock.advance(20 * 60_000);
    await ok(alex.client.put(`/api/letters/${id}`, { text: 'slowly rewritten' }));
    t.clock.advance(5 * 60_000);
    await share(alex, id);
    const seen = last((await list(sam)).threads[0]!);
    expect(seen.createdAt).toBe(t.clock());
    expect(seen.updatedAt).toBe(t.clock());
    expect(seen.sharedAt).toBe(t.clock());
    expect(last((await list(alex)).threads[0]!).createdAt).toBe(t.clock() - 25 * 60_000);
  });

  it('a reflection draft and a new letter draft stay hidden while the sent versions show', async () => {
    const { alex, sam } = await couple();
    const thread = await write(alex, { kind: 'impact', text: 'sent words' });
    await share(alex, last(thread).id);
    await write(sam, { kind: 'reflection', respondsTo: last(thread).id, text: 'draft thoughts' });
    await write(alex, { kind: 'impact', threadId: thread.id, text: 'second draft' });
    expect((await list(sam)).threads[0]!.versions.map((v) => v.text)).toEqual([
      'sent words',
      'draft thoughts',
    ]);
    expect((await list(alex)).threads[0]!.versions.map((v) => v.text)).toEqual([
      'sent words',
      'second draft',
    ]);
  });

  it('someone in another journey sees none of it', async () => {
    const { alex } = await couple();
    const chris = await makeMember(t.app, 'Chris');
    await makeJourney(chris);
    const id = last(await write(alex, { kind: 'impact', text: 'ours' })).id;
    await share(alex, id);
    expect((await list(chris)).threads).toEqual([]);
    expect(
      await codeOf(
        chris.client.post('/api/letters', { kind: 'reflection', respondsTo: id, text: 'x' }),
      ),
    ).toBe('404 letter.not_found');
    expect(
      await codeOf(chris.client.post(`/api/letters/${id}/answers`, { answer: 'not_yet' })),
    ).toBe('404 letter.not_found');
  });
});

describe('who writes what', () => {
  it('the hurt partner writes letters, the partner who broke trust writes reflections', async () => {
    const { alex, sam } = await couple();
    expect((await list(alex)).canStart).toEqual(['impact']);
    // The partner who broke trust begins no letter of their own here, only a statement.
    expect((await list(sam)).canStart).toEqual(['statement']);
    expect(await codeOf(sam.client.post('/api/letters', { kind: 'impact', text: 'x' }))).toBe(
      '409 letter.role',
    );
    const id = last(await write(alex, { kind: 'impact', text: 'mine' })).id;
    await share(alex, id);
    expect(
      await codeOf(
        alex.client.post('/api/letters', { kind: 'reflection', respondsTo: id, text: 'x' }),
      ),
    ).toBe('409 letter.reflect_on_partner');
    expect(await codeOf(alex.client.post('/api/letters', { kind: 'unsent', text: 'x' }))).toBe(
      '409 letter.path',
    );
  });

  it('with "both", each partner writes a letter and reflects on the other’s', async () => {
    const { alex, sam } = await couple();
    await alex.client.patch('/api/journey', { role: 'both' });
    await sam.client.patch('/api/journey', { role: 'both' });
    const fromAlex = last(await write(alex, { kind: 'impact', text: 'from Alex' })).id;
    const fromSam = last(await write(sam, { kind: 'impact', text: 'from Sam' })).id;
    await share(alex, fromAlex);
    await share(sam, fromSam);
    await write(alex, { kind: 'reflection', respondsTo: fromSam, text: 'on Sam’s' });
    await write(sam, { kind: 'reflection', respondsTo: fromAlex, text: 'on Alex’s' });
    expect((await list(alex)).threads).toHaveLength(2);
  });

  it('only the letter’s author answers, once per reflection version, and only the newest', async () => {
    const { alex, sam } = await couple();
    const letter = last(await write(alex, { kind: 'impact', text: 'letter' })).id;
    await share(alex, letter);
    const r1 = last(await write(sam, { kind: 'reflection', respondsTo: letter, text: 'r1' })).id;
    await share(sam, r1);
    expect(
      await codeOf(sam.client.post(`/api/letters/${r1}/answers`, { answer: 'understood' })),
    ).toBe('409 letter.not_yours_to_answer');
    expect(
      await codeOf(
        sam.client.post('/api/letters', { kind: 'reflection', respondsTo: letter, text: 'r2' }),
      ),
    ).toBe('409 letter.awaiting_answer');
    await answer(alex, r1, { answer: 'not_yet' });
    expect(
      await codeOf(alex.client.post(`/api/letters/${r1}/answers`, { answer: 'understood' })),
    ).toBe('409 letter.answered');
  });

  it('a reflection is sent on the newest letter version: a draft on an older one is moved first', async () => {
    const { alex, sam } = await couple();
    const thread = await write(alex, { kind: 'impact', text: 'v1' });
    const v1 = last(thread).id;
    await share(alex, v1);
    const r = last(await write(sam, { kind: 'reflection', respondsTo: v1, text: 'on v1' })).id;
    const v2 = last(await write(alex, { kind: 'impact', threadId: thread.id, text: 'v2' })).id;
    await share(alex, v2);
    expect(await codeOf(sam.client.post(`/api/letters/${r}/share`))).toBe(
      '409 letter.newer_version',
    );
    await ok(sam.client.put(`/api/letters/${r}`, { text: 'on v2', respondsTo: v2 }));
    expect((await share(sam, r)).state).toBe('waiting_for_answer');
  });

  it('nothing is sent before the partner has joined; the draft stays', async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex, { path: 'together', role: 'hurt' });
    const id = last(await write(alex, { kind: 'impact', text: 'waiting' })).id;
    expect(await codeOf(alex.client.post(`/api/letters/${id}/share`))).toBe(
      '409 letter.no_partner',
    );
    expect(last((await list(alex)).threads[0]!)).toMatchObject({ state: 'draft', text: 'waiting' });
  });

  it('a draft can be deleted by its author only', async () => {
    const { alex, sam } = await couple();
    const id = last(await write(alex, { kind: 'impact', text: 'gone' })).id;
    expect(await codeOf(sam.client.delete(`/api/letters/${id}`))).toBe('404 letter.not_found');
    expect((await alex.client.delete(`/api/letters/${id}`)).statusCode).toBe(204);
    expect((await list(alex)).threads).toEqual([]);
  });
});

describe('the private safety check comes first', () => {
  it('drafts stay open to everyone; sending waits for the person’s own safety check', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const sam = await makeMember(t.app, 'Sam', { safetyCheck: false });
    await makeJourney(alex);
    const invite = await alex.client.post('/api/journey/invites', {});
    const token = tokenOf(invite.json<{ url: string }>().url);
    expect(
      (await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' })).statusCode,
    ).toBe(200);
    const letter = last(await write(alex, { kind: 'impact', text: 'letter' })).id;
    await share(alex, letter);
    const r = last(await write(sam, { kind: 'reflection', respondsTo: letter, text: 'r' })).id;
    expect(await codeOf(sam.client.post(`/api/letters/${r}/share`))).toBe(
      '409 safety.check_needed',
    );
    expect((await list(alex)).threads[0]!.state).toBe('waiting_for_reflection');
  });
});

describe('a letter on one’s own path', () => {
  it('is never sent, and keeps its earlier versions as they were', async () => {
    const robin = await makeMember(t.app, 'Robin');
    await makeJourney(robin, { path: 'solo' });
    expect((await list(robin)).canStart).toEqual(['unsent']);
    expect(await codeOf(robin.client.post('/api/letters', { kind: 'impact', text: 'x' }))).toBe(
      '409 letter.path',
    );
    const first = await write(robin, { kind: 'unsent', text: 'what I would say' });
    const v1 = last(first).id;
    expect(first.state).toBe('private');
    expect(await codeOf(robin.client.post(`/api/letters/${v1}/share`))).toBe(
      '409 letter.unsent_private',
    );
    const second = await write(robin, {
      kind: 'unsent',
      threadId: first.id,
      text: 'what I would say now',
    });
    expect(second.versions.map((v) => [v.version, v.state, v.text])).toEqual([
      [1, 'kept', 'what I would say'],
      [2, 'draft', 'what I would say now'],
    ]);
    expect(second.canRevise).toBe(true);
    expect(await codeOf(robin.client.put(`/api/letters/${v1}`, { text: 'changed' }))).toBe(
      '409 letter.locked',
    );
    // Earlier versions are private: the person may still remove one.
    expect((await robin.client.delete(`/api/letters/${v1}`)).statusCode).toBe(204);
    expect((await list(robin)).threads[0]!.versions.map((v) => v.version)).toEqual([1]);
  });
});

describe('races and limits', () => {
  it('two answers racing to one reflection: one lands; a later version gets its own', async () => {
    const { alex, sam } = await couple();
    const letter = last(await write(alex, { kind: 'impact', text: 'letter' })).id;
    await share(alex, letter);
    const r1 = last(await write(sam, { kind: 'reflection', respondsTo: letter, text: 'r1' })).id;
    await share(sam, r1);

    const results = await Promise.all([
      alex.client.post(`/api/letters/${r1}/answers`, { answer: 'not_yet', note: 'first' }),
      alex.client.post(`/api/letters/${r1}/answers`, { answer: 'not_yet', note: 'second' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('letter.answered');
    const thread = (await list(alex)).threads[0]!;
    const landed = results.find((r) => r.statusCode === 201)!.json<LetterThread>();
    expect(thread.versions[1]!.answer).toEqual(landed.versions[1]!.answer);
    expect(['first', 'second']).toContain(thread.versions[1]!.answer?.note);

    const r2 = last(await write(sam, { kind: 'reflection', respondsTo: letter, text: 'r2' })).id;
    await share(sam, r2);
    expect((await answer(alex, r2, { answer: 'understood' })).state).toBe('understood');
  });

  it('two drafts begun at once on one letter: one is made, the other is told to carry on', async () => {
    const { alex, sam } = await couple();
    const letter = last(await write(alex, { kind: 'impact', text: 'letter' })).id;
    await share(alex, letter);
    const body = { kind: 'reflection', respondsTo: letter, text: 'r' };
    const results = await Promise.all([
      sam.client.post('/api/letters', body),
      sam.client.post('/api/letters', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('letter.draft_exists');
  });

  it('the database itself refuses a second answer to one reflection, whatever the checks saw', async () => {
    const { alex, sam, journeyId } = await couple();
    const letter = last(await write(alex, { kind: 'impact', text: 'letter' })).id;
    await share(alex, letter);
    const r1 = last(await write(sam, { kind: 'reflection', respondsTo: letter, text: 'r1' })).id;
    await share(sam, r1);
    await answer(alex, r1, { answer: 'not_yet' });
    const again = {
      id: randomUUID(),
      journeyId,
      reflectionId: r1,
      authorId: alex.id,
      now: t.clock(),
      sealed: 'sf1.x',
    };
    await expect(insertAnswer(t.deps.database.db, again)).rejects.toThrow();
    const draft = {
      id: randomUUID(),
      journeyId,
      threadId: (await list(alex)).threads[0]!.id,
      authorId: sam.id,
      kind: 'reflection' as const,
      respondsTo: letter,
      now: t.clock(),
      sealed: 'sf1.x',
    };
    await insertDraft(t.deps.database.db, draft);
    await expect(insertDraft(t.deps.database.db, { ...draft, id: randomUUID() })).rejects.toThrow();
    expect((await list(alex)).threads[0]!.versions[1]!.answer?.value).toBe('not_yet');
  });

  it('refuses a letter over 20,000 characters and a note over 5,000, with clear messages', async () => {
    const { alex, sam } = await couple();
    const long = await alex.client.post('/api/letters', {
      kind: 'impact',
      text: 'é'.repeat(20_001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().detail).toBe('The letter is longer than 20,000 characters.');
    // Exactly at the limit, in a two-byte script, fits.
    const id = last(await write(alex, { kind: 'impact', text: 'é'.repeat(20_000) })).id;
    await share(alex, id);
    const r = last(await write(sam, { kind: 'reflection', respondsTo: id, text: 'r' })).id;
    await share(sam, r);
    const note = await alex.client.post(`/api/letters/${r}/answers`, {
      answer: 'not_yet',
      note: 'x'.repeat(5_001),
    });
    expect(note.statusCode).toBe(400);
    expect(note.json().detail).toBe('The note is longer than 5,000 characters.');
    expect((await list(alex)).threads[0]!.state).toBe('waiting_for_answer');
    const blank = await alex.client.post('/api/letters', { kind: 'impact', text: '   ' });
    expect(blank.json().detail).toBe('Please write a few words first.');
  });
});
