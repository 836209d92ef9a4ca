import {
  initialSafetyState,
  safetyQuestionIds,
  type SafetyAnswers,
  type SafetyState,
} from '../../../core/safety/safety.js';
import type { DataKey } from '../../crypto/sealing.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { sealIdle } from '../../auth/session-idle.js';

const sealContext = (userId: string) => ({ table: 'safety_states', id: userId, field: 'state' });

interface StoredState {
  readonly checkedAt: number | null;
  readonly answers: SafetyAnswers | null;
  readonly safetyMode: boolean;
  readonly discreet: boolean;
}

type SafetyDeps = Pick<Deps, 'sealer' | 'clock' | 'config'>;

async function dataKeyOf(deps: SafetyDeps, db: Db, userId: string): Promise<DataKey> {
  const user = await db
    .selectFrom('users')
    .select('wrapped_key')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return deps.sealer.unwrap(userId, user.wrapped_key);
}

/** A person's safety state, opened with their key; the initial state when they have none yet. */
export async function loadSafetyState(
  deps: Deps,
  userId: string,
  db: Db = deps.database.db,
): Promise<SafetyState> {
  const row = await db
    .selectFrom('safety_states')
    .select('sealed')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return initialSafetyState;
  const key = await dataKeyOf(deps, db, userId);
  const stored = JSON.parse(deps.sealer.open(key, row.sealed, sealContext(userId))) as StoredState;
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
}

/** Idle time for a person's sessions: shorter in discreet mode, so a phone left aside locks sooner. */
export const idleMsFor = (deps: Pick<Deps, 'config'>, state: SafetyState): number =>
  state.discreet
    ? Math.min(deps.config.sessionIdleDiscreetMs, deps.config.sessionIdleMs)
    : deps.config.sessionIdleMs;

/**
 * Seals and stores the state, and applies its idle time to every open session of the person (call
 * inside a transaction so both land together).
 */
export async function saveSafetyState(
  deps: SafetyDeps,
  db: Db,
  userId: string,
  state: SafetyState,
): Promise<void> {
  const stored: StoredState = {
    checkedAt: state.checkedAt ?? null,
    answers: state.answers ?? null,
    safetyMode: state.safetyMode,
    discreet: state.discreet,
  };
  const sealed = deps.sealer.seal(
    await dataKeyOf(deps, db, userId),
    JSON.stringify(stored),
    sealContext(userId),
  );
  const now = deps.clock();
  await db
    .insertInto('safety_states')
    .values({ user_id: userId, sealed, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ sealed, updated_at: now }))
    .execute();
  await db
    .updateTable('sessions')
    .set({ idle_sealed: sealIdle(deps.sealer, userId, idleMsFor(deps, state)) })
    .where('user_id', '=', userId)
    .execute();
}
