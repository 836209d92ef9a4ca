import type { FastifyRequest } from 'fastify';
import { canReadItem } from '../../../core/access/policy.js';
import { DomainError } from '../../../core/errors.js';
import {
  displayVersions,
  nextSteps,
  threadAuthor,
  threadState,
  timeline,
  type AnswerFacts,
  type AnswerValue,
  type LetterKind,
  type StatementParts,
  type Writer,
} from '../../../core/letters/letter.js';
import type { Answer, LetterThread, LetterVersion } from '../../../shared/api/letters.js';
import type { DataKey, SealContext } from '../../crypto/sealing.js';
import type { Deps } from '../../deps.js';
import { actorOf, memberId } from '../../http/access.js';
import { peopleReader } from '../people.js';
import { findMembership, journeyFacts } from '../journeys/journeys.store.js';
import {
  findLetter,
  listAnswers,
  listVisibleLetters,
  type AnswerRow,
  type LetterRow,
} from './letters.store.js';

export const letterContext = (id: string): SealContext => ({
  table: 'letters',
  id,
  field: 'text',
});
export const answerContext = (id: string): SealContext => ({
  table: 'letter_answers',
  id,
  field: 'content',
});

/** What an answer holds: sealed together, so a copy of the database does not say how it went. */
export interface AnswerContent {
  readonly value: AnswerValue;
  readonly note: string;
}

/**
 * What a version's sealed body holds: a letter's text, or a statement's four parts as one JSON
 * document (sealed together, so the parts are one version and one seal, like any other letter).
 */
export function bodyOf(
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

export const partsOf = (body: string): StatementParts => JSON.parse(body) as StatementParts;

export interface Caller {
  readonly writer: Writer;
  readonly journeyId: string;
}

/**
 * What the letters routes read: the caller as the rules see them, a version they may see, their own
 * key, and threads with their versions and answers opened, as the caller sees them.
 */
export function letterReaders(deps: Pick<Deps, 'database' | 'sealer'>) {
  const db = deps.database.db;

  /** The caller as the rules see them: their part, their path, and whether their partner is here. */
  async function caller(request: FastifyRequest): Promise<Caller> {
    const userId = memberId(request);
    const membership = await findMembership(db, deps.sealer, userId);
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

  return { caller, visible, ownKey, openThreads, viewOf, threadView, ruleFacts };
}
