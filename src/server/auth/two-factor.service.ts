import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { DomainError } from '../../core/errors.js';
import type {
  CodeBody,
  RecoveryCodes,
  TurnOffBody,
  TwoFactorSetup,
  TwoFactorStatus,
} from '../../shared/api/two-factor.js';
import { atomically } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { loadSafetyState } from '../features/safety/safety.service.js';
import { twoFactorRequiredFor } from '../http/access.js';
import type { Caller } from './caller.js';
import { keyRing, type KeyRing } from './key-ring.js';
import { giveBack, hit } from './rate-limit.store.js';
import {
  confirmFactor,
  deleteFactor,
  findFactor,
  passwordHashOf,
  putPendingFactor,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  useRecoveryCode,
  useStep,
  type StoredFactor,
} from './two-factor.store.js';
import { findUserById } from './users.store.js';

/** RFC 6238's defaults, which every authenticator app reads: SHA-1, 6 digits, 30-second steps. */
const PERIOD_S = 30;
/** A code is accepted for the current step and one either side (clocks drift, people are slow). */
const TOLERANCE_S = PERIOD_S;
export const RECOVERY_CODE_COUNT = 10;
/** Code checks on the signed-in settings, per person per 15 minutes (6 digits are few). */
export const SETTINGS_CODE_LIMIT = 10;
const WINDOW_MS = 15 * 60_000;
/** No 0/o, 1/l/i: recovery codes are read off paper. 31 letters, 10 of them: ~50 bits. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const ISSUER = 'Steadfast';
/** In discreet mode the authenticator app shows this instead, to whoever picks up the phone. */
const DISCREET_ISSUER = 'Sign-in';

/** A 6-digit TOTP code (spaces dropped); anything else sent at sign-in is a recovery code. */
const isTotp = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s+/g, ''));

/** A recovery code as typed: case, spaces and dashes do not matter. */
const normalizeRecovery = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Only this is kept of a recovery code; bound to the person, so equal codes hash apart. */
const recoveryHash = (userId: string, code: string): string =>
  createHash('sha256')
    .update(`${userId}:${normalizeRecovery(code)}`)
    .digest('hex');

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

const openSecret = async (keys: KeyRing, userId: string, factor: StoredFactor) =>
  (await keys.people([userId])).open('totpSecret', userId, factor.secretSealed, userId);

/** The time step a code matches, now or one step either side, after `afterStep`; else undefined. */
function matchingStep(
  secret: string,
  code: string,
  nowMs: number,
  afterStep: number | null,
): number | undefined {
  const result = verifySync({
    secret,
    token: code.replace(/\s+/g, ''),
    epoch: Math.floor(nowMs / 1000),
    period: PERIOD_S,
    epochTolerance: TOLERANCE_S,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // The TOTP strategy's answer carries the step it matched (otplib's union also covers HOTP).
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** Checks a TOTP code against a confirmed factor and uses its step, so it never works twice. */
async function useTotp(
  deps: Deps,
  keys: KeyRing,
  userId: string,
  factor: StoredFactor,
  code: string,
): Promise<boolean> {
  const secret = await openSecret(keys, userId, factor);
  const step = matchingStep(secret, code, deps.clock(), factor.lastStep);
  return step !== undefined && (await useStep(deps.database.db, userId, step));
}

/**
 * What the second factor says at sign-in, once the password matched: `none` (the account has no
 * confirmed factor), `needed` (no code sent), `ok` (a code matched and is now used) or `invalid`.
 */
export async function checkSignInCode(
  deps: Deps,
  userId: string,
  code: string | undefined,
): Promise<'none' | 'needed' | 'ok' | 'invalid'> {
  const db = deps.database.db;
  const factor = await findFactor(db, userId);
  if (!factor || factor.confirmedAt === null) return 'none';
  if (code === undefined) return 'needed';
  if (isTotp(code))
    return (await useTotp(deps, keyRing(deps), userId, factor, code)) ? 'ok' : 'invalid';
  const recovery = normalizeRecovery(code);
  if (recovery.length === 0) return 'invalid';
  return (await useRecoveryCode(db, userId, recoveryHash(userId, recovery), deps.clock()))
    ? 'ok'
    : 'invalid';
}

/** Counts a code check on the settings against the person's limit; the check gives it back if right. */
async function countTry(deps: Deps, userId: string): Promise<() => Promise<void>> {
  const db = deps.database.db;
  const key = `twofactor:user:${userId}`;
  const now = deps.clock();
  if ((await hit(db, key, now, WINDOW_MS)) > SETTINGS_CODE_LIMIT) {
    await giveBack(db, [key], now);
    throw new DomainError('auth.rate_limited');
  }
  return () => giveBack(db, [key], now);
}

export async function status(deps: Deps, c: Caller): Promise<TwoFactorStatus> {
  const db = deps.database.db;
  const factor = await findFactor(db, c.userId);
  const enabled = factor !== undefined && factor.confirmedAt !== null;
  return {
    enabled,
    required: twoFactorRequiredFor(c.accountRole),
    recoveryCodesLeft: enabled ? await recoveryCodesLeft(db, c.userId) : 0,
  };
}

/**
 * A new secret for the person's authenticator app, kept sealed under their data key and not yet
 * guarding sign-in: it does once a code from the app confirms it. Starting again replaces it.
 */
export async function start(deps: Deps, c: Caller): Promise<TwoFactorSetup> {
  const db = deps.database.db;
  const existing = await findFactor(db, c.userId);
  if (existing?.confirmedAt != null) throw new DomainError('two_factor.already_on');
  const user = await findUserById(db, deps.sealer, c.userId);
  if (!user) throw new DomainError('auth.unauthenticated');
  const { discreet } = await loadSafetyState(deps, c.userId, c.keys);
  const secret = generateSecret();
  const uri = generateURI({
    issuer: discreet ? DISCREET_ISSUER : ISSUER,
    label: user.email,
    secret,
    period: PERIOD_S,
  });
  const who = await c.keys.people([c.userId]);
  const sealed = who.seal('totpSecret', c.userId, secret, c.userId);
  await atomically(db, (trx) => putPendingFactor(trx, c.userId, sealed, deps.clock()));
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, secret, qrSvg };
}

/** Turns the factor on with a first code from the app; answers the recovery codes, once. */
export async function confirm(
  deps: Deps,
  c: Caller,
  { body }: { body: CodeBody },
): Promise<RecoveryCodes> {
  const db = deps.database.db;
  const factor = await findFactor(db, c.userId);
  if (!factor) throw new DomainError('two_factor.not_started');
  if (factor.confirmedAt !== null) throw new DomainError('two_factor.already_on');
  const forgive = await countTry(deps, c.userId);
  const secret = await openSecret(c.keys, c.userId, factor);
  const step = matchingStep(secret, body.code, deps.clock(), null);
  if (step === undefined) throw new DomainError('two_factor.code_invalid');
  const codes = newRecoveryCodes();
  const now = deps.clock();
  const confirmed = await atomically(db, async (trx) => {
    if (!(await confirmFactor(trx, c.userId, step, now))) return false;
    await replaceRecoveryCodes(
      trx,
      c.userId,
      codes.map((code) => recoveryHash(c.userId, code)),
      now,
    );
    return true;
  });
  // Another tab confirmed it (or started again) in between.
  if (!confirmed) throw new DomainError('two_factor.not_started');
  await forgive();
  return { recoveryCodes: codes };
}

/** New recovery codes for old (lost, used up or seen by someone): a current code is needed. */
export async function regenerate(
  deps: Deps,
  c: Caller,
  { body }: { body: CodeBody },
): Promise<RecoveryCodes> {
  const db = deps.database.db;
  const factor = await findFactor(db, c.userId);
  if (!factor || factor.confirmedAt === null) throw new DomainError('two_factor.off');
  const forgive = await countTry(deps, c.userId);
  if (!(await useTotp(deps, c.keys, c.userId, factor, body.code))) {
    throw new DomainError('two_factor.code_invalid');
  }
  const codes = newRecoveryCodes();
  const now = deps.clock();
  await atomically(db, (trx) =>
    replaceRecoveryCodes(
      trx,
      c.userId,
      codes.map((code) => recoveryHash(c.userId, code)),
      now,
    ),
  );
  await forgive();
  return { recoveryCodes: codes };
}

/**
 * Turns two-factor sign-in off: the password and a current code are both needed, so someone at
 * an unlocked screen cannot. Therapists and administrators must keep it.
 */
export async function turnOff(
  deps: Deps,
  c: Caller,
  { body }: { body: TurnOffBody },
): Promise<void> {
  if (twoFactorRequiredFor(c.accountRole)) throw new DomainError('two_factor.required');
  const db = deps.database.db;
  const factor = await findFactor(db, c.userId);
  if (!factor || factor.confirmedAt === null) throw new DomainError('two_factor.off');
  const forgive = await countTry(deps, c.userId);
  const hash = await passwordHashOf(db, c.userId);
  if (hash === undefined || !(await deps.passwords.verify(hash, body.password))) {
    throw new DomainError('two_factor.password_invalid');
  }
  if (!(await useTotp(deps, c.keys, c.userId, factor, body.code))) {
    throw new DomainError('two_factor.code_invalid');
  }
  await atomically(db, (trx) => deleteFactor(trx, c.userId));
  await forgive();
}
