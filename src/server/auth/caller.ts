import type { Actor, Role } from '../../core/access/policy.js';
import { DomainError } from '../../core/errors.js';
import type { MemberRole } from '../../core/journeys/journey.js';
import type { CallerNeed } from '../../shared/api/endpoint.js';
import type { Deps } from '../deps.js';
import { findMembership } from '../features/journeys/journeys.store.js';
import { assertSafetyChecked } from '../features/safety/safety.gate.js';
import { keyRing, type KeyRing } from './key-ring.js';
import { findUserById } from './users.store.js';

/**
 * Who is calling a service, resolved once per request from the session (or once per command in the
 * CLI and the bench): the account, its active journey and the key ring that opens what they may read.
 */
export interface Caller {
  readonly userId: string;
  readonly accountRole: Role;
  /** The active journey as read with the session; routes that change membership read it afresh. */
  readonly journey: { readonly journeyId: string; readonly role: MemberRole } | undefined;
  readonly keys: KeyRing;
}

/** A member with an active journey. */
export interface JourneyCaller extends Caller {
  readonly journeyId: string;
  readonly role: MemberRole;
}

/** Anyone, signed in or not. */
export interface Visitor {
  readonly actor: Actor;
  readonly keys: KeyRing;
}

/** The caller a handler gets for each need in its endpoint. */
export type CallerFor<N extends CallerNeed> = N extends 'anyone'
  ? Visitor
  : N extends 'journeyMember' | 'safetyChecked'
    ? JourneyCaller
    : Caller;

/** The caller in their journey, or `journey.none`. */
export function inJourney(c: Caller): JourneyCaller {
  const journey = c.journey;
  if (!journey) throw new DomainError('journey.none');
  // One literal, not a spread: this runs on every journey read (a spread showed in the profile).
  return {
    userId: c.userId,
    accountRole: c.accountRole,
    journey,
    keys: c.keys,
    journeyId: journey.journeyId,
    role: journey.role,
  };
}

/** Builds the caller an endpoint needs, refusing with the need's own error. */
export async function callerNeeding<N extends CallerNeed>(
  deps: Deps,
  need: N,
  actor: Actor,
  journey: Caller['journey'],
): Promise<CallerFor<N>> {
  const keys = keyRing(deps);
  if (need === 'anyone') return { actor, keys } as CallerFor<N>;
  // The access hook has refused anyone the route's policy does not admit.
  if (actor.kind !== 'user') throw new DomainError('auth.unauthenticated');
  const caller: Caller = { userId: actor.userId, accountRole: actor.role, journey, keys };
  if (need === 'safetyChecked') await assertSafetyChecked(deps, actor.userId);
  if (need === 'journeyMember' || need === 'safetyChecked') {
    return inJourney(caller) as CallerFor<N>;
  }
  return caller as CallerFor<N>;
}

/** A person's caller outside a request (the CLI, the bench): their account and journey as stored. */
export async function callerFor(deps: Deps, userId: string): Promise<Caller> {
  const user = await findUserById(deps.database.db, deps.sealer, userId);
  if (!user) throw new Error(`no account ${userId}`);
  const membership = await findMembership(deps.database.db, deps.sealer, userId);
  return { userId, accountRole: user.role, journey: membership, keys: keyRing(deps) };
}

/** The journey caller for a person outside a request. */
export const journeyCallerFor = async (deps: Deps, userId: string): Promise<JourneyCaller> =>
  inJourney(await callerFor(deps, userId));
