import { sql } from 'kysely';
import {
  consentCategories,
  type ConsentCategory,
  type LinkStatus,
  type TherapistLinks,
} from '../../../core/access/consent.js';
import type { Dialect } from '../../db/connection.js';
import type { Db } from '../../db/schema.js';

const isCategory = (c: string): c is ConsentCategory =>
  (consentCategories as readonly string[]).includes(c);

/**
 * The therapist's side: their active links, the journeys that make couples, alerts, and the rows a
 * between-sessions summary reads. What a therapist may see of any of it is the consent rule's
 * (core/access/consent.ts), asked by the service item by item.
 */

export interface StoredActiveLink {
  readonly linkId: string;
  readonly clientId: string;
  /** When the therapist accepted (or the link was made, for a link accepted before that was kept). */
  readonly since: number;
}

/** The therapist's accepted, not ended links; `clientIds` narrows to those clients. */
export async function activeLinks(
  db: Db,
  therapistId: string,
  clientIds?: readonly string[],
): Promise<StoredActiveLink[]> {
  if (clientIds && clientIds.length === 0) return [];
  let q = db
    .selectFrom('therapist_links')
    .select(['id', 'client_id', 'accepted_at', 'created_at'])
    .where('therapist_id', '=', therapistId)
    .where('status', '=', 'active');
  if (clientIds) q = q.where('client_id', 'in', clientIds);
  const rows = await q.execute();
  return rows.map((r) => ({
    linkId: r.id,
    clientId: r.client_id,
    since: Number(r.accepted_at ?? r.created_at),
  }));
}

/**
 * The therapist's active links with each client's consents, in one read (the caseload's): the
 * links as `activeLinks` has them, and the consents as the consent rule reads them
 * (`loadTherapistLinks`, narrowed to active links: a client has at most one open link). One row a
 * link, its categories joined in the database: a row a consent cost more than the query.
 */
export async function activeLinksWithConsents(
  db: Db,
  dialect: Dialect,
  therapistId: string,
): Promise<{ links: StoredActiveLink[]; consents: TherapistLinks }> {
  const category = sql.ref('c.category');
  const categories =
    dialect === 'postgres'
      ? sql<string | null>`string_agg(${category}, ',')`
      : sql<string | null>`group_concat(${category}, ',')`;
  const rows = await db
    .selectFrom('therapist_links as l')
    .leftJoin('link_consents as c', 'c.link_id', 'l.id')
    .select(['l.id', 'l.client_id', 'l.accepted_at', 'l.created_at', categories.as('categories')])
    .where('l.therapist_id', '=', therapistId)
    .where('l.status', '=', 'active')
    .groupBy(['l.id', 'l.client_id', 'l.accepted_at', 'l.created_at'])
    .execute();
  const links: StoredActiveLink[] = [];
  const consents = new Map<string, { status: LinkStatus; consents: Set<ConsentCategory> }>();
  for (const r of rows) {
    links.push({
      linkId: r.id,
      clientId: r.client_id,
      since: Number(r.accepted_at ?? r.created_at),
    });
    consents.set(r.client_id, {
      status: 'active',
      consents: new Set(r.categories ? r.categories.split(',').filter(isCategory) : []),
    });
  }
  return { links, consents };
}

/** Each person's current journey, and everyone currently in those journeys. */
export async function journeysOf(
  db: Db,
  userIds: readonly string[],
): Promise<{ journeyOf: Map<string, string>; membersOf: Map<string, string[]> }> {
  const journeyOf = new Map<string, string>();
  const membersOf = new Map<string, string[]>();
  if (userIds.length === 0) return { journeyOf, membersOf };
  const mine = await db
    .selectFrom('journey_members')
    .select(['journey_id', 'user_id'])
    .where('user_id', 'in', userIds)
    .where('left_at', 'is', null)
    .execute();
  for (const r of mine) journeyOf.set(r.user_id, r.journey_id);
  const journeyIds = [...new Set(mine.map((r) => r.journey_id))];
  if (journeyIds.length === 0) return { journeyOf, membersOf };
  const all = await db
    .selectFrom('journey_members')
    .select(['journey_id', 'user_id'])
    .where('journey_id', 'in', journeyIds)
    .where('left_at', 'is', null)
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
  for (const r of all) {
    const list = membersOf.get(r.journey_id) ?? [];
    list.push(r.user_id);
    membersOf.set(r.journey_id, list);
  }
  return { journeyOf, membersOf };
}

export interface StoredAlert {
  readonly id: string;
  readonly clientId: string;
  readonly kind: 'crisis_item9' | 'crisis_safety' | 'deterioration';
  readonly at: number;
  readonly seenAt: number | null;
}

const alertColumns = ['a.id', 'a.client_id', 'a.kind', 'a.at', 'a.seen_at'] as const;

const toAlert = (r: {
  id: string;
  client_id: string;
  kind: StoredAlert['kind'];
  at: number | string;
  seen_at: number | string | null;
}): StoredAlert => ({
  id: r.id,
  clientId: r.client_id,
  kind: r.kind,
  at: Number(r.at),
  seenAt: r.seen_at === null ? null : Number(r.seen_at),
});

/** The therapist's alerts on links still active (an ended link's alerts are no longer theirs). */
const alertsQuery = (db: Db, therapistId: string) =>
  db
    .selectFrom('therapist_alerts as a')
    .innerJoin('therapist_links as l', 'l.id', 'a.link_id')
    .select(alertColumns)
    .where('a.therapist_id', '=', therapistId)
    .where('l.therapist_id', '=', therapistId)
    .where('l.status', '=', 'active');

/** Newest first. */
export async function listAlerts(db: Db, therapistId: string): Promise<StoredAlert[]> {
  const rows = await alertsQuery(db, therapistId)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map(toAlert);
}

export async function findAlert(
  db: Db,
  therapistId: string,
  id: string,
): Promise<StoredAlert | undefined> {
  const row = await alertsQuery(db, therapistId).where('a.id', '=', id).executeTakeFirst();
  return row && toAlert(row);
}

/** Marks an alert seen (the first time only). */
export async function markAlertSeen(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('therapist_alerts')
    .set({ seen_at: now })
    .where('id', '=', id)
    .where('seen_at', 'is', null)
    .execute();
}

/** What a therapist could ever see of a person's letters: shared versions, never drafts or kept ones. */
export async function sharedLettersSince(
  db: Db,
  authorId: string,
  since: number,
): Promise<
  {
    id: string;
    kind: 'impact' | 'reflection' | 'unsent' | 'statement' | 'forgiveness';
    state: 'draft' | 'shared' | 'kept';
    version: number;
    sharedAt: number;
  }[]
> {
  const rows = await db
    .selectFrom('letters')
    .select(['id', 'kind', 'state', 'version', 'shared_at'])
    .where('author_id', '=', authorId)
    .where('state', '=', 'shared')
    .where('shared_at', '>=', since)
    .orderBy('shared_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    version: Number(r.version),
    sharedAt: Number(r.shared_at),
  }));
}

/** The commitments a person made (running, or ended in the period), with their kept snapshot. */
export async function commitmentsOf(
  db: Db,
  userId: string,
  since: number,
): Promise<
  {
    id: string;
    journeyId: string;
    agreementId: string;
    agreementVersion: number;
    rhythm: 'daily' | 'weekly' | 'as_it_happens';
    startedAt: number;
    endedAt: number | null;
    reliability: string;
  }[]
> {
  const rows = await db
    .selectFrom('commitments')
    .select([
      'id',
      'journey_id',
      'agreement_id',
      'agreement_version',
      'rhythm',
      'started_at',
      'ended_at',
      'reliability',
    ])
    .where('committed_by', '=', userId)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', since)]))
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journey_id,
    agreementId: r.agreement_id,
    agreementVersion: Number(r.agreement_version),
    rhythm: r.rhythm,
    startedAt: Number(r.started_at),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
    reliability: r.reliability,
  }));
}

/** The category of each agreement version a commitment names (a plain column, no text). */
export async function agreementCategories(
  db: Db,
  keys: readonly { agreementId: string; version: number }[],
): Promise<Map<string, 'transparency' | 'boundaries' | 'contact_rules' | 'routines' | 'other'>> {
  const out = new Map<
    string,
    'transparency' | 'boundaries' | 'contact_rules' | 'routines' | 'other'
  >();
  const ids = [...new Set(keys.map((k) => k.agreementId))];
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('agreement_versions')
    .select(['agreement_id', 'version', 'category'])
    .where('agreement_id', 'in', ids)
    .execute();
  for (const r of rows) out.set(`${r.agreement_id}:${Number(r.version)}`, r.category);
  return out;
}

// Suggestions

export interface StoredSuggestion {
  readonly id: string;
  readonly therapistId: string;
  readonly clientId: string;
  readonly kind: 'exercise' | 'step' | 'tool';
  readonly ref: string;
  readonly noteSealed: string;
  readonly createdAt: number;
  readonly setAsideAt: number | null;
}

export async function insertSuggestions(db: Db, rows: readonly StoredSuggestion[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('suggestions')
    .values(
      rows.map((s) => ({
        id: s.id,
        therapist_id: s.therapistId,
        client_id: s.clientId,
        kind: s.kind,
        ref: s.ref,
        note_sealed: s.noteSealed,
        created_at: s.createdAt,
        set_aside_at: s.setAsideAt,
      })),
    )
    .execute();
}

const suggestionQuery = (db: Db) =>
  db
    .selectFrom('suggestions')
    .select([
      'id',
      'therapist_id',
      'client_id',
      'kind',
      'ref',
      'note_sealed',
      'created_at',
      'set_aside_at',
    ]);

const toSuggestion = (r: {
  id: string;
  therapist_id: string;
  client_id: string;
  kind: StoredSuggestion['kind'];
  ref: string;
  note_sealed: string;
  created_at: number | string;
  set_aside_at: number | string | null;
}): StoredSuggestion => ({
  id: r.id,
  therapistId: r.therapist_id,
  clientId: r.client_id,
  kind: r.kind,
  ref: r.ref,
  noteSealed: r.note_sealed,
  createdAt: Number(r.created_at),
  setAsideAt: r.set_aside_at === null ? null : Number(r.set_aside_at),
});

/** A client's suggestions not set aside, newest first. */
export async function openSuggestions(db: Db, clientId: string): Promise<StoredSuggestion[]> {
  const rows = await suggestionQuery(db)
    .where('client_id', '=', clientId)
    .where('set_aside_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toSuggestion);
}

/** Sets a client's own suggestion aside; false when there is none of theirs by that id. */
export async function setSuggestionAside(
  db: Db,
  clientId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const found = await suggestionQuery(db)
    .where('id', '=', id)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!found) return false;
  await db
    .updateTable('suggestions')
    .set({ set_aside_at: now })
    .where('id', '=', id)
    .where('set_aside_at', 'is', null)
    .execute();
  return true;
}
