import type { z } from 'zod';
import type { ErrorCode } from '../../core/errors.js';

/**
 * Who may call an endpoint, in the product's words. The server resolves the caller once per request
 * and refuses anyone else before the handler runs:
 * - `anyone`: signed in or not (learn pages, crisis lines, signing in);
 * - `signedIn`: any account, its own session and profile;
 * - `admin`: the practice's administrator;
 * - `therapist`: a therapist of the practice (what they may read of a client is the consent rule's);
 * - `member`: a person on the program (administrators are refused), with or without a journey;
 * - `journeyMember`: a member with a journey (else `journey.none`);
 * - `safetyChecked`: a journey member who has done their own private safety check (else
 *   `safety.check_needed`, asked first; then `journey.none`). Joint features need it.
 */
export type CallerNeed =
  'anyone' | 'signedIn' | 'admin' | 'therapist' | 'member' | 'journeyMember' | 'safetyChecked';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Schema = z.ZodType;

/**
 * One endpoint of the API, as both sides see it: from this the server builds its route (policy,
 * validation, documented errors, OpenAPI entry) and the web client its typed call.
 */
export interface Endpoint<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema | null = Schema | null,
  C extends CallerNeed = CallerNeed,
> {
  readonly method: Method;
  /** Fastify's form: `/api/commitments/:id/logs`. */
  readonly path: string;
  /** The OpenAPI tag: the feature, in the product's words. */
  readonly tag: string;
  readonly summary: string;
  readonly caller: C;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** The most bytes of body the server reads, when the app's default is too little (long letters). */
  readonly bodyLimit?: number;
  /** The success body's schema; null for an empty answer (204). */
  readonly response: R;
  /** The success status: 200 unless said (201 for a creation, 204 for nothing to say). */
  readonly status?: 200 | 201 | 204;
  /**
   * The errors this endpoint's own rules may answer. The caller's (401, 403, `journey.none`,
   * `safety.check_needed`) and validation (400) are added from `caller` and the schemas.
   */
  readonly errors?: readonly ErrorCode[];
  /**
   * Answers that are neither the success nor a problem, by status, with their body's schema (the
   * health check's 503 says what is down in its usual shape). The handler picks one by setting
   * the reply's status.
   */
  readonly otherAnswers?: Readonly<Record<number, Schema>>;
  /**
   * Open to a therapist or administrator who has not set up two-factor sign-in yet (which they
   * must before anything else): the session read, signing out and the two-factor setup itself.
   * Every other signed-in route answers them `auth.two_factor_setup_needed`.
   */
  readonly beforeTwoFactor?: true;
}

/** Declares an endpoint, keeping its schemas' exact types for the route and the client. */
export const endpoint = <
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | null = null,
  C extends CallerNeed = CallerNeed,
>(
  e: Endpoint<P, Q, B, R, C>,
): Endpoint<P, Q, B, R, C> => e;

type Infer<S> = [Exclude<S, undefined>] extends [never]
  ? undefined
  : Exclude<S, undefined> extends Schema
    ? z.infer<Exclude<S, undefined>>
    : undefined;
type InputOf<S> = [Exclude<S, undefined>] extends [never]
  ? undefined
  : Exclude<S, undefined> extends Schema
    ? z.input<Exclude<S, undefined>>
    : undefined;

/** What a handler receives: the validated path params, query and body. */
export interface Input<E extends Endpoint> {
  readonly params: Infer<E['params']>;
  readonly query: Infer<E['query']>;
  readonly body: Infer<E['body']>;
}

/** What a handler answers (nothing, for an endpoint that answers 204). */
export type Output<E extends Endpoint> = E['response'] extends Schema
  ? z.input<E['response']>
  : void;

/** What the web client gets back (after the server's serialisation). */
export type Answer<E extends Endpoint> = E['response'] extends Schema
  ? z.output<E['response']>
  : undefined;

type Present<K extends string, T> = [T] extends [undefined]
  ? { readonly [k in K]?: undefined }
  : { readonly [k in K]: T };

/** What the web client sends: params for the path, query and body, each only when the endpoint has one. */
export type Request<E extends Endpoint> = Present<'params', InputOf<E['params']>> &
  Present<'query', InputOf<E['query']>> &
  Present<'body', InputOf<E['body']>>;

/** `/api/commitments/:id/logs` with `{ id: 'x' }` → `/api/commitments/x/logs`. */
export function pathFor(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`Missing path parameter ${name} for ${path}`);
    }
    return encodeURIComponent(value);
  });
}
