import type { Actor } from '../../../core/access/policy.js';
import {
  pickCountry,
  type CrisisCountry,
  type CrisisResources,
} from '../../../core/crisis/resources.js';
import type { CrisisLines } from '../../../shared/api/crisis.js';
import { findUserById } from '../../auth/users.store.js';
import type { Deps } from '../../deps.js';
import { defaultCountry } from '../practice/practice.service.js';
import { currentCrisisResources } from './crisis.store.js';

export async function crisisLines(deps: Deps): Promise<CrisisLines> {
  const crisis = await currentCrisisResources(deps);
  return { ...crisis, defaultCountry: await defaultCountry(deps, crisis) };
}

/** The lines for the help page, and the country whose lines come first (none: "anywhere else"). */
export interface HelpLines {
  readonly crisis: CrisisResources;
  readonly chosen: CrisisCountry | undefined;
}

/**
 * The country asked for, else the signed-in person's own, else the practice's default. We never
 * guess it from the person's address.
 */
export async function helpLines(
  deps: Deps,
  actor: Actor,
  asked: string | undefined,
): Promise<HelpLines> {
  const crisis = await currentCrisisResources(deps);
  const picked = pickCountry(crisis, asked);
  if (picked) return { crisis, chosen: picked };
  if (actor.kind === 'user') {
    const own = await findUserById(deps.database.db, deps.sealer, actor.userId);
    const theirs = pickCountry(crisis, own?.country ?? undefined);
    if (theirs) return { crisis, chosen: theirs };
  }
  return {
    crisis,
    chosen: pickCountry(crisis, (await defaultCountry(deps, crisis)) ?? undefined),
  };
}
