import { DomainError } from '../../../core/errors.js';
import type {
  Journey,
  JourneyEnvelope,
  JourneyStartBody,
  JourneyUpdateBody,
} from '../../../shared/api/journeys.js';
import type { Caller, JourneyCaller } from '../../auth/caller.js';
import { openName, openRole, sealRole } from '../../auth/person-facts.js';
import { sealContext } from '../../crypto/contexts.js';
import type { Deps } from '../../deps.js';
import { revokeOpenInvites } from '../partners/invites.store.js';
import { openCameToLight, openKinds, sealCameToLight, sealKinds } from './journey-facts.js';
import {
  countMembers,
  findMembership,
  insertJourney,
  insertMember,
  readJourney,
  updateJourney,
  updateMemberRole,
} from './journeys.store.js';

/** The journey as one member sees it: their own role, the partner's name, their open invites. */
export async function journeyView(
  deps: Deps,
  journeyId: string,
  userId: string,
  now = deps.clock(),
): Promise<Journey> {
  const { sealer } = deps;
  const stored = await readJourney(deps.database.db, journeyId, userId, now);
  const { journey } = stored;
  const me = stored.members.find((m) => m.user_id === userId);
  const partner = stored.members.find((m) => m.user_id !== userId);
  return {
    id: journey.id,
    path: journey.path as Journey['path'],
    kinds: openKinds(sealer, journey.id, journey.kinds),
    cameToLight: openCameToLight(sealer, journey.id, journey.came_to_light),
    createdAt: journey.created_at,
    me: { role: me ? openRole(sealer, journeyId, me.user_id, me.role) : 'unsaid' },
    partner: partner
      ? { displayName: openName(sealer, partner.user_id, partner.display_name) }
      : null,
    pendingInvites: stored.invites.map((i) => ({
      id: i.id,
      expiresAt: i.expires_at,
      email:
        i.email === null ? null : sealer.openForServer(i.email, sealContext('inviteEmail', i.id)),
    })),
  };
}

export async function myJourney(deps: Deps, c: Caller): Promise<JourneyEnvelope> {
  return { journey: c.journey ? await journeyView(deps, c.journey.journeyId, c.userId) : null };
}

export async function startJourney(
  deps: Deps,
  c: Caller,
  body: JourneyStartBody,
): Promise<Journey> {
  const { sealer } = deps;
  const db = deps.database.db;
  // Read afresh rather than from the session: this starts one.
  if (await findMembership(db, sealer, c.userId)) throw new DomainError('journey.exists');
  const id = deps.newId();
  const now = deps.clock();
  try {
    await db.transaction().execute(async (trx) => {
      await insertJourney(trx, {
        id,
        path: body.path,
        kindsSealed: sealKinds(sealer, id, body.kinds),
        cameToLightSealed: sealCameToLight(sealer, id, body.cameToLight),
        createdBy: c.userId,
        now,
      });
      await insertMember(trx, {
        journeyId: id,
        userId: c.userId,
        roleSealed: sealRole(sealer, id, c.userId, body.role),
        now,
      });
    });
  } catch (e) {
    // The partial unique index catches a second journey started at the same moment.
    if (await findMembership(db, sealer, c.userId)) throw new DomainError('journey.exists');
    throw e;
  }
  return journeyView(deps, id, c.userId);
}

export async function changeJourney(
  deps: Deps,
  c: JourneyCaller,
  changes: JourneyUpdateBody,
): Promise<Journey> {
  const { sealer } = deps;
  const db = deps.database.db;
  const { journeyId, userId } = c;
  const offTogether = changes.path !== undefined && changes.path !== 'together';
  if (offTogether && (await countMembers(db, journeyId)) > 1) {
    throw new DomainError('journey.has_partner');
  }
  const now = deps.clock();
  await db.transaction().execute(async (trx) => {
    await updateJourney(
      trx,
      journeyId,
      {
        path: changes.path,
        kindsSealed: changes.kinds && sealKinds(sealer, journeyId, changes.kinds),
        cameToLightSealed:
          changes.cameToLight && sealCameToLight(sealer, journeyId, changes.cameToLight),
      },
      now,
    );
    // Off the together path, no invitation link may stay usable.
    if (offTogether) await revokeOpenInvites(trx, journeyId, now);
    if (changes.role) {
      await updateMemberRole(
        trx,
        journeyId,
        userId,
        sealRole(sealer, journeyId, userId, changes.role),
      );
    }
  });
  return journeyView(deps, journeyId, userId);
}
