import { randomBytes, randomUUID } from 'node:crypto';
import type { MemberRole } from '../../core/journeys/journey.js';
import { sealRole } from '../auth/person-facts.js';
import { insertUser } from '../auth/users.store.js';
import { createSealer, KEY_BYTES, type Sealer } from '../crypto/sealing.js';
import type { Db } from '../db/schema.js';
import { sealCameToLight, sealKinds } from '../features/journeys/journey-facts.js';
import { insertJourney, insertMember } from '../features/journeys/journeys.store.js';
import { journeyBody, uniqueEmail } from './harness.js';

/**
 * Test data written straight through the stores, for tests where HTTP is not the point (a query's
 * plan, a store's rule): much faster than signing up through the app. People made here have no
 * usable password; use makeMember/makeCouple in harness.ts for anything that signs in.
 */

/** A sealer for data made without an app (an app's own is `t.deps.sealer`). */
export const testSealer = (): Sealer => createSealer(randomBytes(KEY_BYTES));

export interface StoredPerson {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export async function storePerson(
  db: Db,
  sealer: Sealer,
  person: { id?: string; displayName?: string; now?: number } = {},
): Promise<StoredPerson> {
  const id = person.id ?? randomUUID();
  const displayName = person.displayName ?? 'Alex';
  const email = uniqueEmail(displayName.toLowerCase());
  await insertUser(db, sealer, {
    id,
    email,
    displayName,
    passwordHash: 'not a password hash: this person never signs in',
    role: 'member',
    wrappedKey: sealer.newDataKey(id).wrapped,
    createdAt: person.now ?? 0,
  });
  return { id, email, displayName };
}

/** A person with a together journey they started (as the one who was hurt, unless told). */
export async function storeMemberWithJourney(
  db: Db,
  sealer: Sealer,
  options: { id?: string; journeyId?: string; role?: MemberRole; now?: number } = {},
) {
  const person = await storePerson(db, sealer, options);
  const journeyId = options.journeyId ?? randomUUID();
  const now = options.now ?? 0;
  await insertJourney(db, {
    id: journeyId,
    path: journeyBody.path,
    kindsSealed: sealKinds(sealer, journeyId, journeyBody.kinds),
    cameToLightSealed: sealCameToLight(sealer, journeyId, journeyBody.cameToLight),
    createdBy: person.id,
    now,
  });
  await insertMember(db, {
    journeyId,
    userId: person.id,
    roleSealed: sealRole(sealer, journeyId, person.id, options.role ?? journeyBody.role),
    now,
  });
  return { person, journeyId };
}

/** Two people in one together journey: Alex started it (hurt), Sam joined (broke trust). */
export async function storeCouple(
  db: Db,
  sealer: Sealer,
  ids: { alex?: string; sam?: string; journeyId?: string } = {},
) {
  const { person: alex, journeyId } = await storeMemberWithJourney(db, sealer, {
    ...(ids.alex ? { id: ids.alex } : {}),
    ...(ids.journeyId ? { journeyId: ids.journeyId } : {}),
  });
  const sam = await storePerson(db, sealer, {
    displayName: 'Sam',
    ...(ids.sam ? { id: ids.sam } : {}),
  });
  await insertMember(db, {
    journeyId,
    userId: sam.id,
    roleSealed: sealRole(sealer, journeyId, sam.id, 'broke_trust'),
    now: 0,
  });
  return { alex, sam, journeyId };
}
