import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, TestClient, type TestApp } from '../../test-support/harness.js';

let t: TestApp;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-web-'));
const script = `console.log(${JSON.stringify('a long enough script to be worth compressing '.repeat(40))});`;
const css = `body{margin:0}${'.card{padding:1rem;border:1px solid #ccc}'.repeat(30)}`;
const worker = "var CACHE = 'steadfast-offline-__STEADFAST_BUILD__';";

beforeAll(async () => {
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>shell</title>');
  fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), script);
  fs.writeFileSync(path.join(webDir, 'site.css'), css);
  fs.writeFileSync(path.join(webDir, 'sw.js'), worker);
  // The build step itself writes the .br and .gz files the server picks up.
  execFileSync(process.execPath, [path.resolve('scripts/compress-web.js'), webDir]);
  t = await createTestApp({ config: { STEADFAST_WEB_DIR: webDir } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

const decoded = (res: Awaited<ReturnType<typeof get>>) => {
  const body = res.rawPayload;
  switch (res.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(body).toString();
    case 'gzip':
      return zlib.gunzipSync(body).toString();
    default:
      return body.toString();
  }
};

describe('serving the built client', () => {
  it('answers app routes with the shell, never stored', async () => {
    for (const url of ['/signin', '/signup', '/join', '/app', '/app/checkins/new', '/setup']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe('<!doctype html><title>shell</title>');
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves hashed assets for a year and other files for an hour, with their types', async () => {
    const js = await get('/assets/app-abc123.js');
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const site = await get('/site.css');
    expect(site.headers['content-type']).toContain('text/css');
    expect(site.headers['cache-control']).toBe('public, max-age=3600');
    expect((await get('/index.html')).statusCode).toBe(404);
    expect((await get('/assets/app-abc123.js.br')).statusCode).toBe(404);
  });

  it('sends the build’s brotli, then gzip, then the file itself, as the client accepts', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=1.0, gzip;q=0.8', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['*', 'br'],
      ['deflate', undefined],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, encoding] of cases) {
      const res = await get('/assets/app-abc123.js', accept ? { 'accept-encoding': accept } : {});
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers.vary, accept).toBe('Accept-Encoding');
      expect(decoded(res), accept).toBe(script);
      if (encoding) expect(res.rawPayload.length).toBeLessThan(script.length / 4);
    }
    // The bytes are the build's own files, not made per request.
    const br = await get('/site.css', { 'accept-encoding': 'br' });
    expect(br.rawPayload.equals(fs.readFileSync(path.join(webDir, 'site.css.br')))).toBe(true);
  });

  it('answers 304 to a client that holds the same encoding, and the full file otherwise', async () => {
    const first = await get('/site.css', { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/site.css', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers.vary).toBe('Accept-Encoding');
    const weakListed = await get('/site.css', {
      'accept-encoding': 'gzip',
      'if-none-match': `"other", W/${etag}`,
    });
    expect(weakListed.statusCode).toBe(304);
    // Another encoding has other bytes, so another tag: the gzip tag does not stand for brotli.
    const otherEncoding = await get('/site.css', {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect(otherEncoding.statusCode).toBe(200);
    expect(otherEncoding.headers.etag).not.toBe(etag);
    expect(decoded(otherEncoding)).toBe(css);
    expect((await get('/site.css', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it('serves the offline worker with this build’s name for its cache, always revalidated', async () => {
    const res = await get('/sw.js');
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toMatch(/^var CACHE = 'steadfast-offline-[\w-]{12}';$/);
    expect(res.body).not.toContain('__STEADFAST_BUILD__');
  });
});

describe('server-rendered public pages', () => {
  it('are sent compressed, with an ETag and a 304 for a client that has them', async () => {
    const setup = await new TestClient(t.app).post('/api/setup', {
      email: 'admin@practice.example',
      password: PASSWORD,
      displayName: 'Admin',
    });
    expect(setup.statusCode).toBe(201);
    for (const url of ['/', '/learn', '/tools', '/tools/breathing', '/help', '/help?country=GB']) {
      const plain = await get(url);
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      for (const accept of ['br', 'gzip']) {
        const res = await get(url, { 'accept-encoding': accept });
        expect(res.headers['content-encoding'], url).toBe(accept);
        expect(res.headers.vary, url).toBe('Accept-Encoding');
        expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
        expect(decoded(res), url).toBe(plain.body);
        const cached = await get(url, {
          'accept-encoding': accept,
          'if-none-match': res.headers.etag as string,
        });
        expect(cached.statusCode, url).toBe(304);
      }
    }
    // The crisis page may be kept (offline) but is checked with the server every time.
    expect((await get('/help')).headers['cache-control']).toBe('no-cache');
    expect((await get('/tools')).headers['cache-control']).toBe('public, max-age=300');
  });
});
