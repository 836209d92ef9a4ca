import type { Instrument } from './instrument.js';
import { recovery, reliableChange, type Recovery, type ReliableChange } from './scoring.js';

/**
 * A person's results of one instrument over time, and when to suggest looking again. Pure: the
 * caller passes the totals (already opened) and the time.
 */

/**
 * PHQ-9 and GAD-7 ask about the last two weeks, so a new answer means something new after two
 * weeks. This is when we suggest looking again — a product rule, not a clinical threshold.
 */
export const RETAKE_AFTER_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * How one result compares with the person's baseline. The NHS Talking Therapies convention the
 * thresholds come from compares a later score with the first one (the baseline), not with the one
 * just before it: small steps that each fall short can add up to a reliable change.
 */
export interface ChangeAt {
  /** Against the person's first result (the baseline); null for the baseline itself. */
  readonly sinceFirst: ReliableChange | null;
  /**
   * From the baseline to this one, for an instrument with a caseness threshold (GAD-7); null for
   * the baseline and for instruments without one (PHQ-9).
   */
  readonly recovery: Recovery | null;
}

/** Labels each total (oldest first) against the first, the baseline. */
export function changesOver(instrument: Instrument, totals: readonly number[]): ChangeAt[] {
  const first = totals[0];
  return totals.map((total, i) =>
    first === undefined || i === 0
      ? { sinceFirst: null, recovery: null }
      : {
          sinceFirst: reliableChange(instrument, first, total),
          recovery: recovery(instrument, first, total) ?? null,
        },
  );
}

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in an IANA time zone. A second answer on the
 * same day is a correction of the first, not a change over time.
 */
export function calendarDay(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether a new answer at `at` replaces the person's newest one: both on one calendar day. */
export function isCorrection(newestAt: number | undefined, at: number, timeZone: string): boolean {
  return newestAt !== undefined && calendarDay(newestAt, timeZone) === calendarDay(at, timeZone);
}

/** Whether a string names a time zone this runtime knows (e.g. "Europe/London"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True when there is no result yet, or the newest is at least RETAKE_AFTER_DAYS old. */
export function retakeDue(newestAt: number | undefined, now: number): boolean {
  return newestAt === undefined || now - newestAt >= RETAKE_AFTER_DAYS * DAY_MS;
}

/**
 * Whether to suggest looking again. "Not now" (`dismissedAt`) hides the suggestion until the next
 * result; after that result it comes back on its own schedule. Never a count and never a streak:
 * the answer is only ever yes or no.
 */
export function suggestRetake(s: {
  readonly newestAt: number | undefined;
  readonly dismissedAt: number | undefined;
  readonly now: number;
}): boolean {
  const dismissed =
    s.dismissedAt !== undefined && (s.newestAt === undefined || s.newestAt <= s.dismissedAt);
  return !dismissed && retakeDue(s.newestAt, s.now);
}
