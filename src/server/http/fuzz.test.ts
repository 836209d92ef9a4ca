import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeCouple, writeCheckin, type TestApp } from '../test-support/harness.js';
import { CSRF_HEADER } from './access.js';

const TABLES = [
  'users',
  'sessions',
  'rate_limits',
  'journeys',
  'journey_members',
  'invites',
  'checkins',
  'letters',
  'letter_answers',
  'timeouts',
  'agreement_versions',
  'commitments',
  'commitment_logs',
  'screen_results',
  'screen_dismissals',
  'program_events',
  'mail_outbox',
  'settings',
  'practice_settings',
];

let t: TestApp;
let cookie: string;
let checkinId: string;
/** Real ids for the letter and time-out routes, so their ":id" placeholder reaches the handler. */
let letterId: string;
let timeoutId: string;
/** A real screen result, and a real instrument for the questionnaire and screen routes. */
let screenId: string;
const instrumentId = 'phq9';
/** A real agreement, commitment and entry, for the agreement and commitment routes. */
let agreementId: string;
let commitmentId: string;
let commitmentLogId: string;
/** A real step, so the program routes' ":stepId" reaches the handler. */
const stepId = 'responsibility';

/** A fingerprint of everything stored, to prove a refused request changed nothing. */
async function digest(): Promise<string> {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      t.deps.database.db,
    );
    const lines = rows.rows
      .map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))
      .sort();
    hash.update(`${table}:${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  t = await createTestApp();
  const { a, b } = await makeCouple(t.app);
  checkinId = (await writeCheckin(a, 'fuzz target')).id;
  await a.client.post('/api/journey/invites', {});
  letterId = (await a.client.post('/api/letters', { kind: 'impact', text: 'fuzz letter' })).json<{
    versions: { id: string }[];
  }>().versions[0]!.id;
  timeoutId = (await a.client.post('/api/timeouts', { minutes: 60 })).json<{ id: string }>().id;
  screenId = (
    await a.client.post('/api/screens/phq9', {
      answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9.${n}`, 1])),
    })
  ).json<{ id: string }>().id;
  agreementId = (
    await a.client.post('/api/agreements', { text: 'fuzz agreement', category: 'other' })
  ).json<{ id: string }>().id;
  await b.client.post(`/api/agreements/${agreementId}/answers`, { answer: 'accept', expected: 1 });
  commitmentId = (
    await a.client.post(`/api/agreements/${agreementId}/commitments`, { rhythm: 'daily' })
  ).json<{ id: string }>().id;
  commitmentLogId = (await a.client.post(`/api/commitments/${commitmentId}/logs`)).json<{
    logs: { id: string }[];
  }>().logs[0]!.id;
  cookie = a.client.cookie ?? '';
});
afterAll(async () => {
  await t.close();
});

interface RouteSchemas {
  body?: ZodType;
  params?: ZodType;
  querystring?: ZodType;
}

const junkText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '%00',
    '../..',
    "' or 1=1 --",
    '\u0000',
    'null',
    '{}',
    '[]',
    'A'.repeat(43),
  ),
);
const junkValue = fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), junkText);

const input = fc.record({
  body: fc.option(junkValue, { nil: undefined }),
  rawBody: fc.option(junkText, { nil: undefined }),
  param: fc.oneof(junkText, fc.uuid(), fc.constant('placeholder')),
  query: fc.dictionary(
    fc.constantFrom('cursor', 'limit', 'x', 'country', 'instrument', 'days', 'lens'),
    junkText,
    {
      maxKeys: 3,
    },
  ),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-8',
    '',
  ),
  badCookie: fc.boolean(),
});

describe('malformed input, on every API route', () => {
  it('never gets a 5xx and never changes stored data', async () => {
    const routes = t.routes.filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.includes('signout'),
    );
    expect(routes.length).toBeGreaterThan(10);
    const before = await digest();

    for (const route of routes) {
      const method = String(route.method) as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const schemas = (route.schema ?? {}) as RouteSchemas;
      await fc.assert(
        fc.asyncProperty(input, async (i) => {
          const param =
            i.param !== 'placeholder'
              ? i.param
              : route.url.startsWith('/api/letters')
                ? letterId
                : route.url.startsWith('/api/timeouts')
                  ? timeoutId
                  : route.url.startsWith('/api/screens/results')
                    ? screenId
                    : /^\/api\/(screens|instruments)\//.test(route.url)
                      ? instrumentId
                      : route.url.startsWith('/api/program')
                        ? stepId
                        : route.url.startsWith('/api/agreements')
                          ? agreementId
                          : route.url.startsWith('/api/commitments')
                            ? commitmentId
                            : route.url.startsWith('/api/commitment-logs')
                              ? commitmentLogId
                              : checkinId;
          const url = route.url.replace(/:(?:id|stepId)(?=\/|$)/, encodeURIComponent(param));
          const payload = i.rawBody ?? (i.body === undefined ? undefined : JSON.stringify(i.body));
          const parsedBody = i.rawBody === undefined ? i.body : undefined;
          // Only malformed requests: at least one part must fail its schema (or the JSON must be broken).
          const bodyValid =
            !schemas.body ||
            (i.rawBody === undefined && schemas.body.safeParse(parsedBody ?? null).success);
          const paramKey = route.url.includes(':stepId') ? 'stepId' : 'id';
          const paramsValid =
            !schemas.params || schemas.params.safeParse({ [paramKey]: param }).success;
          const queryValid = !schemas.querystring || schemas.querystring.safeParse(i.query).success;
          fc.pre(!(bodyValid && paramsValid && queryValid) || method === 'GET');

          const res = await t.app.inject({
            method,
            url,
            query: i.query,
            headers: {
              [CSRF_HEADER]: '1',
              cookie: i.badCookie ? `sf_session=${i.param}` : cookie,
              ...(i.contentType ? { 'content-type': i.contentType } : {}),
            },
            ...(payload === undefined || method === 'GET' ? {} : { payload }),
          });
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400)
            expect(res.headers['content-type']).toContain('application/problem+json');
        }),
        { numRuns: 40, seed: 20261125 },
      );
    }
    expect(await digest()).toBe(before);
  });
});
