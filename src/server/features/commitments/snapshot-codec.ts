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

/** A kept snapshot; `{ trend: false }` leaves the trend out (empty) for reads that show none. */
export function decodeSnapshot(
  text: string,
  options: { trend: boolean } = { trend: true },
): ReliabilitySnapshot {
  const stored = JSON.parse(text) as Omit<ReliabilitySnapshot, 'trend'> & { trend: string };
  if (!options.trend) return { ...stored, trend: [] };
  // Read in place: no copy into an aligned Float64Array, and nothing kept beyond the points.
  const bytes = Buffer.from(stored.trend, 'base64');
  const trend: TrendPoint[] = [];
  for (let at = 0; at + FIELDS * 8 <= bytes.length; at += FIELDS * 8) {
    trend.push({
      at: bytes.readDoubleLE(at),
      mean: bytes.readDoubleLE(at + 8),
      lower: bytes.readDoubleLE(at + 16),
      upper: bytes.readDoubleLE(at + 24),
      effectiveEvents: bytes.readDoubleLE(at + 32),
    });
  }
  return { ...stored, trend };
}
