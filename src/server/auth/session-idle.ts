import { sealContext } from '../crypto/contexts.js';
import type { Sealer } from '../crypto/sealing.js';

/**
 * Each session's idle time is stored sealed under the master key, for every session alike: a
 * shorter one means discreet mode (which safety mode turns on), and a copy of the database must
 * not tell who that is.
 */
const context = (userId: string) => sealContext('sessionIdle', userId);

export const sealIdle = (sealer: Sealer, userId: string, idleMs: number): string =>
  // Padded to one width, so not even the length of the value differs between people.
  sealer.sealForServer(String(idleMs).padStart(12, '0'), context(userId));

// Opened values by (person, sealed value): the session lookup runs on every request.
const opened = new Map<string, number>();
const CACHE_SIZE = 5000;

export function openIdle(sealer: Sealer, userId: string, sealed: string): number {
  const key = `${userId}:${sealed}`;
  const hit = opened.get(key);
  if (hit !== undefined) return hit;
  const idleMs = Number(sealer.openForServer(sealed, context(userId)));
  if (opened.size >= CACHE_SIZE) opened.delete(opened.keys().next().value ?? '');
  opened.set(key, idleMs);
  return idleMs;
}
