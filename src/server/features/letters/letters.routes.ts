import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, refuseIf } from '../../../core/errors.js';
import {
  refusalToAnswer,
  refusalToDelete,
  refusalToEdit,
  refusalToReflect,
  refusalToRevise,
  refusalToShare,
  refusalToStart,
  statementComplete,
  threadKinds,
} from '../../../core/letters/letter.js';
import { IdParams } from '../../../shared/api/common.js';
import {
  AnswerCreateBody,
  LetterCreateBody,
  LetterList,
  LetterThread,
  LetterUpdateBody,
} from '../../../shared/api/letters.js';
import { NoContent, Problem } from '../../../shared/api/problem.js';
import type { Deps } from '../../deps.js';
import { access, memberId } from '../../http/access.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  deleteUnsent,
  insertAnswer,
  insertDraft,
  listAnswers,
  ownThreadKinds,
  shareDraft,
  updateDraft,
} from './letters.store.js';
import {
  answerContext,
  bodyOf,
  letterContext,
  letterReaders,
  partsOf,
  type AnswerContent,
} from './readers.js';

/** Letters and reflections can be long, in any script: room for 20,000 characters of any kind. */
const LETTER_BODY_LIMIT = 256 * 1024;

export function registerLetterRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const recordWork = exerciseRecorder(deps);
  const { caller, visible, ownKey, openThreads, viewOf, threadView, ruleFacts } =
    letterReaders(deps);

  const activity = (t: LetterThread): number =>
    Math.max(
      ...t.versions.map((v) => Math.max(v.sharedAt ?? 0, v.mine ? v.updatedAt : 0)),
      ...t.versions.map((v) => v.answer?.createdAt ?? 0),
    );

  r.get(
    '/api/letters',
    {
      config: access('member'),
      schema: {
        tags: ['letters'],
        summary:
          'My letters and reflections (drafts included) and what my partner sent me, with every version and answer',
        response: { 200: LetterList, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = await caller(request);
      const opened = await openThreads(c);
      const threads = [...opened.threads.values()]
        .map((thread) => viewOf(c, opened, thread))
        .filter((t): t is LetterThread => t !== null)
        .sort((a, b) => activity(b) - activity(a) || a.id.localeCompare(b.id));
      reply.header('cache-control', 'no-store');
      const own = [...opened.threads.values()]
        .flat()
        .filter((row) => row.authorId === c.writer.userId)
        .map((row) => row.kind);
      return {
        threads,
        canStart: threadKinds.filter((k) => refusalToStart(c.writer, k, own) === undefined),
      };
    },
  );

  r.post(
    '/api/letters',
    {
      config: access('member'),
      bodyLimit: LETTER_BODY_LIMIT,
      schema: {
        tags: ['letters'],
        summary:
          'Begin a draft: a new letter, a new version of my letter (threadId), or a reflection on a letter my partner sent (respondsTo)',
        body: LetterCreateBody,
        response: { 201: LetterThread, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = await caller(request);
      const { kind, threadId, respondsTo } = request.body;
      const text = bodyOf(kind, request.body);
      const me = c.writer.userId;
      let thread: string;
      if (kind === 'reflection' && respondsTo) {
        const letter = await visible(request, c, respondsTo);
        const facts = await ruleFacts(c, letter.threadId);
        refuseIf(refusalToReflect(c.writer, facts.thread, facts.answers, letter.id));
        thread = letter.threadId;
      } else if (threadId) {
        const facts = await ruleFacts(c, threadId);
        if (facts.thread.length === 0) throw new DomainError('letter.not_found');
        if (facts.thread.some((row) => row.kind !== 'reflection' && row.kind !== kind)) {
          throw new DomainError('letter.path');
        }
        refuseIf(refusalToRevise(c.writer, facts.thread));
        thread = threadId;
      } else {
        refuseIf(
          refusalToStart(c.writer, kind, await ownThreadKinds(db, c.journeyId, c.writer.userId)),
        );
        thread = '';
      }
      const id = deps.newId();
      const sealed = deps.sealer.seal(await ownKey(me), text, letterContext(id));
      try {
        await insertDraft(db, {
          id,
          journeyId: c.journeyId,
          threadId: thread || id,
          authorId: me,
          kind,
          respondsTo: kind === 'reflection' ? (respondsTo ?? null) : null,
          now: deps.clock(),
          sealed,
        });
      } catch (e) {
        // A unique index refused it: another save made a draft here at the same moment…
        if (thread && (await ruleFacts(c, thread)).thread.some((x) => x.state === 'draft')) {
          throw new DomainError('letter.draft_exists');
        }
        // …or began this person's one statement.
        if (
          !thread &&
          kind === 'statement' &&
          (await ownThreadKinds(db, c.journeyId, me)).includes('statement')
        ) {
          throw new DomainError('letter.statement_exists');
        }
        throw e;
      }
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await threadView(c, thread || id));
    },
  );

  r.put(
    '/api/letters/:id',
    {
      config: access('member'),
      bodyLimit: LETTER_BODY_LIMIT,
      schema: {
        tags: ['letters'],
        summary: 'Rewrite my draft (a reflection may move to a newer sent version of the letter)',
        params: IdParams,
        body: LetterUpdateBody,
        response: { 200: LetterThread, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = await caller(request);
      const row = await visible(request, c, request.params.id);
      refuseIf(refusalToEdit(c.writer.userId, row));
      const { respondsTo } = request.body;
      const text = bodyOf(row.kind, request.body);
      if (respondsTo !== undefined && respondsTo !== row.respondsTo) {
        const facts = await ruleFacts(c, row.threadId);
        const letter = facts.thread.find((x) => x.id === respondsTo);
        if (
          row.kind !== 'reflection' ||
          !letter ||
          letter.kind !== 'impact' ||
          letter.state !== 'shared' ||
          letter.authorId === c.writer.userId
        ) {
          throw new DomainError('letter.reflect_on_partner');
        }
      }
      const sealed = deps.sealer.seal(await ownKey(row.authorId), text, letterContext(row.id));
      if (!(await updateDraft(db, row.id, { sealed, respondsTo, now: deps.clock() }))) {
        throw new DomainError('letter.locked');
      }
      reply.header('cache-control', 'no-store');
      return threadView(c, row.threadId);
    },
  );

  r.post(
    '/api/letters/:id/share',
    {
      config: access('member'),
      schema: {
        tags: ['letters'],
        summary: 'Send my draft to my partner; from then on that version stays as it is',
        params: IdParams,
        response: { 200: LetterThread, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = await caller(request);
      const row = await visible(request, c, request.params.id);
      const facts = await ruleFacts(c, row.threadId);
      refuseIf(refusalToShare(c.writer, row, facts.thread, facts.answers));
      if (row.kind === 'statement') {
        const body = deps.sealer.open(
          await ownKey(row.authorId),
          row.sealed,
          letterContext(row.id),
        );
        if (!statementComplete(partsOf(body))) throw new DomainError('letter.parts');
      }
      await db.transaction().execute(async (trx) => {
        if (!(await shareDraft(trx, row.id, deps.clock()))) throw new DomainError('letter.locked');
        if (row.kind === 'statement') {
          await recordWork(trx, {
            journeyId: c.journeyId,
            memberId: c.writer.userId,
            work: 'statement_shared',
          });
        }
      });
      reply.header('cache-control', 'no-store');
      return threadView(c, row.threadId);
    },
  );

  r.delete(
    '/api/letters/:id',
    {
      config: access('member'),
      schema: {
        tags: ['letters'],
        summary: 'Delete a version of mine that was never sent',
        params: IdParams,
        response: { 204: NoContent, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = await caller(request);
      const row = await visible(request, c, request.params.id);
      refuseIf(refusalToDelete(c.writer.userId, row));
      if (!(await deleteUnsent(db, row.id))) throw new DomainError('letter.locked');
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/letters/:id/answers',
    {
      config: access('member'),
      schema: {
        tags: ['letters'],
        summary:
          'Answer a reflection on my letter ("I feel understood" or "not yet") or a statement sent to me ("it helps", "I need more" or "not now"), with a note',
        params: IdParams,
        body: AnswerCreateBody,
        response: { 201: LetterThread, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = await caller(request);
      const me = c.writer.userId;
      const row = await visible(request, c, request.params.id);
      const facts = await ruleFacts(c, row.threadId);
      refuseIf(refusalToAnswer(me, row, facts.thread, facts.answers, request.body.answer));
      const id = deps.newId();
      const content: AnswerContent = { value: request.body.answer, note: request.body.note ?? '' };
      const sealed = deps.sealer.seal(await ownKey(me), JSON.stringify(content), answerContext(id));
      try {
        await db.transaction().execute(async (trx) => {
          await insertAnswer(trx, {
            id,
            journeyId: c.journeyId,
            reflectionId: row.id,
            authorId: me,
            now: deps.clock(),
            sealed,
          });
          if (row.kind === 'statement') {
            await recordWork(trx, {
              journeyId: c.journeyId,
              memberId: me,
              work: 'statement_answered',
            });
          }
        });
      } catch (e) {
        // The unique index refused it: another answer to this version landed first.
        if ((await listAnswers(db, [row.id])).length > 0) throw new DomainError('letter.answered');
        throw e;
      }
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await threadView(c, row.threadId));
    },
  );
}
