import { describe, expect, it } from 'vitest';
import { meansSeries } from './chart-data.js';

describe('the forgiveness chart data', () => {
  it('gives three lines, one per subscale, with each answer’s mean at its time', () => {
    const series = meansSeries([
      { at: 1, means: { avoidance: 2, resentment: 3.5, goodwill: 4 } },
      { at: 2, means: { avoidance: 1.75, resentment: 3, goodwill: 4.33 } },
    ]);
    expect(series.map((s) => s.id)).toEqual(['avoidance', 'resentment', 'goodwill']);
    expect(series[1]?.points).toEqual([
      { t: 1, value: 3.5 },
      { t: 2, value: 3 },
    ]);
    expect(series.every((s) => s.label.length > 0)).toBe(true);
  });

  it('has no line at all before any answer', () => {
    expect(meansSeries([]).every((s) => s.points.length === 0)).toBe(true);
  });
});
