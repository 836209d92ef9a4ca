import { closenessKindIds } from './kinds.js';

/**
 * Step 6: each partner privately marks every kind of closeness on the list. Only what both marked
 * "ready" is ever shown, and only as a set, once both have finished the same round.
 *
 * Rounds keep one person from learning the other's marks item by item. Marks belong to a round of
 * the journey; the matches show only when both people's latest marks are complete and in the
 * current round. Once they have been shown, any change by either person (new marks, or a reset)
 * opens a new round holding only that person's marks, so the matches stay hidden until the other
 * person marks again. Flipping one item and reading the matches again therefore shows nothing: each
 * time the matches appear, the other person chose to mark a round.
 */
export const closenessMarks = ['ready', 'maybe', 'not_now'] as const;
export type ClosenessMark = (typeof closenessMarks)[number];

/** One person's marks, by kind id. */
export type Marks = Readonly<Record<string, ClosenessMark>>;

/** One person's stored marks and the round they belong to. */
export interface Round {
  readonly round: number;
  readonly marks: Marks;
}

/** What the rule needs to know of a journey: its current round and each person's latest marks. */
export interface RoundsState {
  /** 0 before anyone has marked. */
  readonly current: number;
  readonly mine: Round | undefined;
  readonly theirs: Round | undefined;
}

export type ClosenessState = 'waiting_for_me' | 'waiting' | 'shown';

export interface ClosenessView {
  readonly state: ClosenessState;
  /** Only when shown: the kinds both marked ready, in the list's order. */
  readonly matches?: readonly string[];
}

/** The kinds on the list that `marks` leaves unmarked (none, for a complete round). */
export const unmarkedKinds = (marks: Marks, ids: readonly string[] = closenessKindIds): string[] =>
  ids.filter((id) => !closenessMarks.includes(marks[id] as ClosenessMark));

/** Marks only the kinds on the list (a kind taken off the list is forgotten). */
export const onTheList = (marks: Marks, ids: readonly string[] = closenessKindIds): Marks =>
  Object.fromEntries(ids.filter((id) => id in marks).map((id) => [id, marks[id]!]));

/** A round counts when it belongs to the current round and marks every kind on the list. */
const counts = (r: Round | undefined, current: number, ids: readonly string[]): r is Round =>
  r !== undefined && current > 0 && r.round === current && unmarkedKinds(r.marks, ids).length === 0;

/** Whether the matches show now: both have finished the current round. */
export const isShown = (s: RoundsState, ids: readonly string[] = closenessKindIds): boolean =>
  counts(s.mine, s.current, ids) && counts(s.theirs, s.current, ids);

const sameMarks = (a: Marks, b: Marks, ids: readonly string[]) =>
  ids.every((id) => a[id] === b[id]);

/**
 * Where my new (complete) marks go: the round they join and the journey's round afterwards. After
 * the matches were shown, changed marks open a new round; the same marks again change nothing.
 */
export function afterMarking(
  s: RoundsState,
  marks: Marks,
  ids: readonly string[] = closenessKindIds,
): { current: number; round: number } {
  if (isShown(s, ids)) {
    if (s.mine && sameMarks(s.mine.marks, marks, ids))
      return { current: s.current, round: s.current };
    return { current: s.current + 1, round: s.current + 1 };
  }
  const current = Math.max(s.current, 1);
  return { current, round: current };
}

/**
 * The journey's round after I reset (my marks are removed). Resetting shown matches opens a new
 * round, so both mark again before anything shows; otherwise nothing else changes.
 */
export const afterReset = (s: RoundsState, ids: readonly string[] = closenessKindIds): number =>
  isShown(s, ids) ? s.current + 1 : s.current;

/** The kinds both marked ready, in the list's order. "Maybe" is not "ready". */
export const matchesOf = (
  a: Marks,
  b: Marks,
  ids: readonly string[] = closenessKindIds,
): string[] => ids.filter((id) => a[id] === 'ready' && b[id] === 'ready');

/**
 * What the caller is told. Nothing about the partner's marks, and nothing about whether the partner
 * has started: "waiting" only says my own marks are in, "waiting_for_me" that the current round has
 * none of mine yet.
 */
export function viewOf(s: RoundsState, ids: readonly string[] = closenessKindIds): ClosenessView {
  if (isShown(s, ids) && s.mine && s.theirs) {
    return { state: 'shown', matches: matchesOf(s.mine.marks, s.theirs.marks, ids) };
  }
  return { state: counts(s.mine, s.current, ids) ? 'waiting' : 'waiting_for_me' };
}

/** Marks written as one short code per kind, so the sealed value's length says nothing of them. */
const codes: Record<ClosenessMark, string> = { ready: 'r', maybe: 'm', not_now: 'n' };
const fromCode: Record<string, ClosenessMark> = { r: 'ready', m: 'maybe', n: 'not_now' };

/** `{ "talk.love": "r", … }`: every value one character, whatever was marked. */
export const encodeMarks = (marks: Marks): string =>
  JSON.stringify(Object.fromEntries(Object.entries(marks).map(([id, m]) => [id, codes[m]])));

export function decodeMarks(text: string): Marks {
  const raw = JSON.parse(text) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(raw).flatMap(([id, code]) => {
      const mark = fromCode[code];
      return mark ? [[id, mark]] : [];
    }),
  );
}
