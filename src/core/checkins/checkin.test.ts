import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { decodeCursor, encodeCursor } from './checkin.js';

describe('history cursors', () => {
  it('round-trip any position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8_000_000_000_000 }), fc.uuid(), (createdAt, id) => {
        expect(decodeCursor(encodeCursor({ createdAt, id }))).toEqual({ createdAt, id });
      }),
    );
  });

  it('refuse anything else with a domain error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          const c = decodeCursor(text);
          expect(encodeCursor(c)).toBe(text.replace(/=+$/, ''));
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
        }
      }),
    );
    expect(() => decodeCursor('not a cursor')).toThrow(DomainError);
  });
});
