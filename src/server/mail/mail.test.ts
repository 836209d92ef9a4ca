import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCREET_SUBJECT, DISCREET_TEXT } from '../../core/mail/discreet.js';
import { sealContext } from '../crypto/contexts.js';
import {
  createTestApp,
  makeJourney,
  makeMember,
  ok,
  testDialect,
  useTestApp,
  type TestApp,
} from '../test-support/harness.js';
import { startSmtpServer } from '../test-support/smtp.js';
import { makeAdmin } from '../test-support/therapists.js';
import { sendMail, sendMailToPerson } from './mail.js';

interface OutboxAnswer {
  smtp: boolean;
  items: { id: string; to: string; subject: string; text: string; createdAt: number }[];
}

describe(`mail without SMTP goes to the outbox (${testDialect()})`, () => {
  const t = useTestApp();

  it('keeps recipient and body sealed at rest, and the administrator reads them opened, newest first', async () => {
    const admin = await makeAdmin(t.app);
    const secret = 'https://steadfast.test/therapist-invite#a-working-link';
    await sendMail(t.deps, { to: 'first@example.org', subject: 'First', text: 'One' });
    t.clock.advance(1000);
    await sendMail(t.deps, { to: 'robin@example.org', subject: 'Second', text: `Open ${secret}` });

    const rows = await t.deps.database.db.selectFrom('mail_outbox').selectAll().execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.recipient).not.toContain('@example.org');
      expect(row.body.startsWith('sf1.')).toBe(true);
    }
    const second = rows.find((r) => r.subject === 'Second')!;
    expect(t.deps.sealer.openForServer(second.body, sealContext('outboxBody', second.id))).toBe(
      `Open ${secret}`,
    );

    const outbox = await ok<OutboxAnswer>(admin.client.get('/api/outbox'));
    expect(outbox.smtp).toBe(false);
    expect(outbox.items.map((m) => [m.to, m.subject, m.text])).toEqual([
      ['robin@example.org', 'Second', `Open ${secret}`],
      ['first@example.org', 'First', 'One'],
    ]);
    expect(outbox.items[0]!.createdAt).toBe(t.clock());
  });

  it('joins the caller’s transaction: nothing is kept when the change it belongs to is undone', async () => {
    await expect(
      t.deps.database.db.transaction().execute(async (trx) => {
        await sendMail(t.deps, { to: 'x@example.org', subject: 'Undone', text: 'x' }, trx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.deps.database.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
  });

  it('tells a client in discreet mode only that there is something new, and nobody else', async () => {
    const robin = await makeMember(t.app, 'Robin');
    const alex = await makeMember(t.app, 'Alex');
    await ok(robin.client.patch('/api/safety', { discreet: true }));
    const mail = { subject: 'Alex shared a letter with you', text: 'Alex wrote to you.' };
    await sendMailToPerson(t.deps, robin.id, mail);
    await sendMailToPerson(t.deps, alex.id, mail);
    const admin = await makeAdmin(t.app);
    const { items } = await ok<OutboxAnswer>(admin.client.get('/api/outbox'));
    const byRecipient = new Map(items.map((m) => [m.to, m]));
    expect(byRecipient.get(robin.email)).toMatchObject({
      subject: DISCREET_SUBJECT,
      text: DISCREET_TEXT,
    });
    expect(byRecipient.get(alex.email)).toMatchObject(mail);
  });

  it('is the administrator’s alone to read', async () => {
    await makeAdmin(t.app);
    const robin = await makeMember(t.app, 'Robin');
    expect((await robin.client.get('/api/outbox')).statusCode).toBe(403);
  });
});

describe(`mail with SMTP_URL goes to the SMTP server (${testDialect()})`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      config: { SMTP_URL: smtp.url, MAIL_FROM: 'Our Practice <practice@example.org>' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends over SMTP from MAIL_FROM, with the subject and body as written, and keeps nothing', async () => {
    const text =
      'Hello Zoë,\n\nA line long enough to be wrapped by the encoder: https://steadfast.test/therapist-invite#abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    await sendMail(t.deps, { to: 'zoe@example.org', subject: 'Ünïcode subject', text });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.from).toBe('practice@example.org');
    expect(got.to).toEqual(['zoe@example.org']);
    expect(got.headers.get('from')).toBe('Our Practice <practice@example.org>');
    expect(got.headers.get('to')).toBe('zoe@example.org');
    expect(got.headers.get('subject')).toBe('Ünïcode subject');
    expect(got.text).toBe(text);
    expect(await t.deps.database.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
    const admin = await makeAdmin(t.app);
    expect((await ok<OutboxAnswer>(admin.client.get('/api/outbox'))).smtp).toBe(true);
  });

  it("sends a partner's invitation over SMTP too, in the same neutral words", async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex);
    const before = smtp.received.length;
    const invite = await ok<{ url: string; emailed: boolean }>(
      alex.client.post('/api/journey/invites', { email: 'sam@example.org' }),
      201,
    );
    expect(invite.emailed).toBe(true);
    const got = smtp.received[before]!;
    expect(got.to).toEqual(['sam@example.org']);
    expect(got.headers.get('subject')).toBe('An invitation to Steadfast');
    expect(got.text).toContain(invite.url);
    expect(`${got.headers.get('subject')} ${got.text}`).not.toContain('Alex');
  });

  it('throws when the SMTP server cannot be reached, so the caller can say so', async () => {
    const down = await startSmtpServer();
    await down.close();
    const deps = { ...t.deps, config: { ...t.deps.config, smtpUrl: down.url } };
    await expect(
      sendMail(deps, { to: 'zoe@example.org', subject: 'x', text: 'x' }),
    ).rejects.toThrow();
  });
});
