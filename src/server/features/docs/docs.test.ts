import { describe, expect, it } from 'vitest';
import { policyOf } from '../../http/access.js';
import { CSRF_SCHEME, SESSION_SCHEME, type OpenApiDocument } from '../../http/openapi.js';
import { problemTypes } from '../../problems.js';
import { createTestApp, TestClient, useTestApp } from '../../test-support/harness.js';

const t = useTestApp();

const documentOf = async (app = t.app) =>
  (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, op })),
  );

const SAFE = new Set(['get', 'head', 'options']);

describe('the OpenAPI document', () => {
  it('documents every error as problem details, with the shared Problem schema', async () => {
    const doc = await documentOf();
    const wrong: string[] = [];
    let errors = 0;
    for (const { method, path, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!/^4\d\d$/.test(status)) continue;
        errors++;
        const content = response.content ?? {};
        const schema = (content['application/problem+json'] as { schema?: unknown } | undefined)
          ?.schema;
        if (
          Object.keys(content).join() !== 'application/problem+json' ||
          JSON.stringify(schema) !== JSON.stringify({ $ref: '#/components/schemas/Problem' })
        )
          wrong.push(`${method} ${path} ${status}`);
      }
    }
    expect(errors).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
    expect(doc.components?.schemas?.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    });
  });

  it('documents 401 and the session cookie on every signed-in route, 403 and the CSRF header on every change', async () => {
    const doc = await documentOf();
    const signedInRoutes = t.routes
      .filter((r) => r.url.startsWith('/api/') && policyOf(r.config) !== 'public')
      .filter((r) => !r.schema?.hide)
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]))
      .filter((m) => m !== 'HEAD');
    const missing: string[] = [];
    let signedIn = 0;
    for (const { method, path, op } of operations(doc)) {
      const requirement = op.security?.[0] ?? {};
      if (op['x-access'] !== 'public') {
        signedIn++;
        if (!op.responses?.['401']) missing.push(`${method} ${path}: 401`);
        if (!(SESSION_SCHEME in requirement)) missing.push(`${method} ${path}: session`);
      } else if (SESSION_SCHEME in requirement) {
        missing.push(`${method} ${path}: public but asks for a session`);
      }
      if (!SAFE.has(method)) {
        if (!op.responses?.['403']) missing.push(`${method} ${path}: 403`);
        if (!(CSRF_SCHEME in requirement)) missing.push(`${method} ${path}: csrf`);
      }
    }
    expect(signedIn).toBe(signedInRoutes.length);
    expect(missing).toEqual([]);
  });

  it('gives every operation a unique operationId', async () => {
    const ids = operations(await documentOf()).map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('deleteCheckinsById');
  });

  it('declares the session cookie by the name the server sets, and the CSRF header', async () => {
    const plain = (await documentOf()).components?.securitySchemes;
    expect(plain).toEqual({
      [SESSION_SCHEME]: expect.objectContaining({
        type: 'apiKey',
        in: 'cookie',
        name: 'sf_session',
      }),
      [CSRF_SCHEME]: expect.objectContaining({
        type: 'apiKey',
        in: 'header',
        name: 'X-Steadfast-CSRF',
      }),
    });
    const https = await createTestApp({ config: { PUBLIC_ORIGIN: 'https://steadfast.test' } });
    try {
      const secure = (await documentOf(https.app)).components?.securitySchemes;
      expect(secure?.[SESSION_SCHEME]).toMatchObject({ name: '__Host-sf_session' });
      const signin = await new TestClient(https.app).post('/api/auth/signin', {
        email: 'nobody@example.org',
        password: 'not a password at all',
      });
      expect(signin.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await https.close();
    }
  });
});

describe('problem type pages', () => {
  it('every problem type the server can send leads to a short page', async () => {
    const codes = Object.keys(problemTypes);
    expect(codes).toEqual(
      expect.arrayContaining(['auth.unauthenticated', 'request.invalid', 'internal']),
    );
    for (const code of codes) {
      const res = await t.app.inject({ method: 'GET', url: `/problems/${code}` });
      expect({ code, status: res.statusCode }).toEqual({ code, status: 200 });
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain(`<h1>${problemTypes[code]!.title}</h1>`);
    }
  });

  it('the `type` of a real error answer resolves; an unknown one is a plain 404 page', async () => {
    const refused = await t.app.inject({ method: 'GET', url: '/api/journey' });
    expect(refused.statusCode).toBe(401);
    const page = await t.app.inject({ method: 'GET', url: refused.json<{ type: string }>().type });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Please sign in');

    const invalid = await new TestClient(t.app).post('/api/auth/signin', { email: 'no' });
    const invalidPage = await t.app.inject({
      method: 'GET',
      url: invalid.json<{ type: string }>().type,
    });
    expect(invalidPage.statusCode).toBe(200);

    const unknown = await t.app.inject({ method: 'GET', url: '/problems/no.such_thing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
  });
});
