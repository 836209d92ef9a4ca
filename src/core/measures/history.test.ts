import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesOver, RETAKE_AFTER_DAYS, retakeDue, suggestRetake } from './history.js';
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
  it('labels each result against the one before it and against the first, by the data rule', () => {
    fc.assert(
      fc.property(totalsOf(instrument), (totals) => {
        const changes = changesOver(instrument, totals);
        expect(changes).toHaveLength(totals.length);
        changes.forEach((c, i) => {
          const total = totals[i] ?? -1;
          const first = totals[0] ?? -1;
          const previous = totals[i - 1];
          if (previous === undefined) {
            expect(c).toEqual({ sincePrevious: null, sinceFirst: null, recovery: null });
            return;
          }
          expect(c.sincePrevious).toBe(reliableChange(instrument, previous, total));
          expect(c.sinceFirst).toBe(reliableChange(instrument, first, total));
          expect(c.recovery).toBe(recovery(instrument, first, total) ?? null);
        });
      }),
    );
  });
});

describe('changes over time, worked examples', () => {
  it('marks a 6-point PHQ-9 fall as reliable improvement, and 5 points as none', () => {
    expect(changesOver(phq9, [18, 12, 7]).map((c) => c.sincePrevious)).toEqual([
      null,
      'reliable_improvement',
      'no_reliable_change',
    ]);
    expect(changesOver(phq9, [18, 12, 7]).map((c) => c.sinceFirst)).toEqual([
      null,
      'reliable_improvement',
      'reliable_improvement',
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
