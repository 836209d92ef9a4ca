import {
  canChangeItem,
  canReadItem,
  type Actor,
  type Decision,
  type Visibility,
} from '../../../core/access/policy.js';
import {
  decodeCursor,
  encodeCursor,
  feelings,
  type CheckinContent,
  type Feeling,
} from '../../../core/checkins/checkin.js';
import { DomainError } from '../../../core/errors.js';
import { previewOf } from '../../../core/text/text.js';
import { NOTE_PREVIEW, type Checkin, type checkinsApi } from '../../../shared/api/checkins.js';
import type { Input, Output } from '../../../shared/api/endpoint.js';
import { TRENDS_ITEMS_MAX } from '../../../shared/api/checkins.js';
import type { Caller, JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Deps } from '../../deps.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  deleteCheckin as deleteStored,
  findCheckin,
  insertCheckins,
  listVisibleCheckins,
  ownCheckinsSince,
  setVisibility,
  type StoredCheckin,
} from './checkins.store.js';

/**
 * Check-ins: how a person feels, in their own words, private until they share one with their
 * partner; and the feelings chart drawn from their own.
 */

type Api = typeof checkinsApi;

const DAY_MS = 86_400_000;

const actorOf = (c: Caller): Actor => ({ kind: 'user', userId: c.userId, role: c.accountRole });

/** An access decision as the check-ins answer it: a refused read is "not found", never "forbidden". */
function refuseUnlessAllowed(decision: Decision): void {
  if (!decision.allow) {
    throw new DomainError(
      decision.reason === 'unauthenticated' ? 'auth.unauthenticated' : 'checkin.not_found',
    );
  }
}

const viewOf = (
  who: People,
  viewerId: string,
  row: StoredCheckin,
  content: CheckinContent,
): Checkin => ({
  id: row.id,
  mine: row.authorId === viewerId,
  authorName: who.name(row.authorId),
  visibility: row.visibility,
  createdAt: row.createdAt,
  feelings: [...content.feelings],
  note: content.note,
});

const opened = (
  who: People,
  authorId: string,
  row: Pick<StoredCheckin, 'id' | 'sealed'>,
): CheckinContent =>
  JSON.parse(who.open('checkin', authorId, row.sealed, row.id)) as CheckinContent;

/** Check-ins as the caller reads them, their authors (at most two) read once for all of them. */
async function views(c: Caller, rows: readonly StoredCheckin[]): Promise<Checkin[]> {
  const who = await c.keys.people(rows.map((row) => row.authorId));
  return rows.map((row) => viewOf(who, c.userId, row, opened(who, row.authorId, row)));
}

async function viewOne(c: Caller, row: StoredCheckin): Promise<Checkin> {
  const [view] = await views(c, [row]);
  if (!view) throw new DomainError('checkin.not_found');
  return view;
}

/** A glance sends only the start of a long note, so the rest never reaches that screen. */
function previewed(checkin: Checkin): Checkin {
  const { text, cut } = previewOf(checkin.note, NOTE_PREVIEW);
  return cut ? { ...checkin, note: text, noteCut: true } : checkin;
}

/** A check-in the caller changes: only its author may; to anyone else it does not exist. */
async function changeable(deps: Deps, c: Caller, id: string): Promise<StoredCheckin> {
  const row = await findCheckin(deps.database.db, id);
  if (!row) throw new DomainError('checkin.not_found');
  refuseUnlessAllowed(canChangeItem(actorOf(c), row));
  return row;
}

export async function listCheckins(
  deps: Deps,
  c: JourneyCaller,
  { query }: Pick<Input<Api['list']>, 'query'>,
): Promise<Output<Api['list']>> {
  const { cursor, limit, preview } = query;
  const rows = await listVisibleCheckins(deps.database.db, {
    journeyId: c.journeyId,
    viewerId: c.userId,
    cursor: cursor ? decodeCursor(cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: (await views(c, page)).map((view) => (preview ? previewed(view) : view)),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** A check-in the caller wrote earlier: when, what they felt, and whether they shared it. */
export interface PastCheckin {
  readonly createdAt: number;
  readonly content: CheckinContent;
  readonly visibility: Visibility;
}

/** Seals the caller's check-ins under their own key and writes them to their journey. */
async function write(
  deps: Deps,
  c: JourneyCaller,
  entries: readonly PastCheckin[],
): Promise<{ who: People; rows: StoredCheckin[] }> {
  const who = await c.keys.people([c.userId]);
  const rows = entries.map((entry): StoredCheckin => {
    const id = deps.newId();
    return {
      id,
      journeyId: c.journeyId,
      authorId: c.userId,
      visibility: entry.visibility,
      createdAt: entry.createdAt,
      sealed: who.seal('checkin', c.userId, JSON.stringify(entry.content), id),
    };
  });
  await insertCheckins(deps.database.db, rows);
  return { who, rows };
}

export async function writeCheckin(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['create']>, 'body'>,
): Promise<Checkin> {
  const content: CheckinContent = { feelings: body.feelings, note: body.note };
  const entry: PastCheckin = { createdAt: deps.clock(), content, visibility: 'private' };
  const { who, rows } = await write(deps, c, [entry]);
  const [row] = rows;
  if (!row) throw new Error('the check-in was not written');
  return viewOf(who, c.userId, row, content);
}

/**
 * Writes a person's past check-ins at once, with the times and sharing given (the demo seed and
 * the bench: people who have taken the safety check, as sharing asks).
 */
export async function writePastCheckins(
  deps: Deps,
  c: JourneyCaller,
  entries: readonly PastCheckin[],
): Promise<void> {
  await write(deps, c, entries);
}

export async function readCheckin(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['get']>, 'params'>,
): Promise<Checkin> {
  const row = await findCheckin(deps.database.db, params.id);
  if (!row) throw new DomainError('checkin.not_found');
  refuseUnlessAllowed(canReadItem(actorOf(c), c.journey, row));
  return viewOne(c, row);
}

export async function shareCheckin(
  deps: Deps,
  c: Caller,
  { params, body }: Pick<Input<Api['setVisibility']>, 'params' | 'body'>,
): Promise<Checkin> {
  const row = await changeable(deps, c, params.id);
  // Sharing is joint work; taking something back is always possible.
  if (body.visibility === 'partner') await assertSafetyChecked(deps, c.userId);
  await setVisibility(deps.database.db, row.id, body.visibility);
  return viewOne(c, { ...row, visibility: body.visibility });
}

export async function deleteCheckin(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['remove']>, 'params'>,
): Promise<void> {
  const row = await changeable(deps, c, params.id);
  await deleteStored(deps.database.db, row.id);
}

/**
 * Feelings over time, for the chart on My space: the caller's OWN check-ins in the window (never
 * what a partner shared), opened and turned into one line of intensities per feeling. At most
 * TRENDS_ITEMS_MAX (1,000) check-ins are opened for one chart — the newest; `truncated` says when
 * the window held more.
 */
export async function checkinTrends(
  deps: Deps,
  c: Caller,
  { query }: Pick<Input<Api['trends']>, 'query'>,
): Promise<Output<Api['trends']>> {
  const { days } = query;
  const to = deps.clock();
  const from = to - days * DAY_MS;
  const rows = await ownCheckinsSince(deps.database.db, c.userId, from, TRENDS_ITEMS_MAX + 1);
  const truncated = rows.length > TRENDS_ITEMS_MAX;
  const used = rows.slice(0, TRENDS_ITEMS_MAX).reverse();

  const byFeeling = new Map<Feeling, { t: number; value: number }[]>();
  // No check-ins, no key: the person is read only when there is something to open.
  if (used.length > 0) {
    const who = await c.keys.people([c.userId]);
    for (const row of used) {
      for (const entry of opened(who, c.userId, row).feelings) {
        const points = byFeeling.get(entry.feeling) ?? [];
        points.push({ t: row.createdAt, value: entry.intensity });
        byFeeling.set(entry.feeling, points);
      }
    }
  }
  return {
    days,
    from,
    to,
    truncated,
    // In the check-in form's own order, not by how often each was named.
    feelings: feelings.flatMap((feeling) => {
      const points = byFeeling.get(feeling);
      return points ? [{ feeling, points }] : [];
    }),
  };
}
