import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import type { Marker, PointShape } from './geometry.js';

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

export const MARKER_SHAPE: Readonly<Record<Marker, PointShape>> = {
  reliable_improvement: 'ring',
  reliable_deterioration: 'box',
  crisis: 'diamond',
};
export const MARKERS: readonly Marker[] = [
  'reliable_improvement',
  'reliable_deterioration',
  'crisis',
];
export const markerLabel = (m: Marker) => t(`chart.marker.${m}` satisfies MessageKey);

export const styleOf = (i: number) => STYLES[i % STYLES.length] ?? { shape: 'circle' as const };
export const pointClass = (i: number) => (styleOf(i).hollow ? 'chart-point hollow' : 'chart-point');
/** The series' colour, from the stylesheet. */
export const seriesClass = (i: number) => `chart-s${(i % STYLES.length) + 1}`;
