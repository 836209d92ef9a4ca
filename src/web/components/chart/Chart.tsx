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
import { t } from '../../../shared/i18n/messages.js';
import { Axes } from './Axes.js';
import { Backdrop } from './Backdrop.js';
import { ChartTable } from './ChartTable.js';
import { hasValues, segments, type ChartBand, type ChartSeries } from './geometry.js';
import { chartLayout, FONT } from './layout.js';
import { Legend } from './Legend.js';
import { Lines } from './Lines.js';
import { MARKERS } from './styles.js';
import { useChartWidth } from './useChartWidth.js';

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

const defaultValueLabel = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 1 });

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

  const layout = chartLayout(width, series, {
    bands,
    yDomain: props.yDomain,
    yLabel: props.yLabel,
    valueLabel,
  });
  const markersShown = MARKERS.filter((m) =>
    series.some((s) => s.points.some((p) => p.marker === m)),
  );
  const showsReliable = markersShown.some((m) => m !== 'crisis');
  const noLineYet = series.every((s) => segments(s.points).every((run) => run.length < 2));

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
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          role="img"
          aria-label={t('chart.imageLabel', { description })}
          focusable="false"
          fontSize={FONT}
        >
          <Backdrop layout={layout} />
          <Axes layout={layout} yLabel={props.yLabel} />
          <Lines series={series} layout={layout} />
        </svg>
      </div>
      <Legend series={series} markers={markersShown} />
      {showsReliable ? <p className="chart-note">{t('chart.reliableNote')}</p> : null}
      {noLineYet ? <p className="chart-note">{t('chart.onePoint')}</p> : null}
      <ChartTable
        series={series}
        bands={bands}
        valueLabel={valueLabel}
        caption={props.tableCaption ?? title}
        open={props.tableOpen}
      />
    </figure>
  );
}
