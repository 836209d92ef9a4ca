import { labelSide } from './geometry.js';
import { CHAR, FONT, type ChartLayout } from './layout.js';

/** What lies behind the lines: the shaded bands, the grid, and each band's name where it fits. */
export function Backdrop({ layout }: { layout: ChartLayout }) {
  const { rects, yTicks, left, right, y, allPoints } = layout;
  return (
    <>
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
    </>
  );
}
