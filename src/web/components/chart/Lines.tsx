import { linePath, rangePath, shapePath, type ChartSeries } from './geometry.js';
import { MARKER_R, POINT_R, type ChartLayout } from './layout.js';
import { MARKER_SHAPE, pointClass, seriesClass, styleOf } from './styles.js';

/** Each series as its likely range, its line and its points, then the markers over them all. */
export function Lines({ series, layout }: { series: readonly ChartSeries[]; layout: ChartLayout }) {
  const { x, y, positions, allPoints } = layout;
  return (
    <>
      {series.map((s, i) => {
        const style = styleOf(i);
        return (
          <g key={s.id} className={seriesClass(i)}>
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
    </>
  );
}
