import type { ReliabilitySnapshot, TrendPoint } from '../../../core/commitments/reliability.js';

/**
 * How a reliability snapshot is stored: JSON for its few counts and sums, and the trend as the
 * base64 of one Float64Array (at, mean, lower, upper, effective events per point). A year of weekly
 * points parsed from JSON costs a commitments read ~28 µs per snapshot, nearly all of it turning
 * seventeen-digit decimals back into numbers; reading the same doubles from bytes is exact and
 * costs a few microseconds.
 */
const FIELDS = 5;

export function encodeSnapshot(snapshot: ReliabilitySnapshot): string {
  const values = new Float64Array(snapshot.trend.length * FIELDS);
  snapshot.trend.forEach((p, i) => {
    values.set([p.at, p.mean, p.lower, p.upper, p.effectiveEvents], i * FIELDS);
  });
  return JSON.stringify({
    ...snapshot,
    trend: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64'),
  });
}

export function decodeSnapshot(text: string): ReliabilitySnapshot {
  const stored = JSON.parse(text) as Omit<ReliabilitySnapshot, 'trend'> & { trend: string };
  const bytes = Buffer.from(stored.trend, 'base64');
  // Copied into its own buffer: a Float64Array needs 8-byte alignment, a pooled Buffer may not have it.
  const values = new Float64Array(new Uint8Array(bytes).buffer);
  const trend: TrendPoint[] = [];
  for (let i = 0; i + FIELDS <= values.length; i += FIELDS) {
    trend.push({
      at: values[i] ?? 0,
      mean: values[i + 1] ?? 0,
      lower: values[i + 2] ?? 0,
      upper: values[i + 3] ?? 0,
      effectiveEvents: values[i + 4] ?? 0,
    });
  }
  return { ...stored, trend };
}
