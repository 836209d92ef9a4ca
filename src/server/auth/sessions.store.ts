import type { Role } from '../../core/access/policy.js';
import { compileOnce, perDatabase } from '../db/compile-once.js';
import type { Db } from '../db/schema.js';
import { hashToken, newToken } from './tokens.js';

export interface SessionTimes {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

export interface SessionUser {
  readonly userId: string;
  readonly role: Role;
  /** The person's active journey, looked up in the same query (most requests need it). */
  readonly journeyId: string | undefined;
  /** Their role on that journey (I was hurt, I broke trust, …), from the same query. */
  /** Sealed (auth/person-facts.ts): the caller opens it. */
  readonly journeyRole: string | undefined;
  readonly tokenHash: string;
  readonly lastSeenAt: number;
  /** Whether the person has a confirmed two-factor factor (read in the same query). */
  readonly twoFactorConfirmed: boolean;
}

/**
 * Idle time is counted from the last use to the millisecond, without a write on every request:
 * last_seen_at is written (with the exact time) only once it is this slack or more behind, so the
 * real last use is always less than one slack after it. A session therefore ends at last_seen_at +
 * idle + slack: never before the idle limit after the real last use, and at most one slack after
 * it (a twentieth of the limit, at most a minute: 15 s for a 5-minute limit).
 */
export const idleSlackMs = (idleMs: number): number => Math.min(60_000, Math.floor(idleMs / 20));

export async function createSession(
  db: Db,
  userId: string,
  now: number,
  times: SessionTimes,
  /** This session's idle time, sealed (see session-idle.ts). */
  idleSealed: string | null = null,
) {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: now + times.absoluteMs,
      idle_sealed: idleSealed,
    })
    .execute();
  return token;
}

// Runs on every request: built and compiled once per database, not per request.
export const compiledSessionLookup = perDatabase((db: Db) =>
  compileOnce(
    (tokenHash: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .leftJoin('journey_members', (join) =>
          join
            .onRef('journey_members.user_id', '=', 'sessions.user_id')
            .on('journey_members.left_at', 'is', null),
        )
        .leftJoin('totp_factors', 'totp_factors.user_id', 'sessions.user_id')
        .select([
          'sessions.user_id',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'sessions.idle_sealed',
          'users.role',
          'journey_members.journey_id',
          'journey_members.role as journey_role',
          'totp_factors.confirmed_at as totp_confirmed_at',
        ])
        .where('sessions.token_hash', '=', tokenHash),
    1,
  ),
);

/** The signed-in person for a cookie token, or undefined when the session is unknown or expired. */
export async function findSession(
  db: Db,
  token: string,
  now: number,
  times: SessionTimes,
  openIdle: (userId: string, sealed: string) => number = () => times.idleMs,
): Promise<SessionUser | undefined> {
  const tokenHash = hashToken(token);
  const row = (await db.executeQuery(compiledSessionLookup(db)(tokenHash))).rows[0];
  if (!row) return undefined;
  const idleMs = row.idle_sealed ? openIdle(row.user_id, row.idle_sealed) : times.idleMs;
  const slackMs = idleSlackMs(idleMs);
  if (row.expires_at <= now || row.last_seen_at + idleMs + slackMs <= now) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return undefined;
  }
  if (now - row.last_seen_at >= slackMs) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return {
    userId: row.user_id,
    role: row.role,
    journeyId: row.journey_id ?? undefined,
    journeyRole: row.journey_role ?? undefined,
    tokenHash,
    lastSeenAt: row.last_seen_at,
    twoFactorConfirmed: row.totp_confirmed_at !== null && row.totp_confirmed_at !== undefined,
  };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
