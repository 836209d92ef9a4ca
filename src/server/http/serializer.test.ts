import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { zodSerializerCompiler } from './serializer.js';

describe('response serializer', () => {
  it('writes only the declared fields, so nothing undeclared can leak into a response', () => {
    const write = zodSerializerCompiler({
      schema: z.object({ id: z.string(), partner: z.object({ name: z.string() }).nullable() }),
    });
    expect(write({ id: 'a', partner: null, note: 'private words' })).toBe(
      '{"id":"a","partner":null}',
    );
    expect(
      JSON.parse(write({ id: 'a', partner: { name: 'Sam', email: 'sam@example.org' } })),
    ).toEqual({ id: 'a', partner: { name: 'Sam' } });
  });
});
