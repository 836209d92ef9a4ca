import type { BetrayalKind, CameToLight } from '../../../core/journeys/journey.js';
import { sealContext } from '../../crypto/contexts.js';
import type { SealContext, Sealer } from '../../crypto/sealing.js';
import type { Db } from '../../db/schema.js';

/**
 * What happened and when it came to light belong to the journey, not to one person: both members
 * read them and no query looks inside them. So they are sealed under the master key, which keeps
 * them from anyone holding only a copy of the database.
 */
const kindsContext = (journeyId: string) => sealContext('journeyKinds', journeyId);
const cameToLightContext = (journeyId: string) => sealContext('cameToLight', journeyId);

export const sealKinds = (sealer: Sealer, journeyId: string, kinds: readonly BetrayalKind[]) =>
  sealer.sealForServer(JSON.stringify(kinds), kindsContext(journeyId));

export const openKinds = (sealer: Sealer, journeyId: string, sealed: string): BetrayalKind[] =>
  JSON.parse(sealer.openForServer(sealed, kindsContext(journeyId))) as BetrayalKind[];

export const sealCameToLight = (sealer: Sealer, journeyId: string, when: CameToLight) =>
  sealer.sealForServer(when, cameToLightContext(journeyId));

export const openCameToLight = (sealer: Sealer, journeyId: string, sealed: string) =>
  sealer.openForServer(sealed, cameToLightContext(journeyId)) as CameToLight;

const SEALED_SETTING = 'crypto.plain_facts_sealed';

/**
 * Data written before these fields, and a person's name, country and part in a journey
 * (auth/person-facts.ts), were sealed is sealed at the first start that has the master
 * key (a migration runs before the key is loaded, so it cannot). A value that does not open is
 * taken as plain; once every row is done a setting records it, so later starts skip the scan.
 */
export async function sealPlainFacts(db: Db, sealer: Sealer): Promise<void> {
  const done = await db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', SEALED_SETTING)
    .executeTakeFirst();
  if (done) return;
  const opens = (sealed: string, ctx: SealContext) => {
    try {
      sealer.openForServer(sealed, ctx);
      return true;
    } catch {
      return false;
    }
  };
  await db.transaction().execute(async (trx) => {
    const journeys = await trx
      .selectFrom('journeys')
      .select(['id', 'kinds', 'came_to_light'])
      .execute();
    for (const j of journeys) {
      const changes = {
        ...(opens(j.kinds, kindsContext(j.id))
          ? {}
          : { kinds: sealer.sealForServer(j.kinds, kindsContext(j.id)) }),
        ...(opens(j.came_to_light, cameToLightContext(j.id))
          ? {}
          : { came_to_light: sealer.sealForServer(j.came_to_light, cameToLightContext(j.id)) }),
      };
      if (Object.keys(changes).length > 0)
        await trx.updateTable('journeys').set(changes).where('id', '=', j.id).execute();
    }
    const invites = await trx
      .selectFrom('invites')
      .select(['id', 'email'])
      .where('email', 'is not', null)
      .execute();
    for (const i of invites) {
      if (i.email === null || opens(i.email, sealContext('inviteEmail', i.id))) continue;
      await trx
        .updateTable('invites')
        .set({ email: sealer.sealForServer(i.email, sealContext('inviteEmail', i.id)) })
        .where('id', '=', i.id)
        .execute();
    }
    const mails = await trx.selectFrom('mail_outbox').select(['id', 'recipient']).execute();
    for (const m of mails) {
      const ctx = sealContext('outboxRecipient', m.id);
      if (opens(m.recipient, ctx)) continue;
      await trx
        .updateTable('mail_outbox')
        .set({ recipient: sealer.sealForServer(m.recipient, ctx) })
        .where('id', '=', m.id)
        .execute();
    }
    const nameContext = (id: string) => sealContext('displayName', id);
    const countryContext = (id: string) => sealContext('country', id);
    const roleContext = (journeyId: string, userId: string) =>
      sealContext('memberRole', journeyId, userId);
    const users = await trx.selectFrom('users').select(['id', 'display_name', 'country']).execute();
    for (const u of users) {
      const changes = {
        ...(opens(u.display_name, nameContext(u.id))
          ? {}
          : { display_name: sealer.sealForServer(u.display_name, nameContext(u.id)) }),
        ...(u.country === null || opens(u.country, countryContext(u.id))
          ? {}
          : { country: sealer.sealForServer(u.country, countryContext(u.id)) }),
      };
      if (Object.keys(changes).length > 0)
        await trx.updateTable('users').set(changes).where('id', '=', u.id).execute();
    }
    const members = await trx
      .selectFrom('journey_members')
      .select(['journey_id', 'user_id', 'role'])
      .execute();
    for (const m of members) {
      const ctx = roleContext(m.journey_id, m.user_id);
      if (opens(m.role, ctx)) continue;
      await trx
        .updateTable('journey_members')
        .set({ role: sealer.sealForServer(m.role, ctx) })
        .where('journey_id', '=', m.journey_id)
        .where('user_id', '=', m.user_id)
        .execute();
    }
    await trx
      .insertInto('settings')
      .values({ key: SEALED_SETTING, value: '1' })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
}
