import { z } from 'zod';
import { pageOf, PageQuery } from './common.js';
import { endpoint } from './endpoint.js';

/** Who did something in the log: their name as they chose it, and their role. */
export const AuditActor = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
});
export type AuditActor = z.infer<typeof AuditActor>;

/**
 * One event about me, for my read log: who, what (the action, the category and how many items) and
 * when. Never the items themselves: the log holds only their ids.
 */
export const ReadLogEntry = z.object({
  id: z.string(),
  at: z.number().int(),
  /** `read`, `export`, `consent`, `link`… */
  action: z.string(),
  /** The consent category the items belong to (`checkins`, `screens`…); null when none. */
  category: z.string().nullable(),
  /** How many items were read (or exported). */
  count: z.number().int(),
  actor: AuditActor,
  /** Whether I did it myself (a consent or link change of mine). */
  mine: z.boolean(),
});
export type ReadLogEntry = z.infer<typeof ReadLogEntry>;

export const ReadLogPage = pageOf(ReadLogEntry);
export type ReadLogPage = z.infer<typeof ReadLogPage>;

/**
 * One event of the practice's log as the administrator sees it: who acted, what kind of thing,
 * when and in which request, with the client only as a short pseudonymous reference.
 */
export const AdminAuditEntry = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.number().int(),
  action: z.string(),
  category: z.string().nullable(),
  count: z.number().int(),
  actor: AuditActor,
  /** The same for every event about one person, and says nothing about who they are. */
  subjectRef: z.string().nullable(),
  requestId: z.string(),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntry>;

export const AdminAuditPage = pageOf(AdminAuditEntry);
export type AdminAuditPage = z.infer<typeof AdminAuditPage>;

/** What checking the whole chain found: intact, or the first broken link. */
export const AuditVerdict = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int() }),
  z.object({
    ok: z.literal(false),
    /** How many events before the broken link were intact. */
    count: z.number().int(),
    /** The position in the log where the chain breaks. */
    brokenAt: z.number().int(),
    /** `gap`: an event is missing; `previous_hash`: events were removed or reordered; `hash`: an event was changed. */
    reason: z.enum(['gap', 'previous_hash', 'hash']),
    /** The event found where the chain breaks (after the gap, for a missing one). */
    event: z.object({ seq: z.number().int(), id: z.string(), at: z.number().int() }),
  }),
]);
export type AuditVerdict = z.infer<typeof AuditVerdict>;

const tag = 'audit';

/** The append-only, hash-chained log of who read or changed what about whom. */
export const auditApi = {
  reads: endpoint({
    method: 'GET',
    path: '/api/privacy/reads',
    tag,
    summary:
      'Who has read or changed what about me (a therapist looking at my check-ins, a consent given), newest first',
    caller: 'member',
    query: PageQuery,
    response: ReadLogPage,
    errors: ['cursor.invalid'],
  }),
  log: endpoint({
    method: 'GET',
    path: '/api/admin/audit',
    tag,
    summary:
      "The practice's audit log, newest first, without content or clients' names: who acted, what kind of thing, when",
    caller: 'admin',
    query: PageQuery,
    response: AdminAuditPage,
    errors: ['cursor.invalid'],
  }),
  verify: endpoint({
    method: 'GET',
    path: '/api/admin/audit/verify',
    tag,
    summary:
      "Check the audit log's hash chain from the first event: intact, or the first broken link",
    caller: 'admin',
    response: AuditVerdict,
  }),
};
