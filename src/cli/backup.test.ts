import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../server/app.js';
import { boot } from '../server/boot.js';
import { createSealer } from '../server/crypto/sealing.js';
import { openSqlite } from '../server/db/connection.js';
import { migratorFor } from '../server/db/migrate.js';
import {
  makeJourney,
  makeMember,
  PASSWORD,
  testConfig,
  testDialect,
  TestClient,
  writeCheckin,
} from '../server/test-support/harness.js';
import { TEST_POSTGRES_URL } from '../server/test-support/postgres-global-setup.js';
import { appVersion } from '../server/version.js';
import { runCli } from './cli.js';

const saved = { ...process.env };
let dataDir: string;
let key: string;
let logged: string[];
let errors: string[];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-backup-'));
  key = randomBytes(32).toString('base64');
  process.env.STEADFAST_DATA_DIR = dataDir;
  process.env.STEADFAST_MASTER_KEY = key;
  process.env.LOG_LEVEL = 'silent';
  delete process.env.DATABASE_URL;
  logged = [];
  errors = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = 0;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = async (...args: string[]) => {
  process.exitCode = 0;
  await runCli(['node', 'steadfast', ...args]);
  return process.exitCode;
};

/** The app over the data folder's own database, as the server would open it. */
async function openApp() {
  const deps = await boot(testConfig(dataDir, { STEADFAST_MASTER_KEY: key }));
  const { app } = await buildApp(deps, { logger: false });
  return {
    app,
    async close() {
      await app.close();
      await deps.database.close();
    },
  };
}

const notesOf = async (client: TestClient) =>
  (await client.get('/api/checkins?limit=50'))
    .json<{ items: { note: string }[] }>()
    .items.map((i) => i.note);

describe.runIf(testDialect() === 'sqlite')('backup and restore on SQLite', () => {
  it('a backup taken while the app runs restores the same sealed content, readable with the same key', async () => {
    const before = await openApp();
    const alex = await makeMember(before.app, 'Alex');
    await makeJourney(alex, { path: 'solo' });
    const kept = await writeCheckin(alex, 'the evening we talked until late');
    const backup = path.join(dataDir, 'elsewhere', 'nightly.db');

    expect(await cli('backup', '--out', backup)).toBe(0);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    expect(logged.join('\n')).toMatch(/master key is not in the backup/);
    // The key is never copied into a backup.
    expect(fs.readFileSync(backup).includes(Buffer.from(key))).toBe(false);

    // Life goes on after the backup: one check-in removed, another written.
    expect((await alex.client.delete(`/api/checkins/${kept.id}`)).statusCode).toBe(204);
    await writeCheckin(alex, 'written after the backup');
    expect(await notesOf(alex.client)).toEqual(['written after the backup']);
    await before.close();

    // Without --yes nothing is replaced.
    expect(await cli('restore', backup)).toBe(1);
    expect(errors.join('\n')).toMatch(/Stop the server first/);

    expect(await cli('restore', backup, '--yes')).toBe(0);
    expect(logged.join('\n')).toMatch(/The data it replaced is kept in .*before-restore-/);
    expect(fs.existsSync(path.join(dataDir, 'steadfast.db-wal'))).toBe(false);

    const after = await openApp();
    try {
      const client = new TestClient(after.app);
      const signin = await client.post('/api/auth/signin', {
        email: alex.email,
        password: PASSWORD,
      });
      expect(signin.statusCode).toBe(200);
      expect(await notesOf(client)).toEqual(['the evening we talked until late']);
    } finally {
      await after.close();
    }
  });

  it('refuses a file that is not a Steadfast database, and one sealed with another key, changing nothing', async () => {
    const app = await openApp();
    const alex = await makeMember(app.app, 'Alex');
    await makeJourney(alex, { path: 'solo' });
    await writeCheckin(alex, 'still here');
    await app.close();

    const text = path.join(dataDir, 'notes.txt');
    fs.writeFileSync(text, 'not a database');
    expect(await cli('restore', text, '--yes')).toBe(1);
    expect(errors.join('\n')).toMatch(/is not a Steadfast backup/);

    // A backup of another instance, with its own key.
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-other-'));
    const other = await boot(testConfig(otherDir));
    await other.database.close();
    expect(await cli('restore', path.join(otherDir, 'steadfast.db'), '--yes')).toBe(1);
    expect(errors.join('\n')).toMatch(/sealed with a different master key/);
    fs.rmSync(otherDir, { recursive: true, force: true });

    const again = await openApp();
    const client = new TestClient(again.app);
    await client.post('/api/auth/signin', { email: alex.email, password: PASSWORD });
    expect(await notesOf(client)).toEqual(['still here']);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    await again.close();
  });

  it('brings a backup from an older version up to date', async () => {
    const oldFile = path.join(dataDir, 'old', 'steadfast.db');
    const old = openSqlite(oldFile);
    const { error } = await (await migratorFor(old)).migrateTo('0008-one-statement');
    expect(error).toBeUndefined();
    const sealer = createSealer(Buffer.from(key, 'base64'));
    await old.db
      .insertInto('settings')
      .values({ key: 'crypto.master_key_check', value: sealer.keyCheck() })
      .execute();
    await old.close();

    expect(await cli('restore', oldFile, '--yes')).toBe(0);
    expect(logged.join('\n')).toMatch(/Brought it up to this version: 0009-dashboard-indexes/);
    const app = await openApp();
    expect((await app.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await app.close();
  });
});

describe.runIf(testDialect() === 'postgres')('backup and restore on PostgreSQL', () => {
  it('say what to run with pg_dump and pg_restore, and remind about the master key', async () => {
    process.env.DATABASE_URL = TEST_POSTGRES_URL;
    expect(await cli('backup')).toBe(0);
    expect(logged.join('\n')).toMatch(/pg_dump --format=custom --file=steadfast-\d{8}T\d{6}\.dump/);
    expect(await cli('restore', 'steadfast.dump', '--yes')).toBe(0);
    const said = logged.join('\n');
    expect(said).toMatch(/pg_restore --clean --if-exists/);
    expect(said).toMatch(/master key is not in the backup/);
    expect(said).toContain('STEADFAST_MASTER_KEY');
  });
});

describe('steadfast --version', () => {
  it("prints package.json's version", async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    expect(await cli('--version')).toBe(0);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    expect(out.join('')).toBe(`${pkg.version}\n`);
    expect(appVersion).toBe(pkg.version);
  });
});
