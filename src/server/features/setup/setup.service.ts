import { DomainError } from '../../../core/errors.js';
import type { SetupStatus, SignUpBody } from '../../../shared/api/auth.js';
import { createAccount } from '../../auth/accounts.js';
import { startSession, type Device, type StartedSession } from '../../auth/auth.service.js';
import { adminExists } from '../../auth/users.store.js';
import type { Deps } from '../../deps.js';
import { claimSetup, releaseSetup } from './setup.store.js';

export const setupStatus = async (deps: Deps): Promise<SetupStatus> => ({
  needed: !(await adminExists(deps.database.db)),
});

/**
 * First run: while no administrator exists, anyone who can reach the server may create one — the
 * operator is expected to do this straight after starting it (or use `steadfast create-admin`).
 */
export async function createAdmin(
  deps: Deps,
  body: SignUpBody,
  device: Device,
): Promise<StartedSession> {
  const db = deps.database.db;
  if (await adminExists(db)) throw new DomainError('setup.done');
  if (!(await claimSetup(db, deps.clock()))) throw new DomainError('setup.done');
  try {
    const admin = await createAccount(deps, { ...body, role: 'admin' });
    return await startSession(deps, admin, device);
  } catch (e) {
    await releaseSetup(db);
    throw e;
  }
}
