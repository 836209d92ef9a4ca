import { describe, expect, it } from 'vitest';
import gad7 from '../../../../content/instruments/gad7.json';
import phq9 from '../../../../content/instruments/phq9.json';
import { Instrument } from '../../../core/measures/instrument.js';
import { bandFor } from '../../../core/measures/scoring.js';
import type { CheckinTrends } from '../../../shared/api/checkins.js';
import type { ScreenHistoryItem } from '../../../shared/api/screens.js';
import { bandOf } from '../../components/chart/geometry.js';
import {
  chartBands,
  checkinCount,
  describeScores,
  feelingSeries,
  markerOf,
  scoreSeries,
  sentenceCase,
} from './chart-data.js';

const instruments: Record<string, Instrument> = {
  phq9: Instrument.parse(phq9),
  gad7: Instrument.parse(gad7),
};
const load = (id: string): Instrument => {
  const found = instruments[id];
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
};

const result = (over: Partial<ScreenHistoryItem>): ScreenHistoryItem => ({
  id: '00000000-0000-4000-8000-000000000000',
  createdAt: Date.UTC(2026, 2, 1, 12),
  total: 10,
  band: { id: 'moderate', label: 'moderate' },
  aboveGuidance: true,
  crisis: false,
  changeSinceFirst: null,
  recovery: null,
  ...over,
});

describe.each(['phq9', 'gad7'])('the %s bands on the chart', (id) => {
  const instrument = load(id);
  const bands = chartBands(instrument.bands);

  it('put every possible total in the same band as the scoring does', () => {
    for (let total = instrument.scoring.min; total <= instrument.scoring.max; total++) {
      expect(bandOf(total, bands)?.label).toBe(sentenceCase(bandFor(instrument, total).label));
    }
  });

  it('meet edge to edge, span the whole range, and darken with severity', () => {
    expect(bands[0]?.from).toBe(instrument.scoring.min);
    expect(bands.at(-1)?.to).toBe(instrument.scoring.max);
    bands.slice(1).forEach((b, i) => expect(b.from).toBe(bands[i]?.to));
    expect(bands.map((b) => b.tone)).toEqual(bands.map((_, i) => Math.min(i, 4)));
  });
});

describe('points and markers', () => {
  it('marks a reliable change since the first answers (the baseline), else a crisis', () => {
    expect(markerOf(result({ changeSinceFirst: 'reliable_improvement', crisis: true }))).toBe(
      'reliable_improvement',
    );
    expect(markerOf(result({ changeSinceFirst: 'reliable_deterioration' }))).toBe(
      'reliable_deterioration',
    );
    expect(markerOf(result({ changeSinceFirst: 'no_reliable_change', crisis: true }))).toBe(
      'crisis',
    );
    expect(markerOf(result({ changeSinceFirst: 'no_reliable_change' }))).toBeUndefined();
  });

  it('draws one point per result, at its time and total', () => {
    const series = scoreSeries('phq9', 'PHQ-9 score', [
      result({ createdAt: 1, total: 18 }),
      result({ createdAt: 2, total: 11, changeSinceFirst: 'reliable_improvement' }),
    ]);
    expect(series.points).toEqual([
      { t: 1, value: 18 },
      { t: 2, value: 11, marker: 'reliable_improvement' },
    ]);
  });
});

describe('the sentence under each chart', () => {
  it('says the first and latest score, and a reliable change since the first in words', () => {
    const first = result({
      createdAt: Date.UTC(2026, 2, 1, 12),
      total: 18,
      band: { id: 'moderately_severe', label: 'moderately severe' },
    });
    const last = result({
      createdAt: Date.UTC(2026, 5, 1, 12),
      total: 9,
      band: { id: 'mild', label: 'mild' },
      changeSinceFirst: 'reliable_improvement',
    });
    expect(describeScores('PHQ-9', [first, last])).toBe(
      'Your PHQ-9 score went from 18 (moderately severe) on 1 March 2026 to 9 (mild) on 1 June 2026. That is a reliable improvement since your first answers.',
    );
    expect(describeScores('PHQ-9', [first])).toBe(
      'Your PHQ-9 score was 18 (moderately severe) on 1 March 2026.',
    );
    expect(describeScores('GAD-7', [])).toBe('You have no GAD-7 scores yet.');
  });
});

describe('the feelings chart', () => {
  const trends: CheckinTrends = {
    days: 90,
    from: 0,
    to: 100,
    truncated: false,
    feelings: [
      { feeling: 'hurt', points: [{ t: 10, value: 5 }] },
      {
        feeling: 'hope',
        points: [
          { t: 10, value: 3 },
          { t: 20, value: 4 },
        ],
      },
    ],
  };

  it('draws one line per feeling, only the ones chosen', () => {
    expect(feelingSeries(trends).map((s) => s.id)).toEqual(['hurt', 'hope']);
    expect(feelingSeries(trends, new Set(['hope'] as const)).map((s) => s.id)).toEqual(['hope']);
    expect(feelingSeries(trends)[1]?.points).toEqual(trends.feelings[1]?.points);
  });

  it('counts check-ins, not feelings', () => {
    expect(checkinCount(trends)).toBe(2);
  });
});
