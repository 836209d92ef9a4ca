import {
  consentCategories,
  type ConsentCategory,
  type LinkStatus,
  type TherapistLinks,
} from '../../../core/access/consent.js';
import type { Db } from '../../db/schema.js';

const isCategory = (c: string): c is ConsentCategory =>
  (consentCategories as readonly string[]).includes(c);

/**
 * A therapist's links that are not ended, with each client's consents, as the consent rule reads
 * them (core/access/consent.ts). Pass `clientIds` to read only those clients' links.
 */
export async function loadTherapistLinks(
  db: Db,
  therapistId: string,
  clientIds?: readonly string[],
): Promise<TherapistLinks> {
  if (clientIds && clientIds.length === 0) return new Map();
  let query = db
    .selectFrom('therapist_links as l')
    .leftJoin('link_consents as c', 'c.link_id', 'l.id')
    .select(['l.client_id', 'l.status', 'c.category'])
    .where('l.therapist_id', '=', therapistId)
    .where('l.status', '!=', 'ended');
  if (clientIds) query = query.where('l.client_id', 'in', clientIds);
  const rows = await query.execute();
  const links = new Map<string, { status: LinkStatus; consents: Set<ConsentCategory> }>();
  for (const r of rows) {
    let link = links.get(r.client_id);
    if (!link) {
      link = { status: r.status, consents: new Set() };
      links.set(r.client_id, link);
    }
    // An accepted link wins over one still asked for (a client has at most one of each).
    if (r.status === 'active') link.status = 'active';
    if (r.category && isCategory(r.category)) link.consents.add(r.category);
  }
  return links;
}
