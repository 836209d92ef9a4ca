import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../core/errors.js';
import { SessionInfo, SetupStatus, SignUpBody } from '../../../shared/api/auth.js';
import { Problem } from '../../../shared/api/problem.js';
import { createAccount } from '../../auth/accounts.js';
import { sessionInfo, signIn } from '../../auth/auth.routes.js';
import { adminExists } from '../../auth/users.store.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';

const SETUP_CLAIM = 'setup.admin_created';

/**
 * First run: while no administrator exists, anyone who can reach the server may create one — the
 * operator is expected to do this straight after starting it (or use `steadfast create-admin`).
 */
export function registerSetupRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/setup',
    {
      config: access('public'),
      schema: {
        tags: ['setup'],
        summary: 'Whether first-run setup is still needed',
        response: { 200: SetupStatus },
      },
    },
    async () => ({ needed: !(await adminExists(db)) }),
  );

  r.post(
    '/api/setup',
    {
      config: access('public'),
      schema: {
        tags: ['setup'],
        summary: 'Create the first administrator (only once)',
        body: SignUpBody,
        response: { 201: SessionInfo, 400: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      if (await adminExists(db)) throw new DomainError('setup.done');
      // The settings row is the lock: of two racing requests, only one can insert it.
      try {
        await db
          .insertInto('settings')
          .values({ key: SETUP_CLAIM, value: String(deps.clock()) })
          .execute();
      } catch {
        throw new DomainError('setup.done');
      }
      try {
        const admin = await createAccount(deps, { ...request.body, role: 'admin' });
        await signIn(deps, request, reply, admin.id);
        return reply.code(201).send(await sessionInfo(deps, admin));
      } catch (e) {
        await db.deleteFrom('settings').where('key', '=', SETUP_CLAIM).execute();
        throw e;
      }
    },
  );
}
