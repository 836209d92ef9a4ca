import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeMember, TestClient, type TestApp } from '../test-support/harness.js';
import { CSRF_HEADER } from './access.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const setup = await new TestClient(t.app).post('/api/setup', {
    email: 'admin@practice.example',
    password: 'a long and quiet river',
    displayName: 'Admin',
  });
  expect(setup.statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('security headers', () => {
  it('sends a strict CSP, nosniff, no-referrer and no framing on pages and API', async () => {
    for (const url of ['/', '/help', '/api/health']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS and a __Host- cookie when served over HTTPS', async () => {
    const secure = await createTestApp({ config: { PUBLIC_ORIGIN: 'https://steadfast.example' } });
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      const signup = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        headers: { [CSRF_HEADER]: '1', origin: 'https://steadfast.example' },
        payload: {
          email: 'robin@example.org',
          password: 'a long and quiet river',
          displayName: 'Robin',
        },
      });
      expect(String(signup.headers['set-cookie'])).toMatch(/^__Host-sf_session=.*; Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('caching', () => {
  it('tells browsers and proxies to keep no API answer', async () => {
    const alex = await makeMember(t.app);
    for (const res of [
      await alex.client.get('/api/journey'),
      await alex.client.post('/api/journey', {
        path: 'together',
        role: 'hurt',
        kinds: ['lying'],
        cameToLight: 'this_week',
      }),
      await alex.client.post('/api/journey/invites', {}),
      await alex.client.get('/api/nothing-here'),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('problem details', () => {
  it('answers an unknown API route with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'There is nothing at this address.',
    });
  });

  it('answers an unknown page with a readable 404 page', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/no/such/page',
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.body).toContain('href="/help"');
  });

  it('answers malformed JSON with a 400 problem and a human message', async () => {
    const alex = await makeMember(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/checkins',
      headers: {
        [CSRF_HEADER]: '1',
        cookie: alex.client.cookie ?? '',
        'content-type': 'application/json',
      },
      payload: '{"feelings": [',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'request.malformed_json',
      detail: 'The request body is not valid JSON.',
    });
  });

  it('answers an oversized body with 413', async () => {
    const alex = await makeMember(t.app);
    const res = await alex.client.post('/api/checkins', {
      feelings: [{ feeling: 'hurt', intensity: 1 }],
      note: 'x'.repeat(70_000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
  });
});

describe('public pages and API docs', () => {
  it('serves every Learn page as HTML that needs no script but Quick exit, with the crisis link and Quick exit in the header', async () => {
    for (const url of [
      '/',
      '/learn',
      '/learn/kinds-of-betrayal',
      '/learn/impact',
      '/learn/mental-health',
      '/learn/how-repair-works',
      '/learn/questions',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      // The only script is Quick exit's own file; without it the link still leaves via /exit.
      expect(res.body.match(/<script[^>]*>/gi)).toEqual(['<script src="/quick-exit.js" defer>']);
      expect(res.body).toContain('<a class="help-now" href="/help"');
      expect(res.body).toMatch(/<a class="quick-exit" href="\/exit" data-quick-exit/);
      expect(res.body).toMatch(/<h1>[^<]+<\/h1>/);
    }
  });

  it('shows crisis lines for the chosen country first, and all countries without a choice', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/help' });
    expect(all.body).toContain('tel:988');
    expect(all.body).toContain('tel:116123');
    expect(all.body).toContain('your local emergency number');
    const uk = await t.app.inject({ method: 'GET', url: '/help?country=gb' });
    const ukAt = uk.body.indexOf('id="country-GB"');
    expect(ukAt).toBeGreaterThan(-1);
    expect(ukAt).toBeLessThan(uk.body.indexOf('id="country-US"'));
    expect(uk.body).toMatch(/<option value="GB"\s+selected>/);
  });

  it('publishes OpenAPI with every API route and its access policy', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { 'x-access'?: string }>>;
    }>();
    expect(doc.paths['/api/checkins']?.post?.['x-access']).toBe('member');
    expect(doc.paths['/api/auth/signin']?.post?.['x-access']).toBe('public');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.body).toContain('/api/checkins/{id}/visibility');
  });

  it('reports database reachability on /api/health', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      status: 'ok',
      database: 'up',
    });
  });
});

describe('quick exit', () => {
  it('sends /exit on to the configured neutral site, uncached and without a referrer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/exit' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('https://www.bbc.co.uk/weather');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
