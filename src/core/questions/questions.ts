import type { ErrorCode } from '../errors.js';
import { isTimeZone, localAt, zonedToUtc } from '../groups/schedule.js';
import type { MemberRole } from '../journeys/journey.js';

/**
 * Questions and answers at the hurt partner's pace (step 4). The person who was hurt asks; their
 * partner answers in their own time. The asker alone decides when new questions may come (open now,
 * at set times each week, or closed) and may pause the whole subject, which also holds answers back
 * until they are ready again. Nothing here does I/O or reads the clock: `now` is passed in.
 */

export const QUESTION_TEXT_MAX = 2000;
export const ANSWER_TEXT_MAX = 5000;
/** A set time lasts from a quarter of an hour to half a day. */
export const SLOT_MINUTES_MIN = 15;
export const SLOT_MINUTES_MAX = 12 * 60;
export const SLOTS_MAX = 14;
/** "Open now" for a while lasts up to a week; "until I close it" has no end. */
export const OPEN_FOR_MINUTES_MAX = 7 * 24 * 60;
const MINUTE_MS = 60_000;

export const opennessModes = ['closed', 'now', 'slots'] as const;
export type OpennessMode = (typeof opennessModes)[number];

export const answerMarks = ['helps', 'need_more'] as const;
export type AnswerMark = (typeof answerMarks)[number];

/** A weekly set time: ISO weekday (1 Monday … 7 Sunday), a local start `HH:mm`, a length. */
export interface Slot {
  readonly weekday: number;
  readonly start: string;
  readonly minutes: number;
}

/** When one asker's questions are open. Slots are kept whatever the mode, so none is lost. */
export interface Openness {
  readonly mode: OpennessMode;
  /** For `now`: when it closes by itself; null while it stays open until closed. */
  readonly until: number | null;
  readonly timeZone: string;
  readonly slots: readonly Slot[];
  /** A pause: nothing new is asked and answers wait, whatever the mode, until the asker resumes. */
  readonly paused: boolean;
}

export const closedOpenness = (timeZone = 'UTC'): Openness => ({
  mode: 'closed',
  until: null,
  timeZone,
  slots: [],
  paused: false,
});

/**
 * Who may ask: the person who was hurt, and with "both" each partner (each for their own
 * questions). Someone who broke trust or would rather not say answers. Only the caller's own role
 * decides it, so nothing about the partner's role is inferred from it.
 */
export const mayAsk = (role: MemberRole): boolean => role === 'hurt' || role === 'both';

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:mm` as minutes after midnight, or null. */
export function clockMinutes(text: string): number | null {
  const m = CLOCK.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Why a set of slots cannot be kept; null when it can. */
export function slotsProblem(
  timeZone: string,
  slots: readonly Slot[],
): 'time_zone' | 'slot' | null {
  if (!isTimeZone(timeZone)) return 'time_zone';
  if (slots.length > SLOTS_MAX) return 'slot';
  for (const s of slots) {
    if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7) return 'slot';
    if (clockMinutes(s.start) === null) return 'slot';
    if (!Number.isInteger(s.minutes) || s.minutes < SLOT_MINUTES_MIN) return 'slot';
    if (s.minutes > SLOT_MINUTES_MAX) return 'slot';
  }
  return null;
}

/** The calendar day `days` after a local date, with its ISO weekday. */
function dayAfter(l: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday };
}

/**
 * The set-time windows that start on local days `from`…`to` around `now` (0 is today in the zone),
 * as instants. A slot starts at its local time on its weekday, whatever the offset that day, and
 * lasts its minutes of real time, so a window that spans a clock change is still as long as chosen.
 */
function windows(o: Openness, now: number, from: number, to: number) {
  const today = localAt(now, o.timeZone);
  const found: { start: number; end: number }[] = [];
  for (let k = from; k <= to; k++) {
    const day = dayAfter(today, k);
    for (const s of o.slots) {
      if (s.weekday !== day.weekday) continue;
      const at = clockMinutes(s.start);
      if (at === null) continue;
      const start = zonedToUtc(
        {
          year: day.year,
          month: day.month,
          day: day.day,
          hour: Math.floor(at / 60),
          minute: at % 60,
        },
        o.timeZone,
      );
      found.push({ start, end: start + s.minutes * MINUTE_MS });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The set-time window `now` falls in, if any (slots last at most half a day: yesterday's may run on). */
export function slotWindowAt(o: Openness, now: number): { start: number; end: number } | null {
  if (!isTimeZone(o.timeZone)) return null;
  return windows(o, now, -1, 0).find((w) => w.start <= now && now < w.end) ?? null;
}

/** Whether the asker's questions are open at `now`. */
export function isOpen(o: Openness, now: number): boolean {
  if (o.paused) return false;
  if (o.mode === 'now') return o.until === null || now < o.until;
  if (o.mode === 'slots') return slotWindowAt(o, now) !== null;
  return false;
}

/** When open questions close by themselves; null when they stay open until the asker closes them. */
export function closesAt(o: Openness, now: number): number | null {
  if (!isOpen(o, now)) return null;
  if (o.mode === 'now') return o.until;
  // Overlapping or back-to-back set times run on into each other.
  let end = slotWindowAt(o, now)?.end ?? null;
  if (end === null) return null;
  for (const w of windows(o, now, -1, 8)) if (w.start <= end && w.end > end) end = w.end;
  return end;
}

/** When questions open next by the set times; null when open now, paused or no set time comes. */
export function nextOpening(o: Openness, now: number): number | null {
  if (o.paused || o.mode !== 'slots' || isOpen(o, now) || !isTimeZone(o.timeZone)) return null;
  return windows(o, now, 0, 8).find((w) => w.start > now)?.start ?? null;
}

/** What the partner and the asker see of an asker's openness right now. */
export interface OpennessStatus {
  readonly open: boolean;
  readonly paused: boolean;
  readonly closesAt: number | null;
  readonly opensAt: number | null;
}

export const statusOf = (o: Openness, now: number): OpennessStatus => ({
  open: isOpen(o, now),
  paused: o.paused,
  closesAt: closesAt(o, now),
  opensAt: nextOpening(o, now),
});

/** "Open now" for `minutes` (or until closed, null) from `now`. */
export const openUntil = (now: number, minutes: number | null): number | null =>
  minutes === null ? null : now + minutes * MINUTE_MS;

/** Why this person cannot ask now, or undefined when they can. */
export function refusalToAsk(
  asker: { readonly role: MemberRole; readonly hasPartner: boolean },
  openness: Openness,
  now: number,
): ErrorCode | undefined {
  if (!asker.hasPartner) return 'question.no_partner';
  if (!mayAsk(asker.role)) return 'question.not_asker';
  if (openness.paused) return 'question.paused';
  if (!isOpen(openness, now)) return 'question.closed';
  return undefined;
}

/** Why this person cannot set when questions are open, or undefined when they can. */
export function refusalToSetOpenness(asker: {
  readonly role: MemberRole;
  readonly hasPartner: boolean;
}): ErrorCode | undefined {
  if (!asker.hasPartner) return 'question.no_partner';
  if (!mayAsk(asker.role)) return 'question.not_asker';
  return undefined;
}

/**
 * Why this person cannot answer the question now. Answers come in the answerer's own time, open or
 * closed; only the asker's pause holds them back, as the asker asked for a break from the subject.
 */
export function refusalToAnswer(
  answerer: { readonly userId: string; readonly hasPartner: boolean },
  question: { readonly askerId: string },
  askerOpenness: Openness,
): ErrorCode | undefined {
  if (!answerer.hasPartner) return 'question.no_partner';
  if (question.askerId === answerer.userId) return 'question.own';
  if (askerOpenness.paused) return 'question.paused';
  return undefined;
}

/** Only the person who asked says whether an answer helps or they need more. */
export const refusalToMark = (
  callerId: string,
  question: { readonly askerId: string },
): ErrorCode | undefined =>
  question.askerId === callerId ? undefined : 'question.not_yours_to_mark';

const STOP = new Set(
  (
    'a an and are as at be but by did do does for from had has have he her him his how i if in is it ' +
    'its me my not of on or our she so that the their them then there they this to was we were what ' +
    'when where which who why will with would you your'
  ).split(' '),
);

const wordsOf = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}']+/u)
      .map((w) => w.replace(/'s$|'/g, ''))
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );

/**
 * Earlier questions that touch the same thing as `text` (shared meaningful words), closest first.
 * The screen shows their answers beside a new question: coming back to a question is part of
 * healing, and what was said before may help, never as a reason not to ask.
 */
export function relatedQuestions<Q extends { readonly id: string; readonly text: string }>(
  text: string,
  earlier: readonly Q[],
  limit = 3,
): Q[] {
  const mine = wordsOf(text);
  if (mine.size === 0) return [];
  return earlier
    .map((q) => {
      const theirs = wordsOf(q.text);
      let shared = 0;
      for (const w of mine) if (theirs.has(w)) shared++;
      const union = mine.size + theirs.size - shared;
      return { q, score: union === 0 ? 0 : shared / union, shared };
    })
    .filter((x) => x.shared >= 2 || (x.shared === 1 && x.score >= 0.34))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.q);
}
