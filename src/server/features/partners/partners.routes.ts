import type { FastifyInstance } from 'fastify';
import { sealRole } from '../../auth/person-facts.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../core/errors.js';
import { assertInviteUsable, inviteStatus } from '../../../core/invites/invite.js';
import { assertCanInvite, assertCanJoin } from '../../../core/journeys/journey.js';
import {
  InviteCreateBody,
  InviteCreated,
  InvitePreview,
  InviteAcceptBody,
  InviteTokenBody,
  Journey,
} from '../../../shared/api/journeys.js';
import { IdParams } from '../../../shared/api/common.js';
import { NoContent, Problem } from '../../../shared/api/problem.js';
import { hit } from '../../auth/rate-limit.store.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { Deps } from '../../deps.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import { access, memberId } from '../../http/access.js';
import { findMembership, journeyFacts, loadJourneyView } from '../journeys/journeys.store.js';
import {
  findInviteByTokenHash,
  insertInvite,
  revokeInvite,
  revokeOpenInvites,
  writeOutbox,
} from './invites.store.js';

const INVITES_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60_000;

/** The link carries the token in the fragment, which browsers never send to servers or in Referer. */
export const inviteUrl = (origin: string, token: string): string => `${origin}/join#${token}`;

export function registerPartnerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.post(
    '/api/journey/invites',
    {
      config: access('member'),
      schema: {
        tags: ['partners'],
        summary: 'Create a single-use link (valid 7 days) to invite my partner',
        body: InviteCreateBody,
        response: { 201: InviteCreated, 400: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      const now = deps.clock();
      const membership = await findMembership(db, deps.sealer, userId);
      if (!membership) throw new DomainError('journey.none');
      assertCanInvite(await journeyFacts(db, membership.journeyId));
      await assertSafetyChecked(deps, userId);
      if ((await hit(db, `invite:user:${userId}`, now, DAY_MS)) > INVITES_PER_DAY) {
        throw new DomainError('auth.rate_limited');
      }
      const token = newToken();
      const id = deps.newId();
      const email = request.body.email ?? null;
      const url = inviteUrl(deps.config.publicOrigin, token);
      const { expiresAt } = await db.transaction().execute(async (trx) => {
        const created = await insertInvite(trx, deps.sealer, {
          id,
          journeyId: membership.journeyId,
          tokenHash: hashToken(token),
          createdBy: userId,
          email,
          now,
        });
        if (email) {
          // Neutral wording: no names, nothing about the relationship (someone else may read this inbox).
          await writeOutbox(trx, deps.sealer, {
            id: deps.newId(),
            recipient: email,
            subject: 'An invitation to Steadfast',
            body: `You have been invited to join someone on Steadfast.\n\nOpen this link to accept (it works once, for 7 days):\n${url}\n\nIf you were not expecting this, you can ignore this message.`,
            now,
          });
        }
        return created;
      });
      return reply.code(201).send({ id, url, expiresAt, emailed: email !== null });
    },
  );

  r.delete(
    '/api/journey/invites/:id',
    {
      config: access('member'),
      schema: {
        tags: ['partners'],
        summary: 'Withdraw an invitation that has not been used',
        params: IdParams,
        response: { 204: NoContent, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      if (!(await revokeInvite(db, request.params.id, memberId(request), deps.clock()))) {
        throw new DomainError('invite.not_found');
      }
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/invites/preview',
    {
      config: access('public'),
      schema: {
        tags: ['partners'],
        summary: 'What an invitation link leads to, before signing in',
        body: InviteTokenBody,
        response: { 200: InvitePreview, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const invite = await findInviteByTokenHash(db, deps.sealer, hashToken(request.body.token));
      if (!invite) throw new DomainError('invite.invalid');
      const status = inviteStatus(invite, deps.clock());
      return { status, inviterName: status === 'valid' ? invite.inviterName : null };
    },
  );

  r.post(
    '/api/invites/accept',
    {
      config: access('member'),
      schema: {
        tags: ['partners'],
        summary: "Join my partner's journey through their link, saying my own part in it",
        body: InviteAcceptBody,
        response: { 200: Journey, 400: Problem, 404: Problem, 409: Problem, 410: Problem },
      },
    },
    async (request) => {
      const userId = memberId(request);
      const now = deps.clock();
      const invite = await findInviteByTokenHash(db, deps.sealer, hashToken(request.body.token));
      if (!invite) throw new DomainError('invite.invalid');
      assertInviteUsable(invite, now);
      if (invite.createdBy === userId) throw new DomainError('invite.own');
      if (await findMembership(db, deps.sealer, userId)) throw new DomainError('journey.exists');
      try {
        await db.transaction().execute(async (trx) => {
          // Lock the journey row first: two people accepting two different links of one journey at
          // the same moment then take turns, and the second sees the first as a member.
          await trx
            .updateTable('journeys')
            .set({ updated_at: now })
            .where('id', '=', invite.journeyId)
            .execute();
          // Read the link again under the lock: another acceptance may have used or withdrawn it.
          const current = await findInviteByTokenHash(
            trx,
            deps.sealer,
            hashToken(request.body.token),
          );
          if (!current) throw new DomainError('invite.invalid');
          assertInviteUsable(current, now);
          // Marking the link used is conditional, so of two people racing for it only one gets in.
          const used = await trx
            .updateTable('invites')
            .set({ used_at: now, used_by: userId })
            .where('id', '=', invite.id)
            .where('used_at', 'is', null)
            .where('revoked_at', 'is', null)
            .executeTakeFirst();
          if (Number(used.numUpdatedRows) !== 1) throw new DomainError('invite.used');
          assertCanJoin(await journeyFacts(trx, invite.journeyId));
          await trx
            .insertInto('journey_members')
            .values({
              journey_id: invite.journeyId,
              user_id: userId,
              role: sealRole(deps.sealer, invite.journeyId, userId, request.body.role),
              joined_at: now,
              left_at: null,
            })
            .execute();
          // The journey is now full: no other link of it may stay usable.
          await revokeOpenInvites(trx, invite.journeyId, now);
        });
      } catch (e) {
        // The one-active-journey index refused a journey started or joined at the same moment.
        if (!(e instanceof DomainError) && (await findMembership(db, deps.sealer, userId))) {
          throw new DomainError('journey.exists');
        }
        throw e;
      }
      return loadJourneyView(db, deps.sealer, invite.journeyId, userId, now);
    },
  );
}
