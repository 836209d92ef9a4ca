import type { ErrorCode } from '../errors.js';
import type { JourneyPath, MemberRole } from '../journeys/journey.js';

/**
 * The impact letter loop. The partner who was hurt writes an impact letter; the partner who broke
 * trust writes a reflection of what they understood from one sent version of it; the letter's author
 * answers "I feel understood" or "not yet". After "not yet" the reflection is written again (and the
 * letter may be too); every version is kept. On a path of one's own, a letter is written and never
 * sent. Everything here is a pure rule over facts the caller has already read.
 *
 * The accountability statement (step 1 of the program) is a letter kind of its own: the partner who
 * broke trust writes it in four guided parts (sealed together as one JSON body, see StatementParts),
 * sends it, and the hurt partner answers each sent version "it helps", "I need more" or "not now".
 * Like an impact letter, it can be revised once a version has been sent; every version is kept.
 *
 * A forgiveness letter (step 7) may be written by anyone on either path. It may stay a private draft
 * for as long as its writer likes — never sent, if they choose — or, on the together path, be sent
 * to the partner as it stands; it is not answered or reflected on, and nothing asks for it.
 */
export const letterKinds = ['impact', 'reflection', 'unsent', 'statement', 'forgiveness'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** The kinds that begin a thread; a reflection always lives in the thread of the letter it answers. */
export const threadKinds = ['impact', 'unsent', 'statement', 'forgiveness'] as const;

/**
 * draft: private, still being written. shared: sent to the partner, kept as it was. kept: an
 * earlier version of an unsent letter, frozen when the next version was begun, still private.
 */
export const letterStates = ['draft', 'shared', 'kept'] as const;
export type LetterState = (typeof letterStates)[number];

/** How the letter's author answers a reflection. */
export const reflectionAnswerValues = ['understood', 'not_yet'] as const;
/** How the hurt partner answers a statement. */
export const statementAnswerValues = ['helps', 'need_more', 'not_now'] as const;
export const answerValues = [...reflectionAnswerValues, ...statementAnswerValues] as const;
export type AnswerValue = (typeof answerValues)[number];

/** The kinds of version that are answered, and the answers each allows. */
export const answerValuesFor = (kind: LetterKind): readonly AnswerValue[] =>
  kind === 'reflection'
    ? reflectionAnswerValues
    : kind === 'statement'
      ? statementAnswerValues
      : [];

/** The four guided parts of a statement, in the order they are written and read. */
export const statementParts = ['did', 'impact', 'remorse', 'next'] as const;
export type StatementPart = (typeof statementParts)[number];
export type StatementParts = Readonly<Record<StatementPart, string>>;
export const STATEMENT_PART_MAX = 10_000;

/** A statement may be sent once every part has some words in it (a draft may be partial). */
export const statementComplete = (parts: StatementParts): boolean =>
  statementParts.every((p) => parts[p].trim() !== '');

export const LETTER_TEXT_MAX = 20_000;
export const ANSWER_NOTE_MAX = 5_000;

/** Where a thread stands, the same for both partners (it is read from what was shared only). */
export const threadStates = [
  'draft',
  'private',
  'waiting_for_reflection',
  'waiting_for_answer',
  'not_yet',
  'understood',
  'helps',
  'need_more',
  'not_now',
  /** A forgiveness letter with a version sent; before that it is 'private'. */
  'sent',
] as const;
export type ThreadState = (typeof threadStates)[number];

/** What a version is, as far as the rules need to know. */
export interface LetterFacts {
  readonly id: string;
  readonly threadId: string;
  readonly kind: LetterKind;
  readonly authorId: string;
  readonly state: LetterState;
  /** 1, 2, 3… within its thread for its kind and author, in the order the versions were begun. */
  readonly version: number;
  /** For a reflection: the letter version it reflects on. */
  readonly respondsTo: string | null;
}

export interface AnswerFacts {
  /** The version answered: a reflection, or a statement. */
  readonly reflectionId: string;
  readonly authorId: string;
  readonly value: AnswerValue;
}

/** The person writing: their own part and path, and whether their partner has joined. */
export interface Writer {
  readonly userId: string;
  readonly role: MemberRole;
  readonly path: JourneyPath;
  readonly hasPartner: boolean;
}

const kindsByRole: Record<MemberRole, readonly LetterKind[]> = {
  hurt: ['impact'],
  broke_trust: ['reflection', 'statement'],
  both: ['impact', 'reflection', 'statement'],
  unsaid: ['impact', 'reflection', 'statement'],
};

/** The kinds a person may write on their path: letters to share on the together path, else unsent. */
export function kindsFor(writer: Pick<Writer, 'role' | 'path'>): readonly LetterKind[] {
  return writer.path === 'together' ? kindsByRole[writer.role] : ['unsent'];
}

/**
 * Why a person may not write a kind, or undefined when they may. A forgiveness letter is anyone's to
 * write, on either path (sending it still needs a partner: see refusalToShare).
 */
export function refusalToWrite(
  writer: Pick<Writer, 'role' | 'path'>,
  kind: LetterKind,
): ErrorCode | undefined {
  if (kind === 'forgiveness' || kindsFor(writer).includes(kind)) return undefined;
  const together = kind !== 'unsent';
  return together === (writer.path === 'together') ? 'letter.role' : 'letter.path';
}

const byVersion = (a: LetterFacts, b: LetterFacts) => a.version - b.version;
const latest = (items: readonly LetterFacts[]): LetterFacts | undefined =>
  items.toSorted(byVersion).at(-1);

/** The newest sent version of the letter (impact letter or statement) in a thread. */
export const latestSharedLetter = (thread: readonly LetterFacts[]): LetterFacts | undefined =>
  latest(
    thread.filter(
      (i) =>
        (i.kind === 'impact' || i.kind === 'statement' || i.kind === 'forgiveness') &&
        i.state === 'shared',
    ),
  );

/** The newest sent reflection in a thread. */
export const latestSharedReflection = (thread: readonly LetterFacts[]): LetterFacts | undefined =>
  latest(thread.filter((i) => i.kind === 'reflection' && i.state === 'shared'));

/**
 * Where a thread stands. Only shared versions and answers count, so a draft on either side never
 * changes what the other person sees. A reflection is always sent on the newest letter version, so
 * a newer letter version than the one the last reflection answered means a new reflection is due.
 */
export function threadState(
  thread: readonly LetterFacts[],
  answers: readonly AnswerFacts[],
): ThreadState {
  if (thread.some((i) => i.kind === 'unsent')) return 'private';
  // A forgiveness letter kept to oneself is as complete as one sent; neither waits for anything.
  if (thread.some((i) => i.kind === 'forgiveness')) {
    return thread.some((i) => i.state === 'shared') ? 'sent' : 'private';
  }
  const letter = latestSharedLetter(thread);
  if (!letter) return 'draft';
  if (letter.kind === 'statement') {
    return answers.find((a) => a.reflectionId === letter.id)?.value ?? 'waiting_for_answer';
  }
  const reflection = latestSharedReflection(thread);
  if (!reflection || reflection.respondsTo !== letter.id) return 'waiting_for_reflection';
  const answer = answers.find((a) => a.reflectionId === reflection.id);
  if (!answer) return 'waiting_for_answer';
  return answer.value === 'understood' ? 'understood' : 'not_yet';
}

/** The author of the letter a thread is about (the writer of its impact or unsent versions). */
export const threadAuthor = (thread: readonly LetterFacts[]): string | undefined =>
  thread.find((i) => i.kind !== 'reflection')?.authorId;

const draftOf = (thread: readonly LetterFacts[], kind: LetterKind, userId: string) =>
  thread.find((i) => i.kind === kind && i.authorId === userId && i.state === 'draft');

/** Beginning a new thread: an impact letter (together path) or an unsent letter (own path). */
export function refusalToStart(
  writer: Writer,
  kind: LetterKind,
  /** The kinds of the threads this writer has begun in the journey. */
  ownThreads: readonly LetterKind[],
): ErrorCode | undefined {
  if (kind === 'reflection') return 'letter.reflect_on_partner';
  const refusal = refusalToWrite(writer, kind);
  if (refusal) return refusal;
  // A person's accountability statement is one letter that grows by versions, so their partner
  // answers one account of it rather than several side by side.
  if (kind === 'statement' && ownThreads.includes('statement')) return 'letter.statement_exists';
  return undefined;
}

/**
 * A new version of my letter in an existing thread. A letter to share waits until its draft is sent
 * (there is one draft at a time); an unsent letter can begin a new version whenever its writer wants,
 * and the version before it is then kept as it was.
 */
export function refusalToRevise(
  writer: Writer,
  thread: readonly LetterFacts[],
): ErrorCode | undefined {
  const kind = thread.find((i) => i.kind !== 'reflection')?.kind;
  if (!kind || threadAuthor(thread) !== writer.userId) return 'letter.not_found';
  const refusal = refusalToWrite(writer, kind);
  if (refusal) return refusal;
  if (kind !== 'unsent' && draftOf(thread, kind, writer.userId)) return 'letter.draft_exists';
  return undefined;
}

/**
 * A reflection on one sent version of my partner's letter: a new one is begun when the thread waits
 * for one, or after "not yet". While the last one waits for its answer, or once the letter's author
 * feels understood, there is nothing to add.
 */
export function refusalToReflect(
  writer: Writer,
  thread: readonly LetterFacts[],
  answers: readonly AnswerFacts[],
  letterId: string,
): ErrorCode | undefined {
  const letter = thread.find((i) => i.id === letterId);
  if (!letter || letter.kind !== 'impact' || letter.state !== 'shared') {
    return 'letter.reflect_on_partner';
  }
  if (letter.authorId === writer.userId) return 'letter.reflect_on_partner';
  const refusal = refusalToWrite(writer, 'reflection');
  if (refusal) return refusal;
  if (draftOf(thread, 'reflection', writer.userId)) return 'letter.draft_exists';
  const state = threadState(thread, answers);
  if (state === 'waiting_for_answer') return 'letter.awaiting_answer';
  if (state === 'understood') return 'letter.understood';
  return undefined;
}

/** Editing a version: my own, and only while it is a draft. */
export function refusalToEdit(userId: string, item: LetterFacts): ErrorCode | undefined {
  if (item.authorId !== userId) return 'letter.not_found';
  return item.state === 'draft' ? undefined : 'letter.locked';
}

/** Deleting a version: my own, never once sent (my partner has read it; it is part of the thread). */
export function refusalToDelete(userId: string, item: LetterFacts): ErrorCode | undefined {
  if (item.authorId !== userId) return 'letter.not_found';
  return item.state === 'shared' ? 'letter.locked' : undefined;
}

/**
 * Sending a draft to my partner. A reflection is sent on the newest letter version, one at a time:
 * the last one sent must have its answer (or the letter a newer version) first.
 */
export function refusalToShare(
  writer: Writer,
  item: LetterFacts,
  thread: readonly LetterFacts[],
  answers: readonly AnswerFacts[],
): ErrorCode | undefined {
  const edit = refusalToEdit(writer.userId, item);
  if (edit) return edit;
  if (item.kind === 'unsent') return 'letter.unsent_private';
  const role = refusalToWrite(writer, item.kind);
  if (role) return role;
  if (!writer.hasPartner) return 'letter.no_partner';
  if (item.kind === 'reflection') {
    const letter = latestSharedLetter(thread);
    if (!letter || letter.id !== item.respondsTo) return 'letter.newer_version';
    const state = threadState(thread, answers);
    if (state === 'waiting_for_answer') return 'letter.awaiting_answer';
    if (state === 'understood') return 'letter.understood';
  }
  return undefined;
}

/**
 * Answering a version: a reflection is answered by the author of the letter it reflects on, a
 * statement by the partner it was sent to; once per version, only the newest one sent (an older one
 * was overtaken by a later version), and only with an answer its kind allows. Without a value, says
 * whether the person may answer at all.
 */
export function refusalToAnswer(
  userId: string,
  item: LetterFacts,
  thread: readonly LetterFacts[],
  answers: readonly AnswerFacts[],
  value?: AnswerValue,
): ErrorCode | undefined {
  const answerable = item.kind === 'reflection' || item.kind === 'statement';
  if (!answerable || item.state !== 'shared') {
    return item.authorId === userId ? 'letter.not_yours_to_answer' : 'letter.not_found';
  }
  if (item.kind === 'reflection') {
    const letter = thread.find((i) => i.id === item.respondsTo);
    if (!letter || letter.authorId !== userId) return 'letter.not_yours_to_answer';
  } else if (item.authorId === userId) {
    return 'letter.not_yours_to_answer';
  }
  if (value !== undefined && !answerValuesFor(item.kind).includes(value)) {
    return 'letter.answer_kind';
  }
  if (answers.some((a) => a.reflectionId === item.id)) return 'letter.answered';
  const newest =
    item.kind === 'reflection' ? latestSharedReflection(thread) : latestSharedLetter(thread);
  if (newest?.id !== item.id) return 'letter.superseded';
  return undefined;
}

/** What a person reading a thread may do next in it; the same rules as the routes enforce. */
export function nextSteps(
  viewer: Writer,
  thread: readonly LetterFacts[],
  answers: readonly AnswerFacts[],
): {
  readonly canReflect: boolean;
  readonly canRevise: boolean;
  readonly canAnswer: string | null;
} {
  const letter = latestSharedLetter(thread);
  const reflection = letter?.kind === 'statement' ? letter : latestSharedReflection(thread);
  return {
    canReflect:
      letter !== undefined && refusalToReflect(viewer, thread, answers, letter.id) === undefined,
    canRevise:
      threadAuthor(thread) === viewer.userId &&
      refusalToRevise(viewer, thread) === undefined &&
      // A letter to share is revised once a version has been sent; until then its draft is edited.
      (thread.some((i) => i.kind === 'unsent') || letter !== undefined),
    canAnswer:
      reflection && refusalToAnswer(viewer.userId, reflection, thread, answers) === undefined
        ? reflection.id
        : null,
  };
}

/**
 * The order a thread reads in, oldest first: each letter version followed by the reflections on it,
 * in version order. Sent reflections always answer the newest letter version, so this is also the
 * order things happened in, without relying on clocks.
 */
export function timeline<T extends LetterFacts>(thread: readonly T[]): T[] {
  const letters = thread.filter((i) => i.kind !== 'reflection').toSorted(byVersion);
  const reflections = thread.filter((i) => i.kind === 'reflection').toSorted(byVersion);
  const placed = new Set<string>();
  const out: T[] = [];
  for (const letter of letters) {
    out.push(letter);
    for (const r of reflections) {
      if (r.respondsTo === letter.id) {
        out.push(r);
        placed.add(r.id);
      }
    }
  }
  // A reflection whose letter version this reader cannot see (never the case for a partner, whose
  // reflections answer sent versions) still shows, at the end.
  out.push(...reflections.filter((r) => !placed.has(r.id)));
  return out;
}

/** Version numbers as a reader sees them: 1, 2, 3… per kind in a thread, with no gaps. */
export function displayVersions(thread: readonly LetterFacts[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const kind of letterKinds) {
    thread
      .filter((i) => i.kind === kind)
      .toSorted(byVersion)
      .forEach((item, index) => numbers.set(item.id, index + 1));
  }
  return numbers;
}
