import type { Kysely } from 'kysely';

/** Row shapes as stored (snake_case). Times are milliseconds since the epoch. */
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: 'member' | 'admin';
  wrapped_key: string;
  created_at: number;
  /** ISO 3166 code of the country whose crisis lines the person sees first. */
  country: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  /** This session's idle time, sealed (see auth/session-idle.ts); null means the default. */
  idle_sealed: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface JourneysTable {
  id: string;
  path: string;
  kinds: string;
  came_to_light: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface JourneyMembersTable {
  journey_id: string;
  user_id: string;
  role: string;
  joined_at: number;
  left_at: number | null;
}

export interface InvitesTable {
  id: string;
  journey_id: string;
  token_hash: string;
  created_by: string;
  email: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

export interface CheckinsTable {
  id: string;
  journey_id: string;
  author_id: string;
  visibility: 'private' | 'partner';
  created_at: number;
  sealed: string;
}

export interface MailOutboxTable {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: number;
}

export interface SafetyStatesTable {
  user_id: string;
  sealed: string;
  updated_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** A setting the practice's administrator chose; the value is JSON. */
export interface PracticeSettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

/** One version of an impact letter, a reflection or an unsent letter; the text is sealed. */
export interface LettersTable {
  id: string;
  journey_id: string;
  thread_id: string;
  author_id: string;
  kind: 'impact' | 'reflection' | 'unsent' | 'statement';
  version: number;
  responds_to: string | null;
  state: 'draft' | 'shared' | 'kept';
  created_at: number;
  updated_at: number;
  shared_at: number | null;
  sealed: string;
}

/** The answer to one shared reflection version: the value and note sealed together. */
export interface LetterAnswersTable {
  id: string;
  journey_id: string;
  reflection_id: string;
  author_id: string;
  created_at: number;
  sealed: string;
}

export interface TimeoutsTable {
  id: string;
  journey_id: string;
  caller_id: string;
  started_at: number;
  returns_at: number;
  ended_at: number | null;
}

/** One PHQ-9 or GAD-7 result: answers, follow-up, total, band and flags are all in `sealed`. */
export interface ScreenResultsTable {
  id: string;
  user_id: string;
  instrument_id: string;
  instrument_version: number;
  created_at: number;
  sealed: string;
}

/** "Not now" on the suggestion to look again: a plain time, no content. */
export interface ScreenDismissalsTable {
  user_id: string;
  instrument_id: string;
  dismissed_at: number;
}

/** One thing a member did on the steps: ids, a kind and a time; no content, so nothing sealed. */
export interface ProgramEventsTable {
  id: string;
  journey_id: string;
  member_id: string;
  kind: 'ready' | 'not_ready' | 'revisit' | 'exercise' | 'exercise_undone';
  step_id: string;
  exercise_id: string | null;
  at: number;
}

/** One version of an agreement; only its text is sealed, under the proposer's key. */
export interface AgreementVersionsTable {
  agreement_id: string;
  version: number;
  journey_id: string;
  category: 'transparency' | 'boundaries' | 'contact_rules' | 'routines' | 'other';
  proposed_by: string;
  at: number;
  status: 'proposed' | 'accepted' | 'declined' | 'superseded';
  sealed: string;
  /** The word diff from the version before (JSON), sealed like the text; null for version 1. */
  diff_sealed: string | null;
}

export interface CommitmentsTable {
  id: string;
  journey_id: string;
  agreement_id: string;
  agreement_version: number;
  committed_by: string;
  rhythm: 'daily' | 'weekly' | 'as_it_happens';
  started_at: number;
  ended_at: number | null;
  /** The reliability snapshot (JSON) as of the latest entry or answer: derived from plain statuses. */
  reliability: string;
}

/** Each person's commitments in a journey pooled into one reliability snapshot (JSON). */
export interface ReliabilityPoolsTable {
  journey_id: string;
  user_id: string;
  snapshot: string;
  /** Entries of this person's that wait for the partner's look (the snapshot's pending count). */
  pending: number;
}

/** One logged follow-through; a dispute note is sealed under the answering partner's key. */
export interface CommitmentLogsTable {
  id: string;
  commitment_id: string;
  logged_by: string;
  at: number;
  status: 'pending' | 'confirmed' | 'disputed' | 'resolved';
  answered_by: string | null;
  answered_at: number | null;
  sealed: string | null;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  journeys: JourneysTable;
  journey_members: JourneyMembersTable;
  invites: InvitesTable;
  checkins: CheckinsTable;
  mail_outbox: MailOutboxTable;
  settings: SettingsTable;
  practice_settings: PracticeSettingsTable;
  safety_states: SafetyStatesTable;
  letters: LettersTable;
  letter_answers: LetterAnswersTable;
  timeouts: TimeoutsTable;
  screen_results: ScreenResultsTable;
  screen_dismissals: ScreenDismissalsTable;
  program_events: ProgramEventsTable;
  agreement_versions: AgreementVersionsTable;
  commitments: CommitmentsTable;
  commitment_logs: CommitmentLogsTable;
  reliability_pools: ReliabilityPoolsTable;
}

export type Db = Kysely<DB>;

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one, so a store function can be
 * part of a larger change; otherwise a new one.
 */
export const atomically = <T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/** A unique-key violation, on either database (not a missing value or a broken reference). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
