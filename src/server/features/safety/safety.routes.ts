import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sealCountry } from '../../auth/person-facts.js';
import {
  leaveSafetyMode,
  setDiscreet,
  takeCheck,
  type SafetyState,
} from '../../../core/safety/safety.js';
import { NoContent, Problem } from '../../../shared/api/problem.js';
import {
  CountryBody,
  SafetyCheckBody,
  SafetySettingsBody,
  SafetyStatus,
} from '../../../shared/api/safety.js';
import type { Deps } from '../../deps.js';
import { access, memberId } from '../../http/access.js';
import { idleMsFor, loadSafetyState, saveSafetyState } from './safety.store.js';

/**
 * The person's own safety check and settings. Everything here is about the caller alone: no route
 * takes another person's id, and nothing here is ever part of another person's responses.
 */
export function registerSafetyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  const status = (state: SafetyState): SafetyStatus => ({
    checked: state.checkedAt !== undefined,
    checkedAt: state.checkedAt ?? null,
    safetyMode: state.safetyMode,
    discreet: state.discreet,
    idleMinutes: Math.round(idleMsFor(deps, state) / 60_000),
  });

  /** Reads, changes and stores the caller's state in one transaction. */
  const change = (userId: string, f: (s: SafetyState) => SafetyState) =>
    db.transaction().execute(async (trx) => {
      // Two tabs changing the same person's state (a "yes" in one, discreet off in the other) take
      // turns, so neither silently undoes the other. SQLite runs one transaction at a time anyway.
      if (deps.database.dialect === 'postgres') {
        await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
      }
      const next = f(await loadSafetyState(deps, userId, trx));
      await saveSafetyState(deps, trx, userId, next);
      return next;
    });

  // Quick exit lands here (link, or Shift three times) and is sent on to the neutral site. The page
  // it left was replaced in the history, so Back does not return to it.
  app.get('/exit', { config: access('public'), schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-store').redirect(deps.config.quickExitUrl, 303),
  );

  r.get(
    '/api/safety',
    {
      config: access('signedIn'),
      schema: {
        tags: ['safety'],
        summary: 'My own safety check and settings (never shown to anyone else)',
        response: { 200: SafetyStatus },
      },
    },
    async (request) => status(await loadSafetyState(deps, memberId(request))),
  );

  r.post(
    '/api/safety/check',
    {
      config: access('signedIn'),
      schema: {
        tags: ['safety'],
        summary: 'Take the safety check; any "yes" turns on safety mode',
        body: SafetyCheckBody,
        response: { 200: SafetyStatus, 400: Problem },
      },
    },
    async (request) => {
      const now = deps.clock();
      return status(
        await change(memberId(request), (s) => takeCheck(s, request.body.answers, now)),
      );
    },
  );

  r.patch(
    '/api/safety',
    {
      config: access('signedIn'),
      schema: {
        tags: ['safety'],
        summary: 'Turn discreet mode on or off, or leave safety mode',
        body: SafetySettingsBody,
        response: { 200: SafetyStatus, 400: Problem },
      },
    },
    async (request) => {
      const { discreet, safetyMode } = request.body;
      return status(
        await change(memberId(request), (s) => {
          const left = safetyMode === false ? leaveSafetyMode(s) : s;
          return discreet === undefined ? left : setDiscreet(left, discreet);
        }),
      );
    },
  );

  r.put(
    '/api/me/country',
    {
      config: access('signedIn'),
      schema: {
        tags: ['safety'],
        summary: 'The country whose crisis lines I see first',
        body: CountryBody,
        response: { 204: NoContent, 400: Problem },
      },
    },
    async (request, reply) => {
      await db
        .updateTable('users')
        .set({ country: sealCountry(deps.sealer, memberId(request), request.body.country) })
        .where('id', '=', memberId(request))
        .execute();
      return reply.code(204).send(null);
    },
  );
}
