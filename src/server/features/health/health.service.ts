import type { Health } from '../../../shared/api/health.js';
import { isReachable } from '../../db/connection.js';
import type { Deps } from '../../deps.js';

export async function health(deps: Deps): Promise<Health> {
  const up = await isReachable(deps.database.db);
  return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' };
}
