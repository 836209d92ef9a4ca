import type { Problem } from '../../shared/api/problem.js';
import { pathFor, type Answer, type Endpoint, type Request } from '../../shared/api/endpoint.js';
import type { Route } from './route.js';
import { t } from '../../shared/i18n/messages.js';

/** An answer that was not a success, carried as the problem details the server sent (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Pick<Problem, 'title' | 'detail' | 'code' | 'errors'>,
  ) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  /** Per-field messages keyed by the top-level field name (`feelings.0.intensity` → `feelings`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.field.split(/[.[]/)[0] ?? e.field;
      out[key] ??= e.message;
    }
    return out;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

const networkProblem = (): ApiError =>
  new ApiError(0, {
    title: t('error.networkTitle'),
    detail: t('error.network'),
    code: 'network',
  });

function looksLikeProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.detail === 'string' && typeof b.code === 'string';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who this page believes is signed in. Every state change says so, and the server refuses it when
 * the browser's session now belongs to someone else (a partner signed in from another tab), so a
 * stale tab can never save one person's words into another person's account.
 */
let signedInAs: string | undefined;
export const setSignedInUser = (id: string | undefined): void => {
  signedInAs = id;
};

/**
 * One request to the API. The session cookie rides along (same origin only), every state change
 * carries the CSRF header the server requires, and any failure becomes an ApiError.
 */
async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-steadfast-csrf'] = '1';
    if (signedInAs) headers['x-steadfast-user'] = signedInAs;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw networkProblem();
  }
  if (response.status === 204) return undefined as T;
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    // An empty or non-JSON answer (a proxy's error page, say) is handled below.
  }
  if (response.ok) return parsed as T;
  if (looksLikeProblem(parsed)) throw new ApiError(response.status, parsed);
  throw new ApiError(response.status, {
    title: t('error.unexpectedTitle'),
    detail: t('error.unexpected'),
    code: 'unexpected',
  });
}

/**
 * Calls one endpoint of the API (from `endpoints`) as its contract in src/shared/api describes it: the path filled
 * from `params`, the query string from `query`, the body from `body`, the answer typed by the
 * contract's response schema. No call site states its own types.
 */
export function call<E extends Endpoint>(
  e: Route<E>,
  ...[input]: object extends Request<E> ? [input?: Request<E>] : [input: Request<E>]
): Promise<Answer<E>> {
  const given = (input ?? {}) as { params?: object; query?: object; body?: unknown };
  let path = pathFor(e.path, given.params as Record<string, unknown> | undefined);
  const query = Object.entries((given.query ?? {}) as Record<string, unknown>).filter(
    ([, value]) => value !== undefined,
  );
  if (query.length > 0) {
    path += `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}`;
  }
  const body = e.method === 'GET' || e.method === 'DELETE' ? undefined : (given.body ?? {});
  return request<Answer<E>>(e.method, path, body);
}
