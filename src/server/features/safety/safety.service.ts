import {
  anyYes,
  initialSafetyState,
  leaveSafetyMode,
  safetyQuestionIds,
  setDiscreet,
  takeCheck,
  type SafetyAnswers,
  type SafetyState,
} from '../../../core/safety/safety.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type { SafetyStatus, safetyApi } from '../../../shared/api/safety.js';
import type { Caller } from '../../auth/caller.js';
import { keyRing, type KeyRing, type People } from '../../auth/key-ring.js';
import { sealCountry } from '../../auth/person-facts.js';
import { sealIdle } from '../../auth/session-idle.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { raiseAlerts } from '../consent/consent.service.js';
import {
  findSealedSafetyState,
  lockPerson,
  setSessionsIdle,
  writeCountry,
  writeSafetyState,
} from './safety.store.js';

/**
 * The person's own safety check and settings. Everything here is about the caller alone: no
 * endpoint takes another person's id, and nothing here is ever part of another person's answers.
 */

type Api = typeof safetyApi;

/** The state as sealed under the person's key (JSON). */
interface SealedState {
  readonly checkedAt: number | null;
  readonly answers: SafetyAnswers | null;
  readonly safetyMode: boolean;
  readonly discreet: boolean;
}

/** A person's session idle time: shorter in discreet mode, so a phone left aside locks sooner. */
export const idleMsFor = (deps: Pick<Deps, 'config'>, state: SafetyState): number =>
  state.discreet
    ? Math.min(deps.config.sessionIdleDiscreetMs, deps.config.sessionIdleMs)
    : deps.config.sessionIdleMs;

const opened = (who: People, userId: string, sealed: string | undefined): SafetyState => {
  if (sealed === undefined) return initialSafetyState;
  const stored = JSON.parse(who.open('safetyState', userId, sealed, userId)) as SealedState;
  const answers = stored.answers
    ? (Object.fromEntries(
        safetyQuestionIds.map((id) => [id, stored.answers?.[id] === true]),
      ) as SafetyAnswers)
    : undefined;
  return {
    checkedAt: stored.checkedAt ?? undefined,
    answers,
    safetyMode: stored.safetyMode,
    discreet: stored.discreet,
  };
};

/**
 * A person's safety state, opened with their key; the initial state when they have none yet. The
 * caller's resolution asks it too (safety.gate.ts), before there is a caller: so its own key ring.
 */
export async function loadSafetyState(
  deps: Deps,
  userId: string,
  keys: KeyRing = keyRing(deps),
): Promise<SafetyState> {
  const sealed = await findSealedSafetyState(deps.database.db, userId);
  if (sealed === undefined) return initialSafetyState;
  return opened(await keys.people([userId]), userId, sealed);
}

/**
 * Seals and stores the state, and applies its idle time to every open session of the person (call
 * inside a transaction so both land together; `who` holds the person's key).
 */
export async function saveSafetyState(
  deps: Pick<Deps, 'sealer' | 'clock' | 'config'>,
  db: Db,
  who: People,
  userId: string,
  state: SafetyState,
): Promise<void> {
  const stored: SealedState = {
    checkedAt: state.checkedAt ?? null,
    answers: state.answers ?? null,
    safetyMode: state.safetyMode,
    discreet: state.discreet,
  };
  const sealed = who.seal('safetyState', userId, JSON.stringify(stored), userId);
  await writeSafetyState(db, userId, sealed, deps.clock());
  await setSessionsIdle(db, userId, sealIdle(deps.sealer, userId, idleMsFor(deps, state)));
}

const statusOf = (deps: Deps, state: SafetyState): SafetyStatus => ({
  checked: state.checkedAt !== undefined,
  checkedAt: state.checkedAt ?? null,
  safetyMode: state.safetyMode,
  discreet: state.discreet,
  idleMinutes: Math.round(idleMsFor(deps, state) / 60_000),
});

/** Reads, changes and stores the caller's state in one transaction. */
async function change(
  deps: Deps,
  c: Caller,
  f: (s: SafetyState) => SafetyState,
  then?: (trx: Db, state: SafetyState) => Promise<void>,
): Promise<SafetyStatus> {
  // The key is read before the transaction: on SQLite the one connection is the transaction's.
  const who = await c.keys.people([c.userId]);
  const next = await deps.database.db.transaction().execute(async (trx) => {
    // Two tabs changing the same person's state (a "yes" in one, discreet off in the other) take
    // turns, so neither silently undoes the other. SQLite runs one transaction at a time anyway.
    if (deps.database.dialect === 'postgres') await lockPerson(trx, c.userId);
    const state = f(opened(who, c.userId, await findSealedSafetyState(trx, c.userId)));
    await saveSafetyState(deps, trx, who, c.userId, state);
    await then?.(trx, state);
    return state;
  });
  return statusOf(deps, next);
}

export const safetyStatus = async (deps: Deps, c: Caller): Promise<SafetyStatus> =>
  statusOf(deps, await loadSafetyState(deps, c.userId, c.keys));

export function takeSafetyCheck(
  deps: Deps,
  c: Caller,
  { body }: Pick<Input<Api['check']>, 'body'>,
): Promise<SafetyStatus> {
  const now = deps.clock();
  // A "yes" alerts the therapists the person chose to alert, saved with the answers.
  return change(
    deps,
    c,
    (s) => takeCheck(s, body.answers, now),
    (trx) =>
      raiseAlerts(deps, trx, c.userId, {
        kind: 'safety_check',
        at: now,
        anyYes: anyYes(body.answers),
      }),
  );
}

export function changeSafetySettings(
  deps: Deps,
  c: Caller,
  { body }: Pick<Input<Api['settings']>, 'body'>,
): Promise<SafetyStatus> {
  const { discreet, safetyMode } = body;
  return change(deps, c, (s) => {
    const left = safetyMode === false ? leaveSafetyMode(s) : s;
    return discreet === undefined ? left : setDiscreet(left, discreet);
  });
}

export async function setCountry(
  deps: Deps,
  c: Caller,
  { body }: Pick<Input<Api['country']>, 'body'>,
): Promise<void> {
  await writeCountry(deps.database.db, c.userId, sealCountry(deps.sealer, c.userId, body.country));
}
