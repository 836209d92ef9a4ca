import { CompiledQuery, type Compilable } from 'kysely';

const SENTINEL = '\u0000steadfast-param-';

/**
 * Builds and compiles a query once, then reuses its SQL for every call, only swapping in the
 * parameters. Kysely otherwise rebuilds and recompiles the same query tree on every request, which
 * costs more on the hottest reads than running them. `build` must produce the same SQL shape for
 * any arguments (use separate compiled queries for optional parts); a test checks the SQL and
 * parameters match a fresh build.
 */
export function compileOnce<Args extends readonly (string | number)[], Row>(
  build: (...args: Args) => Compilable<Row>,
  arity: Args['length'],
): (...args: Args) => CompiledQuery<Row> {
  const placeholders = Array.from({ length: arity }, (_, i) => `${SENTINEL}${i}`);
  const template = build(...(placeholders as unknown as Args)).compile();
  const slots = template.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(SENTINEL) ? Number(p.slice(SENTINEL.length)) : -1,
  );
  return (...args: Args) => ({
    ...template,
    parameters: slots.map((slot, i) => (slot >= 0 ? args[slot] : template.parameters[i])),
  });
}

export { CompiledQuery };

/** One value per database handle (compiled queries belong to the handle that built them). */
export function perDatabase<Key extends object, Value>(
  make: (db: Key) => Value,
): (db: Key) => Value {
  const cache = new WeakMap<Key, Value>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = make(db);
      cache.set(db, value);
    }
    return value;
  };
}
