import { decodeCursor, encodeCursor } from '../../../core/checkins/checkin.js';
import { DomainError, refuseIf } from '../../../core/errors.js';
import { mayTakeBack } from '../../../core/reconnection/appreciation.js';
import type { Prompt } from '../../../core/reconnection/decks.js';
import {
  refusalToAnswer,
  refusalToSkip,
  sightOf,
  type PromptEntry,
  type PromptFacts,
} from '../../../core/reconnection/prompts.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type {
  AppreciationPage,
  AppreciationView,
  appreciationsApi,
  PromptDecksView,
  PromptView,
  promptsApi,
} from '../../../shared/api/reconnection.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Deps } from '../../deps.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import {
  deleteAppreciation,
  findAppreciation,
  insertAppreciation,
  listAppreciations as listStoredAppreciations,
  lockPrompt,
  promptEntries,
  putPromptEntry,
  type StoredAppreciation,
  type StoredPromptEntry,
} from './reconnection.store.js';
import { findPartnerId } from '../journeys/journeys.store.js';

/**
 * Step 5, reconnecting. Connection prompts: each partner answers privately, and every read goes
 * through the reveal rule (core/reconnection/prompts.ts), which lets a partner's answer out only
 * when both have answered; only what it lets out is opened. Appreciation notes: sent at once,
 * read newest first by both, taken back only by their author.
 */

type PromptsApi = typeof promptsApi;
type AppreciationsApi = typeof appreciationsApi;

/** The sealed entry as the rule sees it: the words stay sealed until the rule lets them out. */
const asEntry = (e: StoredPromptEntry | undefined): PromptEntry<StoredPromptEntry> | undefined =>
  e === undefined
    ? undefined
    : e.kind === 'answer'
      ? { kind: 'answer', text: e, at: e.at }
      : { kind: 'skip', at: e.at };

function promptView(
  c: JourneyCaller,
  who: People,
  prompt: Prompt,
  facts: PromptFacts<StoredPromptEntry>,
): PromptView {
  const sight = sightOf(facts);
  const open = (e: StoredPromptEntry | null): string | null =>
    e?.sealed == null
      ? null
      : who.open('promptAnswer', e.userId, e.sealed, c.journeyId, prompt.id, e.userId);
  return {
    id: prompt.id,
    text: prompt.text,
    status: sight.status,
    myAnswer: open(sight.mine),
    partnerAnswer: open(sight.partner),
    revealedAt: sight.revealedAt,
    canAnswer: sight.canAnswer,
    canSkip: sight.canSkip,
  };
}

const factsFor = (
  entries: readonly StoredPromptEntry[],
  promptId: string,
  me: string,
  partner: string | undefined,
): PromptFacts<StoredPromptEntry> => ({
  mine: asEntry(entries.find((e) => e.promptId === promptId && e.userId === me)),
  partner:
    partner === undefined
      ? undefined
      : asEntry(entries.find((e) => e.promptId === promptId && e.userId === partner)),
});

const people = (me: string, partner: string | undefined) =>
  partner === undefined ? [me] : [me, partner];

export async function listPrompts(deps: Deps, c: JourneyCaller): Promise<PromptDecksView> {
  const db = deps.database.db;
  const partner = await findPartnerId(db, c.journeyId, c.userId);
  const [entries, who] = await Promise.all([
    promptEntries(db, c.journeyId, people(c.userId, partner)),
    c.keys.people(people(c.userId, partner)),
  ]);
  return {
    partnerName: partner === undefined ? null : who.name(partner),
    decks: deps.content.prompts.decks.map((deck) => ({
      id: deck.id,
      title: deck.title,
      summary: deck.summary,
      html: deck.html,
      prompts: deck.prompts.map((p) =>
        promptView(c, who, p, factsFor(entries, p.id, c.userId, partner)),
      ),
    })),
  };
}

/** The prompt and the partner an answer or a skip needs, or the refusal. */
async function promptToWork(deps: Deps, c: JourneyCaller, promptId: string) {
  const prompt = deps.content.prompts.prompts.get(promptId);
  if (!prompt) throw new DomainError('prompt.not_found');
  const partner = await findPartnerId(deps.database.db, c.journeyId, c.userId);
  if (partner === undefined) throw new DomainError('reconnection.no_partner');
  return { prompt, partner };
}

/** Writes the caller's entry after the rule allowed it, in one transaction with the work mark. */
async function writeEntry(
  deps: Deps,
  c: JourneyCaller,
  promptId: string,
  entry: { kind: 'answer'; text: string } | { kind: 'skip' },
): Promise<PromptView> {
  const { prompt, partner } = await promptToWork(deps, c, promptId);
  const who = await c.keys.people([c.userId, partner]);
  const sealed =
    entry.kind === 'answer'
      ? who.seal('promptAnswer', c.userId, entry.text, c.journeyId, prompt.id, c.userId)
      : null;
  await deps.database.db.transaction().execute(async (trx) => {
    await lockPrompt(trx, deps.database.dialect, c.journeyId, prompt.id);
    const entries = await promptEntries(trx, c.journeyId, [c.userId, partner], prompt.id);
    const facts = factsFor(entries, prompt.id, c.userId, partner);
    refuseIf(entry.kind === 'answer' ? refusalToAnswer(facts) : refusalToSkip(facts));
    await putPromptEntry(trx, {
      journeyId: c.journeyId,
      promptId: prompt.id,
      userId: c.userId,
      kind: entry.kind,
      sealed,
      at: deps.clock(),
    });
    if (entry.kind === 'answer') {
      await exerciseRecorder(deps)(trx, {
        journeyId: c.journeyId,
        memberId: c.userId,
        work: 'prompt_answered',
      });
    }
  });
  const entries = await promptEntries(
    deps.database.db,
    c.journeyId,
    [c.userId, partner],
    prompt.id,
  );
  return promptView(c, who, prompt, factsFor(entries, prompt.id, c.userId, partner));
}

export const answerPrompt = (
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<PromptsApi['answer']>, 'params' | 'body'>,
): Promise<PromptView> => writeEntry(deps, c, params.id, { kind: 'answer', text: body.text });

export const skipPrompt = (
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<PromptsApi['skip']>, 'params'>,
): Promise<PromptView> => writeEntry(deps, c, params.id, { kind: 'skip' });

function noteView(c: JourneyCaller, who: People, n: StoredAppreciation): AppreciationView {
  return {
    id: n.id,
    text: who.open('appreciation', n.authorId, n.sealed, n.id),
    mine: n.authorId === c.userId,
    authorName: who.name(n.authorId),
    at: n.at,
  };
}

export async function listAppreciations(
  deps: Deps,
  c: JourneyCaller,
  { query }: Pick<Input<AppreciationsApi['list']>, 'query'>,
): Promise<AppreciationPage> {
  const db = deps.database.db;
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const partner = await findPartnerId(db, c.journeyId, c.userId);
  // Notes by the two people on the journey now: one by someone who left stays with them.
  const rows = await listStoredAppreciations(db, {
    journeyId: c.journeyId,
    authors: people(c.userId, partner),
    cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const who = await c.keys.people(people(c.userId, partner));
  const last = page.at(-1);
  return {
    items: page.map((n) => noteView(c, who, n)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null,
  };
}

export async function sendAppreciation(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<AppreciationsApi['send']>, 'body'>,
): Promise<AppreciationView> {
  const partner = await findPartnerId(deps.database.db, c.journeyId, c.userId);
  if (partner === undefined) throw new DomainError('reconnection.no_partner');
  const who = await c.keys.people([c.userId, partner]);
  const id = deps.newId();
  const note: StoredAppreciation = {
    id,
    journeyId: c.journeyId,
    authorId: c.userId,
    sealed: who.seal('appreciation', c.userId, body.text, id),
    at: deps.clock(),
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await insertAppreciation(trx, note);
    await exerciseRecorder(deps)(trx, {
      journeyId: c.journeyId,
      memberId: c.userId,
      work: 'appreciation_sent',
    });
  });
  return noteView(c, who, note);
}

export async function takeBackAppreciation(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<AppreciationsApi['takeBack']>, 'params'>,
): Promise<void> {
  const db = deps.database.db;
  const note = await findAppreciation(db, c.journeyId, params.id);
  // The partner's note, another journey's or none at all: the same answer.
  if (!note || !mayTakeBack(note, c.userId)) throw new DomainError('appreciation.not_found');
  if (!(await deleteAppreciation(db, note.id, c.userId))) {
    throw new DomainError('appreciation.not_found');
  }
}
