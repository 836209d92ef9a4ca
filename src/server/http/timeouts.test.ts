import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, serverTimeouts, type ServerTimeouts } from '../app.js';
import { boot } from '../boot.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../test-support/harness.js';

/** Short timeouts so a test sees them act; the idle timeout stays long so it cannot be the cause. */
const short: Partial<ServerTimeouts> = {
  headersMs: 400,
  requestMs: 800,
  keepAliveMs: 300,
  idleMs: 60_000,
  checkEveryMs: 100,
};
/** Far beyond every short timeout above, far below the defaults this fix replaced (60 s and more). */
const UPPER_BOUND_MS = 8_000;

let app: FastifyInstance | undefined;
let testDb: TestDatabase | undefined;
afterEach(async () => {
  await app?.close();
  await testDb?.drop();
  app = undefined;
  testDb = undefined;
});

async function listen(timeouts?: Partial<ServerTimeouts>): Promise<number> {
  testDb = await createTestDatabase();
  const deps = await boot(testConfig(testDb.dataDir), { database: testDb.database });
  app = (await buildApp(deps, { logger: false, ...(timeouts ? { timeouts } : {}) })).app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/**
 * Opens a raw connection, writes `first`, then one byte of `trickle` every 50 ms (so it is never
 * silent), and resolves with what the server answered once the server closes it.
 */
function trickle(port: number, first: string, trickleByte?: string) {
  return new Promise<{ closed: boolean; answer: string }>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    const bound = setTimeout(() => finish(false), UPPER_BOUND_MS);
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(bound);
      socket.destroy();
      resolve({ closed, answer });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      socket.write(first);
      if (trickleByte) timer = setInterval(() => socket.write(trickleByte), 50);
    });
  });
}

describe('slow and idle connections', () => {
  it('closes a connection that sends its headers a byte at a time', async () => {
    const port = await listen(short);
    const result = await trickle(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ', 'a');
    expect(result.closed).toBe(true);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a request whose body trickles in', async () => {
    const port = await listen(short);
    const result = await trickle(
      port,
      'POST /api/auth/signin HTTP/1.1\r\nHost: x\r\nX-Steadfast-CSRF: 1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n',
      ' ',
    );
    expect(result.closed).toBe(true);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    const port = await listen(short);
    const result = await trickle(
      port,
      'GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n',
    );
    expect(result.closed).toBe(true);
    expect(result.answer).toMatch(/^HTTP\/1\.1 200/);
  });

  it('serves with bounded timeouts by default', async () => {
    await listen();
    expect(app?.server.headersTimeout).toBe(serverTimeouts.headersMs);
    expect(app?.server.requestTimeout).toBe(serverTimeouts.requestMs);
    expect(app?.server.keepAliveTimeout).toBe(serverTimeouts.keepAliveMs);
    expect(app?.server.timeout).toBe(serverTimeouts.idleMs);
    expect(serverTimeouts.headersMs).toBeLessThanOrEqual(20_000);
    expect(serverTimeouts.requestMs).toBeLessThanOrEqual(30_000);
    expect(serverTimeouts.keepAliveMs).toBeLessThanOrEqual(10_000);
  });
});
