import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_TTL_MS } from '../../../core/invites/invite.js';
import {
  codeOf,
  createTestApp,
  makeMember,
  ok,
  PASSWORD,
  TestClient,
  testDialect,
  tokenOf,
  uniqueEmail,
  useTestApp,
  type TestApp,
} from '../../test-support/harness.js';
import { startSmtpServer } from '../../test-support/smtp.js';
import { linkClient } from '../../test-support/caseload.js';
import { loadTherapistLinks } from '../consent/links.store.js';
import { inviteTherapist, makeAdmin, makeTherapist } from '../../test-support/therapists.js';
import { slugFrom, THERAPIST_ACCEPTS_PER_ADDRESS } from './therapists.service.js';

interface Outbox {
  items: { to: string; subject: string; text: string }[];
}
interface Invites {
  items: { id: string; email: string; status: string; usedAt: number | null }[];
}

const accept = (client: TestClient, token: string, displayName = 'Dr Robin Ash') =>
  client.post('/api/therapist-invites/accept', { token, displayName, password: PASSWORD });

describe(`therapists join by invitation (${testDialect()})`, () => {
  const t = useTestApp();

  it('invite → mail in the outbox with the link → check → accept: a signed-in therapist with an unpublished profile', async () => {
    const admin = await makeAdmin(t.app);
    await ok(admin.client.put('/api/practice/settings', { name: 'Harbour Counselling' }));
    const email = uniqueEmail('robin');
    const created = await ok<{ id: string; url: string; emailed: boolean; expiresAt: number }>(
      admin.client.post('/api/therapists/invites', { email: ` ${email.toUpperCase()} ` }),
      201,
    );
    expect(created.url).toMatch(/^http:\/\/steadfast\.test\/therapist-invite#[A-Za-z0-9_-]{43}$/);
    expect(created.emailed).toBe(true);
    expect(created.expiresAt).toBe(t.clock() + INVITE_TTL_MS);

    // The mail, kept in the outbox (no SMTP here), carries the same link.
    const outbox = await ok<Outbox>(admin.client.get('/api/outbox'));
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]).toMatchObject({
      to: email,
      subject: 'An invitation to join Harbour Counselling on Steadfast as a therapist',
    });
    expect(outbox.items[0]!.text).toContain(created.url);
    // Only the token's hash and the sealed email are stored.
    const row = await t.deps.database.db
      .selectFrom('therapist_invites')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.email).not.toContain('@');
    expect(row.token_hash).not.toBe(tokenOf(created.url));

    const token = tokenOf(created.url);
    const visitor = new TestClient(t.app);
    expect(await ok(visitor.post('/api/therapist-invites/check', { token }))).toEqual({
      status: 'valid',
      practiceName: 'Harbour Counselling',
      email,
    });

    const session = await ok<{ user: { id: string; role: string; email: string } }>(
      accept(visitor, token, 'Dr. Zoë Ng'),
      201,
    );
    expect(session.user).toMatchObject({ role: 'therapist', email, displayName: 'Dr. Zoë Ng' });
    const me = await ok<{ user: { id: string; role: string } }>(visitor.get('/api/auth/session'));
    expect(me.user).toMatchObject({ id: session.user.id, role: 'therapist' });
    // They can sign in again with their password.
    const again = new TestClient(t.app);
    await ok(again.post('/api/auth/signin', { email, password: PASSWORD }));

    const profile = await t.deps.database.db
      .selectFrom('therapist_profiles')
      .selectAll()
      .where('user_id', '=', session.user.id)
      .executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ slug: 'dr-zoe-ng', name: 'Dr. Zoë Ng', bio: '' });
    expect(Number(profile.published)).toBe(0);
    expect(Number(profile.accepting)).toBe(0);

    const therapists = await ok<{ items: { id: string; displayName: string; email: string }[] }>(
      admin.client.get('/api/therapists'),
    );
    expect(therapists.items).toEqual([
      {
        id: session.user.id,
        displayName: 'Dr. Zoë Ng',
        email,
        joinedAt: t.clock(),
        removedAt: null,
      },
    ]);
    const invites = await ok<Invites>(admin.client.get('/api/therapists/invites'));
    expect(invites.items).toEqual([
      expect.objectContaining({ id: created.id, email, status: 'used', usedAt: t.clock() }),
    ]);
  });

  it('works once: a second use is refused kindly, and the check says it was used', async () => {
    const admin = await makeAdmin(t.app);
    const invite = await inviteTherapist(admin.client);
    await ok(accept(new TestClient(t.app), invite.token), 201);
    const late = new TestClient(t.app, '10.0.0.2');
    expect(await codeOf(accept(late, invite.token, 'Someone else'))).toBe('410 invite.used');
    expect(late.cookie).toBeUndefined();
    expect(await ok(late.post('/api/therapist-invites/check', { token: invite.token }))).toEqual({
      status: 'used',
      practiceName: null,
      email: null,
    });
    expect(
      (
        await t.deps.database.db
          .selectFrom('users')
          .select('id')
          .where('role', '=', 'therapist')
          .execute()
      ).length,
    ).toBe(1);
  });

  it('lasts seven days', async () => {
    const admin = await makeAdmin(t.app);
    const invite = await inviteTherapist(admin.client);
    t.clock.advance(INVITE_TTL_MS - 1);
    const visitor = new TestClient(t.app);
    expect(
      (
        await ok<{ status: string }>(
          visitor.post('/api/therapist-invites/check', { token: invite.token }),
        )
      ).status,
    ).toBe('valid');
    t.clock.advance(1);
    expect(
      (
        await ok<{ status: string }>(
          visitor.post('/api/therapist-invites/check', { token: invite.token }),
        )
      ).status,
    ).toBe('expired');
    const refused = await accept(visitor, invite.token);
    expect(refused.statusCode).toBe(410);
    expect(refused.json()).toMatchObject({ code: 'invite.expired', detail: expect.any(String) });
  });

  it('can be withdrawn while open, and then cannot be used', async () => {
    const admin = await makeAdmin(t.app);
    const invite = await inviteTherapist(admin.client);
    expect((await admin.client.delete(`/api/therapists/invites/${invite.id}`)).statusCode).toBe(
      204,
    );
    expect(await codeOf(admin.client.delete(`/api/therapists/invites/${invite.id}`))).toBe(
      '404 therapist_invite.not_found',
    );
    const visitor = new TestClient(t.app);
    expect(
      (
        await ok<{ status: string }>(
          visitor.post('/api/therapist-invites/check', { token: invite.token }),
        )
      ).status,
    ).toBe('revoked');
    expect(await codeOf(accept(visitor, invite.token))).toBe('410 invite.revoked');
    const listed = await ok<Invites>(admin.client.get('/api/therapists/invites'));
    expect(listed.items.map((i) => i.status)).toEqual(['revoked']);
    // A used one cannot be withdrawn.
    const used = await inviteTherapist(admin.client);
    await ok(accept(new TestClient(t.app), used.token), 201);
    expect(await codeOf(admin.client.delete(`/api/therapists/invites/${used.id}`))).toBe(
      '404 therapist_invite.not_found',
    );
  });

  it('does not use the link up when the password is refused', async () => {
    const admin = await makeAdmin(t.app);
    const invite = await inviteTherapist(admin.client);
    const visitor = new TestClient(t.app);
    expect(
      await codeOf(
        visitor.post('/api/therapist-invites/accept', {
          token: invite.token,
          displayName: 'Robin',
          password: 'password',
        }),
      ),
    ).toBe('422 auth.password_weak');
    await ok(accept(visitor, invite.token), 201);
  });

  it('refuses an unknown link, and an address that already has an account', async () => {
    const admin = await makeAdmin(t.app);
    const visitor = new TestClient(t.app);
    const unknown = 'A'.repeat(43);
    expect(await codeOf(visitor.post('/api/therapist-invites/check', { token: unknown }))).toBe(
      '404 invite.invalid',
    );
    expect(await codeOf(accept(visitor, unknown))).toBe('404 invite.invalid');
    const alex = await makeMember(t.app, 'Alex');
    expect(await codeOf(admin.client.post('/api/therapists/invites', { email: alex.email }))).toBe(
      '409 auth.email_taken',
    );
    expect(
      (await admin.client.post('/api/therapists/invites', { email: 'not an email' })).statusCode,
    ).toBe(400);
  });

  it('limits tries at accepting from one address, not from others', async () => {
    await makeAdmin(t.app);
    const guesser = new TestClient(t.app, '10.9.9.9');
    for (let i = 0; i < THERAPIST_ACCEPTS_PER_ADDRESS; i++) {
      expect((await accept(guesser, 'B'.repeat(43))).statusCode).toBe(404);
    }
    expect(await codeOf(accept(guesser, 'B'.repeat(43)))).toBe('429 auth.rate_limited');
    expect((await accept(new TestClient(t.app, '10.9.9.8'), 'B'.repeat(43))).statusCode).toBe(404);
  });

  it('is for the administrator alone to make, list and withdraw', async () => {
    const admin = await makeAdmin(t.app);
    const invite = await inviteTherapist(admin.client);
    const therapist = await makeTherapist(t.app, admin.client);
    const member = await makeMember(t.app, 'Alex');
    for (const client of [therapist.client, member.client]) {
      expect(
        (await client.post('/api/therapists/invites', { email: uniqueEmail() })).statusCode,
      ).toBe(403);
      expect((await client.get('/api/therapists/invites')).statusCode).toBe(403);
      expect((await client.get('/api/therapists')).statusCode).toBe(403);
      expect((await client.delete(`/api/therapists/invites/${invite.id}`)).statusCode).toBe(403);
      expect((await client.get('/api/outbox')).statusCode).toBe(403);
    }
    const anonymous = new TestClient(t.app);
    expect(
      (await anonymous.post('/api/therapists/invites', { email: uniqueEmail() })).statusCode,
    ).toBe(401);
    expect((await anonymous.get('/api/therapists')).statusCode).toBe(401);
    expect(
      (await ok<Invites>(admin.client.get('/api/therapists/invites'))).items
        .map((i) => i.status)
        .sort(),
    ).toEqual(['used', 'valid']);
  });

  it('can have their access removed: signed out at once, no sign-in, profile unpublished', async () => {
    const admin = await makeAdmin(t.app);
    const robin = await makeTherapist(t.app, admin.client);
    const other = await makeTherapist(t.app, admin.client, 'Sam Lee');
    await t.deps.database.db
      .updateTable('therapist_profiles')
      .set({ published: 1 })
      .where('user_id', '=', robin.id)
      .execute();
    const member = await makeMember(t.app, 'Alex');
    // Alex linked Robin and shares check-ins: removing Robin ends that link at once.
    const link = await linkClient(t.deps, {
      clientId: member.id,
      therapistId: robin.id,
      consents: ['checkins'],
    });
    expect((await member.client.delete(`/api/therapists/${robin.id}`)).statusCode).toBe(403);
    expect((await other.client.delete(`/api/therapists/${robin.id}`)).statusCode).toBe(403);
    // Only therapists: not the administrator, not a member.
    expect(await codeOf(admin.client.delete(`/api/therapists/${member.id}`))).toBe(
      '404 therapist.not_found',
    );
    expect(await codeOf(admin.client.delete(`/api/therapists/${admin.id}`))).toBe(
      '404 therapist.not_found',
    );

    t.clock.advance(60_000);
    expect((await admin.client.delete(`/api/therapists/${robin.id}`)).statusCode).toBe(204);
    expect(await codeOf(admin.client.delete(`/api/therapists/${robin.id}`))).toBe(
      '404 therapist.not_found',
    );
    expect((await robin.client.get('/api/auth/session')).json()).toMatchObject({ user: null });
    expect(
      await codeOf(
        new TestClient(t.app).post('/api/auth/signin', { email: robin.email, password: PASSWORD }),
      ),
    ).toBe('401 auth.invalid_credentials');
    const profile = await t.deps.database.db
      .selectFrom('therapist_profiles')
      .select('published')
      .where('user_id', '=', robin.id)
      .executeTakeFirstOrThrow();
    expect(Number(profile.published)).toBe(0);
    const listed = await ok<{ items: { id: string; removedAt: number | null }[] }>(
      admin.client.get('/api/therapists'),
    );
    expect(Object.fromEntries(listed.items.map((i) => [i.id, i.removedAt]))).toEqual({
      [robin.id]: t.clock(),
      [other.id]: null,
    });
    // Robin's link with Alex ended with the access, its consents gone, and the log says so.
    const links = await loadTherapistLinks(t.deps.database.db, robin.id);
    expect(links.size).toBe(0);
    const ended = await t.deps.database.db
      .selectFrom('therapist_links')
      .select(['status', 'ended_by'])
      .where('id', '=', link)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: 'ended', ended_by: admin.id });
    const logged = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'category', 'subject_id', 'actor_id'])
      .where('action', '=', 'link')
      .execute();
    expect(logged).toEqual([
      { action: 'link', category: 'ended', subject_id: member.id, actor_id: admin.id },
    ]);
    // The other therapist is untouched.
    expect((await other.client.get('/api/auth/session')).json()).toMatchObject({
      user: { id: other.id },
    });
  });

  it('gives each new profile its own slug', async () => {
    const admin = await makeAdmin(t.app);
    await makeTherapist(t.app, admin.client, 'Sam Lee');
    await makeTherapist(t.app, admin.client, 'Sam Lee');
    await makeTherapist(t.app, admin.client, '李');
    const slugs = (
      await t.deps.database.db.selectFrom('therapist_profiles').select('slug').execute()
    ).map((r) => r.slug);
    expect(slugs.sort()).toEqual(['sam-lee', 'sam-lee-2', 'therapist']);
    expect(slugFrom('  Dr. Zoë  O’Brien-Ng ')).toBe('dr-zoe-o-brien-ng');
  });
});

describe(`a therapist invitation over real SMTP (${testDialect()})`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ config: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('is mailed with its link, and the link opens the account', async () => {
    const admin = await makeAdmin(t.app);
    const invite = await inviteTherapist(admin.client);
    expect(invite.emailed).toBe(true);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([invite.email]);
    expect(mail.headers.get('from')).toBe('Steadfast <no-reply@localhost>');
    expect(mail.headers.get('subject')).toBe('An invitation to join Steadfast as a therapist');
    const link = /http:\/\/steadfast\.test\/therapist-invite#([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link?.[0]).toBe(invite.url);
    const session = await ok<{ user: { role: string } }>(
      accept(new TestClient(t.app), link![1]!),
      201,
    );
    expect(session.user.role).toBe('therapist');
    expect(await t.deps.database.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
  });

  it('still stands when the mail cannot be sent, with the link for the administrator', async () => {
    const down = await startSmtpServer();
    await down.close();
    const broken = await createTestApp({ config: { SMTP_URL: down.url } });
    try {
      const admin = await makeAdmin(broken.app);
      const invite = await inviteTherapist(admin.client);
      expect(invite.emailed).toBe(false);
      await ok(accept(new TestClient(broken.app), invite.token), 201);
    } finally {
      await broken.close();
    }
  });
});
