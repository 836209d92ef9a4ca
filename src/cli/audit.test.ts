import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot } from '../server/boot.js';
import { appendAudit } from '../server/features/audit/audit.store.js';
import { readEvent, storeTherapist } from '../server/test-support/audit.js';
import {
  createTestDatabase,
  testConfig,
  type TestDatabase,
} from '../server/test-support/harness.js';
import { TEST_POSTGRES_URL } from '../server/test-support/postgres-global-setup.js';
import { runCli } from './cli.js';

let testDb: TestDatabase;
let env: Record<string, string>;
const saved = { ...process.env };
let out: string[];
let errors: string[];

beforeEach(async () => {
  testDb = await createTestDatabase();
  const config = testConfig(testDb.dataDir);
  env = {
    STEADFAST_DATA_DIR: testDb.dataDir,
    STEADFAST_MASTER_KEY: config.masterKey ?? '',
    LOG_LEVEL: 'silent',
    ...(testDb.pgSchema
      ? {
          DATABASE_URL: `${TEST_POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${testDb.pgSchema}`)}`,
        }
      : {}),
  };
  Object.assign(process.env, env);
  out = [];
  errors = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = 0;
  await testDb.drop();
});

const cli = (...args: string[]) => runCli(['node', 'steadfast', ...args]);

/** Ten therapist reads of one client, written as the app writes them. */
async function writeReads() {
  const deps = await boot(testConfig(testDb.dataDir, env), { database: testDb.database });
  const lee = await storeTherapist(deps);
  const client = await storeTherapist(deps, 'Someone');
  const start = Date.UTC(2026, 11, 3, 14, 5);
  const events = Array.from({ length: 10 }, (_, i) =>
    readEvent(start + i * 60_000, lee.id, client.id, 'checkins'),
  );
  await appendAudit(testDb.database.db, testDb.database.dialect, events);
  return { events, start };
}

describe('steadfast audit verify', () => {
  it('says the log is intact, with how many events, when nothing was touched', async () => {
    await cli('migrate');
    await cli('audit', 'verify');
    expect(out.at(-1)).toBe('The audit log is intact: 0 events.');
    await writeReads();
    await cli('audit', 'verify');
    expect(process.exitCode ?? 0).toBe(0);
    expect(out.at(-1)).toBe('The audit log is intact: 10 events.');
  });

  it('names the first broken link when an event was changed behind the app’s back, and exits 1', async () => {
    const { events, start } = await writeReads();
    // Two rows changed: the first of them is the one named.
    await sql`update audit_events set category = 'letters' where seq in (4, 8)`.execute(
      testDb.database.db,
    );
    await cli('audit', 'verify');
    expect(process.exitCode).toBe(1);
    const said = errors.join('\n');
    expect(said).toContain('The audit log is broken at event 4 (reason: hash).');
    expect(said).toContain(
      `event 4 (id ${events[3]!.id}, at ${new Date(start + 3 * 60_000).toISOString()})`,
    );
    expect(said).toContain('was changed after it was written');
    expect(said).toContain('The 3 events before it are intact.');
  });

  it('names a removed event and the one after the gap', async () => {
    const { events } = await writeReads();
    await sql`delete from audit_events where seq = 6`.execute(testDb.database.db);
    await cli('audit', 'verify');
    expect(process.exitCode).toBe(1);
    const said = errors.join('\n');
    expect(said).toContain('The audit log is broken at event 6 (reason: gap).');
    expect(said).toContain(`Event 6 is missing`);
    expect(said).toContain(`before event 7 (id ${events[6]!.id}`);
  });

  it('finds events removed and the rest renumbered: the next one no longer follows', async () => {
    const { events } = await writeReads();
    await sql`delete from audit_events where seq = 2`.execute(testDb.database.db);
    await sql`update audit_events set seq = seq - 1 where seq > 2`.execute(testDb.database.db);
    await cli('audit', 'verify');
    expect(process.exitCode).toBe(1);
    const said = errors.join('\n');
    expect(said).toContain('The audit log is broken at event 2 (reason: previous_hash).');
    expect(said).toContain(`id ${events[2]!.id}`);
  });

  it('refuses an action it does not know', async () => {
    await cli('audit', 'erase');
    expect(process.exitCode).toBe(1);
    expect(errors.join('\n')).toMatch(/Unknown action "erase": use verify/);
  });
});
