/**
 * One chart for every measure: lines over time, with severity bands, reliable-change markers,
 * a legend, and the same numbers as a real table.
 *
 * Usage (in a lazily loaded route only: this module must never be imported by the shell):
 *
 *   <Chart
 *     title="How your mood has changed since March"
 *     description="Your PHQ-9 score went from 18 in March to 9 in June."
 *     series={[{ id: 'phq9', label: 'PHQ-9 score', points: [{ t: ms, value: 18 }, …] }]}
 *     yDomain={[0, 27]}
 *     yLabel="Score (0–27)"
 *     bands={[{ from: 0, to: 5, label: 'Minimal', tone: 0 }, { from: 5, to: 10, label: 'Mild', tone: 1 }, …]}
 *     tableCaption="PHQ-9 scores by date"
 *   />
 *
 * - `points[].t` is a time in milliseconds; `value: null` is a gap that breaks the line; `marker`
 *   marks a reliable improvement, a reliable deterioration or a moment crisis support was offered
 *   (the caller decides which; the chart only shows it, as a shape and in words).
 * - `bands` meet edge to edge: a value v is in the band with from ≤ v < to (the top band also
 *   holds its top value), and the table names each value's band. Bands belong to the whole
 *   chart, so chart measures with different bands (PHQ-9, GAD-7) separately.
 * - `description` is one plain sentence about the trend, written by the caller. It is shown
 *   under the title and is the chart image's accessible name.
 * - No series, or no values at all, renders the title and an empty-state sentence instead of an
 *   empty plot (`emptyText` overrides the sentence).
 * - Nothing moves: the chart has no animation at all.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import {
  bandOf,
  bandRects,
  hasValues,
  labelSide,
  linearScale,
  linePath,
  rangePath,
  minStepFor,
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
  type ChartSeries,
  type Marker,
  type PointShape,
} from './geometry.js';

export type { BandTone, ChartBand, ChartPoint, ChartSeries, Marker } from './geometry.js';

export interface ChartProps {
  /** What the chart shows, in words: the figure's caption. */
  title: string;
  /** One plain sentence summarising the trend. */
  description: string;
  series: readonly ChartSeries[];
  /** The value axis; widened if a value falls outside it. Default: round numbers around the data. */
  yDomain?: readonly [number, number];
  /** Names the value axis, e.g. "Score (0–27)". */
  yLabel?: string;
  /** Named value ranges shaded behind the lines, e.g. severity bands. */
  bands?: readonly ChartBand[];
  /** Formats a value for the axis and the table. Default: up to one decimal. */
  valueLabel?: (v: number) => string;
  /** The table's caption. Default: the title. */
  tableCaption?: string;
  /** Opens the table from the start. */
  tableOpen?: boolean;
  /** Replaces the empty-state sentence. */
  emptyText?: string;
}

// User units: at the default text size one unit is one CSS pixel (see useChartWidth).
const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 280;
const FONT = 13;
const CHAR = FONT * 0.6; // a generous average glyph width, for room around labels
const POINT_R = 4.5;
const MARKER_R = 9;

// Never colour alone: each line also has its own dash pattern and point shape.
const STYLES: readonly {
  readonly dash?: string;
  readonly shape: PointShape;
  readonly hollow?: boolean;
}[] = [
  { shape: 'circle' },
  { dash: '8 5', shape: 'square' },
  { dash: '2 5', shape: 'triangle' },
  { dash: '12 4 3 4', shape: 'diamond' },
  // Outlines, so none of them looks like a (larger, neutral) marker ring or box.
  { dash: '5 5', shape: 'triangle', hollow: true },
  { dash: '1 4', shape: 'diamond', hollow: true },
];

const MARKER_SHAPE: Readonly<Record<Marker, PointShape>> = {
  reliable_improvement: 'ring',
  reliable_deterioration: 'box',
  crisis: 'diamond',
};
const MARKERS: readonly Marker[] = ['reliable_improvement', 'reliable_deterioration', 'crisis'];
const markerLabel = (m: Marker) => t(`chart.marker.${m}` satisfies MessageKey);

const defaultValueLabel = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 1 });

const styleOf = (i: number) => STYLES[i % STYLES.length] ?? { shape: 'circle' as const };
const pointClass = (i: number) => (styleOf(i).hollow ? 'chart-point hollow' : 'chart-point');

/**
 * The plot's width in user units, measured so that SVG text is drawn at its real size on any
 * screen (a fixed viewBox would shrink 13 px labels to 7 px at 360 px wide). It follows the
 * person's text size too: with larger root text the viewBox narrows and everything scales up.
 */
function useChartWidth(): [(el: HTMLDivElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const ref = useCallback((el: HTMLDivElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const measured = Math.round((el.clientWidth * 16) / root);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The value of a series at one time (the first point there), or undefined when it has none. */
function pointAt(points: readonly ChartPoint[], time: number): ChartPoint | undefined {
  return points.find((p) => p.t === time);
}

function MarkerSwatch({ marker }: { marker: Marker }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 36 20" width="36" height="20">
      <path className={`chart-marker ${marker}`} d={shapePath(MARKER_SHAPE[marker], 18, 10, 7)} />
    </svg>
  );
}

/** A key entry's small picture, in its series' colour; the words beside it carry the meaning. */
function Swatch({ index, children }: { index: number; children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 36 20"
      width="36"
      height="20"
      className={`chart-s${(index % STYLES.length) + 1}`}
    >
      {children}
    </svg>
  );
}

function SeriesSwatch({ index }: { index: number }) {
  const style = styleOf(index);
  return (
    <Swatch index={index}>
      <path className="chart-line" d="M2,10H34" strokeDasharray={style.dash} />
      <path className={pointClass(index)} d={shapePath(style.shape, 18, 10, POINT_R)} />
    </Swatch>
  );
}

function RangeSwatch({ index }: { index: number }) {
  return (
    <Swatch index={index}>
      <rect className="chart-range" x="2" y="3" width="32" height="14" />
    </Swatch>
  );
}

export function Chart(props: ChartProps) {
  const { title, description, series } = props;
  const bands = props.bands ?? [];
  const valueLabel = props.valueLabel ?? defaultValueLabel;
  const [plotRef, width] = useChartWidth();

  if (!hasValues(series)) {
    return (
      <figure className="chart">
        <figcaption className="chart-title">{title}</figcaption>
        <p className="chart-empty">{props.emptyText ?? t('chart.empty')}</p>
      </figure>
    );
  }

  const W = width;
  const H = Math.round(Math.min(320, Math.max(240, W * 0.55)));
  const top = props.yLabel ? FONT * 2 + 8 : FONT;
  const bottom = H - FONT - 17;
  const yTarget = Math.max(2, Math.floor((bottom - top) / 40));
  const yDom = valueDomain(series, props.yDomain, yTarget);
  const yTicks = niceTicks(yDom[0], yDom[1], yTarget, minStepFor(series)).filter(
    (v) => v >= yDom[0] && v <= yDom[1],
  );
  const yTickLabels = yTicks.map(valueLabel);
  const left = Math.max(28, Math.ceil(Math.max(...yTickLabels.map((l) => l.length)) * CHAR) + 14);
  const right = W - MARKER_R - 5;
  const tDom = timeDomain(series);
  const x = linearScale(tDom, [left, right]);
  const y = linearScale(yDom, [bottom, top]);
  const xTicks = timeTicks(tDom[0], tDom[1], Math.max(2, Math.floor((right - left) / 84)));
  const rects = bandRects(bands, yDom, y);
  const positions = series.map((s) => pointPositions(s.points, x, y));
  const allPoints = positions.flat();

  const markersShown = MARKERS.filter((m) =>
    series.some((s) => s.points.some((p) => p.marker === m)),
  );
  const showsReliable = markersShown.some((m) => m !== 'crisis');
  const noLineYet = series.every((s) => segments(s.points).every((run) => run.length < 2));

  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const labels = rowLabels(times);

  const cellText = (point: ChartPoint | undefined): string => {
    if (point?.value === null || point?.value === undefined) return t('chart.noEntry');
    const value = point.range
      ? t('chart.valueInRange', {
          value: valueLabel(point.value),
          lower: valueLabel(point.range[0]),
          upper: valueLabel(point.range[1]),
        })
      : valueLabel(point.value);
    const band = bandOf(point.value, bands);
    return band ? t('chart.valueInBand', { value, band: band.label }) : value;
  };

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      {/* Shown for sighted readers; hidden from assistive technology because the chart image
          below carries the same sentence as its name, so it is not read twice. */}
      <p className="chart-description" aria-hidden="true">
        {description}
      </p>
      <div className="chart-plot" ref={plotRef}>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          height={H}
          role="img"
          aria-label={t('chart.imageLabel', { description })}
          focusable="false"
          fontSize={FONT}
        >
          <g className="chart-bands">
            {rects.map((b) => (
              <rect
                key={`${b.from}-${b.to}-${b.label}`}
                className="chart-band"
                data-tone={b.tone}
                x={left}
                y={b.top}
                width={right - left}
                height={b.height}
              />
            ))}
          </g>
          <g className="chart-grid">
            {yTicks.map((v) => (
              <line key={v} x1={left} x2={right} y1={y(v)} y2={y(v)} />
            ))}
          </g>
          {rects.map((b) => {
            if (b.height < FONT + 4) return null;
            const label = { width: b.label.length * CHAR, height: FONT };
            const side = labelSide(b, label, { left, right }, allPoints);
            return (
              <text
                key={`${b.from}-${b.to}-${b.label}`}
                className="chart-band-label"
                x={side === 'end' ? right - 6 : left + 6}
                y={b.top + b.height / 2}
                dy="0.35em"
                textAnchor={side}
              >
                {b.label}
              </text>
            );
          })}
          {props.yLabel ? (
            <text className="chart-axis-label" x={2} y={FONT}>
              {props.yLabel}
            </text>
          ) : null}
          {yTicks.map((v, i) => (
            <text key={v} x={left - 8} y={y(v)} dy="0.35em" textAnchor="end">
              {yTickLabels[i]}
            </text>
          ))}
          <line className="chart-axis" x1={left} x2={right} y1={bottom} y2={bottom} />
          {xTicks.map((tick) => {
            const half = (tick.label.length * CHAR) / 2 + 4;
            const at = x(tick.t);
            return (
              <g key={tick.t}>
                <line className="chart-axis" x1={at} x2={at} y1={bottom} y2={bottom + 5} />
                <text
                  x={Math.min(Math.max(at, half), W - half)}
                  y={bottom + FONT + 8}
                  textAnchor="middle"
                >
                  {tick.label}
                </text>
              </g>
            );
          })}
          {series.map((s, i) => {
            const style = styleOf(i);
            return (
              <g key={s.id} className={`chart-s${(i % STYLES.length) + 1}`}>
                {s.points.some((p) => p.range) ? (
                  <path className="chart-range" d={rangePath(s.points, x, y)} />
                ) : null}
                <path
                  className="chart-line"
                  d={linePath(s.points, x, y)}
                  strokeDasharray={style.dash}
                />
                {(positions[i] ?? []).map((p) => (
                  <path
                    key={p.t}
                    className={pointClass(i)}
                    d={shapePath(style.shape, p.x, p.y, POINT_R)}
                  />
                ))}
              </g>
            );
          })}
          {allPoints.map((p) =>
            p.marker ? (
              <path
                key={`${p.t}-${p.x}-${p.y}-${p.marker}`}
                className={`chart-marker ${p.marker}`}
                d={shapePath(MARKER_SHAPE[p.marker], p.x, p.y, MARKER_R)}
              />
            ) : null,
          )}
        </svg>
      </div>
      <ul className="chart-legend" aria-label={t('chart.legend')}>
        {series.map((s, i) => (
          <li key={s.id}>
            <SeriesSwatch index={i} />
            {s.label}
          </li>
        ))}
        {series.map((s, i) =>
          s.rangeLabel && s.points.some((p) => p.range) ? (
            <li key={`${s.id}-range`}>
              <RangeSwatch index={i} />
              {s.rangeLabel}
            </li>
          ) : null,
        )}
        {markersShown.map((m) => (
          <li key={m}>
            <MarkerSwatch marker={m} />
            {markerLabel(m)}
          </li>
        ))}
      </ul>
      {showsReliable ? <p className="chart-note">{t('chart.reliableNote')}</p> : null}
      {noLineYet ? <p className="chart-note">{t('chart.onePoint')}</p> : null}
      {/* A native disclosure, as DESIGN.md asks ("Show as table"): the chart stays the first
          thing on a phone while the table can run to many rows; <details> needs no script, is
          announced as a collapsed button, and the image's name says the numbers are here. */}
      <details className="chart-table" open={props.tableOpen}>
        <summary>{t('chart.showTable')}</summary>
        <div className="table-scroll">
          <table>
            <caption>{props.tableCaption ?? title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.when')}</th>
                {series.map((s) => (
                  <th key={s.id} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {times.map((time, r) => (
                <tr key={time}>
                  <th scope="row">
                    <time dateTime={new Date(time).toISOString()}>{labels[r]}</time>
                  </th>
                  {series.map((s) => {
                    const point = pointAt(s.points, time);
                    return (
                      <td key={s.id}>
                        {cellText(point)}
                        {point?.marker ? (
                          <>
                            {' '}
                            <span className="chart-marker-text">{markerLabel(point.marker)}</span>
                          </>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
