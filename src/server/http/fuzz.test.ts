import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { z, type ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  makeCouple,
  PASSWORD,
  TestClient,
  uniqueEmail,
  writeCheckin,
  type TestApp,
} from '../test-support/harness.js';
import { makeTherapist } from '../test-support/practice.js';
import { t as message } from '../../shared/i18n/messages.js';
import { CSRF_HEADER, policyOf } from './access.js';
import { enrollTotp } from '../test-support/two-factor.js';
import { closenessKindIds } from '../../core/intimacy/kinds.js';

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
  'therapist_links',
  'link_consents',
  'therapist_link_codes',
  'therapist_alerts',
  // Not the audit log: a therapist's read appends to it however odd the request around it (it is
  // append-only, and checked by its own tests and `steadfast audit verify`).
  'intake_requests',
  'therapist_profiles',
  'practice_groups',
  'therapist_invites',
  'totp_factors',
  'recovery_codes',
  'activities',
  'activity_done',
  'closeness_rounds',
  'closeness_marks',
  'prompt_answers',
  'appreciations',
  'questions',
  'question_answers',
  'question_openness',
  'meeting_schedules',
  'meetings',
  'meeting_items',
  'meeting_notes',
  'calendar_feeds',
  'forgiveness_entries',
  'forgiveness_reflections',
  'forgiveness_sharing',
];

let t: TestApp;
let cookie: string;
/** The administrator's: their routes refuse a member before looking at what was sent. */
let adminCookie: string;
/** A therapist's: the therapist routes reach their handler with it. */
let therapistCookie: string;
/** A real intake request, for the inbox routes. */
let intakeId: string;
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
/** A real shared activity (planned), for the activity routes. */
let activityId: string;
/** A real meeting preparation item, for the meeting item routes. */
let meetingItemId: string;
/** A real step, so the program routes' ":stepId" reaches the handler. */
const stepId = 'responsibility';
/** A real prompt of the decks and a real appreciation note (step 5). */
const promptId = 'know-again.01';
let appreciationId: string;
/** A real question of Alex's and Sam's answer to it, for the questions routes. */
let questionId: string;
let questionAnswerId: string;

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
  activityId = (await a.client.post('/api/activities', { title: 'fuzz activity' })).json<{
    id: string;
  }>().id;
  await a.client.put(`/api/activities/${activityId}/plan`, { date: '2026-12-12' });
  // Closeness: both have marked a round, so the reads open real marks.
  for (const who of [a, b]) {
    await who.client.put('/api/closeness/mine', {
      marks: Object.fromEntries(closenessKindIds.map((id) => [id, 'ready'])),
    });
  }
  appreciationId = (await a.client.post('/api/appreciations', { text: 'fuzz thanks' })).json<{
    id: string;
  }>().id;
  await a.client.put(`/api/prompts/${promptId}/answer`, { text: 'fuzz answer' });
  await a.client.put('/api/questions/openness', {
    mode: 'now',
    forMinutes: null,
    timeZone: 'UTC',
    slots: [],
    paused: false,
  });
  questionId = (await a.client.post('/api/questions', { text: 'fuzz question' })).json<{
    id: string;
  }>().id;
  questionAnswerId = (
    await b.client.post(`/api/questions/${questionId}/answers`, { text: 'fuzz answer' })
  ).json<{ answers: { id: string }[] }>().answers[0]!.id;
  await a.client.put('/api/meetings/schedule', {
    weekday: 4,
    time: '19:30',
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
  });
  meetingItemId = (
    await a.client.post('/api/meetings/items', { part: 'worry', text: 'fuzz item', bring: true })
  ).json<{ id: string }>().id;
  await a.client.post('/api/meetings/feed');
  cookie = a.client.cookie ?? '';
  const admin = new TestClient(t.app);
  await admin.post('/api/setup', {
    email: uniqueEmail('admin'),
    password: PASSWORD,
    displayName: 'Admin',
  });
  // Administrators need two-factor sign-in before their routes answer them at all.
  await enrollTotp(admin, t.clock);
  adminCookie = admin.cookie ?? '';
  const therapist = (await makeTherapist(t.app, t.deps)).client;
  therapistCookie = therapist.cookie ?? '';
  // A therapist's directory profile is made the first time it is read: read it now, so that the
  // fuzzed reads find it there and write nothing.
  await therapist.get('/api/directory/profile');
  await admin.get('/api/directory/profiles');
  await new TestClient(t.app, '10.3.0.1').post('/api/intake', {
    lookingFor: 'group',
    contactMethod: 'text',
    contactDetail: '+1 555 0100 300',
    safeToLeaveMessage: true,
    name: 'Fuzz',
  });
  intakeId = (
    await t.deps.database.db.selectFrom('intake_requests').select('id').executeTakeFirstOrThrow()
  ).id;
});

/** The cookie of someone the route admits, so a request reaches its validation. */
const cookieFor = (config: unknown): string =>
  policyOf(config) === 'admin'
    ? adminCookie
    : policyOf(config) === 'therapist'
      ? therapistCookie
      : cookie;
afterAll(async () => {
  await t.close();
});

/** A real id for the route's ":id" or ":stepId", so a request reaches its handler. */
const realParamBefore = (url: string): string =>
  url.startsWith('/api/intake') || url.startsWith('/api/therapist/intake')
    ? intakeId
    : url.startsWith('/api/letters')
      ? letterId
      : url.startsWith('/api/timeouts')
        ? timeoutId
        : url.startsWith('/api/screens/results')
          ? screenId
          : /^\/api\/(screens|instruments)\//.test(url)
            ? instrumentId
            : url.startsWith('/api/program')
              ? stepId
              : url.startsWith('/api/agreements')
                ? agreementId
                : url.startsWith('/api/commitments')
                  ? commitmentId
                  : url.startsWith('/api/commitment-logs')
                    ? commitmentLogId
                    : url.startsWith('/api/activities')
                      ? activityId
                      : checkinId;

/** Step 5's routes take a prompt of the decks or an appreciation note; the others as above. */
const realParam = (url: string): string =>
  url.startsWith('/api/prompts')
    ? promptId
    : url.startsWith('/api/appreciations')
      ? appreciationId
      : url.startsWith('/api/questions')
        ? questionId
        : url.startsWith('/api/question-answers')
          ? questionAnswerId
          : url.startsWith('/api/meetings/items')
            ? meetingItemId
            : realParamBefore(url);

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
/** Characters no database keeps as sent; only in bodies, since a URL cannot carry half a surrogate pair. */
const brokenUnit = fc.constantFrom('a', 'é', '\u0000', '\uD800', '\uDFFF', '😀'.slice(0, 1));
const brokenText = fc.string({ unit: brokenUnit, minLength: 1, maxLength: 6 });
const junkValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.anything({ maxDepth: 3, stringUnit: brokenUnit }),
  fc.jsonValue({ maxDepth: 3 }),
  junkText,
  brokenText,
);

const input = fc.record({
  body: fc.option(junkValue, { nil: undefined }),
  rawBody: fc.option(fc.oneof(junkText, brokenText), { nil: undefined }),
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
      // A change that takes no input at all (making a link code) has nothing to send malformed.
      if (method !== 'GET' && !schemas.body && !schemas.params && !schemas.querystring) continue;
      await fc.assert(
        fc.asyncProperty(input, async (i) => {
          const param = i.param !== 'placeholder' ? i.param : realParam(route.url);
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
              cookie: i.badCookie
                ? `sf_session=${i.param}`
                : policyOf(route.config) === 'therapist'
                  ? therapistCookie
                  : cookie,
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
    // Every route × 40 requests: more than the default 30 s on a busy machine.
  }, 120_000);
});

type Part = 'body' | 'query' | 'param';
interface Slot {
  part: Part;
  path: (string | number)[];
}
interface JsonNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonNode>;
  additionalProperties?: JsonNode | boolean;
  items?: JsonNode;
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  allOf?: JsonNode[];
}

/** Every place a request part takes a string (a value, or a key of a record), from its JSON Schema. */
function stringSlots(node: JsonNode, part: Part, path: (string | number)[], out: Slot[]): Slot[] {
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
    stringSlots(branch, part, path, out);
  }
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('string') || typeof node.const === 'string' || node.enum) {
    out.push({ part, path });
  }
  if (types.includes('object')) {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      stringSlots(child, part, [...path, key], out);
    }
    if (typeof node.additionalProperties === 'object') out.push({ part, path: [...path, '\0key'] });
  }
  if (types.includes('array') && node.items) stringSlots(node.items, part, [...path, 0], out);
  return out;
}

const jsonOf = (schema: ZodType): JsonNode =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;

/** Text with one character no database keeps as sent: NUL, or half of a surrogate pair. */
const unsafeText = fc
  .tuple(
    fc.string({ maxLength: 4 }),
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '😀'.slice(0, 1)),
    fc.string({ maxLength: 4 }),
  )
  .map((parts) => parts.join(''));

/** Puts `value` at `path` (a '\0key' step becomes the unsafe key itself). */
function place(target: Record<string, unknown>, path: (string | number)[], value: string): string {
  let at: Record<string | number, unknown> = target;
  const names: (string | number)[] = [];
  path.forEach((step, i) => {
    const last = i === path.length - 1;
    const key = step === '\0key' ? value : step;
    names.push(key);
    if (last) at[key] = step === '\0key' ? 'x' : value;
    else {
      const nextIsIndex = typeof path[i + 1] === 'number';
      at[key] ??= nextIsIndex ? [] : {};
      at = at[key] as Record<string | number, unknown>;
    }
  });
  return names.join('.');
}

describe('NUL and half an emoji, in every string field of every API route', () => {
  it('are refused with a 400 naming each field, before anything is stored', async () => {
    const routes = t.routes.filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.includes('signout'),
    );
    const textMessages = [message('text.nul'), message('text.loneSurrogate')];
    const before = await digest();
    let checked = 0;

    for (const route of routes) {
      const method = String(route.method) as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const schemas = (route.schema ?? {}) as RouteSchemas;
      const slots: Slot[] = [
        ...(schemas.body && method !== 'GET'
          ? stringSlots(jsonOf(schemas.body), 'body', [], [])
          : []),
        ...(schemas.querystring ? stringSlots(jsonOf(schemas.querystring), 'query', [], []) : []),
        ...(/:(id|stepId)(?=\/|$)/.test(route.url) ? [{ part: 'param' as const, path: [] }] : []),
      ];
      if (slots.length === 0) continue;
      checked++;
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.nat(slots.length - 1), { minLength: 1, maxLength: 3 }),
          fc.array(unsafeText, { minLength: 3, maxLength: 3 }),
          async (picked, texts) => {
            const body: Record<string, unknown> = {};
            const query: Record<string, unknown> = {};
            let param = realParam(route.url);
            const fields = new Set<string>();
            picked.forEach((n, i) => {
              const slot = slots[n]!;
              // A URL carries UTF-8, where half a surrogate pair cannot be written: NUL there.
              const text =
                slot.part === 'body' || texts[i]!.includes('\u0000')
                  ? texts[i]!
                  : `${texts[i]!.replace(/[\uD800-\uDFFF]/g, '')}\u0000`;
              if (slot.part === 'param') {
                param = text;
                fields.add(route.url.includes(':stepId') ? 'stepId' : 'id');
              } else fields.add(place(slot.part === 'body' ? body : query, slot.path, text));
            });
            const url = route.url.replace(/:(?:id|stepId)(?=\/|$)/, encodeURIComponent(param));
            const res = await t.app.inject({
              method,
              url,
              query: query as Record<string, string>,
              headers: {
                [CSRF_HEADER]: '1',
                cookie: cookieFor(route.config),
                'content-type': 'application/json',
              },
              ...(method === 'GET' ? {} : { payload: JSON.stringify(body) }),
            });
            expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
            const problem = res.json<{ errors?: { field: string; message: string }[] }>();
            const refused = new Set(
              (problem.errors ?? [])
                .filter((e) => textMessages.includes(e.message))
                .map((e) => e.field),
            );
            // Only one request part is validated at a time, so at least one field of it is named.
            expect(
              [...fields].some((f) => refused.has(f)),
              `${method} ${url}: ${res.body}`,
            ).toBe(true);
          },
        ),
        { numRuns: 15, seed: 20261206 },
      );
    }
    expect(checked).toBeGreaterThan(15);
    expect(await digest()).toBe(before);
  });
});

// Step 7: something of every forgiveness table, so a malformed request that changed it would show.
beforeAll(async () => {
  const alex = { cookie, [CSRF_HEADER]: '1' };
  const answers = Object.fromEntries(
    ['avoidance.1', 'avoidance.2', 'avoidance.3', 'avoidance.4']
      .concat(['resentment.1', 'resentment.2', 'resentment.3', 'resentment.4'])
      .concat(['goodwill.1', 'goodwill.2', 'goodwill.3'])
      .map((id) => [id, 4]),
  );
  const writes = [
    { method: 'POST', url: '/api/forgiveness/entries', payload: { answers, note: 'fuzz note' } },
    { method: 'POST', url: '/api/forgiveness/reflections', payload: { text: 'fuzz reflection' } },
    { method: 'PUT', url: '/api/forgiveness/sharing', payload: { shared: true } },
  ] as const;
  for (const w of writes) {
    const res = await t.app.inject({ ...w, headers: alex });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
});
