/**
 * The access policy, as plain functions of (actor, resource). Every route declares one of the route
 * policies; handlers that touch journey content also ask the resource rules below. Nothing here does I/O.
 */
export type Role = 'member' | 'admin' | 'therapist';

export type Actor =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly userId: string; readonly role: Role };

export const anonymous: Actor = Object.freeze({ kind: 'anonymous' });

export type Decision =
  | { readonly allow: true }
  | { readonly allow: false; readonly reason: 'unauthenticated' | 'forbidden' | 'not_found' };

const allow: Decision = Object.freeze({ allow: true });
const deny = (reason: 'unauthenticated' | 'forbidden' | 'not_found'): Decision =>
  Object.freeze({ allow: false, reason });

/** Who may call a route at all. */
export const routePolicies = {
  /** Anyone, signed in or not: learn pages, crisis resources, sign-in. */
  public: (_actor: Actor): Decision => allow,
  /** Any signed-in account: its own session and profile. */
  signedIn: (actor: Actor): Decision => (actor.kind === 'user' ? allow : deny('unauthenticated')),
  /**
   * A person on the program. Administrators manage the practice and never take part in (or read)
   * a journey, so they are refused here even though they are signed in.
   */
  member: (actor: Actor): Decision =>
    actor.kind !== 'user'
      ? deny('unauthenticated')
      : actor.role === 'member'
        ? allow
        : deny('forbidden'),
  /** The practice's administrator. */
  admin: (actor: Actor): Decision =>
    actor.kind !== 'user'
      ? deny('unauthenticated')
      : actor.role === 'admin'
        ? allow
        : deny('forbidden'),
  /**
   * A therapist of the practice. What a therapist may read of a client is decided item by item by
   * the consent rule (core/access/consent.ts); this only admits the account.
   */
  therapist: (actor: Actor): Decision =>
    actor.kind !== 'user'
      ? deny('unauthenticated')
      : actor.role === 'therapist'
        ? allow
        : deny('forbidden'),
} as const;

export type RoutePolicy = keyof typeof routePolicies;
export const routePolicyNames = Object.keys(routePolicies) as RoutePolicy[];

export const decideRoute = (policy: RoutePolicy, actor: Actor): Decision =>
  routePolicies[policy](actor);

export type Visibility = 'private' | 'partner';

/** What the access rules need to know about a piece of journey content. */
export interface AuthoredItem {
  readonly journeyId: string;
  readonly authorId: string;
  readonly visibility: Visibility;
}

/** The journeys an actor currently belongs to (at most one active). */
export interface Membership {
  readonly journeyId: string;
}

/**
 * Reading an item: its author always; the other member of the same journey only when the author
 * shared it. Anyone else is told it does not exist, so private items cannot even be confirmed.
 */
export function canReadItem(
  actor: Actor,
  membership: Membership | undefined,
  item: AuthoredItem,
): Decision {
  if (actor.kind !== 'user') return deny('unauthenticated');
  if (actor.role !== 'member') return deny('not_found');
  if (item.authorId === actor.userId) return allow;
  if (membership?.journeyId === item.journeyId && item.visibility === 'partner') return allow;
  return deny('not_found');
}

/** Changing who can see an item, or deleting it: the author only. */
export function canChangeItem(actor: Actor, item: AuthoredItem): Decision {
  if (actor.kind !== 'user') return deny('unauthenticated');
  if (actor.role === 'member' && item.authorId === actor.userId) return allow;
  return deny('not_found');
}
