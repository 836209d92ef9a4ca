import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AdminAuditPage, AuditVerdict, ReadLogPage } from '../../../shared/api/audit.js';
import { makeAdmin, readEvent, storeTherapist } from '../../test-support/audit.js';
import { codeOf, makeMember, ok, useTestApp } from '../../test-support/harness.js';
import { appendAudit } from './audit.store.js';
import { subjectRef, verifyAuditLog } from './audit.service.js';

const t = useTestApp();

const append = (...events: Parameters<typeof appendAudit>[2]) =>
  appendAudit(t.deps.database.db, t.deps.database.dialect, events);

describe('the read log a client sees', () => {
  it('shows every event about me, newest first, with who did it; nothing about anyone else', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const robin = await makeMember(t.app, 'Robin');
    const lee = await storeTherapist(t.deps, 'Dr. Lee');
    const kim = await storeTherapist(t.deps, 'Kim Park');
    const at = t.deps.clock();
    const checkins = [randomUUID(), randomUUID(), randomUUID()];
    await append(readEvent(at, lee.id, alex.id, 'checkins', checkins));
    await append(readEvent(at + 1000, kim.id, robin.id, 'letters'));
    await append(readEvent(at + 2000, lee.id, alex.id, 'screens'), {
      ...readEvent(at + 3000, alex.id, alex.id, 'letters', []),
      action: 'consent',
      actorRole: 'member',
    });

    const mine = await ok<ReadLogPage>(alex.client.get('/api/privacy/reads'));
    expect(mine.nextCursor).toBeNull();
    expect(mine.items.map((e) => [e.action, e.category, e.count, e.actor.name, e.mine])).toEqual([
      ['consent', 'letters', 0, 'Alex', true],
      ['read', 'screens', 1, 'Dr. Lee', false],
      ['read', 'checkins', 3, 'Dr. Lee', false],
    ]);
    expect(mine.items[2]).toMatchObject({ at, actor: { id: lee.id, role: 'therapist' } });
    // The ids of what was read stay in the log; the client is told how many.
    expect(JSON.stringify(mine)).not.toContain(checkins[0]);

    const theirs = await ok<ReadLogPage>(robin.client.get('/api/privacy/reads'));
    expect(theirs.items.map((e) => [e.actor.name, e.category])).toEqual([['Kim Park', 'letters']]);

    const sam = await makeMember(t.app, 'Sam');
    expect(await ok<ReadLogPage>(sam.client.get('/api/privacy/reads'))).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('pages with a cursor, and refuses one it did not give', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const lee = await storeTherapist(t.deps);
    const at = t.deps.clock();
    await append(
      ...Array.from({ length: 5 }, (_, i) => readEvent(at + i, lee.id, alex.id, 'checkins')),
    );

    const first = await ok<ReadLogPage>(alex.client.get('/api/privacy/reads?limit=2'));
    expect(first.items.map((e) => e.at)).toEqual([at + 4, at + 3]);
    const second = await ok<ReadLogPage>(
      alex.client.get(`/api/privacy/reads?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((e) => e.at)).toEqual([at + 2, at + 1]);
    const third = await ok<ReadLogPage>(
      alex.client.get(`/api/privacy/reads?limit=2&cursor=${second.nextCursor}`),
    );
    expect(third).toMatchObject({ items: [{ at }], nextCursor: null });

    expect(await codeOf(alex.client.get('/api/privacy/reads?cursor=abc'))).toBe(
      '400 cursor.invalid',
    );
  });

  it('is for people on the program: the administrator has none, and gets no one else’s', async () => {
    const admin = await makeAdmin(t.app);
    expect(await codeOf(admin.get('/api/privacy/reads'))).toMatch(/^403 /);
  });
});

describe('the practice’s log the administrator sees', () => {
  it('names who acted, never the client: a short reference stands for them', async () => {
    const alex = await makeMember(t.app, 'Alexandria');
    const lee = await storeTherapist(t.deps, 'Dr. Lee');
    const at = t.deps.clock();
    await append(readEvent(at, lee.id, alex.id, 'checkins', [randomUUID(), randomUUID()]), {
      ...readEvent(at + 1, alex.id, alex.id, 'checkins', []),
      action: 'consent',
      actorRole: 'member',
    });
    const admin = await makeAdmin(t.app, 'Practice Admin');
    const log = await ok<AdminAuditPage>(admin.get('/api/admin/audit'));
    const ref = subjectRef(alex.id);
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(
      log.items.map((e) => [e.seq, e.action, e.actor.name, e.actor.role, e.subjectRef, e.count]),
    ).toEqual([
      [2, 'consent', '', 'member', ref, 0],
      [1, 'read', 'Dr. Lee', 'therapist', ref, 2],
    ]);
    expect(log.items[1]?.requestId).toMatch(/^req-/);
    const body = JSON.stringify(log);
    expect(body).not.toContain('Alexandria');
    expect(body).not.toContain(alex.id);

    // Members may not read it, nor check it.
    expect(await codeOf(alex.client.get('/api/admin/audit'))).toMatch(/^403 /);
    expect(await codeOf(alex.client.get('/api/admin/audit/verify'))).toMatch(/^403 /);
  });

  it('pages newest first', async () => {
    const alex = await makeMember(t.app);
    const lee = await storeTherapist(t.deps);
    const at = t.deps.clock();
    await append(
      ...Array.from({ length: 3 }, (_, i) => readEvent(at + i, lee.id, alex.id, 'screens')),
    );
    const admin = await makeAdmin(t.app);
    const first = await ok<AdminAuditPage>(admin.get('/api/admin/audit?limit=2'));
    expect(first.items.map((e) => e.seq)).toEqual([3, 2]);
    const rest = await ok<AdminAuditPage>(admin.get(`/api/admin/audit?cursor=${first.nextCursor}`));
    expect(rest).toMatchObject({ items: [{ seq: 1 }], nextCursor: null });
  });

  it('verify answers intact, then names the first broken link after a row is changed', async () => {
    const alex = await makeMember(t.app);
    const lee = await storeTherapist(t.deps);
    const at = t.deps.clock();
    await append(
      ...Array.from({ length: 4 }, (_, i) => readEvent(at + i, lee.id, alex.id, 'checkins')),
    );
    const admin = await makeAdmin(t.app);
    expect(await ok<AuditVerdict>(admin.get('/api/admin/audit/verify'))).toEqual({
      ok: true,
      count: 4,
    });
    await sql`update audit_events set category = 'letters' where seq = 3`.execute(
      t.deps.database.db,
    );
    const third = await t.deps.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    expect(await ok<AuditVerdict>(admin.get('/api/admin/audit/verify'))).toEqual({
      ok: false,
      count: 2,
      brokenAt: 3,
      reason: 'hash',
      event: { seq: 3, id: third.id, at: at + 2 },
    });
  });
});

describe('the chain', () => {
  it('stays whole when many requests append at once, each in its own transaction', async () => {
    const alex = await makeMember(t.app);
    const lee = await storeTherapist(t.deps);
    const at = t.deps.clock();
    const db = t.deps.database.db;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, t.deps.database.dialect, [
              readEvent(at + i, lee.id, alex.id, 'checkins'),
              readEvent(at + i, lee.id, alex.id, 'screens'),
            ]),
          ),
      ),
    );
    const seqs = (await db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map(
      (r) => Number(r.seq),
    );
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditLog(db)).toEqual({ ok: true, count: 40 });
  });

  it('is checked a page at a time, carrying the chain across pages', async () => {
    const alex = await makeMember(t.app);
    const lee = await storeTherapist(t.deps);
    const at = t.deps.clock();
    await append(
      ...Array.from({ length: 7 }, (_, i) => readEvent(at + i, lee.id, alex.id, 'program')),
    );
    const db = t.deps.database.db;
    expect(await verifyAuditLog(db, 3)).toEqual({ ok: true, count: 7 });
    expect(await verifyAuditLog(db, 7)).toEqual({ ok: true, count: 7 });
    // A removed event at the start of a page is found, and the one after the gap named.
    await db.deleteFrom('audit_events').where('seq', '=', 4).execute();
    expect(await verifyAuditLog(db, 3)).toMatchObject({
      ok: false,
      count: 3,
      brokenAt: 4,
      reason: 'gap',
      event: { seq: 5 },
    });
  });

  it('an event written with a read fails with it: the log and the read commit together', async () => {
    const alex = await makeMember(t.app);
    const lee = await storeTherapist(t.deps);
    const db = t.deps.database.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, t.deps.database.dialect, [
          readEvent(t.deps.clock(), lee.id, alex.id, 'checkins'),
        ]);
        throw new Error('the read failed');
      }),
    ).rejects.toThrow('the read failed');
    expect(await verifyAuditLog(db)).toEqual({ ok: true, count: 0 });
  });
});
