import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer, SealError } from './sealing.js';

const sealer = createSealer(randomBytes(32));
const ctx = { table: 'checkins', id: 'a', field: 'content' };

describe('sealing', () => {
  it('opens what it sealed, with a fresh nonce each time', () => {
    const { dataKey } = sealer.newDataKey('u1');
    const one = sealer.seal(dataKey, 'tender words', ctx);
    const two = sealer.seal(dataKey, 'tender words', ctx);
    expect(one).not.toBe(two);
    expect(sealer.open(dataKey, one, ctx)).toBe('tender words');
  });

  it('refuses a ciphertext moved to another row or field', () => {
    const { dataKey } = sealer.newDataKey('u1');
    const sealed = sealer.seal(dataKey, 'tender words', ctx);
    expect(() => sealer.open(dataKey, sealed, { ...ctx, id: 'b' })).toThrow(SealError);
    expect(() => sealer.open(dataKey, sealed, { ...ctx, field: 'title' })).toThrow(SealError);
  });

  it("refuses another person's key, and a wrapped key moved to another person", () => {
    const alex = sealer.newDataKey('alex');
    const sam = sealer.newDataKey('sam');
    const sealed = sealer.seal(alex.dataKey, 'tender words', ctx);
    expect(() => sealer.open(sam.dataKey, sealed, ctx)).toThrow(SealError);
    expect(() => sealer.unwrap('sam', alex.wrapped)).toThrow(SealError);
    expect(sealer.open(sealer.unwrap('alex', alex.wrapped), sealed, ctx)).toBe('tender words');
  });

  it('detects a tampered ciphertext', () => {
    const { dataKey } = sealer.newDataKey('u1');
    const sealed = sealer.seal(dataKey, 'tender words', ctx);
    const bytes = Buffer.from(sealed.split('.')[1] ?? '', 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => sealer.open(dataKey, `sf1.${bytes.toString('base64')}`, ctx)).toThrow(SealError);
  });

  it('verifies the master key check only with the same master key', () => {
    const check = sealer.keyCheck();
    expect(sealer.verifyKeyCheck(check)).toBe(true);
    expect(createSealer(randomBytes(32)).verifyKeyCheck(check)).toBe(false);
  });
});
