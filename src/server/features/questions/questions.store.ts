import type { Cursor } from '../../../core/checkins/checkin.js';
import { closedOpenness, type Openness, type Slot } from '../../../core/questions/questions.js';
import type { Db } from '../../db/schema.js';

/** Step 4's storage: questions, their answers and marks, and when each asker's questions are open. */

export interface StoredQuestion {
  readonly id: string;
  readonly journeyId: string;
  readonly askerId: string;
  readonly askedAt: number;
  readonly follows: string | null;
  readonly sealed: string;
}

export interface StoredAnswer {
  readonly id: string;
  readonly questionId: string;
  readonly authorId: string;
  readonly at: number;
  readonly sealed: string;
  /** The asker's mark, sealed under their key (`markedBy`). */
  readonly markSealed: string | null;
  readonly markedBy: string | null;
}

const questionQuery = (db: Db) =>
  db
    .selectFrom('questions')
    .select(['id', 'journey_id', 'asker_id', 'asked_at', 'follows', 'sealed']);
type QuestionRow = Awaited<ReturnType<ReturnType<typeof questionQuery>['executeTakeFirstOrThrow']>>;
const toQuestion = (r: QuestionRow): StoredQuestion => ({
  id: r.id,
  journeyId: r.journey_id,
  askerId: r.asker_id,
  askedAt: Number(r.asked_at),
  follows: r.follows,
  sealed: r.sealed,
});

/** One question of a journey; any other journey's does not exist here. */
export async function findQuestion(
  db: Db,
  journeyId: string,
  id: string,
): Promise<StoredQuestion | undefined> {
  const row = await questionQuery(db)
    .where('id', '=', id)
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return row ? toQuestion(row) : undefined;
}

/** Questions of a journey by id (for the earlier questions a page comes back to). */
export async function questionsByIds(
  db: Db,
  journeyId: string,
  ids: readonly string[],
): Promise<StoredQuestion[]> {
  // Guard against an empty id list: `IN ()` is invalid SQL.
  if (ids.length === 0) return [];
  const rows = await questionQuery(db)
    .where('journey_id', '=', journeyId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toQuestion);
}

/** One page of a journey's questions, newest first, by keyset on (asked_at, id). */
export async function listQuestions(
  db: Db,
  q: { journeyId: string; cursor: Cursor | undefined; limit: number },
): Promise<StoredQuestion[]> {
  let query = questionQuery(db).where('journey_id', '=', q.journeyId);
  if (q.cursor) {
    const { createdAt, id } = q.cursor;
    query = query.where((eb) => eb(eb.refTuple('asked_at', 'id'), '<', eb.tuple(createdAt, id)));
  }
  const rows = await query
    .orderBy('asked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map(toQuestion);
}

/** Every answer to these questions, oldest first: one query for a whole page. */
export async function answersFor(db: Db, questionIds: readonly string[]): Promise<StoredAnswer[]> {
  if (questionIds.length === 0) return [];
  const rows = await db
    .selectFrom('question_answers')
    .select(['id', 'question_id', 'author_id', 'at', 'sealed', 'mark_sealed', 'marked_by'])
    .where('question_id', 'in', [...questionIds])
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    questionId: r.question_id,
    authorId: r.author_id,
    at: Number(r.at),
    sealed: r.sealed,
    markSealed: r.mark_sealed,
    markedBy: r.marked_by,
  }));
}

/** One answer of a journey, with the question it answers. */
export async function findAnswer(
  db: Db,
  journeyId: string,
  id: string,
): Promise<{ answerId: string; question: StoredQuestion } | undefined> {
  const row = await db
    .selectFrom('question_answers')
    .innerJoin('questions', 'questions.id', 'question_answers.question_id')
    .select([
      'question_answers.id as answer_id',
      'questions.id',
      'questions.journey_id',
      'questions.asker_id',
      'questions.asked_at',
      'questions.follows',
      'questions.sealed',
    ])
    .where('question_answers.id', '=', id)
    .where('question_answers.journey_id', '=', journeyId)
    .executeTakeFirst();
  return row ? { answerId: row.answer_id, question: toQuestion(row) } : undefined;
}

export async function insertQuestion(db: Db, q: StoredQuestion): Promise<void> {
  await db
    .insertInto('questions')
    .values({
      id: q.id,
      journey_id: q.journeyId,
      asker_id: q.askerId,
      asked_at: q.askedAt,
      follows: q.follows,
      sealed: q.sealed,
    })
    .execute();
}

export async function insertAnswer(
  db: Db,
  a: StoredAnswer & { readonly journeyId: string },
): Promise<void> {
  await db
    .insertInto('question_answers')
    .values({
      id: a.id,
      question_id: a.questionId,
      journey_id: a.journeyId,
      author_id: a.authorId,
      at: a.at,
      sealed: a.sealed,
      mark_sealed: null,
      marked_by: null,
      marked_at: null,
    })
    .execute();
}

/** Sets (or, with null, takes back) the asker's sealed mark on an answer. */
export async function setMark(
  db: Db,
  answerId: string,
  mark: { readonly sealed: string; readonly by: string } | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('question_answers')
    .set({
      mark_sealed: mark?.sealed ?? null,
      marked_by: mark?.by ?? null,
      marked_at: mark ? now : null,
    })
    .where('id', '=', answerId)
    .execute();
}

const parseSlots = (json: string): Slot[] => {
  try {
    const slots = JSON.parse(json) as unknown;
    return Array.isArray(slots) ? (slots as Slot[]) : [];
  } catch {
    return [];
  }
};

/** How these askers' questions are open in a journey; closed for anyone who never set it. */
export async function opennessOf(
  db: Db,
  journeyId: string,
  userIds: readonly string[],
): Promise<Map<string, Openness & { readonly set: boolean }>> {
  const found = new Map<string, Openness & { readonly set: boolean }>();
  for (const id of userIds) found.set(id, { ...closedOpenness(), set: false });
  if (userIds.length === 0) return found;
  const rows = await db
    .selectFrom('question_openness')
    .select(['user_id', 'mode', 'open_until', 'time_zone', 'slots', 'paused'])
    .where('journey_id', '=', journeyId)
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const r of rows) {
    found.set(r.user_id, {
      mode: r.mode,
      until: r.open_until === null ? null : Number(r.open_until),
      timeZone: r.time_zone,
      slots: parseSlots(r.slots),
      paused: Number(r.paused) === 1,
      set: true,
    });
  }
  return found;
}

/** Sets one asker's openness (insert or replace). */
export async function saveOpenness(
  db: Db,
  journeyId: string,
  userId: string,
  o: Openness,
  now: number,
): Promise<void> {
  const values = {
    mode: o.mode,
    open_until: o.until,
    time_zone: o.timeZone,
    slots: JSON.stringify(
      o.slots.map((s) => ({ weekday: s.weekday, start: s.start, minutes: s.minutes })),
    ),
    paused: o.paused ? 1 : 0,
    updated_at: now,
  };
  await db
    .insertInto('question_openness')
    .values({ journey_id: journeyId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['journey_id', 'user_id']).doUpdateSet(values))
    .execute();
}
