import { generateSync } from 'otplib';
import { afterEach, beforeEach, expect } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { boot } from '../boot.js';
import { loadConfig, type Config } from '../config.js';
import { openPostgres, openSqlite, type Database } from '../db/connection.js';
import { SCHEMA_CHANGE_LOCK } from '../db/migrate.js';
import type { Deps } from '../deps.js';
import type { JourneyStartBody } from '../../shared/api/journeys.js';
import { CSRF_HEADER } from '../http/access.js';
import { TEST_POSTGRES_URL } from './postgres-global-setup.js';

export type TestDialect = 'sqlite' | 'postgres';
export const testDialect = (): TestDialect =>
  process.env.STEADFAST_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  readonly database: Database;
  readonly dataDir: string;
  /** SQLite: the database file. PostgreSQL: the schema holding this test's tables. */
  readonly sqliteFile?: string;
  readonly pgSchema?: string;
  /** Another connection to the same data (a second app instance). */
  reopen(): Database;
  drop(): Promise<void>;
}

/** A fresh, empty database of the dialect under test: a temp SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(
  dialect: TestDialect = testDialect(),
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-test-'));
  if (dialect === 'sqlite') {
    const sqliteFile = path.join(dataDir, 'steadfast.db');
    const database = openSqlite(sqliteFile);
    return {
      database,
      dataDir,
      sqliteFile,
      reopen: () => openSqlite(sqliteFile),
      async drop() {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pgSchema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${pgSchema}`);
  await admin.end();
  const open = () => openPostgres(TEST_POSTGRES_URL, { searchPath: pgSchema, max: 4 });
  const database = open();
  return {
    database,
    dataDir,
    pgSchema,
    reopen: open,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      // Not while another test's migration lists the schemas (see SCHEMA_CHANGE_LOCK).
      await c.query('select pg_advisory_lock($1)', [SCHEMA_CHANGE_LOCK]);
      await c.query(`drop schema ${pgSchema} cascade`);
      await c.query('select pg_advisory_unlock($1)', [SCHEMA_CHANGE_LOCK]);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A clock the test moves by hand, starting at a fixed date. */
export function testClock(start = Date.UTC(2026, 10, 1, 9, 0, 0)) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    advance(ms: number) {
      now += ms;
    },
  });
}
export type TestClock = ReturnType<typeof testClock>;

export const testConfig = (dataDir: string, overrides: Record<string, string> = {}): Config =>
  loadConfig({
    STEADFAST_DATA_DIR: dataDir,
    STEADFAST_MASTER_KEY: randomBytes(32).toString('base64'),
    PUBLIC_ORIGIN: 'http://steadfast.test',
    LOG_LEVEL: 'silent',
    ...overrides,
  });

/** Each test app's clock, so helpers given only the app can make a two-factor code for its time. */
const appClocks = new WeakMap<FastifyInstance, TestClock>();
export function clockOf(app: FastifyInstance): TestClock {
  const clock = appClocks.get(app);
  if (!clock) throw new Error('not a test app (made by createTestApp)');
  return clock;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly routes: Awaited<ReturnType<typeof buildApp>>['routes'];
  readonly deps: Deps;
  readonly clock: TestClock;
  readonly testDb: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { config?: Record<string, string>; testDb?: TestDatabase } = {},
): Promise<TestApp> {
  const testDb = options.testDb ?? (await createTestDatabase());
  const clock = testClock();
  const deps = await boot(testConfig(testDb.dataDir, options.config), {
    database: testDb.database,
    clock,
  });
  const { app, routes } = await buildApp(deps, { logger: false });
  appClocks.set(app, clock);
  return {
    app,
    routes,
    deps,
    clock,
    testDb,
    async close() {
      await app.close();
      if (!options.testDb) await testDb.drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps its session cookie and sends the CSRF header on state changes. */
export class TestClient {
  cookie: string | undefined;
  constructor(
    readonly app: FastifyInstance,
    readonly ip = '10.0.0.1',
  ) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(method === 'GET' ? {} : { [CSRF_HEADER]: '1' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const pair = c.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

/** The JSON body of a response with the expected status (the body shows when it is another). */
export async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
  status = 200,
) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/** A refusal as "status code", e.g. "409 letter.shared", to assert both in one line. */
export const codeOf = async (res: Promise<{ statusCode: number; json: () => unknown }>) => {
  const r = await res;
  return `${r.statusCode} ${(r.json() as { code?: string }).code ?? ''}`;
};

let counter = 0;
export const uniqueEmail = (prefix = 'person') =>
  `${prefix}-${process.pid}-${++counter}@example.org`;
export const PASSWORD = 'a long and quiet river';

export interface Member {
  readonly client: TestClient;
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export const allNoSafetyAnswers = {
  afraid: false,
  threatened: false,
  harmed: false,
  sexual: false,
  controlled: false,
} as const;

/**
 * A signed-up person. By default they have also taken the private safety check (all "no"), since
 * joint features wait for it; pass `{ safetyCheck: false }` for someone who has not.
 */
export async function makeMember(
  app: FastifyInstance,
  displayName = 'Alex',
  options: { safetyCheck?: boolean } = {},
): Promise<Member> {
  const client = new TestClient(app);
  const email = uniqueEmail(displayName.toLowerCase());
  const res = await client.post('/api/auth/signup', { email, password: PASSWORD, displayName });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  if (options.safetyCheck !== false) {
    const check = await client.post('/api/safety/check', { answers: allNoSafetyAnswers });
    if (check.statusCode !== 200) throw new Error(`safety check failed: ${check.body}`);
  }
  return { client, id: res.json<{ user: { id: string } }>().user.id, email, displayName };
}

export const journeyBody: JourneyStartBody = {
  path: 'together',
  role: 'hurt',
  kinds: ['emotional_infidelity', 'secrets'],
  cameToLight: 'months_1_6',
};

export async function makeJourney(member: Member, body: Partial<JourneyStartBody> = {}) {
  const res = await member.client.post('/api/journey', { ...journeyBody, ...body });
  if (res.statusCode !== 201) throw new Error(`journey failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>();
}

export const tokenOf = (url: string): string => url.split('#')[1] ?? '';

/** Two members of one together journey: A started it and invited B, who joined. */
export async function makeCouple(app: FastifyInstance) {
  const a = await makeMember(app, 'Alex');
  const b = await makeMember(app, 'Sam');
  const journey = await makeJourney(a);
  const invite = await a.client.post('/api/journey/invites', {});
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.body}`);
  const joined = await b.client.post('/api/invites/accept', {
    token: tokenOf(invite.json<{ url: string }>().url),
    // Said, not assumed: "rather not say" keeps every role's texts in view for the tests that read them.
    role: 'unsaid',
  });
  if (joined.statusCode !== 200) throw new Error(`join failed: ${joined.body}`);
  return { a, b, journeyId: journey.id };
}

export async function writeCheckin(
  member: Member,
  note = 'a quiet evening',
  feelings = [{ feeling: 'hurt', intensity: 6 }],
) {
  const res = await member.client.post('/api/checkins', { feelings, note });
  if (res.statusCode !== 201) throw new Error(`check-in failed: ${res.body}`);
  return res.json<{ id: string }>();
}

/**
 * A fresh app (and database) for each test in the calling file. The returned object is filled in
 * before each test, so tests use it like a plain TestApp.
 */
export function useTestApp(options: { config?: Record<string, string> } = {}): TestApp {
  const current = {} as TestApp;
  beforeEach(async () => {
    Object.assign(current, await createTestApp(options));
  });
  afterEach(async () => {
    await current.close();
  });
  return current;
}

/** The two-factor secrets of the staff accounts tests made (see two-factor.ts `readyStaff`), by email. */
export const staffSecrets = new Map<string, string>();

/**
 * Moves the test clock on; sessions end after 30 idle minutes, so each member signs in again (staff
 * with the code their authenticator would show then).
 */
export async function signInAgainLater(t: TestApp, ms: number, ...members: Member[]) {
  t.clock.advance(ms);
  for (const m of members) {
    const secret = staffSecrets.get(m.email);
    const code = secret ? generateSync({ secret, epoch: Math.floor(t.clock() / 1000) }) : undefined;
    const res = await m.client.post('/api/auth/signin', {
      email: m.email,
      password: PASSWORD,
      ...(code ? { code } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}
