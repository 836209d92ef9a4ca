import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { normalizeEmail } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import { EmptyBody, SessionInfo, SignInBody, SignUpBody, type Me } from '../../shared/api/auth.js';
import { NoContent, Problem } from '../../shared/api/problem.js';
import type { Deps } from '../deps.js';
import { access, actorOf, sessionCookieName, sessionHashOf } from '../http/access.js';
import { createAccount } from './accounts.js';
import { clear, giveBack, hit } from './rate-limit.store.js';
import { createSession, deleteSession } from './sessions.store.js';
import { findUserById, findUserByEmail } from './users.store.js';
import { initialSafetyState } from '../../core/safety/safety.js';
import { idleMsFor, loadSafetyState } from '../features/safety/safety.service.js';
import { sealIdle } from './session-idle.js';

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

/** Starts a fresh session (rotating any earlier one) and sets its cookie. */
export async function signIn(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
) {
  const db = deps.database.db;
  const previous = sessionHashOf(request);
  if (previous) await deleteSession(db, previous);
  const state = await loadSafetyState(deps, userId);
  const token = await createSession(
    db,
    userId,
    deps.clock(),
    { idleMs: deps.config.sessionIdleMs, absoluteMs: deps.config.sessionAbsoluteMs },
    sealIdle(deps.sealer, userId, idleMsFor(deps, state)),
  );
  reply.setCookie(sessionCookieName(deps.config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
  });
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.post(
    '/api/auth/signup',
    {
      config: access('public'),
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in',
        body: SignUpBody,
        response: { 201: SessionInfo, 400: Problem, 409: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const count = await hit(db, `signup:ip:${request.ip}`, deps.clock(), WINDOW_MS);
      if (count > SIGNUP_LIMIT_ADDRESS) throw new DomainError('auth.rate_limited');
      const account = await createAccount(deps, { ...request.body, role: 'member' });
      await signIn(deps, request, reply, account.id);
      return reply.code(201).send(await sessionInfo(deps, account));
    },
  );

  r.post(
    '/api/auth/signin',
    {
      config: access('public'),
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: SignInBody,
        response: { 200: SessionInfo, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const now = deps.clock();
      const email = normalizeEmail(request.body.email);
      const account = emailKey(email);
      const addressKey = `signin:ip:${request.ip}`;
      const accountKey = `signin:acct:${account}`;
      const pairKey = `signin:acct-ip:${account}:${request.ip}`;
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
        ? await deps.passwords.verify(user.password_hash, request.body.password)
        : await deps.passwords.verifyDummy(request.body.password);
      if (!user || !ok) throw new DomainError('auth.invalid_credentials');
      // The person's own earlier typos from this address are forgiven too.
      await giveBack(db, [addressKey, accountKey], now);
      await clear(db, pairKey);
      await signIn(deps, request, reply, user.id);
      return sessionInfo(deps, toMe(user));
    },
  );

  r.post(
    '/api/auth/signout',
    {
      config: access('public'),
      schema: {
        tags: ['auth'],
        summary: 'Sign out of this device',
        body: EmptyBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const hash = sessionHashOf(request);
      if (hash) await deleteSession(db, hash);
      reply.clearCookie(sessionCookieName(deps.config.secureCookies), { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/session',
    {
      config: access('public'),
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in on this device, if anyone',
        response: { 200: SessionInfo.extend({ user: SessionInfo.shape.user.nullable() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const actor = actorOf(request);
      if (actor.kind !== 'user') return sessionInfo(deps, null);
      const user = await findUserById(db, deps.sealer, actor.userId);
      return sessionInfo(deps, user ? toMe(user) : null);
    },
  );
}
