import type { Endpoint, Method } from '../../shared/api/endpoint.js';

/** What the browser knows of an endpoint: its method and path, typed by its contract. */
export interface Route<E extends Endpoint> {
  readonly method: Method;
  readonly path: string;
  /** Never set: carries the contract's type to `call`. */
  readonly contract?: E;
}

export const route = <E extends Endpoint>(method: Method, path: string): Route<E> => ({
  method,
  path,
});
