import { DomainError } from '../../../core/errors.js';
import { hasCheckedSafety } from '../../../core/safety/safety.js';
import type { Deps } from '../../deps.js';
import { loadSafetyState } from './safety.service.js';

/**
 * Joint features (inviting, sharing, letters, time-outs, the steps) open for a person only after
 * their own private safety check. Throws `safety.check_needed` otherwise. Only the person
 * themself is ever told: a partner's responses never depend on it.
 */
export async function assertSafetyChecked(deps: Deps, userId: string): Promise<void> {
  if (!hasCheckedSafety(await loadSafetyState(deps, userId))) {
    throw new DomainError('safety.check_needed');
  }
}
