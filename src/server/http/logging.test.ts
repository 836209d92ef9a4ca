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
