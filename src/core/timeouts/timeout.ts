import type { ErrorCode } from '../errors.js';
import type { JourneyPath } from '../journeys/journey.js';

/**
 * An agreed time-out: either partner pauses a hard conversation until a set time, and both come
 * back to it then. It carries no reason and no content: only who called it and until when.
 */
export const TIMEOUT_MIN_MINUTES = 10;
export const TIMEOUT_MAX_MINUTES = 24 * 60;
const MINUTE_MS = 60_000;

export interface TimeoutFacts {
  readonly callerId: string;
  readonly until: number;
  readonly endedAt: number | null;
}

/** A time-out runs until its return time or until its caller ends it, whichever comes first. */
export const isRunning = (timeout: TimeoutFacts, now: number): boolean =>
  timeout.endedAt === null && timeout.until > now;

/** The return time for a time-out of `minutes` called at `now`. */
export const returnTime = (now: number, minutes: number): number => now + minutes * MINUTE_MS;

/** Why a time-out cannot be called now, or undefined when it can. */
export function refusalToCall(
  journey: { readonly path: JourneyPath; readonly hasPartner: boolean },
  running: TimeoutFacts | undefined,
  now: number,
): ErrorCode | undefined {
  if (journey.path !== 'together' || !journey.hasPartner) return 'timeout.no_partner';
  if (running && isRunning(running, now)) return 'timeout.running';
  return undefined;
}
