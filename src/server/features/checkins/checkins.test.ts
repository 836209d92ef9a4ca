import { describe, expect, it } from 'vitest';
import {
  useTestApp,
  makeCouple,
  makeJourney,
  makeMember,
  writeCheckin,
} from '../../test-support/harness.js';

const t = useTestApp();

describe('emotion check-ins', () => {
  it('saves a check-in as private and returns it to its author', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex, { path: 'solo' });
    const res = await alex.client.post('/api/checkins', {
      feelings: [
        { feeling: 'grief', intensity: 7 },
        { feeling: 'hope', intensity: 2 },
      ],
      note: 'Walked for an hour.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      visibility: 'private',
      mine: true,
      note: 'Walked for an hour.',
    });
    const list = await alex.client.get('/api/checkins');
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].feelings).toEqual([
      { feeling: 'grief', intensity: 7 },
      { feeling: 'hope', intensity: 2 },
    ]);
  });

  it('partner cannot read a private check-in, can read it once shared, and not after it is taken back', async () => {
    const { a, b } = await makeCouple(t.app);
    const { id } = await writeCheckin(a, 'only for me');

    expect((await b.client.get('/api/checkins')).json().items).toEqual([]);
    expect((await b.client.get(`/api/checkins/${id}`)).statusCode).toBe(404);

    expect(
      (await a.client.put(`/api/checkins/${id}/visibility`, { visibility: 'partner' })).statusCode,
    ).toBe(200);
    const shared = await b.client.get(`/api/checkins/${id}`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ note: 'only for me', mine: false, authorName: 'Alex' });
    expect((await b.client.get('/api/checkins')).json().items).toHaveLength(1);

    await a.client.put(`/api/checkins/${id}/visibility`, { visibility: 'private' });
    expect((await b.client.get(`/api/checkins/${id}`)).statusCode).toBe(404);
    expect((await b.client.get('/api/checkins')).json().items).toEqual([]);
  });

  it('the partner cannot share, take back or delete an item they did not write', async () => {
    const { a, b } = await makeCouple(t.app);
    const { id } = await writeCheckin(a);
    await a.client.put(`/api/checkins/${id}/visibility`, { visibility: 'partner' });
    expect(
      (await b.client.put(`/api/checkins/${id}/visibility`, { visibility: 'private' })).statusCode,
    ).toBe(404);
    expect((await b.client.delete(`/api/checkins/${id}`)).statusCode).toBe(404);
    expect((await a.client.get(`/api/checkins/${id}`)).json().visibility).toBe('partner');
  });

  it('pages history newest first with a cursor, with no gaps or repeats', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex, { path: 'solo' });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await writeCheckin(alex, `note ${i}`)).id);
      t.clock.advance(i % 2 === 0 ? 0 : 60_000); // equal timestamps must still page correctly
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/checkins?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await alex.client.get(url)).json<{
        items: { id: string; createdAt: number }[];
        nextCursor: string | null;
      }>();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
    expect(seen.toSorted()).toEqual(ids.toSorted());
    expect(seen.at(0)).toBe(ids.at(-1));
  });

  it('refuses a note over 5,000 characters with a clear message and saves nothing', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex, { path: 'solo' });
    const res = await alex.client.post('/api/checkins', {
      feelings: [{ feeling: 'hurt', intensity: 3 }],
      note: 'x'.repeat(5001),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('The note is longer than 5,000 characters.');
    expect((await alex.client.get('/api/checkins')).json().items).toEqual([]);
  });

  it('asks to start a journey before the first check-in', async () => {
    const alex = await makeMember(t.app);
    const res = await alex.client.post('/api/checkins', {
      feelings: [{ feeling: 'hurt', intensity: 3 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('journey.none');
  });
});
