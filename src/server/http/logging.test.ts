import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, redactPaths } from '../app.js';
import { boot } from '../boot.js';
import {
  createTestDatabase,
  makeCouple,
  PASSWORD,
  testConfig,
  writeCheckin,
  type TestDatabase,
} from '../test-support/harness.js';
import { enrollTotp } from '../test-support/two-factor.js';

let testDb: TestDatabase;
const lines: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>['app'];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const deps = await boot(testConfig(testDb.dataDir), { database: testDb.database });
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  ({ app } = await buildApp(deps, { logger: { level: 'trace', redact: redactPaths, stream } }));
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

describe('logs', () => {
  it('never contain passwords, session cookies, emails or what people wrote', async () => {
    const { a } = await makeCouple(app);
    await writeCheckin(a, 'words-that-must-not-be-logged');
    await a.client.post('/api/auth/signin', { email: a.email, password: PASSWORD });
    const { secret, recoveryCodes } = await enrollTotp(a.client, () => Date.now());
    const log = lines.join('');
    expect(log).not.toContain(secret);
    for (const code of recoveryCodes) expect(log).not.toContain(code);
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('"url":"/api/checkins"');
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain('words-that-must-not-be-logged');
    expect(log).not.toContain(a.email);
    expect(log).not.toContain(a.client.cookie?.split('=')[1] ?? 'no-cookie');
  });
});

describe('logs of a calendar feed', () => {
  it('never contain the secret address, nor what was prepared for a meeting', async () => {
    const { a } = await makeCouple(app);
    const meeting = { weekday: 4, time: '19:30', timeZone: 'Europe/Berlin', durationMinutes: 45 };
    expect((await a.client.put('/api/meetings/schedule', meeting)).statusCode).toBe(200);
    const prepared = { part: 'worry', text: 'prepared-words-not-to-log', bring: true };
    expect((await a.client.post('/api/meetings/items', prepared)).statusCode).toBe(201);
    const { url } = (await a.client.post('/api/meetings/feed')).json<{ url: string }>();
    const path = new URL(url).pathname;
    const token = path.split('/')[2]?.replace('.ics', '') ?? '';
    expect(token).toHaveLength(43);
    expect((await a.client.get(path)).statusCode).toBe(200);
    const log = lines.join('');
    expect(log).toContain('"url":"/api/meetings/feed"');
    expect(log).not.toContain(token);
    expect(log).not.toContain('prepared-words-not-to-log');
  });
});
