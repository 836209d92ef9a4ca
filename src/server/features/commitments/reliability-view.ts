import type {
  Estimate,
  Reliability as CoreReliability,
  TrendPoint,
} from '../../../core/commitments/reliability.js';
import type { Reliability, ReliabilityTrend } from '../../../shared/api/commitments.js';

/**
 * How reliability leaves the server. The core keeps full precision (its property tests check the
 * kept snapshots exactly); a reader needs four decimals at most: the page shows whole percentages
 * and a chart a few hundred pixels tall. Seventeen-digit doubles tripled the size of a trend and
 * were the costliest part of writing it out.
 */
const round = (v: number) => Math.round(v * 10_000) / 10_000;

const estimateView = (e: Estimate) => ({
  mean: round(e.mean),
  lower: round(e.lower),
  upper: round(e.upper),
  effectiveEvents: round(e.effectiveEvents),
});

/** The estimate now, with its plain counts; the trend is its own read (see trendView). */
export const reliabilityView = (r: Omit<CoreReliability, 'trend'>): Reliability => ({
  ...estimateView(r),
  kept: r.kept,
  missed: r.missed,
  pending: r.pending,
});

/** The weekly points of a trend, for a chart and its table. */
export const trendView = (trend: readonly TrendPoint[]): ReliabilityTrend =>
  trend.map((p) => ({
    at: p.at,
    mean: round(p.mean),
    lower: round(p.lower),
    upper: round(p.upper),
  }));
