import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  bandOf,
  bandRects,
  formatDay,
  labelSide,
  linePath,
  linearScale,
  rangePath,
  niceTicks,
  pointPositions,
  rowLabels,
  segments,
  shapePath,
  timeDomain,
  timeTicks,
  valueDomain,
  type ChartBand,
  type ChartPoint,
} from './geometry.js';

const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const identity = (v: number) => v;

describe('linearScale', () => {
  it('maps the ends of the domain to the ends of the range, and the middle to the middle', () => {
    fc.assert(
      fc.property(
        finite(-1e6, 1e6),
        finite(1, 1e6),
        finite(-1e4, 1e4),
        finite(-1e4, 1e4),
        (d0, span, r0, r1) => {
          const scale = linearScale([d0, d0 + span], [r0, r1]);
          // Far finer than a pixel; floating point gives no more over a wide domain.
          expect(scale(d0)).toBeCloseTo(r0, 4);
          expect(scale(d0 + span)).toBeCloseTo(r1, 4);
          expect(scale(d0 + span / 2)).toBeCloseTo((r0 + r1) / 2, 4);
        },
      ),
    );
  });

  it('keeps its precision over real times', () => {
    const t0 = Date.UTC(2026, 2, 1);
    const t1 = Date.UTC(2026, 10, 3);
    const x = linearScale([t0, t1], [40, 620]);
    expect(x(t0)).toBe(40);
    expect(x(t1)).toBeCloseTo(620, 9);
    expect(x((t0 + t1) / 2)).toBeCloseTo(330, 9);
  });

  it('flips for an SVG value axis: the lowest value at the bottom', () => {
    const y = linearScale([0, 27], [300, 20]);
    expect(y(0)).toBe(300);
    expect(y(27)).toBe(20);
    expect(y(10)).toBeGreaterThan(y(20));
  });

  it('puts everything in the middle when the domain is a single value', () => {
    const scale = linearScale([5, 5], [0, 100]);
    expect(scale(5)).toBe(50);
    expect(scale(-3)).toBe(50);
  });
});

describe('niceTicks', () => {
  it('are strictly increasing, evenly spaced round numbers that cover the domain', () => {
    fc.assert(
      fc.property(
        finite(-1e5, 1e5),
        finite(0, 1e5),
        fc.integer({ min: 2, max: 12 }),
        (min, span, target) => {
          const max = min + span;
          const ticks = niceTicks(min, max, target);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks[0]).toBeLessThanOrEqual(min);
          expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
          const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
          // 1, 2 or 5 times a power of ten.
          const mantissa = step / 10 ** Math.floor(Math.log10(step));
          expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
          for (let i = 1; i < ticks.length; i++) {
            expect(ticks[i]).toBeGreaterThan(ticks[i - 1] ?? Infinity);
            expect((ticks[i] ?? 0) - (ticks[i - 1] ?? 0)).toBeCloseTo(step, 6);
          }
        },
      ),
    );
  });

  it('gives whole-number steps for a 0–27 score and 0–10 intensities', () => {
    expect(niceTicks(0, 27, 6)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('keeps whole-number steps for whole-number data when asked', () => {
    expect(niceTicks(5, 7, 5)).toEqual([5, 5.5, 6, 6.5, 7]);
    expect(niceTicks(5, 7, 5, 1)).toEqual([5, 6, 7]);
  });

  it('has no floating-point noise in small steps', () => {
    expect(niceTicks(0, 0.7, 7)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });
});

describe('valueDomain', () => {
  const series = (values: (number | null)[]) => [
    { id: 'a', label: 'A', points: values.map((value, i) => ({ t: i * DAY, value })) },
  ];

  it('keeps a fixed domain, and widens it only to show a value outside it', () => {
    expect(valueDomain(series([3, 12]), [0, 27])).toEqual([0, 27]);
    expect(valueDomain(series([3, 30]), [0, 27])).toEqual([0, 30]);
  });

  it('rounds out around the data, and around a single value', () => {
    expect(valueDomain(series([3, 12, null]), undefined, 5)).toEqual([2, 12]);
    expect(valueDomain(series([4]), undefined, 5)).toEqual([3, 5]);
    expect(valueDomain(series([0.4]), undefined, 5)).toEqual([-1, 1.5]);
  });
});

describe('timeDomain', () => {
  it('spans the points, and at least two days around a single one', () => {
    const at = (t: number) => [{ id: 'a', label: 'A', points: [{ t, value: 1 }] }];
    expect(
      timeDomain([{ id: 'a', label: 'A', points: [0, 9 * DAY].map((t) => ({ t, value: 1 })) }]),
    ).toEqual([0, 9 * DAY]);
    expect(timeDomain(at(10 * DAY))).toEqual([9 * DAY, 11 * DAY]);
  });
});

describe('timeTicks', () => {
  it('lie within the range, increase, and never exceed the count asked for', () => {
    const start = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: start + 10 * 365 * DAY }),
        fc.integer({ min: 0, max: 30 * 365 * DAY }),
        fc.integer({ min: 1, max: 12 }),
        (t0, span, maxCount) => {
          const ticks = timeTicks(t0, t0 + span, maxCount);
          expect(ticks.length).toBeLessThanOrEqual(maxCount);
          for (const tick of ticks) {
            expect(tick.t).toBeGreaterThanOrEqual(t0);
            expect(tick.t).toBeLessThanOrEqual(t0 + span);
            expect(tick.label).not.toBe('');
          }
          for (let i = 1; i < ticks.length; i++) {
            expect(ticks[i]?.t).toBeGreaterThan(ticks[i - 1]?.t ?? Infinity);
          }
          // Two days always hold a local midnight, so the axis is never left without a date.
          if (span >= 2 * DAY) expect(ticks.length).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('labels days as "3 Nov", at local midnights', () => {
    const t0 = new Date(2026, 10, 2, 15).getTime();
    const ticks = timeTicks(t0, new Date(2026, 10, 6, 9).getTime(), 5);
    expect(ticks.map((tick) => tick.label)).toEqual(['3 Nov', '4 Nov', '5 Nov', '6 Nov']);
    expect(ticks.every((tick) => new Date(tick.t).getHours() === 0)).toBe(true);
    expect(formatDay(new Date(2026, 10, 3).getTime())).toBe('3 Nov');
  });

  it('moves to months, with the year when they cross one', () => {
    const ticks = timeTicks(new Date(2026, 8, 20).getTime(), new Date(2027, 2, 10).getTime(), 4);
    expect(ticks.map((tick) => tick.label)).toEqual(['Nov 2026', 'Jan 2027', 'Mar 2027']);
  });
});

describe('rowLabels', () => {
  it('gives the full date, and the time only where two rows share a day', () => {
    const labels = rowLabels([
      new Date(2026, 10, 3, 9, 5).getTime(),
      new Date(2026, 10, 4, 8, 0).getTime(),
      new Date(2026, 10, 4, 20, 30).getTime(),
    ]);
    expect(labels[0]).toBe('3 November 2026');
    expect(labels[1]).toMatch(/^4 November 2026\D+8:00$/);
    expect(labels[2]).toMatch(/^4 November 2026\D+20:30$/);
  });
});

describe('rangePath', () => {
  it('shades each run of ranged points: along the upper ends, back along the lower ends', () => {
    const pts: ChartPoint[] = [
      { t: 0, value: 5, range: [4, 7] },
      { t: 1, value: 6, range: [5, 8] },
      { t: 2, value: null },
      { t: 3, value: 6, range: [5, 7] },
      { t: 4, value: 6 }, // no range: the shading stops here
      { t: 5, value: 7, range: [6, 9] },
    ];
    expect(rangePath(pts, identity, identity)).toBe('M0,7L1,8L1,5L0,4ZM3,7L3,5ZM5,9L5,6Z');
    expect(rangePath([{ t: 0, value: 1 }], identity, identity)).toBe('');
  });
});

describe('segments and linePath', () => {
  const points = (values: (number | null)[]): ChartPoint[] =>
    values.map((value, i) => ({ t: i, value }));

  it('a null value breaks the line into separate pieces', () => {
    const pts = points([1, 2, null, 3, 4, 5, null, null, 6]);
    expect(segments(pts).map((run) => run.map((p) => p.value))).toEqual([[1, 2], [3, 4, 5], [6]]);
    const d = linePath(pts, identity, identity);
    expect(d).toBe('M0,1L1,2M3,3L4,4L5,5M8,6');
    expect(d.match(/M/g)).toHaveLength(3);
  });

  it('draws one piece per run of values, in time order, and nothing for gaps alone', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 27 }), { nil: null })), (values) => {
        const pts = points(values).reverse();
        const d = linePath(pts, identity, identity);
        const runs = values
          .map((v) => (v === null ? '|' : 'x'))
          .join('')
          .split('|')
          .filter((run) => run.length > 0);
        expect((d.match(/M/g) ?? []).length).toBe(runs.length);
        expect((d.match(/[ML]/g) ?? []).length).toBe(values.filter((v) => v !== null).length);
        const xs = [...d.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it('places a point for every value and none for a gap, keeping markers', () => {
    const positions = pointPositions(
      [
        { t: 0, value: 1 },
        { t: 1, value: null },
        { t: 2, value: 9, marker: 'reliable_deterioration' },
      ],
      (t) => t * 10,
      (v) => 100 - v,
    );
    expect(positions).toEqual([
      { x: 0, y: 99, t: 0, value: 1 },
      { x: 20, y: 91, t: 2, value: 9, marker: 'reliable_deterioration' },
    ]);
  });
});

describe('bands', () => {
  const phq9: ChartBand[] = [
    { from: 0, to: 5, label: 'Minimal', tone: 0 },
    { from: 5, to: 10, label: 'Mild', tone: 1 },
    { from: 10, to: 15, label: 'Moderate', tone: 2 },
    { from: 15, to: 20, label: 'Moderately severe', tone: 3 },
    { from: 20, to: 27, label: 'Severe', tone: 4 },
  ];

  it('are clipped to the value domain, and left out when wholly outside it', () => {
    const y = linearScale([4, 12], [100, 0]);
    const rects = bandRects(phq9, [4, 12], y);
    expect(rects.map((r) => [r.label, r.from, r.to])).toEqual([
      ['Minimal', 4, 5],
      ['Mild', 5, 10],
      ['Moderate', 10, 12],
    ]);
    for (const r of rects) {
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.top + r.height).toBeLessThanOrEqual(100);
      expect(r.height).toBeGreaterThan(0);
    }
  });

  it('stay within the plot for any domain', () => {
    fc.assert(
      fc.property(finite(-10, 40), finite(0.5, 40), (d0, span) => {
        const domain = [d0, d0 + span] as const;
        const y = linearScale(domain, [200, 10]);
        for (const r of bandRects(phq9, domain, y)) {
          expect(r.from).toBeGreaterThanOrEqual(d0);
          expect(r.to).toBeLessThanOrEqual(d0 + span);
          // Coordinates are rounded to a tenth of a unit.
          expect(r.top).toBeGreaterThanOrEqual(10 - 0.2);
          expect(r.top + r.height).toBeLessThanOrEqual(200 + 0.2);
        }
      }),
    );
  });

  it('put their names at the end of the band with fewer points in the way', () => {
    const band = { top: 40, height: 30 };
    const label = { width: 60, height: 13 };
    const plot = { left: 30, right: 330 };
    expect(labelSide(band, label, plot, [])).toBe('end');
    expect(labelSide(band, label, plot, [{ x: 310, y: 55 }])).toBe('start');
    expect(labelSide(band, label, plot, [{ x: 50, y: 55 }])).toBe('end');
    // Points above or below the band's middle line are not in the way.
    expect(labelSide(band, label, plot, [{ x: 310, y: 95 }])).toBe('end');
  });

  it('name the band a value is in, edges going to the band above, the top to the last band', () => {
    expect(bandOf(0, phq9)?.label).toBe('Minimal');
    expect(bandOf(4, phq9)?.label).toBe('Minimal');
    expect(bandOf(5, phq9)?.label).toBe('Mild');
    expect(bandOf(14, phq9)?.label).toBe('Moderate');
    expect(bandOf(27, phq9)?.label).toBe('Severe');
    expect(bandOf(30, phq9)).toBeUndefined();
  });
});

describe('shapePath', () => {
  it('gives each point shape a closed path centred where asked', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond', 'ring', 'box'] as const) {
      const d = shapePath(shape, 50, 40, 5);
      expect(d).toMatch(/^M.*Z$/);
    }
    expect(shapePath('square', 50, 40, 5)).toBe('M45.5,35.5h9v9h-9Z');
  });
});
