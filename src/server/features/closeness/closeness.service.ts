import { DomainError } from '../../../core/errors.js';
import { closenessKinds } from '../../../core/intimacy/kinds.js';
import {
  afterMarking,
  afterReset,
  decodeMarks,
  encodeMarks,
  onTheList,
  viewOf,
  type Marks,
  type Round,
  type RoundsState,
} from '../../../core/intimacy/rounds.js';
import type { ClosenessMatches, MyCloseness, closenessApi } from '../../../shared/api/closeness.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  currentMemberIds,
  currentRound,
  deleteMarks,
  findMarks,
  lockRound,
  saveMarks,
  setRound,
  type StoredMarks,
} from './closeness.store.js';

/**
 * Step 6, "what I feel ready for": each partner privately marks every kind of closeness; only what
 * both marked ready is ever answered, as a set, once both finished the same round (the rule is in
 * src/core/intimacy/rounds.ts). No answer here says anything of the partner's unmatched marks, nor
 * whether the partner has started, nor whether either person is in safety mode.
 */

type Api = typeof closenessApi;

const labels = new Map(closenessKinds.map((k) => [k.id, k.label]));

/** The caller and their partner on the journey now (undefined without one). */
async function couple(deps: Deps, c: JourneyCaller): Promise<string | undefined> {
  const members = await currentMemberIds(deps.database.db, c.journeyId);
  return members.find((id) => id !== c.userId);
}

function open(
  people: People,
  journeyId: string,
  stored: StoredMarks | undefined,
): Round | undefined {
  if (!stored) return undefined;
  const { userId, round, sealed } = stored;
  return {
    round,
    marks: decodeMarks(people.open('closenessMarks', userId, sealed, journeyId, userId, round)),
  };
}

/** The journey's round and both people's marks, opened, read through `db` (a transaction or not). */
async function stateOf(
  db: Db,
  people: People,
  c: JourneyCaller,
  partnerId: string | undefined,
): Promise<RoundsState> {
  const ids = partnerId ? [c.userId, partnerId] : [c.userId];
  const stored = await findMarks(db, c.journeyId, ids);
  return {
    current: await currentRound(db, c.journeyId),
    mine: open(
      people,
      c.journeyId,
      stored.find((s) => s.userId === c.userId),
    ),
    theirs: open(
      people,
      c.journeyId,
      stored.find((s) => s.userId === partnerId),
    ),
  };
}

const mineOf = (marks: Marks | undefined): MyCloseness => ({
  marks: marks ? onTheList(marks) : null,
});

export async function myCloseness(deps: Deps, c: JourneyCaller): Promise<MyCloseness> {
  const people = await c.keys.people([c.userId]);
  const [stored] = await findMarks(deps.database.db, c.journeyId, [c.userId]);
  return mineOf(open(people, c.journeyId, stored)?.marks);
}

export async function markCloseness(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['mark']>, 'body'>,
): Promise<MyCloseness> {
  const partnerId = await couple(deps, c);
  if (!partnerId) throw new DomainError('closeness.no_partner');
  const marks = onTheList(body.marks);
  // Keys are read before the transaction: a read beside it would wait for it on SQLite.
  const people = await c.keys.people([c.userId, partnerId]);
  await deps.database.db.transaction().execute(async (trx) => {
    await lockRound(trx, c.journeyId);
    const { current, round } = afterMarking(await stateOf(trx, people, c, partnerId), marks);
    const sealed = people.seal(
      'closenessMarks',
      c.userId,
      encodeMarks(marks),
      c.journeyId,
      c.userId,
      round,
    );
    await saveMarks(trx, { journeyId: c.journeyId, userId: c.userId, round, sealed });
    await setRound(trx, c.journeyId, current);
  });
  return mineOf(marks);
}

export async function resetCloseness(deps: Deps, c: JourneyCaller): Promise<void> {
  const db = deps.database.db;
  if ((await findMarks(db, c.journeyId, [c.userId])).length === 0) return;
  const partnerId = await couple(deps, c);
  const people = await c.keys.people(partnerId ? [c.userId, partnerId] : [c.userId]);
  await db.transaction().execute(async (trx) => {
    await lockRound(trx, c.journeyId);
    const current = afterReset(await stateOf(trx, people, c, partnerId));
    await deleteMarks(trx, c.journeyId, c.userId);
    await setRound(trx, c.journeyId, current);
  });
}

export async function closenessMatches(deps: Deps, c: JourneyCaller): Promise<ClosenessMatches> {
  const partnerId = await couple(deps, c);
  if (!partnerId) throw new DomainError('closeness.no_partner');
  const people = await c.keys.people([c.userId, partnerId]);
  const view = viewOf(await stateOf(deps.database.db, people, c, partnerId));
  return view.matches
    ? {
        state: view.state,
        matches: view.matches.map((id) => ({ id, label: labels.get(id) ?? id })),
      }
    : { state: view.state };
}
