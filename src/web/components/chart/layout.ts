import {
  bandRects,
  linearScale,
  minStepFor,
  niceTicks,
  pointPositions,
  timeDomain,
  timeTicks,
  valueDomain,
  type BandRect,
  type ChartBand,
  type ChartSeries,
  type PointPosition,
  type Scale,
  type TimeTick,
} from './geometry.js';

// User units: at the default text size one unit is one CSS pixel (see useChartWidth).
export const FONT = 13;
export const CHAR = FONT * 0.6; // a generous average glyph width, for room around labels
export const POINT_R = 4.5;
export const MARKER_R = 9;

/** Where everything in the plot goes, worked out once from its width and what it shows. */
export interface ChartLayout {
  /** The drawing's size. */
  readonly width: number;
  readonly height: number;
  /** The plot area's edges, inside the axes' labels. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly x: Scale;
  readonly y: Scale;
  readonly yTicks: readonly number[];
  readonly yTickLabels: readonly string[];
  readonly xTicks: readonly TimeTick[];
  readonly rects: readonly BandRect[];
  /** Each series' points on the plot, in the order of `series`. */
  readonly positions: readonly PointPosition[][];
  readonly allPoints: readonly PointPosition[];
}

/**
 * The plot's layout at a width: a height that suits it, room above for the value axis's name and
 * on the left for its widest label, round ticks about 40 units apart up the side and 84 along.
 */
export function chartLayout(
  width: number,
  series: readonly ChartSeries[],
  options: {
    bands: readonly ChartBand[];
    yDomain: readonly [number, number] | undefined;
    yLabel: string | undefined;
    valueLabel: (v: number) => string;
  },
): ChartLayout {
  const height = Math.round(Math.min(320, Math.max(240, width * 0.55)));
  const top = options.yLabel ? FONT * 2 + 8 : FONT;
  const bottom = height - FONT - 17;
  const yTarget = Math.max(2, Math.floor((bottom - top) / 40));
  const yDom = valueDomain(series, options.yDomain, yTarget);
  const yTicks = niceTicks(yDom[0], yDom[1], yTarget, minStepFor(series)).filter(
    (v) => v >= yDom[0] && v <= yDom[1],
  );
  const yTickLabels = yTicks.map(options.valueLabel);
  const left = Math.max(28, Math.ceil(Math.max(...yTickLabels.map((l) => l.length)) * CHAR) + 14);
  const right = width - MARKER_R - 5;
  const tDom = timeDomain(series);
  const x = linearScale(tDom, [left, right]);
  const y = linearScale(yDom, [bottom, top]);
  const xTicks = timeTicks(tDom[0], tDom[1], Math.max(2, Math.floor((right - left) / 84)));
  const rects = bandRects(options.bands, yDom, y);
  const positions = series.map((s) => pointPositions(s.points, x, y));
  return {
    width,
    height,
    top,
    bottom,
    left,
    right,
    x,
    y,
    yTicks,
    yTickLabels,
    xTicks,
    rects,
    positions,
    allPoints: positions.flat(),
  };
}
