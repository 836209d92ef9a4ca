import { pickCountry, type CrisisResources } from '../../../core/crisis/resources.js';
import { DomainError } from '../../../core/errors.js';
import type { PracticeSettings, PracticeSettingsBody } from '../../../shared/api/practice.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { currentCrisisResources } from '../crisis/crisis.store.js';
import { DEFAULT_COUNTRY, readPracticeSetting, writePracticeSetting } from './practice.store.js';

/**
 * The country whose lines people see before choosing their own: the administrator's choice (which
 * may be "anywhere else", stored as null), else STEADFAST_DEFAULT_COUNTRY. A code the crisis list
 * no longer has (the practice edited it since) counts as "anywhere else".
 */
export async function defaultCountry(
  deps: Deps,
  crisis: CrisisResources,
  db: Db = deps.database.db,
): Promise<string | null> {
  const stored = await readPracticeSetting(db, DEFAULT_COUNTRY);
  const code = typeof stored === 'string' || stored === null ? stored : deps.config.defaultCountry;
  return pickCountry(crisis, code ?? undefined)?.code ?? null;
}

export async function practiceSettings(deps: Deps): Promise<PracticeSettings> {
  return { defaultCountry: await defaultCountry(deps, await currentCrisisResources(deps)) };
}

/** Only a country the crisis list has lines for, or null for "anywhere else". */
export async function setDefaultCountry(deps: Deps, code: string | null): Promise<void> {
  if (code !== null && !pickCountry(await currentCrisisResources(deps), code)) {
    throw new DomainError('crisis.country_unknown');
  }
  await writePracticeSetting(deps.database.db, DEFAULT_COUNTRY, code, deps.clock());
}

/** Changes the practice's settings, answering them as they now stand. */
export async function changeSettings(
  deps: Deps,
  body: PracticeSettingsBody,
): Promise<PracticeSettings> {
  await setDefaultCountry(deps, body.defaultCountry);
  return practiceSettings(deps);
}
