import { useId } from 'react';
import { t } from '../../../shared/i18n/messages.js';
import {
  bandOf,
  rowLabels,
  type ChartBand,
  type ChartPoint,
  type ChartSeries,
} from './geometry.js';
import { markerLabel } from './styles.js';

/** The value of a series at one time (the first point there), or undefined when it has none. */
function pointAt(points: readonly ChartPoint[], time: number): ChartPoint | undefined {
  return points.find((p) => p.t === time);
}

/**
 * The same numbers as a real table, a row for each time any series has a point: each value in
 * words with its likely range and its band, and its marker's name.
 */
export function ChartTable({
  series,
  bands,
  valueLabel,
  caption,
  open,
}: {
  series: readonly ChartSeries[];
  bands: readonly ChartBand[];
  valueLabel: (v: number) => string;
  caption: string;
  open: boolean | undefined;
}) {
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

  // A native disclosure, as DESIGN.md asks ("Show as table"): the chart stays the first thing on a
  // phone while the table can run to many rows; <details> needs no script, is announced as a
  // collapsed button, and the image's name says the numbers are here.
  const captionId = useId();
  return (
    <details className="chart-table" open={open}>
      <summary>{t('chart.showTable')}</summary>
      {/* Three series or more run wider than a phone: it scrolls sideways, so a keyboard must reach it. */}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId}>{caption}</caption>
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
  );
}
