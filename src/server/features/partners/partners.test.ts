import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { sealContext } from '../../crypto/contexts.js';
import { useTestApp, makeJourney, makeMember, tokenOf } from '../../test-support/harness.js';

const t = useTestApp();

async function invitingMember() {
  const alex = await makeMember(t.app, 'Alex');
  await makeJourney(alex);
  const invite = (await alex.client.post('/api/journey/invites', {})).json<{
    id: string;
    url: string;
    expiresAt: number;
  }>();
  return { alex, invite, token: tokenOf(invite.url) };
}

describe('inviting the partner', () => {
  it('a link works once, for seven days, and carries its token outside the path', async () => {
    const { alex, invite, token } = await invitingMember();
    expect(invite.url).toMatch(/^http:\/\/steadfast\.test\/join#[A-Za-z0-9_-]{43}$/);
    expect(invite.expiresAt - t.clock()).toBe(7 * 24 * 60 * 60 * 1000);
    expect((await alex.client.post('/api/invites/preview', { token })).json()).toEqual({
      status: 'valid',
      inviterName: 'Alex',
    });

    const sam = await makeMember(t.app, 'Sam');
    const joined = await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({
      partner: { displayName: 'Alex' },
      me: { role: 'broke_trust' },
    });

    const robin = await makeMember(t.app, 'Robin');
    const twice = await robin.client.post('/api/invites/accept', { token, role: 'broke_trust' });
    expect(twice.statusCode).toBe(410);
    expect(twice.json().detail).toMatch(/already been used/);
    expect((await robin.client.post('/api/invites/preview', { token })).json()).toEqual({
      status: 'used',
      inviterName: null,
    });
  });

  it('joining asks the joiner their own part: without it, a 400 that says so and the link stays usable', async () => {
    const { token } = await invitingMember();
    const sam = await makeMember(t.app, 'Sam');
    const res = await sam.client.post('/api/invites/accept', { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      field: 'role',
      message: 'Please choose how you would describe your part.',
    });
    expect((await sam.client.get('/api/journey')).json().journey).toBeNull();

    const joined = await sam.client.post('/api/invites/accept', { token, role: 'unsaid' });
    expect(joined.json()).toMatchObject({ me: { role: 'unsaid' } });
  });

  it('an expired link gets a kind message', async () => {
    const { token } = await invitingMember();
    t.clock.advance(7 * 24 * 60 * 60 * 1000);
    const sam = await makeMember(t.app, 'Sam');
    const res = await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({
      code: 'invite.expired',
      detail: expect.stringMatching(/links last seven days/),
    });
  });

  it('a withdrawn link stops working', async () => {
    const { alex, invite, token } = await invitingMember();
    expect((await alex.client.delete(`/api/journey/invites/${invite.id}`)).statusCode).toBe(204);
    const sam = await makeMember(t.app, 'Sam');
    expect(
      (await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' })).json().code,
    ).toBe('invite.revoked');
    expect((await alex.client.get('/api/journey')).json().journey.pendingInvites).toEqual([]);
  });

  it('an unknown link is not found', async () => {
    await invitingMember();
    const sam = await makeMember(t.app, 'Sam');
    const res = await sam.client.post('/api/invites/accept', {
      token: 'A'.repeat(43),
      role: 'hurt',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('invite.invalid');
  });

  it("a working link and the invitee's email are stored nowhere in the clear", async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex);
    const res = await alex.client.post('/api/journey/invites', { email: 'sam@example.org' });
    const token = tokenOf(res.json().url);
    const everything: string[] = [];
    for (const table of [
      'invites',
      'mail_outbox',
      'journeys',
      'users',
      'settings',
      'rate_limits',
    ]) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(t.deps.database.db);
      everything.push(JSON.stringify(rows.rows));
    }
    expect(everything.join('\n')).not.toContain('sam@example.org');
    expect(everything.join('\n')).not.toContain(token);
  });

  it('writes a neutral email to the outbox when an address is given', async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex);
    const res = await alex.client.post('/api/journey/invites', { email: 'sam@example.org' });
    expect(res.json().emailed).toBe(true);
    const mail = await t.deps.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(
      t.deps.sealer.openForServer(mail.recipient, sealContext('outboxRecipient', mail.id)),
    ).toBe('sam@example.org');
    const body = t.deps.sealer.openForServer(mail.body, sealContext('outboxBody', mail.id));
    expect(body).toContain(res.json().url);
    expect(body).not.toContain('Alex');
    expect(mail.subject).not.toMatch(/betray|affair|trust/i);
  });

  it('writes the same neutral email whether or not the inviter is in discreet mode', async () => {
    const mails: { subject: string; body: string }[] = [];
    for (const discreet of [false, true]) {
      const alex = await makeMember(t.app, 'Alex');
      await alex.client.patch('/api/safety', { discreet });
      await makeJourney(alex);
      const res = await alex.client.post('/api/journey/invites', { email: 'sam@example.org' });
      const mail = await t.deps.database.db
        .selectFrom('mail_outbox')
        .selectAll()
        .executeTakeFirstOrThrow();
      const body = t.deps.sealer
        .openForServer(mail.body, sealContext('outboxBody', mail.id))
        .replace(res.json<{ url: string }>().url, '<link>');
      await t.deps.database.db.deleteFrom('mail_outbox').execute();
      mails.push({ subject: mail.subject, body });
    }
    expect(mails[1]).toEqual(mails[0]);
    expect(JSON.stringify(mails)).not.toMatch(/Alex|betray|affair|trust|safety/i);
  });

  it('a third person cannot join a full journey', async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex);
    const one = tokenOf((await alex.client.post('/api/journey/invites', {})).json().url);
    const two = tokenOf((await alex.client.post('/api/journey/invites', {})).json().url);
    await (
      await makeMember(t.app, 'Sam')
    ).client.post('/api/invites/accept', { token: one, role: 'broke_trust' });
    const third = await (
      await makeMember(t.app, 'Robin')
    ).client.post('/api/invites/accept', { token: two, role: 'broke_trust' });
    // Once the journey is full its other links are withdrawn.
    expect(third.statusCode).toBe(410);
    expect(third.json().code).toBe('invite.revoked');
  });
});

describe('joining at the same moment', () => {
  it('two people accepting two links of one journey at once: one joins, the other is told kindly', async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex);
    const one = tokenOf((await alex.client.post('/api/journey/invites', {})).json().url);
    const two = tokenOf((await alex.client.post('/api/journey/invites', {})).json().url);
    const sam = await makeMember(t.app, 'Sam');
    const robin = await makeMember(t.app, 'Robin');
    const results = await Promise.all([
      sam.client.post('/api/invites/accept', { token: one, role: 'broke_trust' }),
      robin.client.post('/api/invites/accept', { token: two, role: 'broke_trust' }),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 410]);
    const loser = results.find((r) => r.statusCode === 410);
    expect(loser?.json().code).toBe('invite.revoked');
    const members = await t.deps.database.db
      .selectFrom('journey_members')
      .select('user_id')
      .execute();
    expect(members).toHaveLength(2);
  });

  it('leaving the together path withdraws open links', async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex);
    const token = tokenOf((await alex.client.post('/api/journey/invites', {})).json().url);
    await alex.client.patch('/api/journey', { path: 'solo' });
    await alex.client.patch('/api/journey', { path: 'together' });
    expect((await alex.client.post('/api/invites/preview', { token })).json().status).toBe(
      'revoked',
    );
  });
});
