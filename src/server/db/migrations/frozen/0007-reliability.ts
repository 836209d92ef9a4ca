import type { Kysely } from 'kysely';
import { betaQuantile } from './0007-beta.js';

/**
 * Migration 0007's own copy of how it computed and stored reliability snapshots, frozen as it was
 * (src/core/commitments/reliability.ts, features/commitments/snapshot-codec.ts and
 * refreshReliability at 0007). The snapshot is a value of the core's model written to a column, so
 * a later change to the model, its half-lives or the encoding would otherwise change what this
 * migration stores, and a later migration converting "0007's snapshots" would meet something else.
 * Do not edit; a change to the snapshots comes with its own migration that recomputes them.
 */

type Rhythm = 'daily' | 'weekly' | 'as_it_happens';
type LogStatus = 'pending' | 'confirmed' | 'disputed' | 'resolved';
type Evidence = 'kept' | 'missed';

/** The tables as 0007 left them, as far as the backfill reads and writes them. */
export interface Tables {
  commitments: {
    id: string;
    journey_id: string;
    committed_by: string;
    rhythm: Rhythm;
    reliability: string;
  };
  commitment_logs: { commitment_id: string; at: number; status: LogStatus };
  reliability_pools: { journey_id: string; user_id: string; snapshot: string; pending: number };
}

const CREDIBLE_LEVEL = 0.8;
const PRIOR = { kept: 1, missed: 1 } as const;
const HALF_LIFE_DAYS: Readonly<Record<Rhythm, number>> = {
  daily: 28,
  weekly: 84,
  as_it_happens: 56,
};
const DAY_MS = 86_400_000;
const TREND_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

interface Estimate {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly effectiveEvents: number;
}
interface TrendPoint extends Estimate {
  readonly at: number;
}
interface WeightedEvent {
  readonly at: number;
  readonly evidence: Evidence;
  readonly halfLifeDays: number;
}
interface EvidenceSums {
  readonly halfLifeDays: number;
  readonly at: number;
  readonly kept: number;
  readonly missed: number;
}
export interface Snapshot {
  readonly kept: number;
  readonly missed: number;
  readonly pending: number;
  readonly sums: readonly EvidenceSums[];
  readonly trend: readonly TrendPoint[];
}

export const EMPTY_SNAPSHOT: Snapshot = { kept: 0, missed: 0, pending: 0, sums: [], trend: [] };

function evidenceOf(status: LogStatus): Evidence | null {
  switch (status) {
    case 'confirmed':
    case 'resolved':
      return 'kept';
    case 'disputed':
      return 'missed';
    case 'pending':
      return null;
  }
}

function recencyWeight(at: number, now: number, halfLifeDays: number): number {
  const age = Math.max(0, now - at);
  return 2 ** (-age / (halfLifeDays * DAY_MS));
}

function betaEstimate(kept: number, missed: number, level = CREDIBLE_LEVEL): Estimate {
  const a = PRIOR.kept + kept;
  const b = PRIOR.missed + missed;
  const tail = (1 - level) / 2;
  return {
    mean: a / (a + b),
    lower: betaQuantile(tail, a, b),
    upper: betaQuantile(1 - tail, a, b),
    effectiveEvents: kept + missed,
  };
}

function totalsAt(sums: readonly EvidenceSums[], t: number): { kept: number; missed: number } {
  let kept = 0;
  let missed = 0;
  for (const g of sums) {
    const w = recencyWeight(g.at, t, g.halfLifeDays);
    kept += g.kept * w;
    missed += g.missed * w;
  }
  return { kept, missed };
}

function walk(
  events: readonly WeightedEvent[],
  atEventTime: (t: number, kept: number, missed: number) => void,
): EvidenceSums[] {
  const sorted = [...events].sort((x, y) => x.at - y.at);
  const halfLives = [...new Set(sorted.map((e) => e.halfLifeDays))].sort((x, y) => x - y);
  const sums = halfLives.map((halfLifeDays) => ({
    halfLifeDays,
    at: -Infinity,
    kept: 0,
    missed: 0,
  }));
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!e) continue;
    const g = sums[halfLives.indexOf(e.halfLifeDays)];
    if (!g) continue;
    if (g.at !== e.at) {
      const w = g.at === -Infinity ? 0 : recencyWeight(g.at, e.at, g.halfLifeDays);
      g.kept *= w;
      g.missed *= w;
      g.at = e.at;
    }
    if (e.evidence === 'kept') g.kept += 1;
    else g.missed += 1;
    if (sorted[i + 1]?.at !== e.at) {
      const { kept, missed } = totalsAt(
        sums.filter((s) => s.at !== -Infinity),
        e.at,
      );
      atEventTime(e.at, kept, missed);
    }
  }
  return sums.filter((s) => s.at !== -Infinity);
}

/** The snapshot with one trend point a week, the latest in each (as 0007's store kept them). */
function snapshotOf(events: readonly WeightedEvent[], pending: number): Snapshot {
  const trend: TrendPoint[] = [];
  let held: { at: number; kept: number; missed: number } | undefined;
  const flush = () => {
    if (held) trend.push({ at: held.at, ...betaEstimate(held.kept, held.missed) });
    held = undefined;
  };
  const sums = walk(events, (at, kept, missed) => {
    if (held && Math.floor(held.at / TREND_EVERY_MS) !== Math.floor(at / TREND_EVERY_MS)) flush();
    held = { at, kept, missed };
  });
  flush();
  return {
    kept: events.filter((e) => e.evidence === 'kept').length,
    missed: events.filter((e) => e.evidence === 'missed').length,
    pending,
    sums,
    trend,
  };
}

type Logs = readonly { at: number; status: LogStatus }[];

const eventsOf = (rhythm: Rhythm, logs: Logs) =>
  logs.flatMap((log): WeightedEvent[] => {
    const evidence = evidenceOf(log.status);
    return evidence ? [{ at: log.at, evidence, halfLifeDays: HALF_LIFE_DAYS[rhythm] }] : [];
  });

const pendingIn = (logs: Logs) => logs.filter((l) => l.status === 'pending').length;

export const commitmentSnapshot = (rhythm: Rhythm, logs: Logs): Snapshot =>
  snapshotOf(eventsOf(rhythm, logs), pendingIn(logs));

export const overallSnapshot = (commitments: readonly { rhythm: Rhythm; logs: Logs }[]): Snapshot =>
  snapshotOf(
    commitments.flatMap((c) => eventsOf(c.rhythm, c.logs)),
    commitments.reduce((n, c) => n + pendingIn(c.logs), 0),
  );

/** JSON for the counts and sums, the trend as the base64 of one Float64Array (5 values a point). */
export function encodeSnapshot(snapshot: Snapshot): string {
  const FIELDS = 5;
  const values = new Float64Array(snapshot.trend.length * FIELDS);
  snapshot.trend.forEach((p, i) => {
    values.set([p.at, p.mean, p.lower, p.upper, p.effectiveEvents], i * FIELDS);
  });
  return JSON.stringify({
    ...snapshot,
    trend: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64'),
  });
}

/**
 * One person's commitments in a journey, and their pool, brought up to date with their entries.
 * The migration runs alone, so the row lock the live store takes first is left out.
 */
export async function refreshReliability(
  db: Kysely<Tables>,
  journeyId: string,
  userId: string,
): Promise<void> {
  await db
    .insertInto('reliability_pools')
    .values({
      journey_id: journeyId,
      user_id: userId,
      snapshot: encodeSnapshot(EMPTY_SNAPSHOT),
      pending: 0,
    })
    .onConflict((oc) => oc.columns(['journey_id', 'user_id']).doNothing())
    .execute();
  const commitments = await db
    .selectFrom('commitments')
    .select(['id', 'rhythm'])
    .where('journey_id', '=', journeyId)
    .where('committed_by', '=', userId)
    .execute();
  const logs =
    commitments.length === 0
      ? []
      : await db
          .selectFrom('commitment_logs')
          .select(['commitment_id', 'at', 'status'])
          .where(
            'commitment_id',
            'in',
            commitments.map((c) => c.id),
          )
          .execute();
  const logsOf = new Map<string, { at: number; status: LogStatus }[]>();
  for (const l of logs) {
    const own = logsOf.get(l.commitment_id) ?? [];
    own.push({ at: Number(l.at), status: l.status });
    logsOf.set(l.commitment_id, own);
  }
  const each = commitments.map((c) => ({
    id: c.id,
    rhythm: c.rhythm,
    logs: logsOf.get(c.id) ?? [],
  }));
  for (const c of each) {
    await db
      .updateTable('commitments')
      .set({ reliability: encodeSnapshot(commitmentSnapshot(c.rhythm, c.logs)) })
      .where('id', '=', c.id)
      .execute();
  }
  const pooled = overallSnapshot(each);
  await db
    .updateTable('reliability_pools')
    .set({ snapshot: encodeSnapshot(pooled), pending: pooled.pending })
    .where('journey_id', '=', journeyId)
    .where('user_id', '=', userId)
    .execute();
}
