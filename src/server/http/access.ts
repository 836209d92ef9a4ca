import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import {
  anonymous,
  decideRoute,
  routePolicyNames,
  type Actor,
  type Role,
  type RoutePolicy,
} from '../../core/access/policy.js';
import { DomainError } from '../../core/errors.js';
import type { MemberRole } from '../../core/journeys/journey.js';
import { openRole } from '../auth/person-facts.js';
import { findSession } from '../auth/sessions.store.js';
import type { Deps } from '../deps.js';
import { openIdle } from '../auth/session-idle.js';

/** Every route carries `config: access('…')`; a test fails if one does not. */
export const access = (policy: RoutePolicy) => ({ access: policy });

/**
 * A public HTML form that must work without JavaScript (the intake request), so its post cannot
 * carry the CSRF header. Instead of the header, the browser's own word that the post came from one
 * of our pages is required: `Sec-Fetch-Site: same-origin` (which no page can forge), or, from a
 * browser that does not send it, an `Origin` that is ours. Anything else is refused as before.
 * Only routes that declare this are exempt from the header; every other route still needs it.
 */
export const sameOriginForm = () => ({ access: 'public' as const, sameOriginForm: true });
const isSameOriginForm = (config: unknown): boolean =>
  (config as { sameOriginForm?: unknown } | undefined)?.sameOriginForm === true;

export const policyOf = (config: unknown): RoutePolicy | undefined => {
  const value = (config as { access?: unknown } | undefined)?.access;
  return routePolicyNames.includes(value as RoutePolicy) ? (value as RoutePolicy) : undefined;
};

/**
 * Marks a route as open to a therapist or administrator who has not set up two-factor sign-in yet
 * (the endpoint's `beforeTwoFactor`): the session read, signing out, and the setup itself.
 */
export const beforeTwoFactor = { beforeTwoFactor: true } as const;

const openBeforeTwoFactor = (config: unknown): boolean =>
  (config as { beforeTwoFactor?: unknown } | undefined)?.beforeTwoFactor === true;

/** Therapists and administrators must sign in with a second factor; everyone else may. */
export const twoFactorRequiredFor = (role: Role): boolean =>
  role === 'admin' || role === 'therapist';

const actors = new WeakMap<
  FastifyRequest,
  {
    actor: Actor;
    /** A therapist or administrator whose account has no confirmed second factor yet. */
    twoFactorPending?: boolean;
    tokenHash?: string;
    journeyId?: string | undefined;
    journeyRole?: string | undefined;
  }
>();

export const actorOf = (request: FastifyRequest): Actor => actors.get(request)?.actor ?? anonymous;
export const sessionHashOf = (request: FastifyRequest): string | undefined =>
  actors.get(request)?.tokenHash;

/**
 * The caller's active journey as it stood when the request began (read with the session, in the
 * same query). Routes that change membership read it from the database instead.
 */
export function membershipOf(
  request: FastifyRequest,
): { journeyId: string; role: MemberRole } | undefined {
  const entry = actors.get(request);
  return entry?.journeyId
    ? { journeyId: entry.journeyId, role: (entry.journeyRole ?? 'unsaid') as MemberRole }
    : undefined;
}

export const sessionCookieName = (secure: boolean): string =>
  secure ? '__Host-sf_session' : 'sf_session';

export const CSRF_HEADER = 'x-steadfast-csrf';
export const USER_HEADER = 'x-steadfast-user';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Runs before anything else on every request: refuses cross-site state changes, works out who is
 * calling, then applies the route's declared policy. A route without a policy is refused outright.
 */
export function registerAccess(app: FastifyInstance, deps: Deps): void {
  const cookieName = sessionCookieName(deps.config.secureCookies);
  const times = { idleMs: deps.config.sessionIdleMs, absoluteMs: deps.config.sessionAbsoluteMs };

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      // Without PUBLIC_ORIGIN (a first run on this machine), the server's own local address also
      // counts, so opening http://127.0.0.1:3000 instead of http://localhost:3000 still works. Only
      // loopback names qualify: a page that rebinds its own domain to 127.0.0.1 is still refused.
      const sameHost =
        !deps.config.publicOriginSet &&
        LOOPBACK.has(request.hostname) &&
        origin === `${request.protocol}://${request.host}`;
      const ours = origin === deps.config.publicOrigin || sameHost;
      if (isSameOriginForm(request.routeOptions.config)) {
        // With the pages' no-referrer policy a browser sends `Origin: null` on a same-origin form
        // post, so the fetch metadata decides when it is there; the Origin only when it is not.
        const fromOurPage =
          site !== undefined
            ? site === 'same-origin' && (origin === undefined || origin === 'null' || ours)
            : origin !== undefined && ours;
        if (!fromOurPage) throw new DomainError('csrf.missing');
      } else if (
        request.headers[CSRF_HEADER] !== '1' ||
        (origin !== undefined && !ours) ||
        site === 'cross-site'
      ) {
        throw new DomainError('csrf.missing');
      }
    }

    const token = request.cookies[cookieName];
    if (token && token.length <= 100) {
      const session = await findSession(
        deps.database.db,
        token,
        deps.clock(),
        times,
        (id, sealed) => openIdle(deps.sealer, id, sealed),
      );
      if (session) {
        actors.set(request, {
          actor: { kind: 'user', userId: session.userId, role: session.role },
          twoFactorPending: twoFactorRequiredFor(session.role) && !session.twoFactorConfirmed,
          tokenHash: session.tokenHash,
          journeyId: session.journeyId,
          // Sealed at rest (auth/person-facts.ts): opened here, once per request.
          journeyRole:
            session.journeyId !== undefined && session.journeyRole !== undefined
              ? openRole(deps.sealer, session.journeyId, session.userId, session.journeyRole)
              : undefined,
        });
      }
    }

    // The page says whom it acts for; if this browser's session now belongs to someone else (signed
    // in from another tab), refuse rather than save one person's words into another's account.
    const expectedUser = request.headers[USER_HEADER];
    const actor = actorOf(request);
    if (
      typeof expectedUser === 'string' &&
      actor.kind === 'user' &&
      actor.userId !== expectedUser
    ) {
      throw new DomainError('session.changed');
    }

    // Unknown URLs reach the not-found handler, which is public by design.
    if (request.is404) return;
    const policy = policyOf(request.routeOptions.config);
    if (!policy) throw new DomainError('auth.forbidden');
    const decision = decideRoute(policy, actorOf(request));
    if (!decision.allow) {
      throw new DomainError(
        decision.reason === 'unauthenticated' ? 'auth.unauthenticated' : 'auth.forbidden',
      );
    }
    // Two-factor sign-in is required for therapists and administrators: until theirs is confirmed,
    // only the session read, signing out and the setup itself answer them. Public routes answer
    // them as they answer anyone (crisis lines, health, the learn pages stay reachable), so the
    // gate is on what a signed-in account reaches beyond that.
    if (
      policy !== 'public' &&
      actors.get(request)?.twoFactorPending === true &&
      !openBeforeTwoFactor(request.routeOptions.config)
    ) {
      throw new DomainError('auth.two_factor_setup_needed');
    }
  });
}

/** Collects every route as it is registered, so tests can enumerate them. */
export function collectRoutes(app: FastifyInstance): RouteOptions[] {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  return routes;
}
