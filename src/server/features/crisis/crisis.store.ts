import { CrisisResources } from '../../../core/crisis/resources.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/** The practice's own edited list, when the administrator has stored one (CLI: crisis-resources). */
export const CRISIS_SETTING = 'crisis_resources';

/**
 * The crisis lines to show: the practice's edited list when there is one, otherwise the list that
 * ships in content/crisis/resources.json. Read on every use (a single row), so every instance
 * shows an edit at once.
 */
export async function currentCrisisResources(deps: Deps): Promise<CrisisResources> {
  const row = await deps.database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', CRISIS_SETTING)
    .executeTakeFirst();
  if (!row) return deps.content.crisis;
  // Stored only after validation; a row that no longer parses falls back to the shipped list.
  const parsed = CrisisResources.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : deps.content.crisis;
}

/** Stores the practice's list (validated by the caller with the same schema). */
export async function saveCrisisResources(db: Db, resources: CrisisResources): Promise<void> {
  const value = JSON.stringify(resources);
  await db
    .insertInto('settings')
    .values({ key: CRISIS_SETTING, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Forgets the practice's list: the shipped one applies again. */
export async function resetCrisisResources(db: Db): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', CRISIS_SETTING).execute();
}
