import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/harness.js';

let t: TestApp;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-web-'));

beforeAll(async () => {
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>shell</title>');
  fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(webDir, 'site.css'), 'body{}');
  t = await createTestApp({ config: { STEADFAST_WEB_DIR: webDir } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('serving the built client', () => {
  it('answers app routes with the shell, never cached', async () => {
    for (const url of ['/signin', '/signup', '/join', '/app', '/app/checkins/new', '/setup']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe('<!doctype html><title>shell</title>');
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves hashed assets for a year and other files for an hour, with their types', async () => {
    const js = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await t.app.inject({ method: 'GET', url: '/site.css' });
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toBe('public, max-age=3600');
    expect((await t.app.inject({ method: 'GET', url: '/index.html' })).statusCode).toBe(404);
  });
});
