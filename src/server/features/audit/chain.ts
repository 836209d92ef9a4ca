/**
 * The audit log's hash chain. Each event's hash covers its own fields and the hash of the event
 * before it, so removing, reordering or editing any event breaks every link after it; verifying
 * names the first broken one. Events say who read what and when, never any content.
 */
import { createHash } from 'node:crypto';

/** The hash the first event chains from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  /** Position in the log, from 1, with no gaps. */
  readonly seq: number;
  readonly id: string;
  readonly at: number;
  readonly actorId: string;
  readonly actorRole: string;
  /** What was done: `read`, `export`, `consent`, `link`… */
  readonly action: string;
  /** Whose data, if anyone's. */
  readonly subjectId: string | null;
  readonly category: string | null;
  /** The ids of the items read, never their content. */
  readonly items: readonly string[];
  readonly requestId: string;
}

export interface ChainedEvent extends AuditFields {
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash of an event chained after `prevHash` (over a fixed-order JSON array of its fields). */
export function eventHash(prevHash: string, e: AuditFields): string {
  const canonical = JSON.stringify([
    prevHash,
    e.seq,
    e.id,
    e.at,
    e.actorId,
    e.actorRole,
    e.action,
    e.subjectId,
    e.category,
    e.items,
    e.requestId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Chains new events after the last one (`prev`: its seq and hash, or undefined for an empty log). */
export function chain(
  prev: { readonly seq: number; readonly hash: string } | undefined,
  events: readonly Omit<AuditFields, 'seq'>[],
): ChainedEvent[] {
  let seq = prev?.seq ?? 0;
  let prevHash = prev?.hash ?? GENESIS_HASH;
  return events.map((e) => {
    seq += 1;
    const fields = { ...e, seq };
    const hash = eventHash(prevHash, fields);
    const chained = { ...fields, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

export type Verdict =
  | { readonly ok: true; readonly count: number }
  | {
      readonly ok: false;
      readonly count: number;
      /** The first event whose link is broken (or where one is missing). */
      readonly brokenAt: number;
      readonly reason: 'gap' | 'previous_hash' | 'hash';
    };

/**
 * Checks a stretch of the log, oldest first. `before` is the event just before the stretch (its seq
 * and hash), undefined when the stretch starts the log; verifying in pages passes the last one on.
 */
export function verify(
  events: readonly ChainedEvent[],
  before?: { readonly seq: number; readonly hash: string },
): Verdict {
  let seq = before?.seq ?? 0;
  let prevHash = before?.hash ?? GENESIS_HASH;
  for (const [index, e] of events.entries()) {
    const count = index;
    if (e.seq !== seq + 1) return { ok: false, count, brokenAt: seq + 1, reason: 'gap' };
    if (e.prevHash !== prevHash)
      return { ok: false, count, brokenAt: e.seq, reason: 'previous_hash' };
    if (eventHash(prevHash, e) !== e.hash)
      return { ok: false, count, brokenAt: e.seq, reason: 'hash' };
    seq = e.seq;
    prevHash = e.hash;
  }
  return { ok: true, count: events.length };
}
