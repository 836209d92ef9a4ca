import type { Cursor } from '../../../core/checkins/checkin.js';
import { sql } from 'kysely';
import { atomically, type Db } from '../../db/schema.js';

/**
 * Step 5's storage: each partner's entries on the connection prompts, and the appreciation notes.
 * Queries only; the reveal rule and the sealing are the service's.
 */

export interface StoredPromptEntry {
  readonly promptId: string;
  readonly userId: string;
  readonly kind: 'answer' | 'skip';
  readonly sealed: string | null;
  readonly at: number;
}

const entryQuery = (db: Db) =>
  db.selectFrom('prompt_answers').select(['prompt_id', 'user_id', 'kind', 'sealed', 'at']);
type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;
const toEntry = (r: EntryRow): StoredPromptEntry => ({
  promptId: r.prompt_id,
  userId: r.user_id,
  kind: r.kind,
  sealed: r.sealed,
  at: Number(r.at),
});

/** The entries of these people (the caller and their partner) in a journey, on every prompt or one. */
export async function promptEntries(
  db: Db,
  journeyId: string,
  people: readonly string[],
  promptId?: string,
): Promise<StoredPromptEntry[]> {
  // Guard against an empty list: `IN ()` is invalid SQL.
  if (people.length === 0) return [];
  let q = entryQuery(db).where('journey_id', '=', journeyId).where('user_id', 'in', people);
  if (promptId !== undefined) q = q.where('prompt_id', '=', promptId);
  return (await q.execute()).map(toEntry);
}

/**
 * Makes another entry on the same prompt of the journey wait for this transaction, so that the
 * rule's check and the write are one step (PostgreSQL only: SQLite runs one transaction at a time).
 */
export async function lockPrompt(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  journeyId: string,
  promptId: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`prompt:${journeyId}:${promptId}`}))`.execute(
    db,
  );
}

/** Writes the caller's entry on a prompt (an answer, a changed answer or a skip), replacing theirs. */
export async function putPromptEntry(
  db: Db,
  e: {
    journeyId: string;
    promptId: string;
    userId: string;
    kind: 'answer' | 'skip';
    sealed: string | null;
    at: number;
  },
): Promise<void> {
  await atomically(db, async (trx) => {
    await trx
      .insertInto('prompt_answers')
      .values({
        journey_id: e.journeyId,
        prompt_id: e.promptId,
        user_id: e.userId,
        kind: e.kind,
        sealed: e.sealed,
        at: e.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['journey_id', 'prompt_id', 'user_id'])
          .doUpdateSet({ kind: e.kind, sealed: e.sealed, at: e.at }),
      )
      .execute();
  });
}

export interface StoredAppreciation {
  readonly id: string;
  readonly journeyId: string;
  readonly authorId: string;
  readonly sealed: string;
  readonly at: number;
}

const noteQuery = (db: Db) =>
  db.selectFrom('appreciations').select(['id', 'journey_id', 'author_id', 'sealed', 'at']);
type NoteRow = Awaited<ReturnType<ReturnType<typeof noteQuery>['executeTakeFirstOrThrow']>>;
const toNote = (r: NoteRow): StoredAppreciation => ({
  id: r.id,
  journeyId: r.journey_id,
  authorId: r.author_id,
  sealed: r.sealed,
  at: Number(r.at),
});

export async function insertAppreciation(db: Db, n: StoredAppreciation): Promise<void> {
  await db
    .insertInto('appreciations')
    .values({
      id: n.id,
      journey_id: n.journeyId,
      author_id: n.authorId,
      sealed: n.sealed,
      at: n.at,
    })
    .execute();
}

/** The notes these people wrote in a journey, newest first, after the cursor; `limit` of them. */
export async function listAppreciations(
  db: Db,
  q: { journeyId: string; authors: readonly string[]; cursor: Cursor | undefined; limit: number },
): Promise<StoredAppreciation[]> {
  if (q.authors.length === 0) return [];
  let query = noteQuery(db)
    .where('journey_id', '=', q.journeyId)
    .where('author_id', 'in', q.authors);
  if (q.cursor) {
    const { createdAt, id } = q.cursor;
    query = query.where((eb) =>
      eb.or([eb('at', '<', createdAt), eb.and([eb('at', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map(toNote);
}

export async function findAppreciation(
  db: Db,
  journeyId: string,
  id: string,
): Promise<StoredAppreciation | undefined> {
  const row = await noteQuery(db)
    .where('journey_id', '=', journeyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toNote(row) : undefined;
}

/** Deletes the author's own note; false when there was none to delete. */
export async function deleteAppreciation(db: Db, id: string, authorId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('appreciations')
    .where('id', '=', id)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
