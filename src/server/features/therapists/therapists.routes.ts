import type { FastifyInstance } from 'fastify';
import { therapistsApi as api } from '../../../shared/api/therapists.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import { deviceOf, withSessionCookie } from '../../http/session-cookie.js';
import * as therapists from './therapists.service.js';

export function registerTherapistRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.invite, (c, { body }) => therapists.inviteTherapist(deps, c, body));
  serve(app, deps, api.invites, () => therapists.therapistInvites(deps));
  serve(app, deps, api.revoke, (_, { params }) =>
    therapists.withdrawTherapistInvite(deps, params.id),
  );
  serve(app, deps, api.list, () => therapists.therapists(deps));
  serve(app, deps, api.remove, (c, { params }, http) =>
    therapists.removeTherapist(deps, c, params.id, http.request.id),
  );
  serve(app, deps, api.check, (_, { body }) => therapists.checkTherapistInvite(deps, body));
  serve(app, deps, api.accept, async (_, { body }, http) =>
    withSessionCookie(
      deps,
      http,
      await therapists.acceptTherapistInvite(deps, body, deviceOf(http)),
    ),
  );
}
