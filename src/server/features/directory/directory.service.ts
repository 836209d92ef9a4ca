import { slugFrom, uniqueSlug } from '../../../core/directory/profile.js';
import { DomainError } from '../../../core/errors.js';
import type {
  PhotoBody,
  ProfileBody,
  ProfileList,
  TherapistProfile,
} from '../../../shared/api/directory.js';
import type { Caller } from '../../auth/caller.js';
import { findUserById } from '../../auth/users.store.js';
import { isUniqueViolation, type Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  findProfile,
  insertProfile,
  isTherapist,
  listProfiles,
  setPhoto,
  slugsLike,
  therapistIds,
  updateProfile,
  type StoredProfile,
} from './directory.store.js';

/** A profile's photo address; the version makes a changed photo a new address (it is cached long). */
export const photoUrlOf = (p: StoredProfile): string | null =>
  p.hasPhoto ? `/directory/${p.slug}/photo?v=${p.updatedAt}` : null;

export const profileView = (p: StoredProfile): TherapistProfile => ({
  userId: p.userId,
  slug: p.slug,
  name: p.name,
  title: p.title,
  bio: p.bio,
  approaches: p.approaches,
  formats: p.formats,
  languages: p.languages,
  betrayalExperience: p.betrayalExperience,
  online: p.online,
  inPerson: p.inPerson,
  accepting: p.accepting,
  availability: p.availability,
  published: p.published,
  photoUrl: photoUrlOf(p),
  updatedAt: p.updatedAt,
});

/**
 * A therapist's profile, made the first time it is asked for (another feature may already have
 * made it when the invite was accepted): unpublished and empty but for the account's display name,
 * under a slug made from that name and unique among profiles.
 */
export async function ensureProfile(
  deps: Deps,
  userId: string,
  db: Db = deps.database.db,
): Promise<StoredProfile> {
  const found = await findProfile(db, userId);
  if (found) return found;
  const user = await findUserById(db, deps.sealer, userId);
  if (!user) throw new DomainError('profile.not_found');
  const base = slugFrom(user.display_name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = uniqueSlug(base, await slugsLike(db, base));
    try {
      await insertProfile(db, {
        userId,
        slug,
        fields: {
          name: user.display_name,
          title: '',
          bio: '',
          approaches: [],
          formats: [],
          languages: [],
          betrayalExperience: false,
          online: false,
          inPerson: false,
          accepting: false,
          availability: '',
          published: false,
        },
        now: deps.clock(),
      });
    } catch (e) {
      // Made meanwhile by another request, or the slug was taken between reading and writing.
      if (!isUniqueViolation(e)) throw e;
    }
    const made = await findProfile(db, userId);
    if (made) return made;
  }
  throw new Error(`could not find a free slug for ${base}`);
}

export async function myProfile(deps: Deps, c: Caller): Promise<TherapistProfile> {
  return profileView(await ensureProfile(deps, c.userId));
}

export async function updateMyProfile(
  deps: Deps,
  c: Caller,
  body: ProfileBody,
): Promise<TherapistProfile> {
  await ensureProfile(deps, c.userId);
  await updateProfile(deps.database.db, c.userId, body, deps.clock());
  return myProfile(deps, c);
}

export async function setMyPhoto(
  deps: Deps,
  c: Caller,
  body: PhotoBody,
): Promise<TherapistProfile> {
  await ensureProfile(deps, c.userId);
  await setPhoto(deps.database.db, c.userId, body.image, deps.clock());
  return myProfile(deps, c);
}

export async function removeMyPhoto(deps: Deps, c: Caller): Promise<TherapistProfile> {
  await ensureProfile(deps, c.userId);
  await setPhoto(deps.database.db, c.userId, null, deps.clock());
  return myProfile(deps, c);
}

/** Every therapist's profile (made for those who have none yet), for the administrator. */
export async function allProfiles(deps: Deps): Promise<ProfileList> {
  const db = deps.database.db;
  const have = new Set((await listProfiles(db, { publishedOnly: false })).map((p) => p.userId));
  for (const id of await therapistIds(db)) if (!have.has(id)) await ensureProfile(deps, id);
  return {
    profiles: (await listProfiles(db, { publishedOnly: false })).map(profileView),
  };
}

/** A therapist's profile for the administrator to change; profile.not_found for anyone else. */
async function therapistProfile(deps: Deps, userId: string): Promise<StoredProfile> {
  const db = deps.database.db;
  const found = await findProfile(db, userId);
  if (found) return found;
  if (!(await isTherapist(db, userId))) throw new DomainError('profile.not_found');
  return ensureProfile(deps, userId);
}

async function viewOf(deps: Deps, userId: string): Promise<TherapistProfile> {
  const p = await findProfile(deps.database.db, userId);
  if (!p) throw new DomainError('profile.not_found');
  return profileView(p);
}

/** The administrator corrects or publishes a therapist's profile. */
export async function changeProfile(
  deps: Deps,
  userId: string,
  body: ProfileBody,
): Promise<TherapistProfile> {
  await therapistProfile(deps, userId);
  await updateProfile(deps.database.db, userId, body, deps.clock());
  return viewOf(deps, userId);
}

/** The administrator sets a therapist's photo (e.g. one the therapist sent by other means). */
export async function changePhoto(
  deps: Deps,
  userId: string,
  body: PhotoBody,
): Promise<TherapistProfile> {
  await therapistProfile(deps, userId);
  await setPhoto(deps.database.db, userId, body.image, deps.clock());
  return viewOf(deps, userId);
}
