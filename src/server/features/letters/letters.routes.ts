import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canReadItem } from '../../../core/access/policy.js';
import { DomainError } from '../../../core/errors.js';
import {
  assertAllowed,
  displayVersions,
  nextSteps,
  refusalToAnswer,
  refusalToDelete,
  refusalToEdit,
  refusalToReflect,
  refusalToRevise,
  refusalToShare,
  refusalToStart,
  statementComplete,
  threadAuthor,
  threadKinds,
  threadState,
  timeline,
  type AnswerFacts,
  type AnswerValue,
  type LetterKind,
  type StatementParts,
  type Writer,
} from '../../../core/letters/letter.js';
import { IdParams } from '../../../shared/api/journeys.js';
import {
  AnswerCreateBody,
  LetterCreateBody,
  LetterList,
  LetterThread,
  LetterUpdateBody,
  type Answer,
  type LetterVersion,
} from '../../../shared/api/letters.js';
import { NoContent, Problem } from '../../../shared/api/problem.js';
import type { DataKey, SealContext } from '../../crypto/sealing.js';
import type { Deps } from '../../deps.js';
import { access, actorOf, memberId } from '../../http/access.js';
import { peopleReader } from '../people.js';
import { findMembership, journeyFacts } from '../journeys/journeys.store.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  deleteUnsent,
  findLetter,
  insertAnswer,
  insertDraft,
  listAnswers,
  ownThreadKinds,
  listVisibleLetters,
  shareDraft,
  updateDraft,
  type AnswerRow,
  type LetterRow,
} from './letters.store.js';

export const letterContext = (id: string): SealContext => ({
  table: 'letters',
  id,
  field: 'text',
});
const answerContext = (id: string): SealContext => ({
  table: 'letter_answers',
  id,
  field: 'content',
});

/** What an answer holds: sealed together, so a copy of the database does not say how it went. */
interface AnswerContent {
  readonly value: AnswerValue;
  readonly note: string;
}

/**
 * What a version's sealed body holds: a letter's text, or a statement's four parts as one JSON
 * document (sealed together, so the parts are one version and one seal, like any other letter).
 */
function bodyOf(
  kind: LetterKind,
  content: { text?: string | undefined; parts?: StatementParts | undefined },
): string {
  if (kind === 'statement') {
    if (!content.parts || content.text !== undefined) throw new DomainError('letter.parts');
    const { did, impact, remorse, next } = content.parts;
    return JSON.stringify({ did, impact, remorse, next });
  }
  if (content.text === undefined || content.parts) throw new DomainError('letter.parts');
  return content.text;
}

const partsOf = (body: string): StatementParts => JSON.parse(body) as StatementParts;

/** Letters and reflections can be long, in any script: room for 20,000 characters of any kind. */
const LETTER_BODY_LIMIT = 256 * 1024;

interface Caller {
  readonly writer: Writer;
  readonly journeyId: string;
}

export function registerLetterRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const recordWork = exerciseRecorder(deps);

  /** The caller as the rules see them: their part, their path, and whether their partner is here. */
  async function caller(request: FastifyRequest): Promise<Caller> {
    const userId = memberId(request);
    const membership = await findMembership(db, userId);
    if (!membership) throw new DomainError('journey.none');
    const facts = await journeyFacts(db, membership.journeyId);
    return {
      journeyId: membership.journeyId,
      writer: {
        userId,
        role: membership.role,
        path: facts.path,
        hasPartner: facts.memberCount > 1,
      },
    };
  }

  /** A version the caller may see in their journey; anything else does not exist for them. */
  async function visible(request: FastifyRequest, c: Caller, id: string): Promise<LetterRow> {
    const row = await findLetter(db, id);
    if (!row || row.journeyId !== c.journeyId) throw new DomainError('letter.not_found');
    const decision = canReadItem(
      actorOf(request),
      { journeyId: c.journeyId },
      {
        journeyId: row.journeyId,
        authorId: row.authorId,
        visibility: row.state === 'shared' ? 'partner' : 'private',
      },
    );
    if (!decision.allow) throw new DomainError('letter.not_found');
    return row;
  }

  const authorKeys = peopleReader(deps);

  async function ownKey(userId: string): Promise<DataKey> {
    return (await authorKeys([userId])).key(userId);
  }

  /** A thread's versions as the caller sees them, and its answers, opened. */
  async function openThreads(c: Caller, threadId?: string) {
    const rows = await listVisibleLetters(db, {
      journeyId: c.journeyId,
      viewerId: c.writer.userId,
      threadId,
    });
    const answerRows = await listAnswers(
      db,
      rows
        .filter(
          (row) =>
            (row.kind === 'reflection' || row.kind === 'statement') && row.state === 'shared',
        )
        .map((x) => x.id),
    );
    const people = await authorKeys([
      ...rows.map((row) => row.authorId),
      ...answerRows.map((a) => a.authorId),
    ]);
    const answers = new Map<string, { row: AnswerRow; content: AnswerContent }>();
    for (const a of answerRows) {
      const content = JSON.parse(
        deps.sealer.open(people.key(a.authorId), a.sealed, answerContext(a.id)),
      ) as AnswerContent;
      answers.set(a.reflectionId, { row: a, content });
    }
    const threads = new Map<string, LetterRow[]>();
    for (const row of rows) threads.set(row.threadId, [...(threads.get(row.threadId) ?? []), row]);
    return { threads, answers, people };
  }

  type Opened = Awaited<ReturnType<typeof openThreads>>;

  function answerFactsOf(opened: Opened, thread: readonly LetterRow[]): AnswerFacts[] {
    return thread.flatMap((row) => {
      const a = opened.answers.get(row.id);
      return a ? [{ reflectionId: row.id, authorId: a.row.authorId, value: a.content.value }] : [];
    });
  }

  function viewOf(c: Caller, opened: Opened, thread: readonly LetterRow[]): LetterThread | null {
    const authorId = threadAuthor(thread);
    const kind = thread.find((row) => row.kind !== 'reflection')?.kind;
    if (!authorId || !kind || kind === 'reflection') return null;
    const answers = answerFactsOf(opened, thread);
    const numbers = displayVersions(thread);
    const me = c.writer.userId;
    const versions = timeline(thread).map((row): LetterVersion => {
      const a = opened.answers.get(row.id);
      const answer: Answer | null = a
        ? {
            id: a.row.id,
            value: a.content.value,
            note: a.content.note,
            mine: a.row.authorId === me,
            authorName: opened.people.name(a.row.authorId),
            createdAt: a.row.createdAt,
          }
        : null;
      const mine = row.authorId === me;
      // My partner's version exists for me from the moment it was sent: when they began or last
      // edited its draft is theirs alone.
      const seen = mine ? null : row.sharedAt;
      const body = deps.sealer.open(
        opened.people.key(row.authorId),
        row.sealed,
        letterContext(row.id),
      );
      return {
        id: row.id,
        threadId: row.threadId,
        kind: row.kind,
        version: numbers.get(row.id) ?? row.version,
        mine,
        authorName: opened.people.name(row.authorId),
        state: row.state,
        createdAt: seen ?? row.createdAt,
        updatedAt: seen ?? row.updatedAt,
        sharedAt: row.sharedAt,
        respondsTo: row.respondsTo,
        text: row.kind === 'statement' ? '' : body,
        parts: row.kind === 'statement' ? partsOf(body) : null,
        answer,
      };
    });
    return {
      id: thread[0]?.threadId ?? '',
      kind,
      state: threadState(thread, answers),
      mine: authorId === me,
      letterAuthorName: opened.people.name(authorId),
      versions,
      ...nextSteps(c.writer, thread, answers),
    };
  }

  /** The whole of one thread after a change, as the caller now sees it. */
  async function threadView(c: Caller, threadId: string): Promise<LetterThread> {
    const opened = await openThreads(c, threadId);
    const view = viewOf(c, opened, opened.threads.get(threadId) ?? []);
    if (!view) throw new DomainError('letter.not_found');
    return view;
  }

  /** The rules' view of the thread a version belongs to, as the caller sees it. */
  async function ruleFacts(c: Caller, threadId: string) {
    const opened = await openThreads(c, threadId);
    const thread = opened.threads.get(threadId) ?? [];
    return { thread, answers: answerFactsOf(opened, thread) };
  }

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
        assertAllowed(refusalToReflect(c.writer, facts.thread, facts.answers, letter.id));
        thread = letter.threadId;
      } else if (threadId) {
        const facts = await ruleFacts(c, threadId);
        if (facts.thread.length === 0) throw new DomainError('letter.not_found');
        if (facts.thread.some((row) => row.kind !== 'reflection' && row.kind !== kind)) {
          throw new DomainError('letter.path');
        }
        assertAllowed(refusalToRevise(c.writer, facts.thread));
        thread = threadId;
      } else {
        assertAllowed(
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
      assertAllowed(refusalToEdit(c.writer.userId, row));
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
      assertAllowed(refusalToShare(c.writer, row, facts.thread, facts.answers));
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
      assertAllowed(refusalToDelete(c.writer.userId, row));
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
      assertAllowed(refusalToAnswer(me, row, facts.thread, facts.answers, request.body.answer));
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
