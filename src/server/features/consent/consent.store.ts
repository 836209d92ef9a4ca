import { sql } from 'kysely';
import { consentCategories, type ConsentCategory } from '../../../core/access/consent.js';
import type { AlertKind, AlertLink, AlertToRaise } from '../../../core/consent/alerts.js';
import type { Db, TherapistLinksTable } from '../../db/schema.js';

/**
 * Links between clients and therapists, the client's consents, link codes and alerts. Every query
 * of the consent feature lives here.
 */

export interface StoredLink {
  readonly id: string;
  readonly clientId: string;
  readonly therapistId: string;
  readonly status: TherapistLinksTable['status'];
  readonly alertCrisis: boolean;
  readonly createdAt: number;
  readonly acceptedAt: number | null;
  readonly endedAt: number | null;
  readonly endedBy: string | null;
  readonly consents: ReadonlySet<ConsentCategory>;
  /** The therapist's published profile, when they have one. */
  readonly profile: { readonly slug: string; readonly name: string } | null;
}

const isCategory = (c: string): c is ConsentCategory =>
  (consentCategories as readonly string[]).includes(c);

const n = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** Links with their consents and the therapist's profile, newest first. */
async function readLinks(
  db: Db,
  where: { clientId?: string; therapistId?: string; id?: string; active?: true },
): Promise<StoredLink[]> {
  let q = db
    .selectFrom('therapist_links as l')
    .leftJoin('therapist_profiles as p', 'p.user_id', 'l.therapist_id')
    .selectAll('l')
    .select(['p.slug as profile_slug', 'p.name as profile_name']);
  if (where.clientId !== undefined) q = q.where('l.client_id', '=', where.clientId);
  if (where.therapistId !== undefined) q = q.where('l.therapist_id', '=', where.therapistId);
  if (where.id !== undefined) q = q.where('l.id', '=', where.id);
  if (where.active) q = q.where('l.status', '=', 'active');
  const rows = await q.orderBy('l.created_at', 'desc').orderBy('l.id').limit(500).execute();
  if (rows.length === 0) return [];
  const consentRows = await db
    .selectFrom('link_consents')
    .select(['link_id', 'category'])
    .where(
      'link_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byLink = new Map<string, Set<ConsentCategory>>();
  for (const c of consentRows) {
    if (!isCategory(c.category)) continue;
    const set = byLink.get(c.link_id) ?? new Set<ConsentCategory>();
    set.add(c.category);
    byLink.set(c.link_id, set);
  }
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    therapistId: r.therapist_id,
    status: r.status,
    alertCrisis: Number(r.alert_crisis) === 1,
    createdAt: Number(r.created_at),
    acceptedAt: n(r.accepted_at),
    endedAt: n(r.ended_at),
    endedBy: r.ended_by,
    consents: byLink.get(r.id) ?? new Set(),
    profile:
      r.profile_slug !== null && r.profile_name !== null
        ? { slug: r.profile_slug, name: r.profile_name }
        : null,
  }));
}

export const linksOfClient = (db: Db, clientId: string) => readLinks(db, { clientId });
export const linksOfTherapist = (db: Db, therapistId: string) => readLinks(db, { therapistId });

export async function findLink(db: Db, id: string): Promise<StoredLink | undefined> {
  return (await readLinks(db, { id }))[0];
}

/** The client's active links as the alert rule reads them. */
export async function activeAlertLinks(db: Db, clientId: string): Promise<AlertLink[]> {
  return (await readLinks(db, { clientId, active: true })).map((l) => ({
    id: l.id,
    therapistId: l.therapistId,
    status: l.status,
    alertCrisis: l.alertCrisis,
    consents: l.consents,
  }));
}

/** A client's link to this therapist that has not ended, if any. */
export async function openLinkBetween(db: Db, clientId: string, therapistId: string) {
  return db
    .selectFrom('therapist_links')
    .select('id')
    .where('client_id', '=', clientId)
    .where('therapist_id', '=', therapistId)
    .where('status', '!=', 'ended')
    .executeTakeFirst();
}

/** A therapist account by its published directory address. */
export async function publishedTherapistBySlug(db: Db, slug: string) {
  return db
    .selectFrom('therapist_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select('p.user_id')
    .where('p.slug', '=', slug)
    .where('p.published', '=', 1)
    .where('u.role', '=', 'therapist')
    .executeTakeFirst();
}

export async function publishedTherapists(db: Db) {
  const rows = await db
    .selectFrom('therapist_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.slug', 'p.name', 'p.title', 'p.accepting'])
    .where('p.published', '=', 1)
    .where('u.role', '=', 'therapist')
    .orderBy('p.name')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    title: r.title,
    accepting: Number(r.accepting) === 1,
  }));
}

export async function isTherapist(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('role', '=', 'therapist')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertLink(
  db: Db,
  link: { id: string; clientId: string; therapistId: string; alertCrisis: boolean; at: number },
) {
  await db
    .insertInto('therapist_links')
    .values({
      id: link.id,
      client_id: link.clientId,
      therapist_id: link.therapistId,
      status: 'requested',
      alert_crisis: link.alertCrisis ? 1 : 0,
      created_at: link.at,
      accepted_at: null,
      ended_at: null,
      ended_by: null,
    })
    .execute();
}

/** Moves a link on from the status it had; false when it had changed meanwhile. */
export async function changeLinkStatus(
  db: Db,
  id: string,
  from: readonly TherapistLinksTable['status'][],
  to: { status: 'active'; at: number } | { status: 'ended'; at: number; by: string },
): Promise<boolean> {
  const set =
    to.status === 'active'
      ? { status: 'active' as const, accepted_at: to.at }
      : { status: 'ended' as const, ended_at: to.at, ended_by: to.by };
  const res = await db
    .updateTable('therapist_links')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function setAlertCrisis(db: Db, id: string, alertCrisis: boolean) {
  await db
    .updateTable('therapist_links')
    .set({ alert_crisis: alertCrisis ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function grantConsent(db: Db, linkId: string, category: ConsentCategory, at: number) {
  await db
    .insertInto('link_consents')
    .values({ link_id: linkId, category, granted_at: at })
    .onConflict((oc) => oc.columns(['link_id', 'category']).doNothing())
    .execute();
}

export async function withdrawConsent(db: Db, linkId: string, category: ConsentCategory) {
  await db
    .deleteFrom('link_consents')
    .where('link_id', '=', linkId)
    .where('category', '=', category)
    .execute();
}

/** Ending a link removes its consents too: a new link starts with everything off. */
export async function withdrawAllConsents(db: Db, linkId: string) {
  await db.deleteFrom('link_consents').where('link_id', '=', linkId).execute();
}

export async function insertLinkCode(
  db: Db,
  code: { hash: string; therapistId: string; at: number; expiresAt: number },
) {
  await db
    .insertInto('therapist_link_codes')
    .values({
      code_hash: code.hash,
      therapist_id: code.therapistId,
      created_at: code.at,
      expires_at: code.expiresAt,
      used_at: null,
    })
    .execute();
}

/** Uses a code once: the therapist it names, or undefined when unknown, used or expired. */
export async function useLinkCode(db: Db, hash: string, now: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('therapist_link_codes')
    .select('therapist_id')
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const res = await db
    .updateTable('therapist_link_codes')
    .set({ used_at: now })
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? row.therapist_id : undefined;
}

export async function insertAlerts(
  db: Db,
  clientId: string,
  alerts: readonly (AlertToRaise & { id: string })[],
) {
  if (alerts.length === 0) return;
  await db
    .insertInto('therapist_alerts')
    .values(
      alerts.map((a) => ({
        id: a.id,
        link_id: a.linkId,
        therapist_id: a.therapistId,
        client_id: clientId,
        kind: a.kind,
        source_id: a.sourceId,
        at: a.at,
        seen_at: null,
      })),
    )
    .execute();
}

export interface StoredAlert {
  readonly id: string;
  readonly linkId: string;
  readonly clientId: string;
  readonly kind: AlertKind;
  readonly sourceId: string | null;
  readonly at: number;
  readonly seenAt: number | null;
}

/**
 * A therapist's alerts from clients whose link is still active (an ended link shows nothing),
 * unseen first, then newest first.
 */
export async function listAlerts(db: Db, therapistId: string): Promise<StoredAlert[]> {
  const rows = await db
    .selectFrom('therapist_alerts as a')
    .innerJoin('therapist_links as l', 'l.id', 'a.link_id')
    .select(['a.id', 'a.link_id', 'a.client_id', 'a.kind', 'a.source_id', 'a.at', 'a.seen_at'])
    .where('a.therapist_id', '=', therapistId)
    .where('l.therapist_id', '=', therapistId)
    .where('l.status', '=', 'active')
    .orderBy(sql`case when a.seen_at is null then 0 else 1 end`)
    .orderBy('a.at', 'desc')
    .orderBy('a.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    linkId: r.link_id,
    clientId: r.client_id,
    kind: r.kind,
    sourceId: r.source_id,
    at: Number(r.at),
    seenAt: n(r.seen_at),
  }));
}

/**
 * Ends every open link of a therapist whose access the administrator removed, with their consents,
 * and answers the links ended (for the audit log).
 */
export async function endTherapistLinks(
  db: Db,
  therapistId: string,
  at: number,
  by: string,
): Promise<{ id: string; clientId: string }[]> {
  const open = await db
    .selectFrom('therapist_links')
    .select(['id', 'client_id'])
    .where('therapist_id', '=', therapistId)
    .where('status', '!=', 'ended')
    .execute();
  if (open.length === 0) return [];
  const ids = open.map((l) => l.id);
  await db
    .updateTable('therapist_links')
    .set({ status: 'ended', ended_at: at, ended_by: by })
    .where('id', 'in', ids)
    .execute();
  await db.deleteFrom('link_consents').where('link_id', 'in', ids).execute();
  return open.map((l) => ({ id: l.id, clientId: l.client_id }));
}
