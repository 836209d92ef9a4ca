import { decodeCursor, encodeCursor } from '../../../core/checkins/checkin.js';
import { DomainError, refuseIf } from '../../../core/errors.js';
import {
  answerMarks,
  mayAsk,
  openUntil,
  refusalToAnswer,
  refusalToAsk,
  refusalToMark,
  refusalToSetOpenness,
  statusOf,
  type AnswerMark,
  type Openness,
} from '../../../core/questions/questions.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type {
  AnswerView,
  OpennessView,
  QuestionPage,
  QuestionsState,
  QuestionView,
  questionsApi,
} from '../../../shared/api/questions.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { Deps } from '../../deps.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import {
  answersFor,
  findAnswer,
  findQuestion,
  insertAnswer,
  insertQuestion,
  listQuestions as listStoredQuestions,
  opennessOf,
  questionsByIds,
  saveOpenness,
  setMark,
  type StoredQuestion,
} from './questions.store.js';
import { findPartnerId } from '../journeys/journeys.store.js';

/**
 * Step 4, questions and answers at the hurt partner's pace: the asker sets when questions are open
 * and may pause; the partner answers in their own time; the asker marks what helps. Every text is
 * sealed under its writer's key; a question of another journey does not exist here.
 */

type Api = typeof questionsApi;

const markOf = (text: string): AnswerMark | null =>
  (answerMarks as readonly string[]).includes(text) ? (text as AnswerMark) : null;

const viewOfOpenness = (o: Openness, now: number): OpennessView => ({
  mode: o.mode,
  until: o.until,
  timeZone: o.timeZone,
  slots: o.slots.map((s) => ({ weekday: s.weekday, start: s.start, minutes: s.minutes })),
  paused: o.paused,
  status: statusOf(o, now),
});

/** Questions with their answers (and the earlier question each comes back to), opened in 3 reads. */
async function viewsOf(
  deps: Deps,
  c: JourneyCaller,
  questions: readonly StoredQuestion[],
): Promise<QuestionView[]> {
  const db = deps.database.db;
  const onPage = new Set(questions.map((q) => q.id));
  const followed = [...new Set(questions.flatMap((q) => (q.follows ? [q.follows] : [])))];
  const earlier = await questionsByIds(
    db,
    c.journeyId,
    followed.filter((id) => !onPage.has(id)),
  );
  const all = [...questions, ...earlier];
  const byId = new Map(all.map((q) => [q.id, q]));
  const answers = await answersFor(
    db,
    all.map((q) => q.id),
  );
  const who = await c.keys.people([
    ...new Set([
      ...all.map((q) => q.askerId),
      ...answers.flatMap((a) => (a.markedBy ? [a.authorId, a.markedBy] : [a.authorId])),
    ]),
  ]);
  const answersOf = new Map<string, AnswerView[]>();
  for (const a of answers) {
    const list = answersOf.get(a.questionId) ?? [];
    list.push({
      id: a.id,
      at: a.at,
      mine: a.authorId === c.userId,
      text: who.open('questionAnswer', a.authorId, a.sealed, a.id),
      mark:
        a.markSealed && a.markedBy
          ? markOf(who.open('questionMark', a.markedBy, a.markSealed, a.id))
          : null,
    });
    answersOf.set(a.questionId, list);
  }
  const texts = new Map<string, string>();
  const textOf = (q: StoredQuestion): string => {
    let text = texts.get(q.id);
    if (text === undefined) {
      text = who.open('questionText', q.askerId, q.sealed, q.id);
      texts.set(q.id, text);
    }
    return text;
  };
  return questions.map((q) => {
    const f = q.follows ? byId.get(q.follows) : undefined;
    return {
      id: q.id,
      askedAt: q.askedAt,
      mine: q.askerId === c.userId,
      askerName: who.name(q.askerId),
      text: textOf(q),
      follows: f
        ? { id: f.id, askedAt: f.askedAt, text: textOf(f), answers: answersOf.get(f.id) ?? [] }
        : null,
      answers: answersOf.get(q.id) ?? [],
    };
  });
}

async function viewOf(deps: Deps, c: JourneyCaller, id: string): Promise<QuestionView> {
  const q = await findQuestion(deps.database.db, c.journeyId, id);
  if (!q) throw new DomainError('question.not_found');
  const [view] = await viewsOf(deps, c, [q]);
  if (!view) throw new DomainError('question.not_found');
  return view;
}

export async function questionsState(deps: Deps, c: JourneyCaller): Promise<QuestionsState> {
  const db = deps.database.db;
  const now = deps.clock();
  const partnerId = await findPartnerId(db, c.journeyId, c.userId, { togetherOnly: true });
  const openness = await opennessOf(db, c.journeyId, [c.userId, ...(partnerId ? [partnerId] : [])]);
  const asks = mayAsk(c.role);
  const mine = openness.get(c.userId);
  const theirs = partnerId ? openness.get(partnerId) : undefined;
  const who = await c.keys.people(partnerId ? [partnerId] : []);
  return {
    hasPartner: partnerId !== undefined,
    partnerName: partnerId ? who.name(partnerId) : '',
    mayAsk: asks,
    mine: asks && mine ? viewOfOpenness(mine, now) : null,
    // Only what the partner chose themselves (they set when their questions open), never their role.
    partner: theirs?.set ? statusOf(theirs, now) : null,
  };
}

export async function setOpenness(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['setOpenness']>, 'body'>,
): Promise<OpennessView> {
  const db = deps.database.db;
  const now = deps.clock();
  const partnerId = await findPartnerId(db, c.journeyId, c.userId, { togetherOnly: true });
  refuseIf(refusalToSetOpenness({ role: c.role, hasPartner: partnerId !== undefined }));
  const openness: Openness = {
    mode: body.mode,
    until: body.mode === 'now' ? openUntil(now, body.forMinutes) : null,
    timeZone: body.timeZone,
    slots: body.slots,
    paused: body.paused,
  };
  await saveOpenness(db, c.journeyId, c.userId, openness, now);
  return viewOfOpenness(openness, now);
}

export async function listQuestions(
  deps: Deps,
  c: JourneyCaller,
  { query }: Pick<Input<Api['list']>, 'query'>,
): Promise<QuestionPage> {
  const { cursor, limit } = query;
  const rows = await listStoredQuestions(deps.database.db, {
    journeyId: c.journeyId,
    cursor: cursor ? decodeCursor(cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await viewsOf(deps, c, page),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.askedAt, id: last.id }) : null,
  };
}

export async function askQuestion(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['ask']>, 'body'>,
): Promise<QuestionView> {
  const db = deps.database.db;
  const now = deps.clock();
  const partnerId = await findPartnerId(db, c.journeyId, c.userId, { togetherOnly: true });
  const openness = (await opennessOf(db, c.journeyId, [c.userId])).get(c.userId);
  if (!openness) throw new DomainError('question.closed');
  refuseIf(refusalToAsk({ role: c.role, hasPartner: partnerId !== undefined }, openness, now));
  if (body.follows) {
    // Coming back to one of my own earlier questions; anything else does not exist here.
    const earlier = await findQuestion(db, c.journeyId, body.follows);
    if (earlier?.askerId !== c.userId) throw new DomainError('question.not_found');
  }
  const id = deps.newId();
  const who = await c.keys.people([c.userId]);
  const sealed = who.seal('questionText', c.userId, body.text, id);
  await db.transaction().execute(async (trx) => {
    await insertQuestion(trx, {
      id,
      journeyId: c.journeyId,
      askerId: c.userId,
      askedAt: now,
      follows: body.follows ?? null,
      sealed,
    });
    await exerciseRecorder(deps)(trx, {
      journeyId: c.journeyId,
      memberId: c.userId,
      work: 'question_asked',
    });
  });
  return viewOf(deps, c, id);
}

export async function answerQuestion(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['answer']>, 'params' | 'body'>,
): Promise<QuestionView> {
  const db = deps.database.db;
  const question = await findQuestion(db, c.journeyId, params.id);
  if (!question) throw new DomainError('question.not_found');
  const partnerId = await findPartnerId(db, c.journeyId, c.userId, { togetherOnly: true });
  const askerOpenness = (await opennessOf(db, c.journeyId, [question.askerId])).get(
    question.askerId,
  );
  if (!askerOpenness) throw new DomainError('question.not_found');
  refuseIf(
    refusalToAnswer(
      { userId: c.userId, hasPartner: partnerId !== undefined },
      question,
      askerOpenness,
    ),
  );
  const id = deps.newId();
  const who = await c.keys.people([c.userId]);
  const sealed = who.seal('questionAnswer', c.userId, body.text, id);
  await db.transaction().execute(async (trx) => {
    await insertAnswer(trx, {
      id,
      questionId: question.id,
      journeyId: c.journeyId,
      authorId: c.userId,
      at: deps.clock(),
      sealed,
      markSealed: null,
      markedBy: null,
    });
    await exerciseRecorder(deps)(trx, {
      journeyId: c.journeyId,
      memberId: c.userId,
      work: 'question_answered',
    });
  });
  return viewOf(deps, c, question.id);
}

export async function markAnswer(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['mark']>, 'params' | 'body'>,
): Promise<QuestionView> {
  const db = deps.database.db;
  const found = await findAnswer(db, c.journeyId, params.id);
  if (!found) throw new DomainError('question.not_found');
  refuseIf(refusalToMark(c.userId, found.question));
  const who = await c.keys.people([c.userId]);
  const mark =
    body.mark === null
      ? null
      : { sealed: who.seal('questionMark', c.userId, body.mark, found.answerId), by: c.userId };
  await setMark(db, found.answerId, mark, deps.clock());
  return viewOf(deps, c, found.question.id);
}
