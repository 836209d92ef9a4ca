import fastJson from 'fast-json-stringify';
import { z, type ZodType } from 'zod';

/**
 * Responses are written by fast-json-stringify from the JSON Schema of each route's Zod response
 * schema. It emits only declared properties (nothing undeclared can leak into a response) and is
 * several times faster than validating with Zod and then calling JSON.stringify; the shapes
 * themselves are checked at compile time by the Zod type provider.
 */
export function zodSerializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  const jsonSchema = z.toJSONSchema(schema as ZodType, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  });
  return fastJson(allowExtra(jsonSchema) as Parameters<typeof fastJson>[0]);
}

/**
 * Zod marks output objects `additionalProperties: false`; inside anyOf (nullable objects) that makes
 * fast-json-stringify reject an object with extra fields instead of dropping them. Serializing
 * should drop, so the flag is removed everywhere.
 */
function allowExtra(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowExtra);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = allowExtra(value);
  }
  return out;
}
