import type { LetterKind, LetterState } from '../../../core/letters/letter.js';
import type { Db } from '../../db/schema.js';

/** A version of a letter as stored, its body still sealed. */
export interface StoredLetter {
  readonly id: string;
  readonly journeyId: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly kind: LetterKind;
  readonly version: number;
  readonly respondsTo: string | null;
  readonly state: LetterState;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly sharedAt: number | null;
  readonly sealed: string;
}

/** An answer as stored, its value and note still sealed. */
export interface StoredAnswer {
  readonly id: string;
  readonly reflectionId: string;
  readonly authorId: string;
  readonly createdAt: number;
  readonly sealed: string;
}

const letterColumns = [
  'id',
  'journey_id',
  'thread_id',
  'author_id',
  'kind',
  'version',
  'responds_to',
  'state',
  'created_at',
  'updated_at',
  'shared_at',
  'sealed',
] as const;

const baseQuery = (db: Db) => db.selectFrom('letters').select(letterColumns);
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toStoredLetter = (r: Row): StoredLetter => ({
  id: r.id,
  journeyId: r.journey_id,
  threadId: r.thread_id,
  authorId: r.author_id,
  kind: r.kind,
  version: Number(r.version),
  respondsTo: r.responds_to,
  state: r.state,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sharedAt: r.shared_at,
  sealed: r.sealed,
});

export async function findLetter(db: Db, id: string): Promise<StoredLetter | undefined> {
  const row = await baseQuery(db).where('id', '=', id).executeTakeFirst();
  return row ? toStoredLetter(row) : undefined;
}

/**
 * The versions a member may see in their journey: everything they wrote (drafts, kept versions,
 * unsent letters) and what their partner shared, never their partner's drafts. One thread, or all.
 */
export async function listVisibleLetters(
  db: Db,
  q: { journeyId: string; viewerId: string; threadId?: string | undefined },
): Promise<StoredLetter[]> {
  let query = baseQuery(db)
    .where('journey_id', '=', q.journeyId)
    .where((eb) => eb.or([eb('author_id', '=', q.viewerId), eb('state', '=', 'shared')]));
  if (q.threadId) query = query.where('thread_id', '=', q.threadId);
  const rows = await query.orderBy('thread_id').orderBy('version').execute();
  return rows.map(toStoredLetter);
}

/** The answers to the given reflections (only shared reflections are ever answered). */
export async function listAnswers(
  db: Db,
  reflectionIds: readonly string[],
): Promise<StoredAnswer[]> {
  // Guard against an empty id list: `IN ()` is invalid SQL.
  if (reflectionIds.length === 0) return [];
  const rows = await db
    .selectFrom('letter_answers')
    .select(['id', 'reflection_id', 'author_id', 'created_at', 'sealed'])
    .where('reflection_id', 'in', reflectionIds)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reflectionId: r.reflection_id,
    authorId: r.author_id,
    createdAt: r.created_at,
    sealed: r.sealed,
  }));
}

export interface NewLetter {
  readonly id: string;
  readonly journeyId: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly kind: LetterKind;
  readonly respondsTo: string | null;
  readonly now: number;
  readonly sealed: string;
}

/**
 * Inserts a new draft as the next version of its kind by its author in its thread. For an unsent
 * letter, the draft before it is kept as it was. The unique indexes refuse a second draft, or a
 * version number taken by a save at the same moment.
 */
export async function insertDraft(db: Db, l: NewLetter): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (l.kind === 'unsent') {
      await trx
        .updateTable('letters')
        .set({ state: 'kept' })
        .where('thread_id', '=', l.threadId)
        .where('kind', '=', 'unsent')
        .where('author_id', '=', l.authorId)
        .where('state', '=', 'draft')
        .execute();
    }
    const last = await trx
      .selectFrom('letters')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('thread_id', '=', l.threadId)
      .where('kind', '=', l.kind)
      .where('author_id', '=', l.authorId)
      .executeTakeFirst();
    await trx
      .insertInto('letters')
      .values({
        id: l.id,
        journey_id: l.journeyId,
        thread_id: l.threadId,
        author_id: l.authorId,
        kind: l.kind,
        version: Number(last?.v ?? 0) + 1,
        responds_to: l.respondsTo,
        state: 'draft',
        created_at: l.now,
        updated_at: l.now,
        shared_at: null,
        sealed: l.sealed,
      })
      .execute();
  });
}

/** Rewrites a draft; false when it is no longer a draft (sent or kept meanwhile). */
export async function updateDraft(
  db: Db,
  id: string,
  change: { sealed: string; respondsTo?: string | undefined; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('letters')
    .set({
      sealed: change.sealed,
      updated_at: change.now,
      ...(change.respondsTo ? { responds_to: change.respondsTo } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sends a draft; from now on it stays as it is. False when it was not a draft any more. */
export async function shareDraft(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('letters')
    .set({ state: 'shared', shared_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a version that was never sent; false when it was sent meanwhile. */
export async function deleteUnsent(db: Db, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('letters')
    .where('id', '=', id)
    .where('state', '!=', 'shared')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The kinds of letter a person has written in a journey (a reflection sits in the partner's thread). */
export async function ownThreadKinds(
  db: Db,
  journeyId: string,
  authorId: string,
): Promise<StoredLetter['kind'][]> {
  const rows = await db
    .selectFrom('letters')
    .select('kind')
    .distinct()
    .where('journey_id', '=', journeyId)
    .where('author_id', '=', authorId)
    .execute();
  return rows.map((r) => r.kind);
}

/** Records an answer; the unique index on reflection_id refuses a second one. */
export async function insertAnswer(
  db: Db,
  a: {
    id: string;
    journeyId: string;
    reflectionId: string;
    authorId: string;
    now: number;
    sealed: string;
  },
): Promise<void> {
  await db
    .insertInto('letter_answers')
    .values({
      id: a.id,
      journey_id: a.journeyId,
      reflection_id: a.reflectionId,
      author_id: a.authorId,
      created_at: a.now,
      sealed: a.sealed,
    })
    .execute();
}
