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
import type { JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Deps } from '../../deps.js';
import { journeyFacts } from '../journeys/journeys.store.js';
import {
  findLetter,
  listAnswers,
  listVisibleLetters,
  type StoredAnswer,
  type StoredLetter,
} from './letters.store.js';

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

/** A journey member as the letter rules see them. */
export interface LetterCaller extends JourneyCaller {
  readonly writer: Writer;
}

/** The caller with their part, their path, and whether their partner is here. */
export async function letterCaller(deps: Deps, c: JourneyCaller): Promise<LetterCaller> {
  const facts = await journeyFacts(deps.database.db, c.journeyId);
  return {
    ...c,
    writer: { userId: c.userId, role: c.role, path: facts.path, hasPartner: facts.memberCount > 1 },
  };
}

/** A version the caller may see in their journey; anything else does not exist for them. */
export async function visibleLetter(
  deps: Deps,
  c: JourneyCaller,
  id: string,
): Promise<StoredLetter> {
  const row = await findLetter(deps.database.db, id);
  if (!row || row.journeyId !== c.journeyId) throw new DomainError('letter.not_found');
  const decision = canReadItem(
    { kind: 'user', userId: c.userId, role: c.accountRole },
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

/** Threads' versions as the caller sees them, and their answers, opened. */
export interface OpenedThreads {
  readonly threads: Map<string, StoredLetter[]>;
  readonly answers: Map<string, { row: StoredAnswer; content: AnswerContent }>;
  readonly people: People;
}

/** The caller's threads (or one of them), with their answers opened. */
export async function openThreads(
  deps: Deps,
  c: JourneyCaller,
  threadId?: string,
): Promise<OpenedThreads> {
  const db = deps.database.db;
  const rows = await listVisibleLetters(db, {
    journeyId: c.journeyId,
    viewerId: c.userId,
    threadId,
  });
  const answerRows = await listAnswers(
    db,
    rows
      .filter(
        (row) => (row.kind === 'reflection' || row.kind === 'statement') && row.state === 'shared',
      )
      .map((x) => x.id),
  );
  const people = await c.keys.people([
    ...rows.map((row) => row.authorId),
    ...answerRows.map((a) => a.authorId),
  ]);
  const answers = new Map<string, { row: StoredAnswer; content: AnswerContent }>();
  for (const a of answerRows) {
    const content = JSON.parse(
      people.open('letterAnswer', a.authorId, a.sealed, a.id),
    ) as AnswerContent;
    answers.set(a.reflectionId, { row: a, content });
  }
  const threads = new Map<string, StoredLetter[]>();
  for (const row of rows) threads.set(row.threadId, [...(threads.get(row.threadId) ?? []), row]);
  return { threads, answers, people };
}

function answerFactsOf(opened: OpenedThreads, thread: readonly StoredLetter[]): AnswerFacts[] {
  return thread.flatMap((row) => {
    const a = opened.answers.get(row.id);
    return a ? [{ reflectionId: row.id, authorId: a.row.authorId, value: a.content.value }] : [];
  });
}

/** A thread as the caller reads it; null for a thread with no letter of its own. */
export function viewOf(
  c: LetterCaller,
  opened: OpenedThreads,
  thread: readonly StoredLetter[],
): LetterThread | null {
  const authorId = threadAuthor(thread);
  const kind = thread.find((row) => row.kind !== 'reflection')?.kind;
  if (!authorId || !kind || kind === 'reflection') return null;
  const answers = answerFactsOf(opened, thread);
  const numbers = displayVersions(thread);
  const me = c.userId;
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
    const body = opened.people.open('letter', row.authorId, row.sealed, row.id);
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
export async function threadView(
  deps: Deps,
  c: LetterCaller,
  threadId: string,
): Promise<LetterThread> {
  const opened = await openThreads(deps, c, threadId);
  const view = viewOf(c, opened, opened.threads.get(threadId) ?? []);
  if (!view) throw new DomainError('letter.not_found');
  return view;
}

/** The rules' view of the thread a version belongs to, as the caller sees it. */
export async function ruleFacts(deps: Deps, c: JourneyCaller, threadId: string) {
  const opened = await openThreads(deps, c, threadId);
  const thread = opened.threads.get(threadId) ?? [];
  return { thread, answers: answerFactsOf(opened, thread) };
}
