import { describe, expect, it } from 'vitest';
import { sealPlainFacts } from './journey-facts.js';
import {
  useTestApp,
  journeyBody,
  makeCouple,
  makeJourney,
  makeMember,
} from '../../test-support/harness.js';

const t = useTestApp();

describe('journeys', () => {
  it('starts a journey with path, role, several kinds and when it came to light', async () => {
    const alex = await makeMember(t.app);
    const res = await alex.client.post('/api/journey', {
      ...journeyBody,
      kinds: ['lying', 'financial', 'secrets'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      path: 'together',
      me: { role: 'hurt' },
      kinds: ['lying', 'financial', 'secrets'],
      cameToLight: 'months_1_6',
      partner: null,
    });
  });

  it('starts a journey without naming what happened: "rather not say" is kept and read back as such', async () => {
    const alex = await makeMember(t.app);
    const res = await alex.client.post('/api/journey', { ...journeyBody, kinds: ['unsaid'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kinds: ['unsaid'] });
    expect((await alex.client.get('/api/journey')).json().journey.kinds).toEqual(['unsaid']);
    // Agreements still offer every suggestion, none put first for a kind not named.
    const list = (await alex.client.get('/api/agreements')).json();
    expect(list.suggestions.length).toBeGreaterThan(0);

    const mixed = await alex.client.patch('/api/journey', { kinds: ['unsaid', 'lying'] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors).toContainEqual({
      field: 'kinds',
      message: 'Choose “I would rather not say” on its own, or the kinds that fit.',
    });
  });

  it('allows one active journey per person', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex);
    const second = await alex.client.post('/api/journey', journeyBody);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('journey.exists');
    const count = await t.deps.database.db
      .selectFrom('journey_members')
      .select('journey_id')
      .execute();
    expect(count).toHaveLength(1);
  });

  it('changes everything later, each member setting their own role', async () => {
    const { a, b } = await makeCouple(t.app);
    const changed = await b.client.patch('/api/journey', {
      role: 'broke_trust',
      kinds: ['physical_infidelity'],
      cameToLight: 'this_month',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      me: { role: 'broke_trust' },
      kinds: ['physical_infidelity'],
      partner: { displayName: 'Alex' },
    });
    const seenByA = (await a.client.get('/api/journey')).json().journey;
    expect(seenByA).toMatchObject({
      me: { role: 'hurt' },
      kinds: ['physical_infidelity'],
      cameToLight: 'this_month',
      partner: { displayName: 'Sam' },
    });
  });

  it('switches a solo journey to together, but not away from together once the partner joined', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex, { path: 'solo' });
    expect((await alex.client.post('/api/journey/invites', {})).json().code).toBe(
      'journey.not_together',
    );
    expect((await alex.client.patch('/api/journey', { path: 'together' })).statusCode).toBe(200);
    expect((await alex.client.post('/api/journey/invites', {})).statusCode).toBe(201);

    const { a } = await makeCouple(t.app);
    const res = await a.client.patch('/api/journey', { path: 'solo' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('journey.has_partner');
  });

  it('rejects an empty change and unknown kinds with field messages', async () => {
    const alex = await makeMember(t.app);
    await makeJourney(alex);
    const empty = await alex.client.patch('/api/journey', {});
    expect(empty.statusCode).toBe(400);
    const bad = await alex.client.post('/api/journey', { ...journeyBody, kinds: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual({
      field: 'kinds',
      message: 'Please choose at least one kind of betrayal.',
    });
  });

  it('seals what happened and when, names, countries and roles written plain before sealing, at the next start, and reads them back', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const { id } = await makeJourney(alex, {
      kinds: ['lying', 'secrets'],
      cameToLight: 'this_month',
    });
    await alex.client.post('/api/journey/invites', { email: 'sam@example.org' });
    const db = t.deps.database.db;
    // As a database from before sealing held them.
    await db
      .updateTable('journeys')
      .set({ kinds: JSON.stringify(['lying', 'secrets']), came_to_light: 'this_month' })
      .where('id', '=', id)
      .execute();
    await db.updateTable('invites').set({ email: 'sam@example.org' }).execute();
    await alex.client.put('/api/me/country', { country: 'GB' });
    await db
      .updateTable('users')
      .set({ display_name: 'Alex', country: 'GB' })
      .where('id', '=', alex.id)
      .execute();
    await db.updateTable('journey_members').set({ role: 'hurt' }).execute();
    await db.deleteFrom('settings').where('key', '=', 'crypto.plain_facts_sealed').execute();

    await sealPlainFacts(db, t.deps.sealer);

    const row = await db
      .selectFrom('journeys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const invite = await db.selectFrom('invites').select('email').executeTakeFirstOrThrow();
    const user = await db
      .selectFrom('users')
      .select(['display_name', 'country'])
      .where('id', '=', alex.id)
      .executeTakeFirstOrThrow();
    const member = await db.selectFrom('journey_members').select('role').executeTakeFirstOrThrow();
    expect(
      [
        row.kinds,
        row.came_to_light,
        invite.email,
        user.display_name,
        user.country,
        member.role,
      ].join(' '),
    ).not.toMatch(/lying|this_month|sam@|Alex|hurt/);
    // Two letters could turn up inside any sealed value by chance: compared whole instead.
    expect(user.country).not.toBe('GB');
    expect((await alex.client.get('/api/auth/session')).json()).toMatchObject({
      user: { displayName: 'Alex', country: 'GB' },
    });
    expect(
      (await alex.client.get('/api/journey')).json<{ journey: unknown }>().journey,
    ).toMatchObject({
      kinds: ['lying', 'secrets'],
      cameToLight: 'this_month',
      me: { role: 'hurt' },
      pendingInvites: [{ email: 'sam@example.org' }],
    });
    // Done once: a second start leaves the sealed values as they are.
    await sealPlainFacts(db, t.deps.sealer);
    const again = await db
      .selectFrom('journeys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(again.kinds).toBe(row.kinds);
  });
});
