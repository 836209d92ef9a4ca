import type { FastifyInstance } from 'fastify';
import { consentApi as api } from '../../../shared/api/consent.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as consent from './consent.service.js';

export function registerConsentRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.myLinks, (c) => consent.myLinks(deps, c));
  serve(app, deps, api.directory, () => consent.linkDirectory(deps));
  serve(app, deps, api.request, (c, input, http) =>
    consent.requestLink(deps, c, input, http.request.id),
  );
  serve(app, deps, api.alertChoice, (c, input, http) =>
    consent.changeAlertChoice(deps, c, input, http.request.id),
  );
  serve(app, deps, api.consent, (c, input, http) =>
    consent.changeConsent(deps, c, input, http.request.id),
  );
  serve(app, deps, api.endMine, (c, input, http) =>
    consent.endMyLink(deps, c, input, http.request.id),
  );
  serve(app, deps, api.clients, (c) => consent.clientLinks(deps, c));
  serve(app, deps, api.accept, (c, input, http) =>
    consent.acceptLink(deps, c, input, http.request.id),
  );
  serve(app, deps, api.decline, (c, input, http) =>
    consent.declineLink(deps, c, input, http.request.id),
  );
  serve(app, deps, api.endTheirs, (c, input, http) =>
    consent.endClientLink(deps, c, input, http.request.id),
  );
  serve(app, deps, api.code, (c) => consent.createLinkCode(deps, c));
}
