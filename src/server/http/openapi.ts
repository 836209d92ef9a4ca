import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutePolicy } from '../../core/access/policy.js';
import { Problem } from '../../shared/api/problem.js';
import type { Config } from '../config.js';
import { appVersion } from '../version.js';
import { policyOf, sessionCookieName } from './access.js';

/** What a route's policy means to a client, in the operation's description. */
const policyWords: Record<RoutePolicy, string> = {
  public: 'Anyone may call this, signed in or not.',
  signedIn: 'Needs a signed-in session (any account).',
  member: 'Needs a signed-in member; administrators and therapists are refused (403).',
  admin: "Needs the practice's administrator.",
  therapist:
    "Needs a therapist of the practice; what they may read of a client is that client's consent.",
};

const tagDescriptions: Record<string, string> = {
  health: 'Whether the server and its database are up.',
  setup: 'The one-time creation of the first administrator.',
  auth: 'Accounts and sessions: sign up, sign in, sign out.',
  journeys: 'A journey: the path a person (or a couple) takes, and its invitations.',
  partners: 'Joining a partner’s journey through an invitation.',
  safety: 'The private safety questions and discreet mode.',
  checkins: 'Check-ins: feelings and a note, private or shared with a partner.',
  screens: 'Validated questionnaires and their results.',
  letters: 'Letters between partners, drafted privately and shared when ready.',
  agreements: 'Agreements partners propose and answer.',
  commitments: 'Commitments under agreements, and the entries that keep track of them.',
  timeouts: 'Time-outs: a pause either partner can call.',
  program: 'The guided program: steps and exercises.',
  crisis: 'Crisis and abuse lines for a country.',
  audit:
    'The hash-chained log of who read or changed what about whom: a client’s read log, the practice’s log and its check.',
  consent:
    'Linking a client with a therapist, what the client lets the therapist see, and the alerts the client chose.',
  intake: 'Asking the practice for help, and the inbox where those requests land.',
  directory: "Therapists' public profiles: their own to write, the administrator's to publish.",
  groups: "The practice's groups and their schedules, planned by the administrator.",
  therapists:
    "The practice's therapists: invitations from the administrator, and joining through one.",
  mail: 'Outgoing mail kept in the outbox when no SMTP server is configured.',
  'two-factor':
    'Two-factor sign-in (TOTP): setting it up with an authenticator app, recovery codes, turning it off. Required for therapists and administrators.',
  caseload:
    'The therapist’s side: caseload and alerts, between-sessions summaries and reports of what clients share (every read is logged), and gentle suggestions.',
  forgiveness:
    'Step 7: private forgiveness reflections, and Steadfast’s own reflection on avoidance, resentment and goodwill, charted and shared only by choice.',
};

/** Why a client gets each error status; the body is always problem details. */
const errorDescriptions: Record<string, string> = {
  '400': 'The request is not valid; `errors` says which fields to fix.',
  '401': 'Not signed in, or the session has ended.',
  '403':
    'Not available to this account, a state-changing request without the CSRF header, or (`auth.two_factor_setup_needed`) a therapist or administrator who has not set up two-factor sign-in yet.',
  '404': 'Nothing here, or nothing this account may see.',
  '409': 'Conflicts with how things stand now (see `code`).',
  '410': 'The link was used, has expired or was withdrawn.',
  '422': 'Understood, but not accepted as sent (see `detail`).',
  '429': 'Too many tries in a short time; wait and try again.',
};

const SAFE_METHODS = new Set(['get', 'head', 'options']);
const PROBLEM_REF = '#/components/schemas/Problem';
export const SESSION_SCHEME = 'sessionCookie';
export const CSRF_SCHEME = 'csrfHeader';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  'x-access'?: RoutePolicy;
}

export interface OpenApiDocument {
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description: string }[];
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  paths?: Record<string, Record<string, Operation>>;
}

const pascal = (word: string): string =>
  word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** `DELETE /api/checkins/{id}` → `deleteCheckinsById`: unique because method + path are. */
export function operationIdFor(method: string, path: string): string {
  const parts = path
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By${pascal(param[1]!)}` : pascal(segment);
    });
  return method.toLowerCase() + parts.join('');
}

const problemSchema = (): Record<string, unknown> => {
  const schema: Record<string, unknown> = { ...z.toJSONSchema(Problem, { io: 'output' }) };
  delete schema.$schema; // the document's own dialect applies
  return {
    ...schema,
    description:
      'RFC 9457 problem details. `type` is a link to a short page about the problem; `code` is stable for programs.',
  };
};

/**
 * The one place that turns the routes into the published document: every error as problem details
 * (`application/problem+json`), the 401/403 each policy can give, an operationId, and the session
 * cookie and CSRF header as security schemes on the operations that need them.
 */
export function finishDocument(doc: OpenApiDocument, config: Config): OpenApiDocument {
  const used = new Set<string>();
  const paths: NonNullable<OpenApiDocument['paths']> = {};
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      const policy = op['x-access'] ?? 'public';
      const changes = !SAFE_METHODS.has(method);
      const signedIn = policy !== 'public';
      const responses = { ...op.responses };
      if (signedIn) responses['401'] ??= {};
      // Every signed-in route refuses a therapist or administrator without two-factor sign-in.
      if (changes || signedIn) responses['403'] ??= {};
      for (const status of Object.keys(responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        responses[status] = {
          description: errorDescriptions[status] ?? 'Problem details.',
          content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
        };
      }
      const requirement = {
        ...(signedIn ? { [SESSION_SCHEME]: [] } : {}),
        ...(changes ? { [CSRF_SCHEME]: [] } : {}),
      };
      for (const tag of op.tags ?? []) used.add(tag);
      paths[path][method] = {
        ...op,
        operationId: operationIdFor(method, path),
        description: [policyWords[policy], changes ? 'Send the header `X-Steadfast-CSRF: 1`.' : '']
          .filter(Boolean)
          .join(' '),
        responses: Object.fromEntries(
          Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
        ),
        ...(Object.keys(requirement).length ? { security: [requirement] } : {}),
      };
    }
  }
  const cookie = sessionCookieName(config.secureCookies);
  return {
    ...doc,
    info: { ...doc.info, version: appVersion },
    servers: [{ url: config.publicOrigin, description: 'This Steadfast instance' }],
    tags: [...used].sort().map((name) => ({
      name,
      description: tagDescriptions[name] ?? name,
    })),
    components: {
      ...doc.components,
      schemas: { ...doc.components?.schemas, Problem: problemSchema() },
      securitySchemes: {
        [SESSION_SCHEME]: {
          type: 'apiKey',
          in: 'cookie',
          name: cookie,
          description: `The HttpOnly session cookie set by signing in (named \`__Host-sf_session\` when the instance is served over HTTPS, \`sf_session\` otherwise).`,
        },
        [CSRF_SCHEME]: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Steadfast-CSRF',
          description:
            'Every state-changing request must send `X-Steadfast-CSRF: 1`; a request without it is refused (403).',
        },
      },
    },
    paths,
  };
}

/** @fastify/swagger's options: the route transform keeps each policy, the document is finished above. */
export function openApiOptions(config: Config): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steadfast API',
        version: appVersion,
        description:
          'The API of a Steadfast instance, used by its web client. Every state-changing request needs the header `X-Steadfast-CSRF: 1`; the web client also sends `X-Steadfast-User: <its user id>`, and a change is refused (409) when the session belongs to someone else. Sessions are an HttpOnly cookie. Errors are RFC 9457 problem details.',
        contact: { name: 'The practice that runs this instance', url: config.publicOrigin },
        license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const policy = policyOf(input.route.config);
      return { ...out, schema: { ...out.schema, ...(policy ? { 'x-access': policy } : {}) } };
    },
    transformObject: (input) =>
      'openapiObject' in input
        ? (finishDocument(
            input.openapiObject as OpenApiDocument,
            config,
          ) as typeof input.openapiObject)
        : input.swaggerObject,
  };
}
