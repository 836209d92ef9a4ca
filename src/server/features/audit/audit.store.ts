import { sql } from 'kysely';
import { chain, type AuditFields, type ChainedEvent } from './chain.js';
import type { Dialect } from '../../db/connection.js';
import { atomically, type Db } from '../../db/schema.js';

/** Held while appending on PostgreSQL, so that two requests never chain from the same event. */
const AUDIT_CHAIN_LOCK = 7_310_422;

export type NewAuditEvent = Omit<AuditFields, 'seq'>;

const toRow = (e: ChainedEvent) => ({
  seq: e.seq,
  id: e.id,
  at: e.at,
  actor_id: e.actorId,
  actor_role: e.actorRole,
  action: e.action,
  subject_id: e.subjectId,
  category: e.category,
  items: JSON.stringify(e.items),
  request_id: e.requestId,
  prev_hash: e.prevHash,
  hash: e.hash,
});

/**
 * Appends events to the log, chained after the last one, in the caller's transaction when there is
 * one (so a read and its audit event commit together) or in a new one. Events are never updated or
 * deleted: no other function here writes to the table.
 */
export async function appendAudit(
  db: Db,
  dialect: Dialect,
  events: readonly NewAuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await atomically(db, async (trx) => {
    if (dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
    const last = await trx
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const chained = chain(last ? { seq: Number(last.seq), hash: last.hash } : undefined, events);
    await trx.insertInto('audit_events').values(chained.map(toRow)).execute();
  });
}

/** One stored event, mapped. */
export type StoredAuditEvent = ChainedEvent;

export const fromAuditRow = (r: {
  seq: number | string;
  id: string;
  at: number | string;
  actor_id: string;
  actor_role: string;
  action: string;
  subject_id: string | null;
  category: string | null;
  items: string;
  request_id: string;
  prev_hash: string;
  hash: string;
}): StoredAuditEvent => ({
  seq: Number(r.seq),
  id: r.id,
  at: Number(r.at),
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  subjectId: r.subject_id,
  category: r.category,
  items: JSON.parse(r.items) as string[],
  requestId: r.request_id,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * The events about one person, newest first, before `beforeSeq` when given. The index
 * audit_events_by_subject (subject_id, seq) answers it in order, without sorting.
 */
export function eventsAboutQuery(
  db: Db,
  subjectId: string,
  beforeSeq: number | undefined,
  limit: number,
) {
  let query = db.selectFrom('audit_events').selectAll().where('subject_id', '=', subjectId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit);
}

/** A page of the events about one person, newest first (see `eventsAboutQuery`). */
export async function eventsAbout(
  db: Db,
  subjectId: string,
  beforeSeq: number | undefined,
  limit: number,
): Promise<StoredAuditEvent[]> {
  const rows = await eventsAboutQuery(db, subjectId, beforeSeq, limit).execute();
  return rows.map(fromAuditRow);
}

/** A page of the whole log, newest first, before `beforeSeq` when given. */
export async function eventsNewestFirst(
  db: Db,
  beforeSeq: number | undefined,
  limit: number,
): Promise<StoredAuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(fromAuditRow);
}

/** A stretch of the log in chain order, after `afterSeq` (0: from the start), for verifying. */
export async function eventsInOrder(
  db: Db,
  afterSeq: number,
  limit: number,
): Promise<StoredAuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map(fromAuditRow);
}
