import type { Kysely } from 'kysely';

/** Row shapes as stored (snake_case). Times are milliseconds since the epoch. */
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: 'member' | 'admin' | 'therapist';
  wrapped_key: string;
  created_at: number;
  /** ISO 3166 code of the country whose crisis lines the person sees first. */
  country: string | null;
  /** When the administrator removed this therapist's access; they cannot sign in since. */
  removed_at: number | null;
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
  kind: 'impact' | 'reflection' | 'unsent' | 'statement' | 'forgiveness';
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

/** A person's TOTP factor; the secret is sealed under their data key. */
export interface TotpFactorsTable {
  user_id: string;
  secret_sealed: string;
  created_at: number;
  /** Null while being set up: the factor guards sign-in only once a code has confirmed it. */
  confirmed_at: number | null;
  /** The last 30-second step a code was accepted for, so no code works twice. */
  last_step: number | null;
}

/** One recovery code, as a hash; a used code stays with its time. */
export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: number;
  used_at: number | null;
}

/** The administrator's invitation for a therapist; the email is sealed under the master key. */
export interface TherapistInvitesTable {
  id: string;
  token_hash: string;
  email: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

/** A therapist's public profile (public, so plain); lists are JSON arrays; yes/no are 0/1. */
export interface TherapistProfilesTable {
  user_id: string;
  slug: string;
  name: string;
  title: string;
  bio: string;
  approaches: string;
  formats: string;
  languages: string;
  betrayal_experience: number;
  online: number;
  in_person: number;
  accepting: number;
  availability: string;
  /** The photo's bytes in base64, and its media type; both null without a photo. */
  photo: string | null;
  photo_type: string | null;
  published: number;
  updated_at: number;
}

/** A group the practice runs (public, so plain): the first meeting is local time in `time_zone`. */
export interface PracticeGroupsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  format: 'online' | 'in_person';
  location: string;
  facilitator_id: string | null;
  capacity: number;
  places_taken: number;
  time_zone: string;
  /** Local date and time of the first meeting, `YYYY-MM-DDTHH:mm`. */
  first_meeting: string;
  duration_minutes: number;
  /** An RFC 5545 recurrence rule without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;COUNT=8`. */
  rrule: string;
  published: number;
  created_at: number;
  updated_at: number;
}

/** Someone asking for help; what they wrote is sealed under the master key. */
export interface IntakeRequestsTable {
  id: string;
  looking_for: 'individual' | 'couple' | 'group';
  therapist_id: string | null;
  status: 'new' | 'contacted' | 'closed';
  sealed: string;
  created_at: number;
  updated_at: number;
}

/** A code a therapist gives a client to link with them; only its hash is kept. */
export interface TherapistLinkCodesTable {
  code_hash: string;
  therapist_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A client's link to a therapist. */
export interface TherapistLinksTable {
  id: string;
  client_id: string;
  therapist_id: string;
  status: 'requested' | 'active' | 'ended';
  /** The client's answer when linking: should a crisis answer alert this therapist (0/1)? */
  alert_crisis: number;
  created_at: number;
  accepted_at: number | null;
  ended_at: number | null;
  ended_by: string | null;
}

/** One category a client lets a linked therapist see; no row means no consent. */
export interface LinkConsentsTable {
  link_id: string;
  category: string;
  granted_at: number;
}

/** An alert for a therapist: a kind and the date of the answer behind it, never its content. */
export interface TherapistAlertsTable {
  id: string;
  link_id: string;
  therapist_id: string;
  client_id: string;
  kind: 'crisis_item9' | 'crisis_safety' | 'deterioration';
  source_id: string | null;
  at: number;
  seen_at: number | null;
}

/** A therapist's suggestion to a client; the note is sealed under the therapist's key. */
export interface SuggestionsTable {
  id: string;
  therapist_id: string;
  client_id: string;
  kind: 'exercise' | 'step' | 'tool';
  ref: string;
  note_sealed: string;
  created_at: number;
  set_aside_at: number | null;
}

/** One event of the append-only audit log; `hash` covers the event and `prev_hash`. */
export interface AuditEventsTable {
  seq: number;
  id: string;
  at: number;
  actor_id: string;
  actor_role: string;
  action: string;
  subject_id: string | null;
  category: string | null;
  /** JSON array of the ids read (never content). */
  items: string;
  request_id: string;
  prev_hash: string;
  hash: string;
}

/** Step 6, closeness: a journey's current round. */
export interface ClosenessRoundsTable {
  journey_id: string;
  round: number;
}

/** One person's latest marks of the kinds of closeness (sealed under their key) and their round. */
export interface ClosenessMarksTable {
  journey_id: string;
  user_id: string;
  round: number;
  sealed: string;
}

/** A question one partner asked the other (step 4); its text sealed under the asker's key. */
export interface QuestionsTable {
  id: string;
  journey_id: string;
  asker_id: string;
  asked_at: number;
  /** The earlier question of the same asker this one comes back to. */
  follows: string | null;
  sealed: string;
}

/** An answer to a question, sealed under its author's key, with the asker's mark on it. */
export interface QuestionAnswersTable {
  id: string;
  question_id: string;
  journey_id: string;
  author_id: string;
  at: number;
  sealed: string;
  /** The asker's mark ("helps" / "need_more"), sealed under `marked_by`'s key; null when unmarked. */
  mark_sealed: string | null;
  marked_by: string | null;
  marked_at: number | null;
}

/** When one asker's questions are open; slots as JSON `[{weekday, start, minutes}]`. */
export interface QuestionOpennessTable {
  journey_id: string;
  user_id: string;
  mode: 'closed' | 'now' | 'slots';
  open_until: number | null;
  time_zone: string;
  slots: string;
  /** 0/1 */
  paused: number;
  updated_at: number;
}

/**
 * An activity on a couple's shared list (step 5). Its words are sealed under the key of the
 * partner who added it; the plan is not free text and stays in the clear.
 */
export interface ActivitiesTable {
  id: string;
  journey_id: string;
  added_by: string;
  added_at: number;
  title_sealed: string;
  details_sealed: string | null;
  /** `YYYY-MM-DD`, or null for an idea without a plan. */
  plan_date: string | null;
  /** `HH:mm` in `plan_zone`, or null for a plan for the day. */
  plan_time: string | null;
  plan_zone: string | null;
  plan_minutes: number | null;
  set_aside_at: number | null;
  updated_at: number;
}

/** One partner's "we did this", with their note sealed under their own key. */
export interface ActivityDoneTable {
  activity_id: string;
  member_id: string;
  at: number;
  note_sealed: string | null;
}

/** A partner's entry on a connection prompt: an answer (sealed under their key) or a skip. */
export interface PromptAnswersTable {
  journey_id: string;
  prompt_id: string;
  user_id: string;
  kind: 'answer' | 'skip';
  sealed: string | null;
  at: number;
}

/** An appreciation note, sealed under its author's key. */
export interface AppreciationsTable {
  id: string;
  journey_id: string;
  author_id: string;
  sealed: string;
  at: number;
}

/** A couple's check-in meeting schedule (one per journey). */
export interface MeetingSchedulesTable {
  journey_id: string;
  weekday: number;
  local_time: string;
  time_zone: string;
  duration_minutes: number;
  frequency: 'weekly' | 'fortnightly';
  first_date: string;
  updated_by: string;
  updated_at: number;
}

/** A check-in meeting someone prepared for or wrote about, by its local date. */
export interface MeetingsTable {
  id: string;
  journey_id: string;
  date: string;
  starts_at: number;
  ends_at: number;
  created_at: number;
}

/** One preparation item; the text is sealed under the author's key; `bring` is 0 or 1. */
export interface MeetingItemsTable {
  id: string;
  meeting_id: string;
  author_id: string;
  part: 'appreciation' | 'went_well' | 'worry' | 'request';
  bring: number;
  created_at: number;
  updated_at: number;
  sealed: string;
}

/** A person's note on how a meeting went, sealed under their key; `shared` is 0 or 1. */
export interface MeetingNotesTable {
  id: string;
  meeting_id: string;
  author_id: string;
  shared: number;
  updated_at: number;
  sealed: string;
}

/** A person's private calendar feed: the SHA-256 of its secret token. */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: number;
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
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  therapist_invites: TherapistInvitesTable;
  therapist_profiles: TherapistProfilesTable;
  practice_groups: PracticeGroupsTable;
  intake_requests: IntakeRequestsTable;
  therapist_link_codes: TherapistLinkCodesTable;
  therapist_links: TherapistLinksTable;
  link_consents: LinkConsentsTable;
  therapist_alerts: TherapistAlertsTable;
  suggestions: SuggestionsTable;
  audit_events: AuditEventsTable;
  activities: ActivitiesTable;
  activity_done: ActivityDoneTable;
  closeness_rounds: ClosenessRoundsTable;
  closeness_marks: ClosenessMarksTable;
  prompt_answers: PromptAnswersTable;
  appreciations: AppreciationsTable;
  questions: QuestionsTable;
  question_answers: QuestionAnswersTable;
  question_openness: QuestionOpennessTable;
  meeting_schedules: MeetingSchedulesTable;
  meetings: MeetingsTable;
  meeting_items: MeetingItemsTable;
  meeting_notes: MeetingNotesTable;
  calendar_feeds: CalendarFeedsTable;
  forgiveness_entries: ForgivenessEntriesTable;
  forgiveness_reflections: ForgivenessReflectionsTable;
  forgiveness_sharing: ForgivenessSharingTable;
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

/** One answer to the forgiveness reflection: the answers and the private note are in `sealed`. */
export interface ForgivenessEntriesTable {
  id: string;
  journey_id: string;
  user_id: string;
  version: number;
  created_at: number;
  sealed: string;
}

/** A private forgiveness reflection: its prompt and text are in `sealed`, for the author alone. */
export interface ForgivenessReflectionsTable {
  id: string;
  journey_id: string;
  author_id: string;
  created_at: number;
  sealed: string;
}

/** Whether a person shares their forgiveness chart with their partner (0/1); no row is "no". */
export interface ForgivenessSharingTable {
  journey_id: string;
  user_id: string;
  shared: number;
  updated_at: number;
}
