import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * All sealing goes through this module, so that moving it into the browser later touches one place.
 *
 * AES-256-GCM with a fresh 96-bit nonce per value. Each person has a data key, stored only wrapped
 * (sealed) under the master key, which never enters the database. The associated data binds every
 * ciphertext to its row and field, so a sealed value copied into another row does not open.
 */
const VERSION = 'sf1';
const PREFIX = `${VERSION}.`;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class SealError extends Error {}

function sealWith(key: Buffer, plaintext: string, aad: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const packed = Buffer.concat([nonce, cipher.getAuthTag(), body]);
  return `${PREFIX}${packed.toString('base64')}`;
}

function openWith(key: Buffer, sealed: string, aad: string): string {
  if (!sealed.startsWith(PREFIX)) throw new SealError('Unknown sealed format');
  const packed = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  if (packed.length < NONCE_BYTES + TAG_BYTES) throw new SealError('Sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(packed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(packed.subarray(NONCE_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SealError('Sealed value does not open with this key (wrong key, row or field)');
  }
}

/** A person's unwrapped data key. Only this module can use it. */
export interface DataKey {
  readonly userId: string;
  readonly key: Buffer;
}

/** Where a sealed value lives, e.g. { table: 'checkins', id, field: 'content' }. */
export interface SealContext {
  readonly table: string;
  readonly id: string;
  readonly field: string;
}

const aadOf = (ctx: SealContext): string => `${ctx.table}:${ctx.id}:${ctx.field}`;

export interface Sealer {
  /** A new data key for a new person, returned wrapped for storage and unwrapped for use. */
  newDataKey(userId: string): { wrapped: string; dataKey: DataKey };
  unwrap(userId: string, wrapped: string): DataKey;
  seal(dataKey: DataKey, plaintext: string, ctx: SealContext): string;
  open(dataKey: DataKey, sealed: string, ctx: SealContext): string;
  /** Server-held values that belong to no one person (e.g. an outgoing email), sealed under the master key. */
  sealForServer(plaintext: string, ctx: SealContext): string;
  openForServer(sealed: string, ctx: SealContext): string;
  /** A value sealed under the master key that proves, at start-up, the key matches the database. */
  keyCheck(): string;
  verifyKeyCheck(sealed: string): boolean;
}

const KEY_CHECK_AAD = 'settings:master-key-check:value';

/** Unwrapped keys kept in memory, so a busy history page does not unwrap the same key each time. */
const UNWRAPPED_CACHE_SIZE = 2000;
/**
 * Short server-held values (a name, a country, a role) opened on almost every request are kept
 * opened in memory, keyed by their ciphertext and place: a copy of the database is what sealing
 * them guards against, not the running server, which reads them anyway. A changed value has a new
 * ciphertext (a fresh nonce), so it is never served stale; a value moved to another row misses.
 */
const OPENED_CACHE_SIZE = 5000;
const OPENED_MAX_LENGTH = 200;

export function createSealer(masterKey: Buffer): Sealer {
  if (masterKey.length !== KEY_BYTES) throw new SealError('The master key must be 32 bytes');
  const wrapAad = (userId: string) => `users:${userId}:wrapped_key`;
  const unwrapped = new Map<string, DataKey>();
  const opened = new Map<string, string>();
  return {
    newDataKey(userId) {
      const key = randomBytes(KEY_BYTES);
      return {
        wrapped: sealWith(masterKey, key.toString('base64'), wrapAad(userId)),
        dataKey: { userId, key },
      };
    },
    unwrap(userId, wrapped) {
      // Keyed by the wrapped value too: a destroyed or replaced key is never served from the cache.
      const cacheKey = `${userId}:${wrapped}`;
      const hit = unwrapped.get(cacheKey);
      if (hit) return hit;
      const dataKey = {
        userId,
        key: Buffer.from(openWith(masterKey, wrapped, wrapAad(userId)), 'base64'),
      };
      if (unwrapped.size >= UNWRAPPED_CACHE_SIZE)
        unwrapped.delete(unwrapped.keys().next().value ?? '');
      unwrapped.set(cacheKey, dataKey);
      return dataKey;
    },
    seal: (dataKey, plaintext, ctx) => sealWith(dataKey.key, plaintext, aadOf(ctx)),
    open: (dataKey, sealed, ctx) => openWith(dataKey.key, sealed, aadOf(ctx)),
    sealForServer: (plaintext, ctx) => sealWith(masterKey, plaintext, `server:${aadOf(ctx)}`),
    openForServer(sealed, ctx) {
      const aad = `server:${aadOf(ctx)}`;
      const cacheKey = `${aad}\u0000${sealed}`;
      const hit = opened.get(cacheKey);
      if (hit !== undefined) return hit;
      const plain = openWith(masterKey, sealed, aad);
      if (plain.length <= OPENED_MAX_LENGTH) {
        if (opened.size >= OPENED_CACHE_SIZE) opened.delete(opened.keys().next().value ?? '');
        opened.set(cacheKey, plain);
      }
      return plain;
    },
    keyCheck: () => sealWith(masterKey, 'steadfast', KEY_CHECK_AAD),
    verifyKeyCheck(sealed) {
      try {
        return openWith(masterKey, sealed, KEY_CHECK_AAD) === 'steadfast';
      } catch {
        return false;
      }
    },
  };
}
