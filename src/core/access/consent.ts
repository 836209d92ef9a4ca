/**
 * What a therapist may read of their clients: the consent rule, as a plain function. The server asks
 * it for every item it would show a therapist (caseload, summary, report) and shows nothing it
 * refuses. Nothing here does I/O.
 *
 * The rule:
 * - A client chooses, for each therapist they linked, which categories that therapist may see;
 *   every category is off until the client turns it on.
 * - Each item is governed by its owner's consent. A record two partners made together (an
 *   agreement, a step's progress) has both as owners and is shown only when both have an active
 *   link to this therapist with consent to that category.
 * - What a person kept private (a draft, an unsent letter) is never shown, whatever the consent.
 * - A link that was asked for but not accepted, or that ended, counts as no link: access ends at
 *   once.
 * - A refusal is `not_found`, the same answer as for an item that does not exist.
 */
import type { Decision } from './policy.js';

/** The categories a client may let a linked therapist see, in the order the client is asked. */
export const consentCategories = [
  'checkins',
  'screens',
  'letters',
  'agreements',
  'program',
  'safety',
] as const;
export type ConsentCategory = (typeof consentCategories)[number];

export type LinkStatus = 'requested' | 'active' | 'ended';

/** One client's link to the therapist asking, with the categories that client consented to. */
export interface ClientLink {
  readonly status: LinkStatus;
  readonly consents: ReadonlySet<ConsentCategory>;
}

/** The therapist's links, by client id (a client with no link is simply absent). */
export type TherapistLinks = ReadonlyMap<string, ClientLink>;

/** What the rule needs to know about an item a therapist would see. */
export interface ClientItem {
  readonly category: ConsentCategory;
  /** Whose item it is: its author, or both partners for a record they made together. */
  readonly owners: readonly string[];
  /** Kept private by its author (a draft, an unsent letter): never shown to a therapist. */
  readonly kept: boolean;
}

const allow: Decision = Object.freeze({ allow: true });
const notFound: Decision = Object.freeze({ allow: false, reason: 'not_found' });

/** Whether this client has an active link to the therapist with consent to `category`. */
export function consents(links: TherapistLinks, clientId: string, category: ConsentCategory) {
  const link = links.get(clientId);
  return link !== undefined && link.status === 'active' && link.consents.has(category);
}

/** May the therapist whose links these are read this item? */
export function therapistMayRead(links: TherapistLinks, item: ClientItem): Decision {
  if (item.kept || item.owners.length === 0) return notFound;
  return item.owners.every((owner) => consents(links, owner, item.category)) ? allow : notFound;
}
