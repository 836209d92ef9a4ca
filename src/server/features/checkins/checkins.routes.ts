import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  canChangeItem,
  canReadItem,
  type Actor,
  type Decision,
} from '../../../core/access/policy.js';
import { decodeCursor, encodeCursor, type CheckinContent } from '../../../core/checkins/checkin.js';
import { DomainError } from '../../../core/errors.js';
import { previewOf } from '../../../core/text/text.js';
import {
  Checkin,
  CheckinCreateBody,
  CheckinListQuery,
  CheckinPage,
  NOTE_PREVIEW,
  VisibilityBody,
} from '../../../shared/api/checkins.js';
import { IdParams } from '../../../shared/api/common.js';
import { NoContent, Problem } from '../../../shared/api/problem.js';
import { openName } from '../../auth/person-facts.js';
import type { DataKey, SealContext } from '../../crypto/sealing.js';
import type { Deps } from '../../deps.js';
import { access, actorOf, memberId, membershipOf } from '../../http/access.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  deleteCheckin,
  findAuthors,
  findCheckin,
  insertCheckin,
  listVisibleCheckins,
  setVisibility,
  type CheckinRow,
} from './checkins.store.js';

const sealContext = (id: string): SealContext => ({ table: 'checkins', id, field: 'content' });

/** A glance sends only the start of a long note, so the rest never reaches that screen. */
function previewed(checkin: Checkin): Checkin {
  const { text, cut } = previewOf(checkin.note, NOTE_PREVIEW);
  return cut ? { ...checkin, note: text, noteCut: true } : checkin;
}

function assertAllowed(decision: Decision): void {
  if (!decision.allow) {
    throw new DomainError(
      decision.reason === 'unauthenticated' ? 'auth.unauthenticated' : 'checkin.not_found',
    );
  }
}

export function registerCheckinRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  /** Opens rows with their authors' keys, looking the authors up once for the whole page. */
  async function opener(viewerId: string, rows: readonly CheckinRow[]) {
    const authors = await findAuthors(
      db,
      deps.sealer,
      rows.map((r) => r.authorId),
    );
    const keys = new Map<string, DataKey>();
    return (row: CheckinRow): Checkin => {
      const author = authors.get(row.authorId);
      if (!author) throw new Error(`author of check-in ${row.id} is missing`);
      let key = keys.get(row.authorId);
      if (!key) {
        key = deps.sealer.unwrap(row.authorId, author.wrappedKey);
        keys.set(row.authorId, key);
      }
      const content = JSON.parse(
        deps.sealer.open(key, row.sealed, sealContext(row.id)),
      ) as CheckinContent;
      return {
        id: row.id,
        mine: row.authorId === viewerId,
        authorName: author.displayName,
        visibility: row.visibility,
        createdAt: row.createdAt,
        feelings: [...content.feelings],
        note: content.note,
      };
    };
  }

  async function readable(request: FastifyRequest, id: string): Promise<CheckinRow> {
    const row = await findCheckin(db, id);
    if (!row) throw new DomainError('checkin.not_found');
    assertAllowed(canReadItem(actorOf(request), membershipOf(request), row));
    return row;
  }

  async function changeable(actor: Actor, id: string): Promise<CheckinRow> {
    const row = await findCheckin(db, id);
    if (!row) throw new DomainError('checkin.not_found');
    assertAllowed(canChangeItem(actor, row));
    return row;
  }

  r.get(
    '/api/checkins',
    {
      config: access('member'),
      schema: {
        tags: ['checkins'],
        summary: 'My check-ins and those my partner shared with me, newest first',
        querystring: CheckinListQuery,
        response: { 200: CheckinPage, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      const membership = membershipOf(request);
      if (!membership) throw new DomainError('journey.none');
      const { cursor, limit, preview } = request.query;
      const rows = await listVisibleCheckins(db, {
        journeyId: membership.journeyId,
        viewerId: userId,
        cursor: cursor ? decodeCursor(cursor) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      reply.header('cache-control', 'no-store');
      return {
        items: page.map(await opener(userId, page)).map((c) => (preview ? previewed(c) : c)),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor({ createdAt: last.createdAt, id: last.id })
            : null,
      };
    },
  );

  r.post(
    '/api/checkins',
    {
      config: access('member'),
      schema: {
        tags: ['checkins'],
        summary: 'Write a check-in (private until I share it)',
        body: CheckinCreateBody,
        response: { 201: Checkin, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      const membership = membershipOf(request);
      if (!membership) throw new DomainError('journey.none');
      const author = await db
        .selectFrom('users')
        .select(['wrapped_key', 'display_name'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      const id = deps.newId();
      const createdAt = deps.clock();
      const content: CheckinContent = {
        feelings: request.body.feelings,
        note: request.body.note ?? '',
      };
      const key = deps.sealer.unwrap(userId, author.wrapped_key);
      const sealed = deps.sealer.seal(key, JSON.stringify(content), sealContext(id));
      await insertCheckin(db, {
        id,
        journeyId: membership.journeyId,
        authorId: userId,
        createdAt,
        sealed,
      });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({
        id,
        mine: true,
        authorName: openName(deps.sealer, userId, author.display_name),
        visibility: 'private',
        createdAt,
        feelings: [...content.feelings],
        note: content.note,
      });
    },
  );

  r.get(
    '/api/checkins/:id',
    {
      config: access('member'),
      schema: {
        tags: ['checkins'],
        summary: 'One check-in I wrote, or one my partner shared with me',
        params: IdParams,
        response: { 200: Checkin, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      const row = await readable(request, request.params.id);
      reply.header('cache-control', 'no-store');
      return (await opener(userId, [row]))(row);
    },
  );

  r.put(
    '/api/checkins/:id/visibility',
    {
      config: access('member'),
      schema: {
        tags: ['checkins'],
        summary: 'Share a check-in with my partner, or take it back',
        params: IdParams,
        body: VisibilityBody,
        response: { 200: Checkin, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const userId = memberId(request);
      const row = await changeable(actorOf(request), request.params.id);
      // Sharing is joint work; taking something back is always possible.
      if (request.body.visibility === 'partner') await assertSafetyChecked(deps, userId);
      await setVisibility(db, row.id, request.body.visibility);
      const changed = { ...row, visibility: request.body.visibility };
      return (await opener(userId, [changed]))(changed);
    },
  );

  r.delete(
    '/api/checkins/:id',
    {
      config: access('member'),
      schema: {
        tags: ['checkins'],
        summary: 'Delete a check-in I wrote',
        params: IdParams,
        response: { 204: NoContent, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const row = await changeable(actorOf(request), request.params.id);
      await deleteCheckin(db, row.id);
      return reply.code(204).send(null);
    },
  );
}
