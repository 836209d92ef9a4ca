import type { FastifyInstance } from 'fastify';
import { authApi as api } from '../../shared/api/auth.js';
import type { Deps } from '../deps.js';
import { sessionHashOf } from '../http/access.js';
import { serve } from '../http/route.js';
import { clearSessionCookie, deviceOf, withSessionCookie } from '../http/session-cookie.js';
import * as auth from './auth.service.js';

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.signUp, async (_, { body }, http) =>
    withSessionCookie(deps, http, await auth.signUp(deps, body, deviceOf(http))),
  );
  serve(app, deps, api.signIn, async (_, { body }, http) =>
    withSessionCookie(deps, http, await auth.signIn(deps, body, deviceOf(http))),
  );
  serve(app, deps, api.signOut, async (_, __, http) => {
    await auth.signOut(deps, sessionHashOf(http.request));
    clearSessionCookie(deps, http);
  });
  serve(app, deps, api.session, (visitor) => auth.currentSession(deps, visitor));
}
