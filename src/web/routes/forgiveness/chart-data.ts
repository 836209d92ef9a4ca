import {
  forgivenessSubscales,
  type ForgivenessSubscale,
} from '../../../core/forgiveness/measure.js';
import type { SubscaleMeans } from '../../../shared/api/forgiveness.js';
import type { ChartSeries } from '../../components/chart/Chart.js';
import { ts, type StepsMessageKey } from '../../../shared/i18n/steps.js';

export const subscaleLabel = (s: ForgivenessSubscale) =>
  ts(`forgiveness.subscale.${s}` satisfies StepsMessageKey);

/** Three lines, one per subscale, in the same order for me and for my partner. */
export function meansSeries(
  points: readonly { at: number; means: SubscaleMeans }[],
  idPrefix = '',
): ChartSeries[] {
  return forgivenessSubscales.map((s) => ({
    id: `${idPrefix}${s}`,
    label: subscaleLabel(s),
    points: points.map((p) => ({ t: p.at, value: p.means[s] })),
  }));
}
