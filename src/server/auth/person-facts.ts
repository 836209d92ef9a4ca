import type { MemberRole } from '../../core/journeys/journey.js';
import { sealContext } from '../crypto/contexts.js';
import type { Sealer } from '../crypto/sealing.js';

/**
 * A person's display name and country, and their part in a journey ("I was hurt", "I broke
 * trust"), are read by no query: each is sealed under the master key so that a copy of the
 * database does not say who someone is, where they live or which side of a betrayal they are on.
 * The master key rather than the person's own: their partner's screens, an invitation opened
 * before sign-in and the session read them too.
 */
export const sealName = (sealer: Sealer, userId: string, name: string) =>
  sealer.sealForServer(name, sealContext('displayName', userId));
export const openName = (sealer: Sealer, userId: string, sealed: string) =>
  sealer.openForServer(sealed, sealContext('displayName', userId));

export const sealCountry = (sealer: Sealer, userId: string, country: string | null) =>
  country === null ? null : sealer.sealForServer(country, sealContext('country', userId));
export const openCountry = (sealer: Sealer, userId: string, sealed: string | null) =>
  sealed === null ? null : sealer.openForServer(sealed, sealContext('country', userId));

export const sealRole = (sealer: Sealer, journeyId: string, userId: string, role: MemberRole) =>
  sealer.sealForServer(role, sealContext('memberRole', journeyId, userId));
export const openRole = (sealer: Sealer, journeyId: string, userId: string, sealed: string) =>
  sealer.openForServer(sealed, sealContext('memberRole', journeyId, userId)) as MemberRole;
