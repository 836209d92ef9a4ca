/**
 * A group's schedule: a first meeting in local time in an IANA time zone and a recurrence, kept as
 * an RFC 5545 rule (`FREQ=WEEKLY;INTERVAL=2;COUNT=8`). Meetings stay at the same local time across
 * daylight-saving changes, as calendar programs expand the rule. Nothing here does I/O.
 */
export const frequencies = ['weekly', 'fortnightly', 'monthly'] as const;
export type Frequency = (typeof frequencies)[number];

export interface Recurrence {
  readonly frequency: Frequency;
  /** How many meetings in all (the first included); or null when `until` ends the series. */
  readonly count: number | null;
  /** The last day a meeting may fall on, `YYYY-MM-DD` in the group's zone; or null. */
  readonly until: string | null;
}

export const COUNT_MAX = 260;

export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `YYYY-MM-DDTHH:mm` as its parts, or null when it is not a real date and time. */
export function parseLocal(text: string): LocalDateTime | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** `YYYY-MM-DD` as a date at midnight, or null. */
export function parseDate(text: string): LocalDateTime | null {
  const m = DATE.exec(text);
  return m ? parseLocal(`${text}T00:00`) : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const formatLocal = (l: LocalDateTime): string =>
  `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
export const formatDate = (l: LocalDateTime): string =>
  `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}`;

/** True when the runtime knows the IANA zone. */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const partsFormatter = (tz: string) => {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
};

/** The wall-clock time in `tz` at an instant. */
export function localAt(ms: number, tz: string): LocalDateTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(tz).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const wallMs = (l: LocalDateTime, second = 0) =>
  Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, second);

/** How far `tz` is ahead of UTC at an instant, in ms. */
const offsetAt = (ms: number, tz: string) => {
  const l = localAt(ms, tz);
  return wallMs(l, l.second) - Math.floor(ms / 1000) * 1000;
};

/**
 * The instant a wall-clock time in `tz` names. A time skipped by a clock change is read with the
 * offset before the change (RFC 5545 §3.3.5), so 02:30 on a spring-forward night is 03:30.
 */
export function zonedToUtc(l: LocalDateTime, tz: string, second = 0): number {
  const wall = wallMs(l, second);
  const first = wall - offsetAt(wall, tz);
  const second_ = wall - offsetAt(first, tz);
  if (first === second_) return first;
  // In a gap neither guess reads back as `wall`: the earlier offset applies.
  const before = Math.min(offsetAt(first, tz), offsetAt(second_, tz));
  const later = wall - before;
  return offsetAt(second_, tz) === wall - second_ ? second_ : later;
}

const RULE_FREQ: Record<Frequency, string> = {
  weekly: 'FREQ=WEEKLY',
  fortnightly: 'FREQ=WEEKLY;INTERVAL=2',
  monthly: 'FREQ=MONTHLY',
};

const untilStamp = (ms: number) => {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
};

/** The last instant of the `until` day in the group's zone. */
const untilInstant = (until: string, tz: string): number => {
  const d = parseDate(until);
  if (!d) throw new Error(`not a date: ${until}`);
  return zonedToUtc({ ...d, hour: 23, minute: 59 }, tz, 59);
};

/**
 * The RFC 5545 rule for a recurrence. With a time zone on the start, UNTIL is written in UTC
 * (RFC 5545 §3.3.10): the end of the chosen day in the group's zone.
 */
export function ruleFor(r: Recurrence, tz: string): string {
  const end =
    r.count !== null ? `COUNT=${r.count}` : `UNTIL=${untilStamp(untilInstant(r.until ?? '', tz))}`;
  return `${RULE_FREQ[r.frequency]};${end}`;
}

/** A stored rule back as the recurrence it was made from; null for a rule we never write. */
export function recurrenceOf(rule: string, tz: string): Recurrence | null {
  const m =
    /^(FREQ=WEEKLY;INTERVAL=2|FREQ=WEEKLY|FREQ=MONTHLY);(?:COUNT=(\d+)|UNTIL=(\d{8}T\d{6}Z))$/.exec(
      rule,
    );
  if (!m) return null;
  const frequency = (Object.keys(RULE_FREQ) as Frequency[]).find((f) => RULE_FREQ[f] === m[1]);
  if (!frequency) return null;
  if (m[2]) return { frequency, count: Number(m[2]), until: null };
  const u = m[3] ?? '';
  const ms = Date.UTC(
    Number(u.slice(0, 4)),
    Number(u.slice(4, 6)) - 1,
    Number(u.slice(6, 8)),
    Number(u.slice(9, 11)),
    Number(u.slice(11, 13)),
    Number(u.slice(13, 15)),
  );
  return { frequency, count: null, until: formatDate(localAt(ms, tz)) };
}

/** Why a schedule cannot be kept, in the form's words; null when it can. */
export type ScheduleProblem = 'first_meeting' | 'time_zone' | 'end' | 'until_before_start';

export function scheduleProblem(
  firstMeeting: string,
  tz: string,
  r: Recurrence,
): ScheduleProblem | null {
  const first = parseLocal(firstMeeting);
  if (!first) return 'first_meeting';
  if (!isTimeZone(tz)) return 'time_zone';
  if ((r.count === null) === (r.until === null)) return 'end';
  if (r.count !== null && (!Number.isInteger(r.count) || r.count < 1 || r.count > COUNT_MAX)) {
    return 'end';
  }
  if (r.until !== null) {
    if (!parseDate(r.until)) return 'end';
    if (r.until < formatDate(first)) return 'until_before_start';
  }
  return null;
}

/** The local start of meeting number `k` (0 first), or null when that month has no such day. */
function nthLocal(first: LocalDateTime, frequency: Frequency, k: number): LocalDateTime | null {
  if (frequency === 'monthly') {
    const index = first.month - 1 + k;
    const year = first.year + Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (first.day > daysIn(year, month)) return null;
    return { ...first, year, month };
  }
  const step = frequency === 'weekly' ? 7 : 14;
  const d = new Date(Date.UTC(first.year, first.month - 1, first.day + step * k));
  return {
    ...first,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  };
}

/**
 * The meetings' start instants, in order, from the first; at most `limit`, and only those at or
 * after `from` (ms) when given. A monthly group that began on the 31st skips the shorter months,
 * as RFC 5545 does (they do not count towards COUNT).
 */
export function meetings(
  firstMeeting: string,
  tz: string,
  r: Recurrence,
  options: { from?: number; limit: number },
): number[] {
  const first = parseLocal(firstMeeting);
  if (!first) return [];
  const until = r.until !== null ? untilInstant(r.until, tz) : Infinity;
  const out: number[] = [];
  let held = 0;
  for (let k = 0; out.length < options.limit && k < COUNT_MAX * 2; k++) {
    const local = nthLocal(first, r.frequency, k);
    if (!local) continue;
    const at = zonedToUtc(local, tz);
    if (at > until) break;
    held++;
    if (r.count !== null && held > r.count) break;
    if (options.from === undefined || at >= options.from) out.push(at);
  }
  return out;
}
