import { DomainError } from '../../../core/errors.js';
import { isRunning, refusalToCall, returnTime } from '../../../core/timeouts/timeout.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type { CurrentTimeout, Timeout, timeoutsApi } from '../../../shared/api/timeouts.js';
import type { Caller, JourneyCaller } from '../../auth/caller.js';
import type { Deps } from '../../deps.js';
import { journeyFacts } from '../journeys/journeys.store.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import { endTimeout, findOpenTimeout, findTimeout, insertTimeout } from './timeouts.store.js';

/** Time-outs: a partner calls a pause in the talking until a return time, and may end it early. */

type Api = typeof timeoutsApi;

export async function currentTimeout(deps: Deps, c: Caller): Promise<CurrentTimeout> {
  const open = c.journey ? await findOpenTimeout(deps.database.db, c.journey.journeyId) : undefined;
  if (!open || !isRunning(open, deps.clock())) return { timeout: null };
  // The partner learns when it ends and nothing else; only the caller gets its id, to end it.
  return {
    timeout:
      open.callerId === c.userId
        ? { id: open.id, until: open.until, mine: true }
        : { until: open.until, mine: false },
  };
}

export async function callTimeout(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['call']>, 'body'>,
): Promise<Timeout> {
  const db = deps.database.db;
  const now = deps.clock();
  const facts = await journeyFacts(db, c.journeyId);
  const journey = { path: facts.path, hasPartner: facts.memberCount > 1 };
  const refusal = refusalToCall(journey, await findOpenTimeout(db, c.journeyId), now);
  if (refusal) throw new DomainError(refusal);
  const id = deps.newId();
  const until = returnTime(now, body.minutes);
  try {
    await insertTimeout(db, { id, journeyId: c.journeyId, callerId: c.userId, now, until });
  } catch (e) {
    // The unique index refused it: the other partner called one at the same moment.
    const open = await findOpenTimeout(db, c.journeyId);
    if (open && isRunning(open, now)) throw new DomainError('timeout.running');
    throw e;
  }
  return { id, until, mine: true };
}

export async function endTimeoutEarly(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['end']>, 'params'>,
): Promise<void> {
  await assertSafetyChecked(deps, c.userId);
  const timeout = await findTimeout(deps.database.db, params.id);
  // Only the person who called it ends it; to anyone else it does not exist.
  if (!timeout || timeout.callerId !== c.userId || timeout.journeyId !== c.journey?.journeyId) {
    throw new DomainError('timeout.not_found');
  }
  await endTimeout(deps.database.db, timeout.id, deps.clock());
}
