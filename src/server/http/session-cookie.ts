import type { SessionInfo } from '../../shared/api/auth.js';
import type { Device, StartedSession } from '../auth/auth.service.js';
import type { Deps } from '../deps.js';
import { sessionCookieName, sessionHashOf } from './access.js';
import type { Http } from './route.js';

/** The plain facts a sign-in needs from the request: the client's address and its session. */
export const deviceOf = ({ request }: Http): Device => ({
  address: request.ip,
  session: sessionHashOf(request),
});

/** Hands the browser its new session as an HttpOnly cookie, and answers what the screens need. */
export function withSessionCookie(
  deps: Deps,
  { reply }: Http,
  started: StartedSession,
): SessionInfo {
  reply.setCookie(sessionCookieName(deps.config.secureCookies), started.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
  });
  return started.info;
}

export function clearSessionCookie(deps: Deps, { reply }: Http): void {
  reply.clearCookie(sessionCookieName(deps.config.secureCookies), { path: '/' });
}
