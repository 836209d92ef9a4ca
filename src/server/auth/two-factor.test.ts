import { generateSync } from 'otplib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SIGNIN_LIMIT_ACCOUNT_ADDRESS } from './auth.service.js';
import { RECOVERY_CODE_COUNT, SETTINGS_CODE_LIMIT } from './two-factor.service.js';
import {
  codeOf,
  makeMember,
  ok,
  PASSWORD,
  TestClient,
  testDialect,
  uniqueEmail,
  useTestApp,
  type Member,
} from '../test-support/harness.js';
import { enrollTotp, setUpAdmin, totpNow } from '../test-support/two-factor.js';

const STEP_MS = 30_000;

describe('otplib against RFC 6238, appendix B (SHA-1)', () => {
  // The reference secret is the ASCII text itself, not base32; the vectors are 8 digits.
  const secret = new TextEncoder().encode('12345678901234567890');
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(vectors)('at %i s gives %s', (epoch, code) => {
    expect(generateSync({ secret, epoch, digits: 8, algorithm: 'sha1', period: 30 })).toBe(code);
  });
});

describe(`two-factor sign-in (${testDialect()})`, () => {
  const t = useTestApp();
  const now = () => t.clock();

  const signIn = (client: TestClient, email: string, extra: Record<string, string> = {}) =>
    client.post('/api/auth/signin', { email, password: PASSWORD, ...extra });

  /** A member with two-factor on, signed out, the clock past the step their setup code used. */
  async function enrolled(): Promise<
    Member & { secret: string; recoveryCodes: readonly string[] }
  > {
    const m = await makeMember(t.app);
    const e = await enrollTotp(m.client, now);
    await m.client.post('/api/auth/signout');
    t.clock.advance(STEP_MS);
    return { ...m, ...e };
  }

  it('sets up with a QR code and a secret for typing, sealed at rest, on only once a code confirms it', async () => {
    const alex = await makeMember(t.app);
    expect(await ok(alex.client.get('/api/auth/two-factor'))).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const setup = await ok<{ uri: string; secret: string; qrSvg: string }>(
      alex.client.post('/api/auth/two-factor/setup'),
      201,
    );
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(setup.secret);
    expect(uri.searchParams.get('issuer')).toBe('Steadfast');
    expect(setup.qrSvg).toContain('<svg');
    expect(setup.qrSvg).toContain('<path');

    // Sealed under the person's key: the secret is nowhere in the row.
    const row = await t.deps.database.db
      .selectFrom('totp_factors')
      .selectAll()
      .where('user_id', '=', alex.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sealed.startsWith('sf1.')).toBe(true);
    expect(row.secret_sealed).not.toContain(setup.secret);
    expect(row.confirmed_at).toBeNull();

    // Not on yet: signing in needs no code.
    expect((await signIn(new TestClient(t.app), alex.email)).statusCode).toBe(200);
    expect((await ok<{ enabled: boolean }>(alex.client.get('/api/auth/two-factor'))).enabled).toBe(
      false,
    );

    expect(await codeOf(alex.client.post('/api/auth/two-factor/confirm', { code: '12345' }))).toBe(
      '400 request.invalid',
    );
    const wrong = String((Number(totpNow(setup.secret, now)) + 500_000) % 1_000_000).padStart(
      6,
      '0',
    );
    expect(await codeOf(alex.client.post('/api/auth/two-factor/confirm', { code: wrong }))).toBe(
      '422 two_factor.code_invalid',
    );
    const { recoveryCodes } = await ok<{ recoveryCodes: string[] }>(
      alex.client.post('/api/auth/two-factor/confirm', { code: totpNow(setup.secret, now) }),
    );
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await ok(alex.client.get('/api/auth/two-factor'))).toEqual({
      enabled: true,
      required: false,
      recoveryCodesLeft: RECOVERY_CODE_COUNT,
    });
    expect(
      (await ok<{ twoFactor: unknown }>(alex.client.get('/api/auth/session'))).twoFactor,
    ).toEqual({ enabled: true, required: false });
    // Only hashes are kept of the recovery codes.
    const stored = await t.deps.database.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', alex.id)
      .execute();
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    const kept = JSON.stringify(stored);
    for (const code of recoveryCodes) {
      expect(kept).not.toContain(code);
      expect(kept).not.toContain(code.replace('-', ''));
    }
    // On already: starting again or confirming again is refused, and the factor is unchanged.
    expect(await codeOf(alex.client.post('/api/auth/two-factor/setup'))).toBe(
      '409 two_factor.already_on',
    );
  });

  it('asks for the code once the password matched, without starting a session, and takes it the second time', async () => {
    const alex = await enrolled();
    const device = new TestClient(t.app);
    const first = await signIn(device, alex.email);
    expect(first.statusCode).toBe(401);
    expect(first.json<{ code: string }>().code).toBe('auth.two_factor_needed');
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(device.cookie).toBeUndefined();
    expect((await ok<{ user: unknown }>(device.get('/api/auth/session'))).user).toBeNull();

    // A wrong password says only that, whatever code comes with it.
    expect(
      await codeOf(
        device.post('/api/auth/signin', {
          email: alex.email,
          password: 'not the password at all',
          code: totpNow(alex.secret, now),
        }),
      ),
    ).toBe('401 auth.invalid_credentials');

    const code = totpNow(alex.secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await codeOf(signIn(device, alex.email, { code: wrong }))).toBe(
      '401 auth.two_factor_invalid',
    );
    expect(device.cookie).toBeUndefined();

    const signedIn = await ok<{ user: { id: string }; twoFactor: unknown }>(
      signIn(device, alex.email, { code }),
    );
    expect(signedIn.user.id).toBe(alex.id);
    expect(signedIn.twoFactor).toEqual({ enabled: true, required: false });
    expect((await ok<{ user: { id: string } }>(device.get('/api/auth/session'))).user.id).toBe(
      alex.id,
    );

    // The same code never works twice, even within its 30 seconds.
    expect(await codeOf(signIn(new TestClient(t.app), alex.email, { code }))).toBe(
      '401 auth.two_factor_invalid',
    );
  });

  it('takes a code for the step before or after (clocks drift), never one two steps away, nor an older one than the last used', async () => {
    const alex = await enrolled();
    const at = (ms: number) =>
      generateSync({ secret: alex.secret, epoch: Math.floor((now() + ms) / 1000) });
    expect(
      await codeOf(signIn(new TestClient(t.app), alex.email, { code: at(-2 * STEP_MS) })),
    ).toBe('401 auth.two_factor_invalid');
    expect(await codeOf(signIn(new TestClient(t.app), alex.email, { code: at(2 * STEP_MS) }))).toBe(
      '401 auth.two_factor_invalid',
    );
    const ahead = at(STEP_MS);
    const behind = at(-STEP_MS);
    expect((await signIn(new TestClient(t.app), alex.email, { code: ahead })).statusCode).toBe(200);
    // The step after was used: the code for the step before is now older than that, so refused.
    expect(await codeOf(signIn(new TestClient(t.app), alex.email, { code: behind }))).toBe(
      '401 auth.two_factor_invalid',
    );
    t.clock.advance(3 * STEP_MS);
    expect(
      (await signIn(new TestClient(t.app), alex.email, { code: at(-STEP_MS) })).statusCode,
    ).toBe(200);
  });

  it('takes each recovery code once, typed in any case and with spaces', async () => {
    const alex = await enrolled();
    const [one, two] = alex.recoveryCodes as [string, string];
    const typed = ` ${one.toUpperCase().replace('-', ' ')} `;
    expect((await signIn(new TestClient(t.app), alex.email, { code: typed })).statusCode).toBe(200);
    expect(await codeOf(signIn(new TestClient(t.app), alex.email, { code: one }))).toBe(
      '401 auth.two_factor_invalid',
    );
    expect((await signIn(new TestClient(t.app), alex.email, { code: two })).statusCode).toBe(200);
    const device = new TestClient(t.app);
    await signIn(device, alex.email, { code: alex.recoveryCodes[2] ?? '' });
    expect(
      (await ok<{ recoveryCodesLeft: number }>(device.get('/api/auth/two-factor')))
        .recoveryCodesLeft,
    ).toBe(RECOVERY_CODE_COUNT - 3);
    // Someone else's recovery code is no code for this account.
    const sam = await enrolled();
    expect(
      await codeOf(signIn(new TestClient(t.app), alex.email, { code: sam.recoveryCodes[0] ?? '' })),
    ).toBe('401 auth.two_factor_invalid');
  });

  it('counts wrong codes against the sign-in limits like wrong passwords; asking for the code forgives none', async () => {
    const alex = await enrolled();
    const device = new TestClient(t.app, '10.9.9.9');
    const wrong = String((Number(totpNow(alex.secret, now)) + 3) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < SIGNIN_LIMIT_ACCOUNT_ADDRESS; i++) {
      // A try without a code between the wrong ones resets nothing.
      expect(await codeOf(signIn(device, alex.email))).toBe('401 auth.two_factor_needed');
      expect(await codeOf(signIn(device, alex.email, { code: wrong }))).toBe(
        '401 auth.two_factor_invalid',
      );
    }
    expect(await codeOf(signIn(device, alex.email, { code: totpNow(alex.secret, now) }))).toBe(
      '429 auth.rate_limited',
    );
    // The owner, from their own address, is not locked out.
    expect(
      (
        await signIn(new TestClient(t.app, '10.8.8.8'), alex.email, {
          code: totpNow(alex.secret, now),
        })
      ).statusCode,
    ).toBe(200);
  });

  it('keeps an administrator without two-factor to its setup: 403 everywhere else until it is on', async () => {
    const admin = new TestClient(t.app);
    const email = uniqueEmail('admin');
    const created = await ok<{ twoFactor: unknown }>(
      admin.post('/api/setup', { email, password: PASSWORD, displayName: 'Admin' }),
      201,
    );
    expect(created.twoFactor).toEqual({ enabled: false, required: true });
    expect(await codeOf(admin.get('/api/practice/settings'))).toBe(
      '403 auth.two_factor_setup_needed',
    );
    expect(await codeOf(admin.put('/api/practice/settings', { defaultCountry: 'GB' }))).toBe(
      '403 auth.two_factor_setup_needed',
    );
    expect(await codeOf(admin.get('/api/safety'))).toBe('403 auth.two_factor_setup_needed');
    // The session read, the setup and signing out answer; so do public routes, as for anyone.
    expect((await ok<{ twoFactor: unknown }>(admin.get('/api/auth/session'))).twoFactor).toEqual({
      enabled: false,
      required: true,
    });
    expect((await ok<{ required: boolean }>(admin.get('/api/auth/two-factor'))).required).toBe(
      true,
    );
    expect((await admin.get('/api/crisis')).statusCode).toBe(200);
    // A setup started but not confirmed does not open the gate.
    const { secret } = await ok<{ secret: string }>(admin.post('/api/auth/two-factor/setup'), 201);
    expect(await codeOf(admin.get('/api/practice/settings'))).toBe(
      '403 auth.two_factor_setup_needed',
    );
    await ok(admin.post('/api/auth/two-factor/confirm', { code: totpNow(secret, now) }));
    expect((await admin.get('/api/practice/settings')).statusCode).toBe(200);
    expect((await ok<{ twoFactor: unknown }>(admin.get('/api/auth/session'))).twoFactor).toEqual({
      enabled: true,
      required: true,
    });
    expect((await admin.post('/api/auth/signout')).statusCode).toBe(204);
    // From now on its sign-in needs the code.
    expect(await codeOf(signIn(admin, email))).toBe('401 auth.two_factor_needed');
  });

  it('the gate holds for a signed-in administrator, and a member without two-factor is never held', async () => {
    const alex = await makeMember(t.app);
    expect((await alex.client.get('/api/safety')).statusCode).toBe(200);
    expect(
      (await ok<{ twoFactor: unknown }>(alex.client.get('/api/auth/session'))).twoFactor,
    ).toEqual({ enabled: false, required: false });
    expect((await alex.client.post('/api/auth/signout')).statusCode).toBe(204);
    const admin = new TestClient(t.app);
    const email = uniqueEmail('admin');
    await ok(admin.post('/api/setup', { email, password: PASSWORD, displayName: 'Admin' }), 201);
    await admin.post('/api/auth/signout');
    // Signing in again (no factor yet, so no code) lands at the same gate.
    await ok(signIn(admin, email));
    expect(await codeOf(admin.get('/api/practice/settings'))).toBe(
      '403 auth.two_factor_setup_needed',
    );
  });

  it('holds a therapist to the setup too, and lets them in once theirs is on', async () => {
    // No route makes a therapist on this branch yet: the role is set as their invite will set it.
    const pat = await makeMember(t.app, 'Pat', { safetyCheck: false });
    await t.deps.database.db
      .updateTable('users')
      .set({ role: 'therapist' })
      .where('id', '=', pat.id)
      .execute();
    expect(await codeOf(pat.client.get('/api/safety'))).toBe('403 auth.two_factor_setup_needed');
    expect(await codeOf(pat.client.get('/api/instruments'))).toBe(
      '403 auth.two_factor_setup_needed',
    );
    expect(
      (await ok<{ twoFactor: unknown }>(pat.client.get('/api/auth/session'))).twoFactor,
    ).toEqual({ enabled: false, required: true });
    await enrollTotp(pat.client, now);
    expect((await pat.client.get('/api/instruments')).statusCode).toBe(200);
    // Turning it off is refused for the role, before the password or code is looked at.
    expect(
      await codeOf(
        pat.client.post('/api/auth/two-factor/off', { password: PASSWORD, code: '123456' }),
      ),
    ).toBe('403 two_factor.required');
  });

  it('makes new recovery codes with a current code; the old ones stop working', async () => {
    const alex = await enrolled();
    await ok(signIn(alex.client, alex.email, { code: alex.recoveryCodes[0] ?? '' }));
    const wrong = String((Number(totpNow(alex.secret, now)) + 7) % 1_000_000).padStart(6, '0');
    expect(
      await codeOf(alex.client.post('/api/auth/two-factor/recovery-codes', { code: wrong })),
    ).toBe('422 two_factor.code_invalid');
    const { recoveryCodes } = await ok<{ recoveryCodes: string[] }>(
      alex.client.post('/api/auth/two-factor/recovery-codes', { code: totpNow(alex.secret, now) }),
    );
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(recoveryCodes).not.toContain(alex.recoveryCodes[1]);
    expect(
      await codeOf(
        signIn(new TestClient(t.app), alex.email, { code: alex.recoveryCodes[1] ?? '' }),
      ),
    ).toBe('401 auth.two_factor_invalid');
    expect(
      (await signIn(new TestClient(t.app), alex.email, { code: recoveryCodes[0] ?? '' }))
        .statusCode,
    ).toBe(200);
    // A member without two-factor has none to replace.
    const sam = await makeMember(t.app, 'Sam');
    expect(
      await codeOf(sam.client.post('/api/auth/two-factor/recovery-codes', { code: '123456' })),
    ).toBe('409 two_factor.off');
  });

  it('limits code checks on the settings per person', async () => {
    const alex = await makeMember(t.app);
    const { secret } = await ok<{ secret: string }>(
      alex.client.post('/api/auth/two-factor/setup'),
      201,
    );
    const wrong = String((Number(totpNow(secret, now)) + 11) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < SETTINGS_CODE_LIMIT; i++) {
      expect(await codeOf(alex.client.post('/api/auth/two-factor/confirm', { code: wrong }))).toBe(
        '422 two_factor.code_invalid',
      );
    }
    expect(
      await codeOf(
        alex.client.post('/api/auth/two-factor/confirm', { code: totpNow(secret, now) }),
      ),
    ).toBe('429 auth.rate_limited');
  });

  it('turns off with the password and a current code, and never for an administrator', async () => {
    const alex = await enrolled();
    await ok(signIn(alex.client, alex.email, { code: totpNow(alex.secret, now) }));
    t.clock.advance(STEP_MS);
    const code = totpNow(alex.secret, now);
    expect(
      await codeOf(
        alex.client.post('/api/auth/two-factor/off', { password: 'not the password', code }),
      ),
    ).toBe('422 two_factor.password_invalid');
    const wrong = String((Number(code) + 13) % 1_000_000).padStart(6, '0');
    expect(
      await codeOf(
        alex.client.post('/api/auth/two-factor/off', { password: PASSWORD, code: wrong }),
      ),
    ).toBe('422 two_factor.code_invalid');
    expect(
      (await alex.client.post('/api/auth/two-factor/off', { password: PASSWORD, code })).statusCode,
    ).toBe(204);
    expect(await ok(alex.client.get('/api/auth/two-factor'))).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const left = await sql<{ n: number | string }>`
      select count(*) as n from recovery_codes where user_id = ${alex.id}`.execute(
      t.deps.database.db,
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
    expect((await signIn(new TestClient(t.app), alex.email)).statusCode).toBe(200);

    const admin = await setUpAdmin(t.app, now);
    t.clock.advance(STEP_MS);
    expect(
      await codeOf(
        admin.client.post('/api/auth/two-factor/off', {
          password: PASSWORD,
          code: totpNow(admin.secret, now),
        }),
      ),
    ).toBe('403 two_factor.required');
    expect((await ok<{ enabled: boolean }>(admin.client.get('/api/auth/two-factor'))).enabled).toBe(
      true,
    );
  });
});
