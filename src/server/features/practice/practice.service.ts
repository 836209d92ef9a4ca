import { pickCountry, type CrisisResources } from '../../../core/crisis/resources.js';
import { DomainError } from '../../../core/errors.js';
import type {
  PracticeSettings,
  PracticeSettingsChange,
  PublicPractice,
} from '../../../shared/api/practice.js';
import { atomically, type Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { currentCrisisResources } from '../crisis/crisis.store.js';
import {
  ADDRESS,
  CONTACT_EMAIL,
  DEFAULT_COUNTRY,
  INTAKE_OPEN,
  PHONE,
  PRACTICE_NAME,
  readPracticeSetting,
  readPracticeSettings,
  TIME_ZONE,
  writePracticeSetting,
} from './practice.store.js';

/** Until the administrator sets one, the practice's times are given in UTC. */
export const DEFAULT_TIME_ZONE = 'UTC';

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

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The practice's public details (name, contact, address, time zone, whether intake is open), for
 * any feature that shows them: the directory, intake, a therapist's invitation.
 */
export async function publicPractice(
  deps: Deps,
  db: Db = deps.database.db,
): Promise<PublicPractice> {
  const stored = await readPracticeSettings(db);
  const zone = stored.get(TIME_ZONE);
  const intake = stored.get(INTAKE_OPEN);
  return {
    name: textOf(stored.get(PRACTICE_NAME)),
    contactEmail: textOf(stored.get(CONTACT_EMAIL)),
    phone: textOf(stored.get(PHONE)),
    address: textOf(stored.get(ADDRESS)),
    timeZone: typeof zone === 'string' ? zone : DEFAULT_TIME_ZONE,
    // Intake is open until the administrator closes it.
    intakeOpen: typeof intake === 'boolean' ? intake : true,
  };
}

export async function practiceSettings(deps: Deps): Promise<PracticeSettings> {
  return {
    defaultCountry: await defaultCountry(deps, await currentCrisisResources(deps)),
    ...(await publicPractice(deps)),
  };
}

/** Only a country the crisis list has lines for, or null for "anywhere else". */
export async function setDefaultCountry(deps: Deps, code: string | null): Promise<void> {
  if (code !== null && !pickCountry(await currentCrisisResources(deps), code)) {
    throw new DomainError('crisis.country_unknown');
  }
  await writePracticeSetting(deps.database.db, DEFAULT_COUNTRY, code, deps.clock());
}

/** Changes the settings given (the rest stay as they are), answering them as they now stand. */
export async function changeSettings(
  deps: Deps,
  body: PracticeSettingsChange,
): Promise<PracticeSettings> {
  if (
    body.defaultCountry &&
    !pickCountry(await currentCrisisResources(deps), body.defaultCountry)
  ) {
    throw new DomainError('crisis.country_unknown');
  }
  const now = deps.clock();
  const changes: [string, unknown][] = [
    [DEFAULT_COUNTRY, body.defaultCountry],
    [PRACTICE_NAME, body.name],
    [CONTACT_EMAIL, body.contactEmail],
    [PHONE, body.phone],
    [ADDRESS, body.address],
    [TIME_ZONE, body.timeZone],
    [INTAKE_OPEN, body.intakeOpen],
  ];
  await atomically(deps.database.db, async (trx) => {
    for (const [key, value] of changes) {
      if (value !== undefined) await writePracticeSetting(trx, key, value, now);
    }
  });
  return practiceSettings(deps);
}
