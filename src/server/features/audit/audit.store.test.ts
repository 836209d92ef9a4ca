import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialect, type TestApp } from '../../test-support/harness.js';
import { eventsAboutQuery } from './audit.store.js';

const subject = '00000000-0000-4000-8000-000000000000';

// A client's read log is one indexed read, however long the practice's log grows.
describe('a client’s read log query', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads through the (subject, seq) index without sorting', async () => {
    const db = t.deps.database.db;
    const compiled = eventsAboutQuery(db, subject, 40, 21).compile();
    if (testDialect() === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).toContain('USING INDEX audit_events_by_subject');
      expect(details).not.toContain('TEMP B-TREE');
    } else {
      // An empty table is read faster by a scan; without scans the planner shows the index it has.
      const details = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
        );
        return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(details).toContain('audit_events_by_subject');
      expect(details).not.toContain('Sort');
    }
  });
});

// Append-only: appendAudit is the one writer. A change or removal anywhere else in the server
// would be a way to rewrite history (and would break the chain for every event after it).
describe('the audit log is append-only', () => {
  it('has no code that updates or deletes an event, outside tests', () => {
    const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
    const writers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(file, 'utf8');
          if (
            /(updateTable|deleteFrom)\(\s*'audit_events'/.test(text) ||
            /(update|delete\s+from)\s+audit_events/i.test(text)
          ) {
            writers.push(path.relative(root, file));
          }
        }
      }
    };
    walk(path.join(root, 'src'));
    expect(writers).toEqual([]);
  });
});
