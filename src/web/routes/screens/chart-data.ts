import type { Feeling } from '../../../core/checkins/checkin.js';
import type { CheckinTrends } from '../../../shared/api/checkins.js';
import type { InstrumentBand, ScreenHistoryItem } from '../../../shared/api/screens.js';
import { t } from '../../../shared/i18n/messages.js';
import type { BandTone, ChartBand, ChartSeries, Marker } from '../../components/chart/geometry.js';
import { feelingLabel, formatDate } from '../labels.js';

/** "moderately severe" → "Moderately severe", for a label that starts a line. */
export const sentenceCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * An instrument's bands (whole-number totals, min and max included) as the chart's shaded ranges,
 * which meet edge to edge: PHQ-9 "0–4 minimal, 5–9 mild" becomes 0–5 and 5–10; the top band keeps
 * its top value. Tones darken with severity.
 */
export function chartBands(bands: readonly InstrumentBand[]): ChartBand[] {
  const top = bands.length - 1;
  return bands.map((b, i) => ({
    from: b.min,
    to: i === top ? b.max : b.max + 1,
    label: sentenceCase(b.label),
    tone: Math.min(i, 4) as BandTone,
  }));
}

/**
 * What a result's point is marked with: a reliable change since the first result (the baseline),
 * in words as well as shape; otherwise, when crisis support was offered, that.
 */
export function markerOf(r: ScreenHistoryItem): Marker | undefined {
  if (r.changeSinceFirst === 'reliable_improvement') return 'reliable_improvement';
  if (r.changeSinceFirst === 'reliable_deterioration') return 'reliable_deterioration';
  return r.crisis ? 'crisis' : undefined;
}

export function scoreSeries(
  id: string,
  label: string,
  results: readonly ScreenHistoryItem[],
): ChartSeries {
  return {
    id,
    label,
    points: results.map((r) => {
      const marker = markerOf(r);
      return { t: r.createdAt, value: r.total, ...(marker ? { marker } : {}) };
    }),
  };
}

/** One plain sentence about the trend, the chart's accessible name. */
export function describeScores(name: string, results: readonly ScreenHistoryItem[]): string {
  const first = results[0];
  const last = results.at(-1);
  if (!first || !last) return t('screens.chartNone', { name });
  if (first === last) {
    return t('screens.chartOne', {
      name,
      total: first.total,
      band: first.band.label,
      date: formatDate(first.createdAt),
    });
  }
  const moved = t('screens.chartMany', {
    name,
    first: first.total,
    firstBand: first.band.label,
    firstDate: formatDate(first.createdAt),
    last: last.total,
    lastBand: last.band.label,
    lastDate: formatDate(last.createdAt),
  });
  if (last.changeSinceFirst === 'reliable_improvement') {
    return `${moved} ${t('screens.chartImproved')}`;
  }
  if (last.changeSinceFirst === 'reliable_deterioration') {
    return `${moved} ${t('screens.chartWorse')}`;
  }
  return moved;
}

/** The feelings chart: one line per feeling, in the order the server gives (the form's order). */
export function feelingSeries(
  trends: CheckinTrends,
  shown: ReadonlySet<Feeling> | undefined = undefined,
): ChartSeries[] {
  return trends.feelings
    .filter((f) => !shown || shown.has(f.feeling))
    .map((f) => ({ id: f.feeling, label: feelingLabel(f.feeling), points: f.points }));
}

/** How many check-ins the chart draws on (check-ins are told apart by their time). */
export const checkinCount = (trends: CheckinTrends): number =>
  new Set(trends.feelings.flatMap((f) => f.points.map((p) => p.t))).size;
