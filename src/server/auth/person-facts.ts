import type { MemberRole } from '../../core/journeys/journey.js';
import type { Sealer } from '../crypto/sealing.js';

/**
 * A person's display name and country, and their part in a journey ("I was hurt", "I broke
 * trust"), are read by no query: each is sealed under the master key so that a copy of the
 * database does not say who someone is, where they live or which side of a betrayal they are on.
 * The master key rather than the person's own: their partner's screens, an invitation opened
 * before sign-in and the session read them too.
 */
const nameContext = (userId: string) => ({ table: 'users', id: userId, field: 'display_name' });
const countryContext = (userId: string) => ({ table: 'users', id: userId, field: 'country' });
const roleContext = (journeyId: string, userId: string) => ({
  table: 'journey_members',
  id: `${journeyId}:${userId}`,
  field: 'role',
});

export const sealName = (sealer: Sealer, userId: string, name: string) =>
  sealer.sealForServer(name, nameContext(userId));
export const openName = (sealer: Sealer, userId: string, sealed: string) =>
  sealer.openForServer(sealed, nameContext(userId));

export const sealCountry = (sealer: Sealer, userId: string, country: string | null) =>
  country === null ? null : sealer.sealForServer(country, countryContext(userId));
export const openCountry = (sealer: Sealer, userId: string, sealed: string | null) =>
  sealed === null ? null : sealer.openForServer(sealed, countryContext(userId));

export const sealRole = (sealer: Sealer, journeyId: string, userId: string, role: MemberRole) =>
  sealer.sealForServer(role, roleContext(journeyId, userId));
export const openRole = (sealer: Sealer, journeyId: string, userId: string, sealed: string) =>
  sealer.openForServer(sealed, roleContext(journeyId, userId)) as MemberRole;

/** The contexts, for sealing data written before these fields were sealed. */
export const personFactContexts = { nameContext, countryContext, roleContext };
