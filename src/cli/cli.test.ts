import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../server/app.js';
import { boot } from '../server/boot.js';
import {
  createTestDatabase,
  testConfig,
  TestClient,
  type TestDatabase,
} from '../server/test-support/harness.js';
import { TEST_POSTGRES_URL } from '../server/test-support/postgres-global-setup.js';
import { DEMO_PASSWORD, runCli } from './cli.js';

let testDb: TestDatabase;
let env: Record<string, string>;
const saved = { ...process.env };

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
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = 0;
  await testDb.drop();
});

const cli = (...args: string[]) => runCli(['node', 'steadfast', ...args]);

describe('steadfast CLI', () => {
  it('migrate, then create-admin closes first-run setup', async () => {
    await cli('migrate');
    process.env.STEADFAST_ADMIN_PASSWORD = 'a long and quiet river';
    await cli('create-admin', '--email', 'Admin@Practice.example', '--name', 'Practice admin');
    expect(process.exitCode ?? 0).toBe(0);
    const admins = await testDb.database.db.selectFrom('users').select(['email', 'role']).execute();
    expect(admins).toEqual([{ email: 'admin@practice.example', role: 'admin' }]);

    const deps = await boot(testConfig(testDb.dataDir, env), { database: testDb.database });
    const { app } = await buildApp(deps, { logger: false });
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needed: false,
    });
    await app.close();
  });

  it('create-admin refuses a common password and says why', async () => {
    process.env.STEADFAST_ADMIN_PASSWORD = 'password123';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await cli('create-admin', '--email', 'admin@practice.example');
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/most common ones/));
  });

  it('create-admin holds the administrator to the same password length as everyone', async () => {
    process.env.STEADFAST_ADMIN_PASSWORD = 'short';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await cli('create-admin', '--email', 'admin@practice.example');
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/at least 8 characters/));
    expect(await testDb.database.db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('create-admin refuses an address that is not an email', async () => {
    process.env.STEADFAST_ADMIN_PASSWORD = 'a long and quiet river';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await cli('create-admin', '--email', 'not-an-email');
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/email address like/));
  });

  it('seed-demo writes a couple and a solo person whose check-ins the app can open', async () => {
    await cli('seed-demo', '--weeks', '2');
    expect(process.exitCode ?? 0).toBe(0);
    const deps = await boot(testConfig(testDb.dataDir, env), { database: testDb.database });
    const { app } = await buildApp(deps, { logger: false });
    const alex = new TestClient(app);
    expect(
      (
        await alex.post('/api/auth/signin', {
          email: 'alex@demo.steadfast.invalid',
          password: DEMO_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
    const page = (await alex.get('/api/checkins?limit=50')).json<{
      items: { mine: boolean; feelings: unknown[] }[];
    }>();
    expect(page.items.length).toBeGreaterThan(5);
    expect(page.items.some((i) => !i.mine)).toBe(true); // Sam shared some
    const journey = (await alex.get('/api/journey')).json<{
      journey: { partner: { displayName: string } };
    }>();
    expect(journey.journey.partner.displayName).toBe('Sam');
    await app.close();
  });

  it('crisis-resources set replaces the lines people see, refuses a bad file, and reset restores them', async () => {
    await cli('migrate');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-crisis-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(
      good,
      JSON.stringify({
        verifiedOn: '2026-11-20',
        source: 'Our practice, checked by phone',
        countries: [
          {
            code: 'NZ',
            name: 'New Zealand',
            emergency: { name: 'Emergency services', number: '111', href: 'tel:111' },
            lines: [
              {
                name: 'Need to talk?',
                kind: 'crisis',
                number: '1737',
                text: 'Call or text 1737',
                href: 'tel:1737',
              },
            ],
          },
        ],
      }),
    );
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ verifiedOn: 'yesterday', countries: [] }));

    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await cli('crisis-resources', 'set', '--file', bad);
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/was not saved[\s\S]*verifiedOn/));
    process.exitCode = 0;

    await cli('crisis-resources', 'set', '--file', good);
    expect(process.exitCode ?? 0).toBe(0);
    const deps = await boot(testConfig(testDb.dataDir, env), { database: testDb.database });
    const { app } = await buildApp(deps, { logger: false });
    const api = await app.inject({ method: 'GET', url: '/api/crisis' });
    expect(api.json<{ countries: { code: string }[] }>().countries.map((c) => c.code)).toEqual([
      'NZ',
    ]);
    const page = await app.inject({ method: 'GET', url: '/help?country=NZ' });
    expect(page.body).toContain('1737');

    await cli('crisis-resources', 'reset');
    const after = await app.inject({ method: 'GET', url: '/api/crisis' });
    expect(after.json<{ countries: { code: string }[] }>().countries.map((c) => c.code)).toContain(
      'GB',
    );
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
