import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { boot } from '../../boot.js';
import {
  createTestDatabase,
  makeMember,
  testConfig,
  testDialect,
  useTestApp,
  TestClient,
} from '../../test-support/harness.js';
import { publicPractice } from './practice.service.js';
import { setUpAdmin } from '../../test-support/two-factor.js';

const makeAdmin = async (app: FastifyInstance, clock: () => number): Promise<TestClient> =>
  (await setUpAdmin(app, clock)).client;

const defaultOf = async (client: TestClient) =>
  (await client.get('/api/crisis')).json<{ defaultCountry: string | null }>().defaultCountry;

/** Where a country's lines, the "anywhere else" advice and the explanatory words sit in /help. */
const positions = (body: string) => ({
  gb: body.indexOf('id="country-GB"'),
  ie: body.indexOf('id="country-IE"'),
  us: body.indexOf('id="country-US"'),
  anywhereElse: body.indexOf('id="anywhere-else"'),
  intro: body.indexOf('class="lede"'),
});

describe('the default crisis country', () => {
  const t = useTestApp();

  it('is "anywhere else" without a setting: /help starts with that advice, before any words', async () => {
    const anyone = new TestClient(t.app);
    expect(await defaultOf(anyone)).toBeNull();
    const page = positions((await anyone.get('/help')).body);
    expect(page.anywhereElse).toBeGreaterThan(-1);
    expect(page.anywhereElse).toBeLessThan(page.intro);
    expect(page.anywhereElse).toBeLessThan(page.us);
  });

  it('is set by the administrator, and someone with no country sees its lines first on /help', async () => {
    const admin = await makeAdmin(t.app, t.clock);
    expect((await admin.get('/api/practice/settings')).json()).toMatchObject({
      defaultCountry: null,
    });
    const saved = await admin.put('/api/practice/settings', { defaultCountry: 'GB' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ defaultCountry: 'GB' });

    const anyone = new TestClient(t.app);
    expect(await defaultOf(anyone)).toBe('GB');
    const robin = await makeMember(t.app, 'Robin');
    for (const client of [anyone, robin.client]) {
      const page = positions((await client.get('/help')).body);
      expect(page.gb).toBeGreaterThan(-1);
      expect(page.gb).toBeLessThan(page.intro);
      expect(page.gb).toBeLessThan(page.us);
    }
  });

  it('cannot be changed by a member, and an unknown country is refused', async () => {
    const admin = await makeAdmin(t.app, t.clock);
    const alex = await makeMember(t.app, 'Alex');
    expect(
      (await alex.client.put('/api/practice/settings', { defaultCountry: 'US' })).statusCode,
    ).toBe(403);
    expect((await alex.client.get('/api/practice/settings')).statusCode).toBe(403);
    expect(
      (await new TestClient(t.app).put('/api/practice/settings', { defaultCountry: 'US' }))
        .statusCode,
    ).toBe(401);

    const unknown = await admin.put('/api/practice/settings', { defaultCountry: 'NZ' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'crisis.country_unknown',
      detail:
        'We have no crisis lines for that country. Please pick one from the list, or "Anywhere else".',
    });
    const malformed = await admin.put('/api/practice/settings', { defaultCountry: 'gb1' });
    expect(malformed.statusCode).toBe(400);
    expect(await defaultOf(alex.client)).toBeNull();
  });
});

describe(`the practice's details (${testDialect()})`, () => {
  const t = useTestApp();

  it('start empty, in UTC, with intake open; the administrator sets them, and anyone reads the public part', async () => {
    const admin = await makeAdmin(t.app, t.clock);
    const anyone = new TestClient(t.app);
    const empty = {
      name: null,
      contactEmail: null,
      phone: null,
      address: null,
      timeZone: 'UTC',
      intakeOpen: true,
    };
    expect((await anyone.get('/api/practice')).json()).toEqual(empty);
    expect(await publicPractice(t.deps)).toEqual(empty);
    expect((await admin.get('/api/practice/settings')).json()).toEqual({
      defaultCountry: null,
      ...empty,
    });

    const details = {
      name: '  Harbour Counselling ',
      contactEmail: 'hello@harbour.example',
      phone: '+44 (0)20 7946 0000',
      address: '1 Quay Street\nBristol',
      timeZone: 'Europe/London',
      intakeOpen: false,
    };
    const saved = await admin.put('/api/practice/settings', details);
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = { ...details, name: 'Harbour Counselling' };
    expect(saved.json()).toEqual({ defaultCountry: null, ...expected });
    expect((await anyone.get('/api/practice')).json()).toEqual(expected);
    expect(await publicPractice(t.deps)).toEqual(expected);

    // Only what is sent changes; an empty answer clears a detail.
    const changed = await admin.put('/api/practice/settings', { phone: '', intakeOpen: true });
    expect(changed.json()).toEqual({
      defaultCountry: null,
      ...expected,
      phone: null,
      intakeOpen: true,
    });
    // The public part never carries the administrator's own settings.
    expect(Object.keys((await anyone.get('/api/practice')).json<object>())).not.toContain(
      'defaultCountry',
    );
  });

  it('refuses what cannot be right with a clear 400 naming the field, and changes nothing', async () => {
    const admin = await makeAdmin(t.app, t.clock);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', /time zone by its full name/],
      [{ timeZone: 'Europe/London; drop' }, 'timeZone', /time zone by its full name/],
      [{ contactEmail: 'not an email' }, 'contactEmail', /email address/],
      [{ name: 'x'.repeat(101) }, 'name', /100 characters or fewer/],
      [{ phone: 'call me maybe' }, 'phone', /digits/],
      [{ address: 'x'.repeat(301) }, 'address', /300 characters or fewer/],
      [{ intakeOpen: 'yes' }, 'intakeOpen', /./],
      [{ colour: 'blue' }, '', /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await admin.put('/api/practice/settings', { name: 'Kept', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const problem = res.json<{ code: string; errors: { field: string; message: string }[] }>();
      expect(problem.code).toBe('request.invalid');
      if (field) {
        expect(problem.errors, JSON.stringify(body)).toContainEqual(
          expect.objectContaining({ message: expect.stringMatching(message) }),
        );
        expect(JSON.stringify(problem.errors)).toContain(field);
      }
    }
    expect((await publicPractice(t.deps)).name).toBeNull();
  });
});

describe("Get help now and the person's own country", () => {
  const t = useTestApp({ config: { STEADFAST_DEFAULT_COUNTRY: 'US' } });

  it("opens the signed-in person's country first, even on a plain /help link", async () => {
    const alex = await makeMember(t.app, 'Alex');
    expect((await alex.client.put('/api/me/country', { country: 'GB' })).statusCode).toBe(204);
    const own = positions((await alex.client.get('/help')).body);
    expect(own.gb).toBeGreaterThan(-1);
    expect(own.gb).toBeLessThan(own.us);
    expect(own.gb).toBeLessThan(own.intro);
    // A country asked for in the address still wins, so the picker works for everyone.
    const asked = positions((await alex.client.get('/help?country=IE')).body);
    expect(asked.ie).toBeLessThan(asked.gb);
    // Someone signed out gets the practice's default.
    const anyone = positions((await new TestClient(t.app).get('/help')).body);
    expect(anyone.us).toBeLessThan(anyone.gb);
  });
});

describe('STEADFAST_DEFAULT_COUNTRY', () => {
  const t = useTestApp({ config: { STEADFAST_DEFAULT_COUNTRY: 'ie' } });

  it('is the starting default, which the administrator can change, also to "anywhere else"', async () => {
    const anyone = new TestClient(t.app);
    expect(await defaultOf(anyone)).toBe('IE');
    const admin = await makeAdmin(t.app, t.clock);
    expect((await admin.get('/api/practice/settings')).json()).toMatchObject({
      defaultCountry: 'IE',
    });
    await admin.put('/api/practice/settings', { defaultCountry: null });
    expect(await defaultOf(anyone)).toBeNull();
    const page = positions((await anyone.get('/help')).body);
    expect(page.anywhereElse).toBeLessThan(page.ie);
  });

  it('stops start-up, naming the variable, when the crisis lines have no such country', async () => {
    const testDb = await createTestDatabase();
    try {
      await expect(
        boot(testConfig(testDb.dataDir, { STEADFAST_DEFAULT_COUNTRY: 'NZ' }), {
          database: testDb.database,
        }),
      ).rejects.toThrow(
        /STEADFAST_DEFAULT_COUNTRY: there are no crisis lines for NZ; use one of US, GB/,
      );
      expect(() => testConfig(testDb.dataDir, { STEADFAST_DEFAULT_COUNTRY: 'G1' })).toThrow(
        /STEADFAST_DEFAULT_COUNTRY: must be a two-letter country code/,
      );
    } finally {
      await testDb.drop();
    }
  });
});
