import { createHash } from 'node:crypto';
import { verify } from './chain.js';
import { DomainError } from '../../../core/errors.js';
import type {
  AdminAuditEntry,
  AuditVerdict,
  ReadLogEntry,
  auditApi,
} from '../../../shared/api/audit.js';
import type { Input, Output } from '../../../shared/api/endpoint.js';
import type { Caller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  eventsAbout,
  eventsInOrder,
  eventsNewestFirst,
  type StoredAuditEvent,
} from './audit.store.js';

/**
 * The audit log as people see it: a client's own read log (every event whose subject is them) and
 * the administrator's view of the practice's log, plus checking the hash chain.
 *
 * The log is append-only. `appendAudit` in audit.store.ts is the only function that writes to
 * `audit_events`; nothing updates or deletes an event, and any change made behind the app's back
 * (an edited row, a removed one) breaks the chain, which `verifyAuditLog` (the verify endpoint
 * and `steadfast audit verify`) names. Events hold ids only, never content or names.
 */

type Api = typeof auditApi;

/** A page's cursor is the position (seq) of its last event; the next page starts before it. */
const encodeSeqCursor = (seq: number): string => String(seq);

function decodeSeqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) throw new DomainError('cursor.invalid');
  return Number(cursor);
}

/** The first `limit` of `rows` (read with one more) and the cursor after them, if there are more. */
function pageFrom(
  rows: readonly StoredAuditEvent[],
  limit: number,
): { page: StoredAuditEvent[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last ? encodeSeqCursor(last.seq) : null,
  };
}

const actorOf = (who: People, e: StoredAuditEvent) => ({
  id: e.actorId,
  name: who.name(e.actorId),
  role: e.actorRole,
});

/** My read log: everything the log holds about me, newest first, with who did it. */
export async function readLog(
  deps: Deps,
  c: Caller,
  { query }: Pick<Input<Api['reads']>, 'query'>,
): Promise<Output<Api['reads']>> {
  const before = decodeSeqCursor(query.cursor);
  const rows = await eventsAbout(deps.database.db, c.userId, before, query.limit + 1);
  const { page, nextCursor } = pageFrom(rows, query.limit);
  const who = await c.keys.people([...new Set(page.map((e) => e.actorId))]);
  return {
    items: page.map((e): ReadLogEntry => ({
      id: e.id,
      at: e.at,
      action: e.action,
      category: e.category,
      count: e.items.length,
      actor: actorOf(who, e),
      mine: e.actorId === c.userId,
    })),
    nextCursor,
  };
}

/**
 * A client as the administrator's log shows them: the first 8 hex digits of a hash of their id.
 * The administrator sees the practice's log "without any content", and a client's name is personal
 * data about someone in therapy, so it is not shown; the reference still lets the administrator see
 * that several events concern the same person (and compare with what a client reports), without
 * naming anyone. Actors are named: they are the practice's own staff (or the client acting on
 * their own consent, shown by role). The hash is domain-separated so it matches no other digest.
 * It is pseudonymous, not anonymous: whoever already holds a client's account id can compute it
 * (which lets the practice find a client's events when they ask), but it names no one by itself.
 */
export const subjectRef = (subjectId: string): string =>
  createHash('sha256')
    .update(`steadfast audit subject\u0000${subjectId}`)
    .digest('hex')
    .slice(0, 8);

/** The practice's log for the administrator, newest first. */
export async function adminLog(
  deps: Deps,
  c: Caller,
  { query }: Pick<Input<Api['log']>, 'query'>,
): Promise<Output<Api['log']>> {
  const before = decodeSeqCursor(query.cursor);
  const rows = await eventsNewestFirst(deps.database.db, before, query.limit + 1);
  const { page, nextCursor } = pageFrom(rows, query.limit);
  // Only the names of those who acted are read; a client who acted (a consent change) is shown by
  // role alone, so that no client's name reaches the administrator through the log.
  const staff = page.filter((e) => e.actorRole !== 'member').map((e) => e.actorId);
  const who = await c.keys.people([...new Set(staff)]);
  return {
    items: page.map((e): AdminAuditEntry => ({
      seq: e.seq,
      id: e.id,
      at: e.at,
      action: e.action,
      category: e.category,
      count: e.items.length,
      actor:
        e.actorRole === 'member'
          ? { id: subjectRef(e.actorId), name: '', role: e.actorRole }
          : actorOf(who, e),
      subjectRef: e.subjectId === null ? null : subjectRef(e.subjectId),
      requestId: e.requestId,
    })),
    nextCursor,
  };
}

/** How many events are read at a time when checking the chain. */
export const VERIFY_PAGE = 1000;

/**
 * Checks the whole chain from the first event, a page at a time (each page's last event carries
 * the chain into the next), and names the first broken link.
 */
export async function verifyAuditLog(db: Db, pageSize = VERIFY_PAGE): Promise<AuditVerdict> {
  let before: { seq: number; hash: string } | undefined;
  let count = 0;
  for (;;) {
    const page = await eventsInOrder(db, before?.seq ?? 0, pageSize);
    const verdict = verify(page, before);
    if (!verdict.ok) {
      // The event where the check stopped: the changed one, or the first after a missing one.
      const e = page[verdict.count];
      if (!e) throw new Error('the verdict names an event outside the page');
      return {
        ok: false,
        count: count + verdict.count,
        brokenAt: verdict.brokenAt,
        reason: verdict.reason,
        event: { seq: e.seq, id: e.id, at: e.at },
      };
    }
    count += page.length;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return { ok: true, count };
    before = { seq: last.seq, hash: last.hash };
  }
}

export const verifyLog = (deps: Deps): Promise<AuditVerdict> => verifyAuditLog(deps.database.db);
