import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n/messages.js';
import { shapePath, type ChartSeries, type Marker } from './geometry.js';
import { POINT_R } from './layout.js';
import { MARKER_SHAPE, markerLabel, pointClass, seriesClass, styleOf } from './styles.js';

/** The key: each series, each shaded range, and each kind of marker the chart shows. */
export function Legend({
  series,
  markers,
}: {
  series: readonly ChartSeries[];
  markers: readonly Marker[];
}) {
  return (
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
      {markers.map((m) => (
        <li key={m}>
          <MarkerSwatch marker={m} />
          {markerLabel(m)}
        </li>
      ))}
    </ul>
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
      className={seriesClass(index)}
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

function MarkerSwatch({ marker }: { marker: Marker }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 36 20" width="36" height="20">
      <path className={`chart-marker ${marker}`} d={shapePath(MARKER_SHAPE[marker], 18, 10, 7)} />
    </svg>
  );
}
