import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import { installZodMessages } from '../shared/api/zod-messages.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerTwoFactorRoutes } from './auth/two-factor.routes.js';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { registerCaseloadRoutes } from './features/caseload/caseload.routes.js';
import { registerQuestionRoutes } from './features/questions/questions.routes.js';
import { registerCheckinRoutes } from './features/checkins/checkins.routes.js';
import { registerCrisisRoutes } from './features/crisis/crisis.routes.js';
import { registerPracticeRoutes } from './features/practice/practice.routes.js';
import { registerAuditRoutes } from './features/audit/audit.routes.js';
import { registerIntakeRoutes } from './features/intake/intake.routes.js';
import { registerTherapistRoutes } from './features/therapists/therapists.routes.js';
import { registerOutboxRoutes } from './mail/outbox.routes.js';
import { registerDocsRoutes } from './features/docs/docs.routes.js';
import { registerHealthRoutes } from './features/health/health.routes.js';
import { registerJourneyRoutes } from './features/journeys/journeys.routes.js';
import { registerLearnRoutes } from './features/learn/learn.routes.js';
import { registerDirectoryRoutes } from './features/directory/directory.routes.js';
import { registerGroupRoutes } from './features/groups/groups.routes.js';
import { registerAgreementRoutes } from './features/agreements/agreements.routes.js';
import { registerCommitmentRoutes } from './features/commitments/commitments.routes.js';
import { registerConsentRoutes } from './features/consent/consent.routes.js';
import { registerLetterRoutes } from './features/letters/letters.routes.js';
import { registerPartnerRoutes } from './features/partners/partners.routes.js';
import { registerSafetyRoutes } from './features/safety/safety.routes.js';
import { registerScreenRoutes } from './features/screens/screens.routes.js';
import { registerSetupRoutes } from './features/setup/setup.routes.js';
import { registerTimeoutRoutes } from './features/timeouts/timeouts.routes.js';
import { registerProgramRoutes } from './features/program/program.routes.js';
import { registerToolRoutes } from './features/tools/tools.routes.js';
import { registerWebRoutes } from './features/web/web.routes.js';
import { registerActivityRoutes } from './features/activities/activities.routes.js';
import { registerMeetingRoutes } from './features/meetings/meetings.routes.js';
import { collectRoutes, registerAccess } from './http/access.js';
import { openApiOptions } from './http/openapi.js';
import { registerSecurityHeaders } from './http/headers.js';
import { zodSerializerCompiler } from './http/serializer.js';
import { textSafeValidatorCompiler } from './http/validator.js';
import { notFoundPage } from './pages/not-found.js';
import { problemFor, sendProblem, toProblem } from './problems.js';
import { registerClosenessRoutes } from './features/closeness/closeness.routes.js';
import { registerReconnectionRoutes } from './features/reconnection/reconnection.routes.js';
import { registerForgivenessRoutes } from './features/forgiveness/forgiveness.routes.js';

export interface BuiltApp {
  readonly app: FastifyInstance;
  /** Every registered route, for the policy and authorization tests. */
  readonly routes: readonly RouteOptions[];
}

/** Nothing a person writes, and no secret, reaches the logs. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-steadfast-csrf"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.note',
  '*.text',
  '*.email',
  // Two-factor sign-in: the secret and the recovery codes. (Not `*.code`: it would hide every
  // error's code too; bodies are not logged, and a sign-in code is worthless once its step passed.)
  '*.secret',
  '*.recoveryCodes',
  // Closeness (step 6): a person's marks, and what both marked ready.
  '*.marks',
  '*.matches',
];

const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * A hop count trusts the socket peer and the next n-1 X-Forwarded-For entries from the right (this
 * Fastify treats a bare number as "trust nothing"); addresses trust only those proxies.
 */
function trustProxyOption(trust: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return [...trust];
}

/**
 * Slow or idle connections are closed, so that many connections trickling bytes cannot hold the
 * server: whole headers within 15 s, the whole request within 30 s, an idle keep-alive connection
 * after 5 s, any connection silent for 60 s. Node checks the first two every `checkEveryMs`.
 */
export const serverTimeouts = {
  headersMs: 15_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  idleMs: 60_000,
  checkEveryMs: 1_000,
};
export type ServerTimeouts = typeof serverTimeouts;

/** Builds the whole app without listening; tests drive it with `inject`. */
export async function buildApp(
  deps: Deps,
  options: { logger?: FastifyServerOptions['logger']; timeouts?: Partial<ServerTimeouts> } = {},
): Promise<BuiltApp> {
  const timeouts = { ...serverTimeouts, ...options.timeouts };
  const app = Fastify({
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    logger: options.logger ?? { level: deps.config.logLevel, redact: redactPaths },
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
  });
  installZodMessages();
  const routes = collectRoutes(app);
  app.setValidatorCompiler(textSafeValidatorCompiler);
  app.setSerializerCompiler(zodSerializerCompiler);

  await app.register(swagger, openApiOptions(deps.config));
  await app.register(cookie);
  registerSecurityHeaders(app, deps.config.secureCookies);

  registerAccess(app, deps);
  // Nothing from the API is kept by browsers or proxies unless a route says otherwise.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  app.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, request)));
  app.setNotFoundHandler({}, (request, reply) => {
    const wantsHtml =
      request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!request.url.startsWith('/api/') && wantsHtml) {
      return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
    }
    return sendProblem(reply, problemFor('not_found'));
  });

  registerHealthRoutes(app, deps);
  registerSetupRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerTwoFactorRoutes(app, deps);
  registerJourneyRoutes(app, deps);
  registerPartnerRoutes(app, deps);
  registerSafetyRoutes(app, deps);
  registerCheckinRoutes(app, deps);
  registerScreenRoutes(app, deps);
  registerLetterRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerCommitmentRoutes(app, deps);
  registerTimeoutRoutes(app, deps);
  registerProgramRoutes(app, deps);
  registerConsentRoutes(app, deps);
  registerLearnRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerToolRoutes(app, deps);
  registerCrisisRoutes(app, deps);
  registerPracticeRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  registerTherapistRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerCaseloadRoutes(app, deps);
  registerActivityRoutes(app, deps);
  registerClosenessRoutes(app, deps);
  registerReconnectionRoutes(app, deps);
  registerQuestionRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  registerForgivenessRoutes(app, deps);
  registerDocsRoutes(app);
  registerWebRoutes(app, deps);

  await app.ready();
  return { app, routes };
}
