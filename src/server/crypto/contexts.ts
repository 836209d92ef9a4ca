import type { DB } from '../db/schema.js';
import type { SealContext } from './sealing.js';

/**
 * Every sealed column, once. A sealed value opens only under the context it was sealed with, so
 * a context written twice that ever drifted would lock that content away for good: every feature
 * takes its context from here. A test (contexts.test.ts) checks the registry against the database:
 * every column holding sealed values is here exactly once, and what each feature writes opens.
 */
type Column<T extends keyof DB> = keyof DB[T] & string;

export interface SealedField<T extends keyof DB = keyof DB> {
  readonly table: T;
  readonly column: Column<T>;
  /** The field named in the associated data (kept as first written; it need not match the column). */
  readonly field: string;
  /** The columns whose values, joined by ':', make the id in the associated data. */
  readonly idColumns: readonly Column<T>[];
  /**
   * Whose key seals it: the server's master key (facts both partners or the server read), the
   * master key wrapping a person's data key (`wrap`) or proving it is the right key at start
   * (`keyCheck`), or the data key of the person named in a column (what one person wrote).
   */
  readonly key: 'server' | 'wrap' | 'keyCheck' | { readonly person: Column<T> };
}

const field = <T extends keyof DB>(
  table: T,
  column: Column<T>,
  name: string,
  idColumns: readonly Column<T>[],
  key: SealedField<T>['key'],
): SealedField<T> => ({ table, column, field: name, idColumns, key });

/** Under the master key: facts both partners, an invitation or the server itself must read. */
const server = <T extends keyof DB>(t: T, c: Column<T>, name: string, ids: readonly Column<T>[]) =>
  field(t, c, name, ids, 'server');

/** Under the data key of the person named in `person`: what they wrote. */
const personal = <T extends keyof DB>(
  t: T,
  c: Column<T>,
  name: string,
  ids: readonly Column<T>[],
  person: Column<T>,
) => field(t, c, name, ids, { person });

export const sealedFields = {
  /** Sealed by the sealer itself (crypto/sealing.ts `wrap`/`unwrap`); listed so the test sees it. */
  wrappedKey: field('users', 'wrapped_key', 'wrapped_key', ['id'], 'wrap'),
  /** The row that proves at start that the master key is the one the data was sealed with. */
  masterKeyCheck: field('settings', 'value', 'value', ['key'], 'keyCheck'),
  displayName: server('users', 'display_name', 'display_name', ['id']),
  country: server('users', 'country', 'country', ['id']),
  memberRole: server('journey_members', 'role', 'role', ['journey_id', 'user_id']),
  sessionIdle: server('sessions', 'idle_sealed', 'idle_ms', ['user_id']),
  journeyKinds: server('journeys', 'kinds', 'kinds', ['id']),
  cameToLight: server('journeys', 'came_to_light', 'came_to_light', ['id']),
  inviteEmail: server('invites', 'email', 'email', ['id']),
  outboxBody: server('mail_outbox', 'body', 'body', ['id']),
  outboxRecipient: server('mail_outbox', 'recipient', 'recipient', ['id']),
  therapistInviteEmail: server('therapist_invites', 'email', 'email', ['id']),
  checkin: personal('checkins', 'sealed', 'content', ['id'], 'author_id'),
  safetyState: personal('safety_states', 'sealed', 'state', ['user_id'], 'user_id'),
  letter: personal('letters', 'sealed', 'text', ['id'], 'author_id'),
  letterAnswer: personal('letter_answers', 'sealed', 'content', ['id'], 'author_id'),
  screenResult: personal('screen_results', 'sealed', 'result', ['id'], 'user_id'),
  agreementText: personal(
    'agreement_versions',
    'sealed',
    'text',
    ['agreement_id', 'version'],
    'proposed_by',
  ),
  agreementDiff: personal(
    'agreement_versions',
    'diff_sealed',
    'diff',
    ['agreement_id', 'version'],
    'proposed_by',
  ),
  commitmentLogNote: personal('commitment_logs', 'sealed', 'note', ['id'], 'answered_by'),
  /** Everything a person asking the practice for help wrote (intake). */
  intakeRequest: server('intake_requests', 'sealed', 'request', ['id']),
  totpSecret: personal('totp_factors', 'secret_sealed', 'secret', ['user_id'], 'user_id'),
  /** A therapist's note with a suggestion, under the therapist's key (caseload). */
  suggestionNote: personal('suggestions', 'note_sealed', 'note', ['id'], 'therapist_id'),
  /** A shared activity's words, under the key of the partner who added it (step 5). */
  activityTitle: personal('activities', 'title_sealed', 'title', ['id'], 'added_by'),
  activityDetails: personal('activities', 'details_sealed', 'details', ['id'], 'added_by'),
  /** A partner's note on an activity done, under their own key; both partners read it. */
  activityDoneNote: personal(
    'activity_done',
    'note_sealed',
    'note',
    ['activity_id', 'member_id'],
    'member_id',
  ),
  /** A person's marks of the kinds of closeness, bound to their round (step 6). */
  closenessMarks: personal(
    'closeness_marks',
    'sealed',
    'marks',
    ['journey_id', 'user_id', 'round'],
    'user_id',
  ),
  /** A partner's answer to a connection prompt (step 5), under their key. */
  promptAnswer: personal(
    'prompt_answers',
    'sealed',
    'answer',
    ['journey_id', 'prompt_id', 'user_id'],
    'user_id',
  ),
  /** An appreciation note (step 5), under its author's key. */
  appreciation: personal('appreciations', 'sealed', 'text', ['id'], 'author_id'),
  /** A question, under the asker's key; an answer, under the answerer's (step 4). */
  questionText: personal('questions', 'sealed', 'text', ['id'], 'asker_id'),
  questionAnswer: personal('question_answers', 'sealed', 'text', ['id'], 'author_id'),
  questionMark: personal('question_answers', 'mark_sealed', 'mark', ['id'], 'marked_by'),
  /** A check-in meeting's preparation item and note on how it went, under the author's key. */
  meetingItem: personal('meeting_items', 'sealed', 'text', ['id'], 'author_id'),
  meetingNote: personal('meeting_notes', 'sealed', 'note', ['id'], 'author_id'),
  /** Step 7: a person's answers to the forgiveness reflection with their note, and their reflections. */
  forgivenessEntry: personal('forgiveness_entries', 'sealed', 'entry', ['id'], 'user_id'),
  forgivenessReflection: personal('forgiveness_reflections', 'sealed', 'text', ['id'], 'author_id'),
} as const;

export type SealedFieldName = keyof typeof sealedFields;

/**
 * The context of one sealed value. `id` is the row's id, or its id columns' values joined by ':'
 * (`sealContext('agreementText', agreementId, version)`).
 */
export function sealContext(
  name: SealedFieldName,
  ...id: readonly (string | number)[]
): SealContext {
  const f = sealedFields[name];
  return { table: f.table, id: id.join(':'), field: f.field };
}
