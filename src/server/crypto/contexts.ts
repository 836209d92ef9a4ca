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

const field = <T extends keyof DB>(f: SealedField<T>): SealedField<T> => f;

export const sealedFields = {
  /** Sealed by the sealer itself (crypto/sealing.ts `wrap`/`unwrap`); listed so the test sees it. */
  wrappedKey: field({
    table: 'users',
    column: 'wrapped_key',
    field: 'wrapped_key',
    idColumns: ['id'],
    key: 'wrap',
  }),
  /** The settings row that proves at start that the master key is the one the data was sealed with. */
  masterKeyCheck: field({
    table: 'settings',
    column: 'value',
    field: 'value',
    idColumns: ['key'],
    key: 'keyCheck',
  }),
  displayName: field({
    table: 'users',
    column: 'display_name',
    field: 'display_name',
    idColumns: ['id'],
    key: 'server',
  }),
  country: field({
    table: 'users',
    column: 'country',
    field: 'country',
    idColumns: ['id'],
    key: 'server',
  }),
  memberRole: field({
    table: 'journey_members',
    column: 'role',
    field: 'role',
    idColumns: ['journey_id', 'user_id'],
    key: 'server',
  }),
  sessionIdle: field({
    table: 'sessions',
    column: 'idle_sealed',
    field: 'idle_ms',
    idColumns: ['user_id'],
    key: 'server',
  }),
  journeyKinds: field({
    table: 'journeys',
    column: 'kinds',
    field: 'kinds',
    idColumns: ['id'],
    key: 'server',
  }),
  cameToLight: field({
    table: 'journeys',
    column: 'came_to_light',
    field: 'came_to_light',
    idColumns: ['id'],
    key: 'server',
  }),
  inviteEmail: field({
    table: 'invites',
    column: 'email',
    field: 'email',
    idColumns: ['id'],
    key: 'server',
  }),
  outboxBody: field({
    table: 'mail_outbox',
    column: 'body',
    field: 'body',
    idColumns: ['id'],
    key: 'server',
  }),
  outboxRecipient: field({
    table: 'mail_outbox',
    column: 'recipient',
    field: 'recipient',
    idColumns: ['id'],
    key: 'server',
  }),
  checkin: field({
    table: 'checkins',
    column: 'sealed',
    field: 'content',
    idColumns: ['id'],
    key: { person: 'author_id' },
  }),
  safetyState: field({
    table: 'safety_states',
    column: 'sealed',
    field: 'state',
    idColumns: ['user_id'],
    key: { person: 'user_id' },
  }),
  letter: field({
    table: 'letters',
    column: 'sealed',
    field: 'text',
    idColumns: ['id'],
    key: { person: 'author_id' },
  }),
  letterAnswer: field({
    table: 'letter_answers',
    column: 'sealed',
    field: 'content',
    idColumns: ['id'],
    key: { person: 'author_id' },
  }),
  screenResult: field({
    table: 'screen_results',
    column: 'sealed',
    field: 'result',
    idColumns: ['id'],
    key: { person: 'user_id' },
  }),
  agreementText: field({
    table: 'agreement_versions',
    column: 'sealed',
    field: 'text',
    idColumns: ['agreement_id', 'version'],
    key: { person: 'proposed_by' },
  }),
  agreementDiff: field({
    table: 'agreement_versions',
    column: 'diff_sealed',
    field: 'diff',
    idColumns: ['agreement_id', 'version'],
    key: { person: 'proposed_by' },
  }),
  commitmentLogNote: field({
    table: 'commitment_logs',
    column: 'sealed',
    field: 'note',
    idColumns: ['id'],
    key: { person: 'answered_by' },
  }),
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
