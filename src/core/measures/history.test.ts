import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDay,
  changesOver,
  isCorrection,
  isTimeZone,
  RETAKE_AFTER_DAYS,
  retakeDue,
  suggestRetake,
} from './history.js';
import { Instrument } from './instrument.js';
import { recovery, reliableChange } from './scoring.js';

const load = (id: string): Instrument => {
  const url = new URL(`../../../content/instruments/${id}.json`, import.meta.url);
  return Instrument.parse(JSON.parse(fs.readFileSync(url, 'utf8')));
};
const phq9 = load('phq9');
const gad7 = load('gad7');

const DAY = 86_400_000;
const totalsOf = (instrument: Instrument) =>
  fc.array(fc.integer({ min: instrument.scoring.min, max: instrument.scoring.max }), {
    maxLength: 12,
  });

describe.each([phq9, gad7])('changes over time on $shortName', (instrument) => {
  it('labels each result against the first (the baseline), by the data rule', () => {
    fc.assert(
      fc.property(totalsOf(instrument), (totals) => {
        const changes = changesOver(instrument, totals);
        expect(changes).toHaveLength(totals.length);
        changes.forEach((c, i) => {
          const total = totals[i] ?? -1;
          const first = totals[0] ?? -1;
          if (i === 0) {
            expect(c).toEqual({ sinceFirst: null, recovery: null });
            return;
          }
          expect(c.sinceFirst).toBe(reliableChange(instrument, first, total));
          expect(c.recovery).toBe(recovery(instrument, first, total) ?? null);
        });
      }),
    );
  });
});

describe('changes over time, worked examples', () => {
  it('marks a 6-point PHQ-9 fall from the baseline as reliable improvement, and 5 points as none', () => {
    expect(changesOver(phq9, [18, 13, 12]).map((c) => c.sinceFirst)).toEqual([
      null,
      'no_reliable_change',
      'reliable_improvement',
    ]);
  });

  it('compares with the baseline, not the result before: steps of 3 add up to a reliable change', () => {
    // Each step alone is below the 6-point threshold; against the baseline the third is not.
    expect(changesOver(phq9, [18, 15, 12]).map((c) => c.sinceFirst)).toEqual([
      null,
      'no_reliable_change',
      'reliable_improvement',
    ]);
    // And a fall then a rise back labels the rise against where the person started.
    expect(changesOver(phq9, [18, 11, 17]).map((c) => c.sinceFirst)).toEqual([
      null,
      'reliable_improvement',
      'no_reliable_change',
    ]);
  });

  it('gives recovery only on GAD-7, from the first result', () => {
    expect(changesOver(gad7, [12, 7]).map((c) => c.recovery)).toEqual([null, 'reliable_recovery']);
    expect(changesOver(phq9, [20, 4]).map((c) => c.recovery)).toEqual([null, null]);
  });
});

describe('suggesting a retake', () => {
  const now = Date.UTC(2026, 10, 20);

  it('is due with no result, and from exactly 14 days after the newest', () => {
    expect(RETAKE_AFTER_DAYS).toBe(14);
    expect(retakeDue(undefined, now)).toBe(true);
    expect(retakeDue(now - 14 * DAY, now)).toBe(true);
    expect(retakeDue(now - 14 * DAY + 1, now)).toBe(false);
    expect(retakeDue(now, now)).toBe(false);
  });

  it('stays hidden after "Not now" until the next result, then follows the schedule again', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 400 * DAY }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 400 * DAY }), { nil: undefined }),
        fc.integer({ min: 0, max: 400 * DAY }),
        (newest, dismissed, later) => {
          const newestAt = newest === undefined ? undefined : now - 500 * DAY + newest;
          const dismissedAt = dismissed === undefined ? undefined : now - 500 * DAY + dismissed;
          const at = now + later;
          const shown = suggestRetake({ newestAt, dismissedAt, now: at });
          const hiddenByDismissal =
            dismissedAt !== undefined && (newestAt === undefined || newestAt <= dismissedAt);
          expect(shown).toBe(!hiddenByDismissal && retakeDue(newestAt, at));
        },
      ),
    );
  });

  it('never comes back on its own once dismissed without a new result', () => {
    expect(suggestRetake({ newestAt: undefined, dismissedAt: now, now: now + 365 * DAY })).toBe(
      false,
    );
    expect(
      suggestRetake({ newestAt: now - 30 * DAY, dismissedAt: now, now: now + 365 * DAY }),
    ).toBe(false);
    // A result after the dismissal: due again 14 days after that result.
    expect(suggestRetake({ newestAt: now + DAY, dismissedAt: now, now: now + 14 * DAY })).toBe(
      false,
    );
    expect(suggestRetake({ newestAt: now + DAY, dismissedAt: now, now: now + 15 * DAY })).toBe(
      true,
    );
  });
});

describe('a retake on the same day', () => {
  const at = (iso: string) => Date.parse(iso);

  it("is a correction on the same calendar day in the person's time zone, and not across midnight", () => {
    expect(isCorrection(at('2026-11-01T09:00:00Z'), at('2026-11-01T09:01:00Z'), 'UTC')).toBe(true);
    expect(isCorrection(at('2026-11-01T23:59:00Z'), at('2026-11-02T00:01:00Z'), 'UTC')).toBe(false);
    expect(isCorrection(undefined, at('2026-11-01T09:00:00Z'), 'UTC')).toBe(false);
  });

  it('reads the day where the person is: two minutes across UTC midnight is one evening in New York', () => {
    const before = at('2026-11-01T23:59:00Z');
    const after = at('2026-11-02T00:01:00Z');
    expect(calendarDay(before, 'America/New_York')).toBe('2026-11-01');
    expect(isCorrection(before, after, 'America/New_York')).toBe(true);
    // Late evening and the next morning in Auckland are two days, though one UTC day.
    expect(
      isCorrection(at('2026-11-01T10:00:00Z'), at('2026-11-01T12:00:00Z'), 'Pacific/Auckland'),
    ).toBe(false);
  });

  it('knows a time zone name from a made-up one', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
