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

  it('keeps short server-held values opened, yet a new value or another place is never served from memory', () => {
    const place = { table: 'users', id: 'u1', field: 'display_name' };
    const first = sealer.sealForServer('Alex', place);
    expect(sealer.openForServer(first, place)).toBe('Alex');
    expect(sealer.openForServer(first, place)).toBe('Alex');
    // Renamed: a new ciphertext, opened afresh.
    expect(sealer.openForServer(sealer.sealForServer('Al', place), place)).toBe('Al');
    // Once opened and kept, the same ciphertext still refuses to open in another row or field.
    expect(() => sealer.openForServer(first, { ...place, id: 'u2' })).toThrow(SealError);
    expect(() => sealer.openForServer(first, { ...place, field: 'country' })).toThrow(SealError);
  });
});
