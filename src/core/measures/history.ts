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

/** How one result compares with the person's earlier results of the same instrument. */
export interface ChangeAt {
  /** Against the result just before it; null for the first result. */
  readonly sincePrevious: ReliableChange | null;
  /** Against the person's first result; null for the first result. */
  readonly sinceFirst: ReliableChange | null;
  /**
   * From the first result to this one, for an instrument with a caseness threshold (GAD-7);
   * null for the first result and for instruments without one (PHQ-9).
   */
  readonly recovery: Recovery | null;
}

/** Labels each total (oldest first) against the one before it and against the first. */
export function changesOver(instrument: Instrument, totals: readonly number[]): ChangeAt[] {
  const first = totals[0];
  return totals.map((total, i) => {
    const previous = totals[i - 1];
    if (first === undefined || previous === undefined) {
      return { sincePrevious: null, sinceFirst: null, recovery: null };
    }
    return {
      sincePrevious: reliableChange(instrument, previous, total),
      sinceFirst: reliableChange(instrument, first, total),
      recovery: recovery(instrument, first, total) ?? null,
    };
  });
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
