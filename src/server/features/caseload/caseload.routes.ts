import type { FastifyInstance } from 'fastify';
import { caseloadApi as api } from '../../../shared/api/caseload.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import { clientReport } from './caseload.report.js';
import * as caseload from './caseload.service.js';

export function registerCaseloadRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.caseload, (c, _i, http) =>
    caseload.caseload(deps, c, { requestId: http.request.id }),
  );
  serve(app, deps, api.alerts, (c, _i, http) =>
    caseload.therapistAlerts(deps, c, { requestId: http.request.id }),
  );
  serve(app, deps, api.alertSeen, (c, input) => caseload.markSeen(deps, c, input));
  serve(app, deps, api.summary, (c, input, http) =>
    caseload.clientSummary(deps, c, input, { requestId: http.request.id }),
  );
  serve(app, deps, api.report, async (c, input, http) => {
    const pdf = await clientReport(deps, c, input, { requestId: http.request.id });
    await http.reply
      .code(200)
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="client-report.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  });
  serve(app, deps, api.suggestOptions, () => caseload.suggestOptions(deps));
  serve(app, deps, api.suggest, (c, input) => caseload.suggest(deps, c, input));
  serve(app, deps, api.mySuggestions, (c) => caseload.mySuggestions(deps, c));
  serve(app, deps, api.setAside, (c, input) => caseload.setAside(deps, c, input));
}
