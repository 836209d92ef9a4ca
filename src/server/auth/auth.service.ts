import { createHash } from 'node:crypto';
import { normalizeEmail } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import { initialSafetyState } from '../../core/safety/safety.js';
import type {
  CurrentSession,
  Me,
  SessionInfo,
  SignInBody,
  SignUpBody,
} from '../../shared/api/auth.js';
import type { Deps } from '../deps.js';
import { idleMsFor, loadSafetyState } from '../features/safety/safety.service.js';
import { twoFactorRequiredFor } from '../http/access.js';
import { createAccount } from './accounts.js';
import type { Visitor } from './caller.js';
import { clear, giveBack, hit } from './rate-limit.store.js';
import { sealIdle } from './session-idle.js';
import { createSession, deleteSession } from './sessions.store.js';
import { checkSignInCode } from './two-factor.service.js';
import { factorConfirmed } from './two-factor.store.js';
import { findUserByEmail, findUserById } from './users.store.js';

const WINDOW_MS = 15 * 60_000;
/**
 * Sign-in limits per 15 minutes, counting only wrong passwords (a right one, or a try refused
 * before any check, is given back). Failures are counted per account *from one address*, so that
 * someone who knows a person's email (a controlling partner, say) cannot lock them out everywhere.
 * The account-wide count never refuses by itself, since that would refuse the owner's right
 * password too: past it, the account is being guessed at from many addresses, and each address
 * then gets only a few tries on it.
 */
export const SIGNIN_LIMIT_ACCOUNT_ADDRESS = 10;
export const SIGNIN_LIMIT_ACCOUNT = 50;
export const SIGNIN_LIMIT_ACCOUNT_ADDRESS_UNDER_GUESSING = 3;
export const SIGNIN_LIMIT_ADDRESS = 50;
export const SIGNUP_LIMIT_ADDRESS = 20;

/** What the route reads from the request for signing in: where it came from, and its session. */
export interface Device {
  /** The client's address (behind a trusted proxy, the one it forwarded). */
  readonly address: string;
  /** The hash of the session the request came with, if any: signing in replaces it. */
  readonly session: string | undefined;
}

/** A session just started: the token for its cookie, and what the screens need. */
export interface StartedSession {
  readonly token: string;
  readonly info: SessionInfo;
}

const emailKey = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);

/**
 * The answer to every successful sign-in, sign-up or setup, and to "who is signed in": the person,
 * and the two settings every screen needs (the idle time, and discreet mode for neutral titles).
 */
export async function sessionInfo<U extends Me | null>(deps: Deps, user: U) {
  const state = user ? await loadSafetyState(deps, user.id) : initialSafetyState;
  return {
    user,
    idleMinutes: Math.round(idleMsFor(deps, state) / 60_000),
    discreet: state.discreet,
    twoFactor: {
      enabled: user ? await factorConfirmed(deps.database.db, user.id) : false,
      required: user ? twoFactorRequiredFor(user.role) : false,
    },
  };
}

export function toMe(user: {
  id: string;
  email: string;
  display_name: string;
  role: Me['role'];
  country?: string | null;
}): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    country: user.country ?? null,
  };
}

/** Starts a fresh session for the person, ending the one this device had (no fixation). */
export async function startSession(deps: Deps, user: Me, device: Device): Promise<StartedSession> {
  const db = deps.database.db;
  if (device.session) await deleteSession(db, device.session);
  const state = await loadSafetyState(deps, user.id);
  const token = await createSession(
    db,
    user.id,
    deps.clock(),
    { idleMs: deps.config.sessionIdleMs, absoluteMs: deps.config.sessionAbsoluteMs },
    sealIdle(deps.sealer, user.id, idleMsFor(deps, state)),
  );
  return { token, info: await sessionInfo(deps, user) };
}

export async function signUp(
  deps: Deps,
  body: SignUpBody,
  device: Device,
): Promise<StartedSession> {
  const count = await hit(deps.database.db, `signup:ip:${device.address}`, deps.clock(), WINDOW_MS);
  if (count > SIGNUP_LIMIT_ADDRESS) throw new DomainError('auth.rate_limited');
  const account = await createAccount(deps, { ...body, role: 'member' });
  return startSession(deps, account, device);
}

export async function signIn(
  deps: Deps,
  body: SignInBody,
  device: Device,
): Promise<StartedSession> {
  const db = deps.database.db;
  const now = deps.clock();
  const email = normalizeEmail(body.email);
  const account = emailKey(email);
  const addressKey = `signin:ip:${device.address}`;
  const accountKey = `signin:acct:${account}`;
  const pairKey = `signin:acct-ip:${account}:${device.address}`;
  const keys = [addressKey, accountKey, pairKey];
  // Every count is taken before the (slow) password check, so parallel guesses cannot all slip
  // under a limit; a try that turns out not to be a wrong guess gives its counts back.
  const byAddress = await hit(db, addressKey, now, WINDOW_MS);
  const byAccount = await hit(db, accountKey, now, WINDOW_MS);
  const byPair = await hit(db, pairKey, now, WINDOW_MS);
  const pairLimit =
    byAccount > SIGNIN_LIMIT_ACCOUNT
      ? SIGNIN_LIMIT_ACCOUNT_ADDRESS_UNDER_GUESSING
      : SIGNIN_LIMIT_ACCOUNT_ADDRESS;
  if (byAddress > SIGNIN_LIMIT_ADDRESS || byPair > pairLimit) {
    await giveBack(db, keys, now);
    throw new DomainError('auth.rate_limited');
  }
  const user = await findUserByEmail(db, deps.sealer, email);
  const ok = user
    ? await deps.passwords.verify(user.password_hash, body.password)
    : await deps.passwords.verifyDummy(body.password);
  // A therapist whose access the administrator removed hears the same as for a wrong password.
  if (!user || !ok || user.removed_at !== null) throw new DomainError('auth.invalid_credentials');
  // The second factor is asked only once the password matched. Asking it of everyone first would
  // tell which accounts have one; asking it after means `auth.two_factor_needed` says the password
  // was right, which is what lets the person be asked for the code alone. Since that is said
  // already, a wrong code may say "the code did not match" (`auth.two_factor_invalid`) without
  // telling more, and the person retypes only the code. A wrong code still counts against the
  // limits exactly like a wrong password (its hits are kept), and a code sent with a wrong password
  // is never looked at, so the code is no oracle for anyone without the password. A try without a
  // code gives back only its own hits: it forgives nothing, or alternating tries without a code
  // would reset the count of wrong codes.
  const second = await checkSignInCode(deps, user.id, body.code);
  if (second === 'needed') {
    await giveBack(db, keys, now);
    throw new DomainError('auth.two_factor_needed');
  }
  if (second === 'invalid') throw new DomainError('auth.two_factor_invalid');
  // The person's own earlier typos from this address are forgiven too.
  await giveBack(db, [addressKey, accountKey], now);
  await clear(db, pairKey);
  return startSession(deps, toMe(user), device);
}

/** Ends this device's session, if it has one. */
export async function signOut(deps: Deps, session: string | undefined): Promise<void> {
  if (session) await deleteSession(deps.database.db, session);
}

export async function currentSession(deps: Deps, visitor: Visitor): Promise<CurrentSession> {
  const { actor } = visitor;
  if (actor.kind !== 'user') return sessionInfo(deps, null);
  const user = await findUserById(deps.database.db, deps.sealer, actor.userId);
  return sessionInfo(deps, user ? toMe(user) : null);
}
