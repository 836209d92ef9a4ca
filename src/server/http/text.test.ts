import { describe, expect, it } from 'vitest';
import { NOTE_MAX } from '../../core/checkins/checkin.js';
import { graphemeCount } from '../../core/text/text.js';
import { CheckinCreateBody, NOTE_PREVIEW } from '../../shared/api/checkins.js';
import {
  makeJourney,
  makeMember,
  PASSWORD,
  TestClient,
  uniqueEmail,
  useTestApp,
  writeCheckin,
} from '../test-support/harness.js';

const t = useTestApp();

interface ProblemBody {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

const NUL = 'Ro\u0000bin';
const LONE = 'Ro\uD83Dbin';

describe('text a person writes', () => {
  it('refuses a NUL character in the display name at sign-up, with a 400 and nothing stored', async () => {
    const res = await new TestClient(t.app).post('/api/auth/signup', {
      email: uniqueEmail(),
      password: PASSWORD,
      displayName: NUL,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<ProblemBody>();
    expect(body.code).toBe('request.invalid');
    expect(body.errors).toEqual([
      {
        field: 'displayName',
        message: expect.stringContaining('hidden character'),
      },
    ]);
    const users = await t.deps.database.db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(0);
  });

  it('refuses a NUL character in the display name at setup, and setup stays open', async () => {
    const client = new TestClient(t.app);
    const res = await client.post('/api/setup', {
      email: uniqueEmail('admin'),
      password: PASSWORD,
      displayName: NUL,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemBody>().errors?.[0]?.field).toBe('displayName');
    expect((await client.get('/api/setup')).json()).toEqual({ needed: true });
  });

  it('refuses half an emoji (a lone surrogate) in a display name', async () => {
    const res = await new TestClient(t.app).post('/api/auth/signup', {
      email: uniqueEmail(),
      password: PASSWORD,
      displayName: LONE,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemBody>().errors?.[0]?.message).toContain('broken character');
  });

  it('refuses NUL in fields that are not free text too: an email, a password, a cursor', async () => {
    const client = new TestClient(t.app);
    for (const body of [
      { email: `a\u0000${uniqueEmail()}`, password: PASSWORD, displayName: 'Robin' },
      { email: uniqueEmail(), password: `${PASSWORD}\u0000`, displayName: 'Robin' },
    ]) {
      const res = await client.post('/api/auth/signup', body);
      expect(res.statusCode, res.body).toBe(400);
    }
    const alex = await makeMember(t.app);
    const listed = await alex.client.get('/api/checkins?cursor=%00');
    expect(listed.statusCode).toBe(400);
    expect(listed.json<ProblemBody>().errors?.[0]?.field).toBe('cursor');
  });
});

describe('lengths in graphemes', () => {
  // Family, flag, skin tone, a combining accent and a plain emoji: one character each to a person.
  const mix = ['👨‍👩‍👧‍👦', '🇩🇪', '👍🏽', 'e\u0301', '😀'];
  const noteOf = (n: number) => Array.from({ length: n }, (_, i) => mix[i % mix.length]).join('');

  it('accepts an emoji-heavy note of exactly the most characters, and refuses one more with the client’s message', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex);
    const feelings = [{ feeling: 'hurt', intensity: 5 }];
    const full = noteOf(NOTE_MAX);
    expect(full.length).toBeGreaterThan(NOTE_MAX * 2);
    expect(CheckinCreateBody.safeParse({ feelings, note: full }).success).toBe(true);
    const saved = await alex.client.post('/api/checkins', { feelings, note: full });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json<{ note: string }>().note).toBe(full);

    const over = noteOf(NOTE_MAX + 1);
    const client = CheckinCreateBody.safeParse({ feelings, note: over });
    expect(client.success).toBe(false);
    const refused = await alex.client.post('/api/checkins', { feelings, note: over });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ProblemBody>().errors).toEqual([
      { field: 'note', message: client.error?.issues[0]?.message },
    ]);
    expect(client.error?.issues[0]?.message).toBe('The note is longer than 5,000 characters.');
  });

  it('sends a glance at a long note only its first 140 characters, cut between whole characters', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex);
    const note = noteOf(NOTE_MAX);
    await writeCheckin(alex, note);
    const glance = await alex.client.get('/api/checkins?limit=1&preview=1');
    expect(glance.statusCode).toBe(200);
    const [item] = glance.json<{ items: { note: string; noteCut?: boolean }[] }>().items;
    expect(item?.noteCut).toBe(true);
    expect(item?.note).toBe(`${noteOf(NOTE_PREVIEW)}…`);
    expect(graphemeCount(item?.note ?? '')).toBe(NOTE_PREVIEW + 1);

    const whole = await alex.client.get('/api/checkins?limit=1');
    const [full] = whole.json<{ items: { note: string; noteCut?: boolean }[] }>().items;
    expect(full).toMatchObject({ note });
    expect(full?.noteCut).toBeUndefined();

    t.clock.advance(60_000);
    await writeCheckin(alex, 'a short one');
    const short = await alex.client.get('/api/checkins?limit=1&preview=1');
    expect(short.json<{ items: unknown[] }>().items[0]).toMatchObject({ note: 'a short one' });
  });
});
