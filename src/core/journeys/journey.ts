import { DomainError } from '../errors.js';

export const journeyPaths = ['together', 'solo', 'unsure'] as const;
export type JourneyPath = (typeof journeyPaths)[number];

/** How a person describes their part: I was hurt / I broke trust / both / rather not say. */
export const memberRoles = ['hurt', 'broke_trust', 'both', 'unsaid'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const betrayalKinds = [
  'physical_infidelity',
  'emotional_infidelity',
  'lying',
  'secrets',
  'broken_confidence',
  'financial',
  'other',
  // Naming what happened is never required: this one stands alone.
  'unsaid',
] as const;
export type BetrayalKind = (typeof betrayalKinds)[number];

/** When it came to light, as a rough span: people rarely want to type an exact date. */
export const cameToLightOptions = [
  'this_week',
  'this_month',
  'months_1_6',
  'months_6_12',
  'years_1_2',
  'years_2_plus',
  'unsaid',
] as const;
export type CameToLight = (typeof cameToLightOptions)[number];

export const MAX_MEMBERS = 2;

export interface JourneyFacts {
  readonly path: JourneyPath;
  readonly memberCount: number;
}

/** A partner can be invited on the together path while there is room for them. */
export function assertCanInvite(journey: JourneyFacts): void {
  if (journey.path !== 'together') throw new DomainError('journey.not_together');
  if (journey.memberCount >= MAX_MEMBERS) throw new DomainError('journey.full');
}

/** Joining through an invite: the journey must still have room and still be a together journey. */
export function assertCanJoin(journey: JourneyFacts): void {
  if (journey.path !== 'together') throw new DomainError('invite.revoked');
  if (journey.memberCount >= MAX_MEMBERS) throw new DomainError('journey.full');
}
