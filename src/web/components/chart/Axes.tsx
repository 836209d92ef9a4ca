import { CHAR, FONT, type ChartLayout } from './layout.js';

/** The value axis's name and labels, and the time axis with its ticks and dates. */
export function Axes({ layout, yLabel }: { layout: ChartLayout; yLabel: string | undefined }) {
  const { yTicks, yTickLabels, xTicks, left, right, bottom, width, x, y } = layout;
  return (
    <>
      {yLabel ? (
        <text className="chart-axis-label" x={2} y={FONT}>
          {yLabel}
        </text>
      ) : null}
      {yTicks.map((v, i) => (
        <text key={v} x={left - 8} y={y(v)} dy="0.35em" textAnchor="end">
          {yTickLabels[i]}
        </text>
      ))}
      <line className="chart-axis" x1={left} x2={right} y1={bottom} y2={bottom} />
      {xTicks.map((tick) => {
        // A date is kept whole inside the drawing, even under the first and last ticks.
        const half = (tick.label.length * CHAR) / 2 + 4;
        const at = x(tick.t);
        return (
          <g key={tick.t}>
            <line className="chart-axis" x1={at} x2={at} y1={bottom} y2={bottom + 5} />
            <text
              x={Math.min(Math.max(at, half), width - half)}
              y={bottom + FONT + 8}
              textAnchor="middle"
            >
              {tick.label}
            </text>
          </g>
        );
      })}
    </>
  );
}
