/**
 * The arithmetic behind <Chart>: scales, ticks, paths, bands and point positions. Pure functions
 * of their arguments (dates in the browser's own time zone), so they are tested without a DOM.
 * Every coordinate is in SVG user units.
 */

export type Marker = 'reliable_improvement' | 'reliable_deterioration' | 'crisis';

export interface ChartPoint {
  /** When, in milliseconds since the epoch. */
  readonly t: number;
  /** The measure's value; `null` is a gap (nothing recorded), which breaks the line. */
  readonly value: number | null;
  readonly marker?: Marker;
  /** How sure the value is: the likely range around it, shaded behind the line, lower first. */
  readonly range?: readonly [number, number];
}

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly points: readonly ChartPoint[];
  /** Names the shaded range in the key, e.g. "Likely range"; the table gives each one in full. */
  readonly rangeLabel?: string;
}

export type BandTone = 0 | 1 | 2 | 3 | 4;

/**
 * A named range of values shaded behind the lines (e.g. severity bands). A value v belongs to
 * the band with from ≤ v < to; the band with the highest `to` also holds v = to. So bands that
 * meet share an edge: PHQ-9 "0–4 minimal, 5–9 mild" is { from: 0, to: 5 }, { from: 5, to: 10 }.
 */
export interface ChartBand {
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly tone: BandTone;
}

export type Domain = readonly [number, number];
export type Scale = (v: number) => number;

export const DAY = 86_400_000;

/** Keeps the SVG text short: a tenth of a unit is finer than any screen shows. */
const round = (n: number): number => Math.round(n * 10) / 10;

/** Maps the domain linearly onto the range; an empty domain maps everything to the middle. */
export function linearScale(domain: Domain, range: Domain): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) {
    const middle = (r0 + r1) / 2;
    return () => middle;
  }
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A step of 1, 2 or 5 × 10ⁿ giving about `target` intervals over `span`. */
export function niceStep(span: number, target: number): number {
  const raw = Math.abs(span) / Math.max(1, target);
  if (!Number.isFinite(raw) || raw === 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normal = raw / magnitude;
  const factor = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10;
  return factor * magnitude;
}

/**
 * Evenly spaced round values for the value axis, increasing, from the last step at or below `min`
 * to the first at or above `max`, so they always cover the domain. `minStep` 1 keeps whole-number
 * scores from getting "5.5" ticks.
 */
export function niceTicks(min: number, max: number, target = 5, minStep = 0): number[] {
  const lo = Math.min(min, max);
  // A span too small to divide (one repeated value) gets one unit, so there are ticks to show.
  const tiny = Math.max(min, max) - lo < 1e-9 * Math.max(1, Math.abs(lo));
  const hi = tiny ? lo + 1 : Math.max(min, max);
  const step = Math.max(niceStep(hi - lo, target), minStep);
  const decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step))));
  const at = (i: number) => Number((i * step).toFixed(decimals));
  let first = Math.floor(lo / step);
  let last = Math.ceil(hi / step);
  // Division can round across a boundary (or underflow to 0); step out until the ends cover.
  while (at(first) > lo) first--;
  while (at(last) < hi) last++;
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(at(i));
  return ticks;
}

/** The values of every point that has one. */
function values(series: readonly ChartSeries[]): number[] {
  return series.flatMap((s) =>
    s.points.flatMap((p) => (p.value !== null && Number.isFinite(p.value) ? [p.value] : [])),
  );
}

/** True when there is at least one value to draw. */
export const hasValues = (series: readonly ChartSeries[]): boolean => values(series).length > 0;

/** The smallest tick step that suits the data: 1 when every value is a whole number. */
export const minStepFor = (series: readonly ChartSeries[]): number =>
  values(series).every(Number.isInteger) ? 1 : 0;

/**
 * The value axis: the caller's fixed domain (widened if a value falls outside it, so nothing is
 * drawn off the chart), or round numbers around the data.
 */
export function valueDomain(
  series: readonly ChartSeries[],
  fixed?: Domain,
  target = 5,
): [number, number] {
  const all = values(series);
  const dataMin = Math.min(...all);
  const dataMax = Math.max(...all);
  if (fixed) return [Math.min(fixed[0], dataMin), Math.max(fixed[1], dataMax)];
  if (all.length === 0) return [0, 1];
  const single = dataMin === dataMax;
  const ticks = niceTicks(
    single ? dataMin - 1 : dataMin,
    single ? dataMax + 1 : dataMax,
    target,
    minStepFor(series),
  );
  return [ticks[0] ?? dataMin, ticks[ticks.length - 1] ?? dataMax];
}

/**
 * The time axis: from the first point to the last, widened around its middle to at least two
 * days, so a single answer sits in the middle with a date tick near it.
 */
export function timeDomain(series: readonly ChartSeries[], minSpan = 2 * DAY): [number, number] {
  const times = series.flatMap((s) => s.points.map((p) => p.t));
  if (times.length === 0) return [0, minSpan];
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  if (t1 - t0 >= minSpan) return [t0, t1];
  const middle = (t0 + t1) / 2;
  return [middle - minSpan / 2, middle + minSpan / 2];
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'short' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' });
const yearOnly = new Intl.DateTimeFormat('en-GB', { year: 'numeric' });
const fullDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const fullDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A short date for an axis tick: "3 Nov". */
export const formatDay = (t: number): string => dayMonth.format(t);

export interface TimeTick {
  readonly t: number;
  readonly label: string;
}

interface TimeStep {
  readonly unit: 'day' | 'month';
  readonly n: number;
}

// Whole days, weeks, months and years: the steps a calendar reader expects.
const TIME_STEPS: readonly TimeStep[] = [
  { unit: 'day', n: 1 },
  { unit: 'day', n: 2 },
  { unit: 'day', n: 7 },
  { unit: 'day', n: 14 },
  { unit: 'month', n: 1 },
  { unit: 'month', n: 2 },
  { unit: 'month', n: 3 },
  { unit: 'month', n: 6 },
  ...[1, 2, 5, 10, 20, 50, 100].map((years) => ({ unit: 'month' as const, n: 12 * years })),
];

const approxMs = (step: TimeStep): number =>
  step.unit === 'day' ? step.n * DAY : step.n * 30 * DAY;

function stepTicks(t0: number, t1: number, step: TimeStep, limit: number): number[] {
  const d = new Date(t0);
  d.setHours(0, 0, 0, 0);
  if (step.unit === 'month') {
    d.setDate(1);
    // Align to the step (quarters start in January, April, …) so ticks read as a calendar.
    const months = d.getFullYear() * 12 + d.getMonth();
    d.setMonth(d.getMonth() + ((step.n - (months % step.n)) % step.n));
  }
  const advance = () =>
    step.unit === 'day' ? d.setDate(d.getDate() + step.n) : d.setMonth(d.getMonth() + step.n);
  // Day steps start at the first midnight in range; month steps keep their calendar alignment.
  while (d.getTime() < t0) {
    if (step.unit === 'day') d.setDate(d.getDate() + 1);
    else advance();
  }
  const ticks: number[] = [];
  // The caller skips steps estimated to give far too many, so this cap is only a safety net.
  while (d.getTime() <= t1 && ticks.length <= 4 * limit + 8) {
    ticks.push(d.getTime());
    advance();
  }
  return ticks;
}

/**
 * Date ticks at local midnights, no more than `maxCount`, all within [t0, t1]: days, weeks,
 * months or years, whichever is the finest that fits. Labels are short: "3 Nov", "Nov",
 * "Nov 2026" when the months cross a year, "2027".
 */
export function timeTicks(t0: number, t1: number, maxCount: number): TimeTick[] {
  const limit = Math.max(1, Math.floor(maxCount));
  if (!(t1 >= t0) || !Number.isFinite(t0) || !Number.isFinite(t1)) return [];
  let finer: { ticks: number[]; step: TimeStep } | undefined;
  for (const candidate of TIME_STEPS) {
    // Far too fine: skip without counting (a day step over years would make thousands).
    if ((t1 - t0) / approxMs(candidate) > 2 * limit + 2) continue;
    let step = candidate;
    let ticks = stepTicks(t0, t1, step, limit);
    if (ticks.length > limit) {
      finer = { ticks, step };
      continue;
    }
    // A step that falls mostly between its marks (say 20 years across two decades) shows less
    // than every other mark of the finer step: take those instead.
    if (finer) {
      const every = Math.ceil(finer.ticks.length / limit);
      const thinned = finer.ticks.filter((_, i) => i % every === 0);
      if (thinned.length > ticks.length) {
        ticks = thinned;
        step = finer.step;
      }
    }
    const first = ticks[0];
    const lastTick = ticks[ticks.length - 1];
    const crossesYear =
      first !== undefined &&
      lastTick !== undefined &&
      new Date(first).getFullYear() !== new Date(lastTick).getFullYear();
    const format =
      step.unit === 'day'
        ? dayMonth
        : step.n >= 12
          ? yearOnly
          : crossesYear
            ? monthYear
            : monthOnly;
    return ticks.map((t) => ({ t, label: format.format(t) }));
  }
  return [];
}

/**
 * Row labels for the data table: the full date, with the time too where two rows fall on the
 * same day, so no two rows read alike.
 */
export function rowLabels(times: readonly number[]): string[] {
  const days = times.map((t) => fullDate.format(t));
  const count = new Map<string, number>();
  for (const day of days) count.set(day, (count.get(day) ?? 0) + 1);
  return times.map((t, i) => {
    const day = days[i] ?? '';
    return (count.get(day) ?? 0) > 1 ? fullDateTime.format(t) : day;
  });
}

/** The points in time order, split into runs of recorded values: each `null` ends a run. */
export function segments(points: readonly ChartPoint[]): ChartPoint[][] {
  const runs: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  for (const p of [...points].sort((a, b) => a.t - b.t)) {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The SVG path of a series: one "M…L…" piece per run, so a gap leaves the line open. */
export function linePath(points: readonly ChartPoint[], x: Scale, y: Scale): string {
  return segments(points)
    .map((run) =>
      run
        .map((p, i) => `${i === 0 ? 'M' : 'L'}${round(x(p.t))},${round(y(p.value ?? 0))}`)
        .join(''),
    )
    .join('');
}

/**
 * The SVG path of a series' likely range: one closed area per run of points that all have a range,
 * along the upper ends left to right and back along the lower ends. A point without a range, or a
 * gap, ends the area, so the shading never claims more than was measured.
 */
export function rangePath(points: readonly ChartPoint[], x: Scale, y: Scale): string {
  const areas: ChartPoint[][] = [];
  for (const run of segments(points)) {
    let area: ChartPoint[] = [];
    for (const p of run) {
      if (p.range) area.push(p);
      else {
        if (area.length > 0) areas.push(area);
        area = [];
      }
    }
    if (area.length > 0) areas.push(area);
  }
  return areas
    .map((area) => {
      const upper = area.map((p) => `${round(x(p.t))},${round(y(p.range?.[1] ?? 0))}`);
      const lower = area.map((p) => `${round(x(p.t))},${round(y(p.range?.[0] ?? 0))}`).reverse();
      return `M${[...upper, ...lower].join('L')}Z`;
    })
    .join('');
}

export interface PointPosition {
  readonly x: number;
  readonly y: number;
  readonly t: number;
  readonly value: number;
  readonly marker?: Marker;
}

/** Where each recorded value sits; gaps have no point. */
export function pointPositions(points: readonly ChartPoint[], x: Scale, y: Scale): PointPosition[] {
  return segments(points).flatMap((run) =>
    run.map((p) => ({
      x: round(x(p.t)),
      y: round(y(p.value ?? 0)),
      t: p.t,
      value: p.value ?? 0,
      ...(p.marker ? { marker: p.marker } : {}),
    })),
  );
}

export interface BandRect {
  readonly top: number;
  readonly height: number;
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly tone: BandTone;
}

/** The bands as rectangles, clipped to the value domain; a band wholly outside it is left out. */
export function bandRects(bands: readonly ChartBand[], domain: Domain, y: Scale): BandRect[] {
  const [d0, d1] = domain;
  return bands.flatMap((band) => {
    const from = Math.max(Math.min(band.from, band.to), d0);
    const to = Math.min(Math.max(band.from, band.to), d1);
    if (!(to > from)) return [];
    const a = y(from);
    const b = y(to);
    return [
      {
        top: round(Math.min(a, b)),
        height: round(Math.abs(a - b)),
        from,
        to,
        label: band.label,
        tone: band.tone,
      },
    ];
  });
}

/**
 * Which end of its band a band's name should sit at: the end with fewer points near it (the right
 * end on a tie), so the name hides as little of the data as possible.
 */
export function labelSide(
  band: Pick<BandRect, 'top' | 'height'>,
  label: { readonly width: number; readonly height: number },
  plot: { readonly left: number; readonly right: number },
  points: readonly { readonly x: number; readonly y: number }[],
  inset = 6,
): 'start' | 'end' {
  const middle = band.top + band.height / 2;
  const near = (x0: number, x1: number) =>
    points.filter(
      (p) =>
        p.x >= x0 - inset &&
        p.x <= x1 + inset &&
        Math.abs(p.y - middle) <= label.height / 2 + inset,
    ).length;
  const start = near(plot.left + inset, plot.left + inset + label.width);
  const end = near(plot.right - inset - label.width, plot.right - inset);
  return start < end ? 'start' : 'end';
}

/** The band a value falls in (see ChartBand), if any. */
export function bandOf(value: number, bands: readonly ChartBand[]): ChartBand | undefined {
  const lo = (b: ChartBand) => Math.min(b.from, b.to);
  const hi = (b: ChartBand) => Math.max(b.from, b.to);
  const top = Math.max(...bands.map(hi));
  return bands.find((b) => (value >= lo(b) && value < hi(b)) || (value === top && hi(b) === top));
}

export type PointShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'ring' | 'box';

/** An SVG path for a point or marker shape of radius r centred on (x, y). */
export function shapePath(shape: PointShape, x: number, y: number, r: number): string {
  const c = (n: number) => round(n);
  switch (shape) {
    case 'circle':
    case 'ring':
      return `M${c(x - r)},${c(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
    case 'box': {
      const s = r * 0.9;
      return `M${c(x - s)},${c(y - s)}h${c(2 * s)}v${c(2 * s)}h${c(-2 * s)}Z`;
    }
    case 'triangle':
      return `M${c(x)},${c(y - r * 1.15)}L${c(x + r * 1.1)},${c(y + r * 0.8)}L${c(x - r * 1.1)},${c(y + r * 0.8)}Z`;
    case 'diamond':
      return `M${c(x)},${c(y - r * 1.25)}L${c(x + r * 1.25)},${c(y)}L${c(x)},${c(y + r * 1.25)}L${c(x - r * 1.25)},${c(y)}Z`;
  }
}
