import type { Db } from '../../db/schema.js';

const SETUP_CLAIM = 'setup.admin_created';

/**
 * Claims first-run setup: the settings row is the lock, so of two racing requests only one can
 * insert it. False when it is already claimed.
 */
export async function claimSetup(db: Db, now: number): Promise<boolean> {
  try {
    await db
      .insertInto('settings')
      .values({ key: SETUP_CLAIM, value: String(now) })
      .execute();
    return true;
  } catch {
    return false;
  }
}

/** Gives the claim back when creating the administrator failed, so setup can be tried again. */
export async function releaseSetup(db: Db): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', SETUP_CLAIM).execute();
}
