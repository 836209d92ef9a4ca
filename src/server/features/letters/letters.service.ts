import { DomainError, refuseIf } from '../../../core/errors.js';
import {
  refusalToAnswer,
  refusalToDelete,
  refusalToEdit,
  refusalToReflect,
  refusalToRevise,
  refusalToShare,
  refusalToStart,
  statementComplete,
  threadKinds,
} from '../../../core/letters/letter.js';
import type { Input, Output } from '../../../shared/api/endpoint.js';
import type { LetterList, LetterThread, lettersApi } from '../../../shared/api/letters.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { Deps } from '../../deps.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import {
  bodyOf,
  letterCaller,
  openThreads,
  partsOf,
  ruleFacts,
  threadView,
  viewOf,
  visibleLetter,
  type AnswerContent,
} from './letters.read.js';
import {
  deleteUnsent,
  insertAnswer,
  insertDraft,
  listAnswers,
  ownThreadKinds,
  shareDraft,
  updateDraft,
} from './letters.store.js';

/**
 * Impact letters, reflections on them, unsent letters and accountability statements, and the
 * answers to them: the rules are in src/core/letters/letter.ts; each version is sealed under its
 * writer's key.
 */

type Api = typeof lettersApi;

/** When a thread last moved for the caller: a version sent, my own edit, or an answer. */
const activity = (t: LetterThread): number =>
  Math.max(
    ...t.versions.map((v) => Math.max(v.sharedAt ?? 0, v.mine ? v.updatedAt : 0)),
    ...t.versions.map((v) => v.answer?.createdAt ?? 0),
  );

export async function listLetters(deps: Deps, jc: JourneyCaller): Promise<LetterList> {
  const c = await letterCaller(deps, jc);
  const opened = await openThreads(deps, c);
  const threads = [...opened.threads.values()]
    .map((thread) => viewOf(c, opened, thread))
    .filter((t): t is LetterThread => t !== null)
    .sort((a, b) => activity(b) - activity(a) || a.id.localeCompare(b.id));
  const own = [...opened.threads.values()]
    .flat()
    .filter((row) => row.authorId === c.userId)
    .map((row) => row.kind);
  return {
    threads,
    // A forgiveness letter is open to anyone at any time (step 7 offers it), so it is not listed
    // among the letters the loop invites next.
    canStart: threadKinds.filter(
      (k) => k !== 'forgiveness' && refusalToStart(c.writer, k, own) === undefined,
    ),
  };
}

export async function startLetter(
  deps: Deps,
  jc: JourneyCaller,
  { body }: Pick<Input<Api['start']>, 'body'>,
): Promise<LetterThread> {
  const db = deps.database.db;
  const c = await letterCaller(deps, jc);
  const { kind, threadId, respondsTo } = body;
  const text = bodyOf(kind, body);
  const me = c.userId;
  let thread: string;
  if (kind === 'reflection' && respondsTo) {
    const letter = await visibleLetter(deps, c, respondsTo);
    const facts = await ruleFacts(deps, c, letter.threadId);
    refuseIf(refusalToReflect(c.writer, facts.thread, facts.answers, letter.id));
    thread = letter.threadId;
  } else if (threadId) {
    const facts = await ruleFacts(deps, c, threadId);
    if (facts.thread.length === 0) throw new DomainError('letter.not_found');
    if (facts.thread.some((row) => row.kind !== 'reflection' && row.kind !== kind)) {
      throw new DomainError('letter.path');
    }
    refuseIf(refusalToRevise(c.writer, facts.thread));
    thread = threadId;
  } else {
    refuseIf(refusalToStart(c.writer, kind, await ownThreadKinds(db, c.journeyId, me)));
    thread = '';
  }
  const id = deps.newId();
  const sealed = (await c.keys.people([me])).seal('letter', me, text, id);
  try {
    await insertDraft(db, {
      id,
      journeyId: c.journeyId,
      threadId: thread || id,
      authorId: me,
      kind,
      respondsTo: kind === 'reflection' ? (respondsTo ?? null) : null,
      now: deps.clock(),
      sealed,
    });
  } catch (e) {
    // A unique index refused it: another save made a draft here at the same moment…
    if (thread && (await ruleFacts(deps, c, thread)).thread.some((x) => x.state === 'draft')) {
      throw new DomainError('letter.draft_exists');
    }
    // …or began this person's one statement.
    if (
      !thread &&
      kind === 'statement' &&
      (await ownThreadKinds(db, c.journeyId, me)).includes('statement')
    ) {
      throw new DomainError('letter.statement_exists');
    }
    throw e;
  }
  return threadView(deps, c, thread || id);
}

export async function rewriteDraft(
  deps: Deps,
  jc: JourneyCaller,
  { params, body }: Pick<Input<Api['rewrite']>, 'params' | 'body'>,
): Promise<LetterThread> {
  const c = await letterCaller(deps, jc);
  const row = await visibleLetter(deps, c, params.id);
  refuseIf(refusalToEdit(c.userId, row));
  const { respondsTo } = body;
  const text = bodyOf(row.kind, body);
  if (respondsTo !== undefined && respondsTo !== row.respondsTo) {
    const facts = await ruleFacts(deps, c, row.threadId);
    const letter = facts.thread.find((x) => x.id === respondsTo);
    if (
      row.kind !== 'reflection' ||
      !letter ||
      letter.kind !== 'impact' ||
      letter.state !== 'shared' ||
      letter.authorId === c.userId
    ) {
      throw new DomainError('letter.reflect_on_partner');
    }
  }
  const sealed = (await c.keys.people([row.authorId])).seal('letter', row.authorId, text, row.id);
  if (!(await updateDraft(deps.database.db, row.id, { sealed, respondsTo, now: deps.clock() }))) {
    throw new DomainError('letter.locked');
  }
  return threadView(deps, c, row.threadId);
}

export async function shareLetter(
  deps: Deps,
  jc: JourneyCaller,
  { params }: Pick<Input<Api['share']>, 'params'>,
): Promise<LetterThread> {
  const c = await letterCaller(deps, jc);
  const row = await visibleLetter(deps, c, params.id);
  const facts = await ruleFacts(deps, c, row.threadId);
  refuseIf(refusalToShare(c.writer, row, facts.thread, facts.answers));
  if (row.kind === 'statement') {
    const who = await c.keys.people([row.authorId]);
    const body = who.open('letter', row.authorId, row.sealed, row.id);
    if (!statementComplete(partsOf(body))) throw new DomainError('letter.parts');
  }
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await shareDraft(trx, row.id, deps.clock()))) throw new DomainError('letter.locked');
    if (row.kind === 'statement') {
      await exerciseRecorder(deps)(trx, {
        journeyId: c.journeyId,
        memberId: c.userId,
        work: 'statement_shared',
      });
    }
  });
  return threadView(deps, c, row.threadId);
}

export async function removeUnsent(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['remove']>, 'params'>,
): Promise<Output<Api['remove']>> {
  const row = await visibleLetter(deps, c, params.id);
  refuseIf(refusalToDelete(c.userId, row));
  if (!(await deleteUnsent(deps.database.db, row.id))) throw new DomainError('letter.locked');
  return undefined;
}

export async function answerLetter(
  deps: Deps,
  jc: JourneyCaller,
  { params, body }: Pick<Input<Api['answer']>, 'params' | 'body'>,
): Promise<LetterThread> {
  const db = deps.database.db;
  const c = await letterCaller(deps, jc);
  const me = c.userId;
  const row = await visibleLetter(deps, c, params.id);
  const facts = await ruleFacts(deps, c, row.threadId);
  refuseIf(refusalToAnswer(me, row, facts.thread, facts.answers, body.answer));
  const id = deps.newId();
  const content: AnswerContent = { value: body.answer, note: body.note ?? '' };
  const sealed = (await c.keys.people([me])).seal('letterAnswer', me, JSON.stringify(content), id);
  try {
    await db.transaction().execute(async (trx) => {
      await insertAnswer(trx, {
        id,
        journeyId: c.journeyId,
        reflectionId: row.id,
        authorId: me,
        now: deps.clock(),
        sealed,
      });
      if (row.kind === 'statement') {
        await exerciseRecorder(deps)(trx, {
          journeyId: c.journeyId,
          memberId: me,
          work: 'statement_answered',
        });
      }
    });
  } catch (e) {
    // The unique index refused it: another answer to this version landed first.
    if ((await listAnswers(db, [row.id])).length > 0) throw new DomainError('letter.answered');
    throw e;
  }
  return threadView(deps, c, row.threadId);
}
