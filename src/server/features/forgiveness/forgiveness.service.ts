import { DomainError } from '../../../core/errors.js';
import {
  forgivenessMeasure,
  roundMean,
  storedMeans,
  subscaleMeans,
  type ForgivenessAnswers,
  type ReflectionPrompt,
  type SubscaleMeans,
} from '../../../core/forgiveness/measure.js';
import { ForgivenessMeasureSchema } from '../../../core/forgiveness/measure.schema.js';
import { mayReadChart, mayReadReflection } from '../../../core/forgiveness/sharing.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type {
  ForgivenessEntry,
  ForgivenessMine,
  ForgivenessPartnerChart,
  ForgivenessReflection,
  ForgivenessReflectionList,
  ForgivenessSharingBody,
  forgivenessApi,
} from '../../../shared/api/forgiveness.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Deps } from '../../deps.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  deleteEntry,
  deleteReflection,
  findSharing,
  insertEntry,
  insertReflection,
  listEntries,
  listReflections,
  saveSharing,
  type StoredEntry,
  type StoredReflection,
} from './forgiveness.store.js';
import { findPartnerId } from '../journeys/journeys.store.js';

// The measure is data: the server does not start with data that breaks its rules.
ForgivenessMeasureSchema.parse(forgivenessMeasure);

/**
 * Step 7, working through forgiveness. Each person's answers to Steadfast's own reflection on
 * avoidance, resentment and goodwill, sealed under their key with their note, charted as subscale
 * means; their private written reflections, for them alone; and their choice to share the chart
 * (never a note) with their partner, which they can take back at any time. Nothing here scores,
 * nudges or counts: "not forgiving, or not yet, is a complete answer".
 */

type Api = typeof forgivenessApi;

interface SealedEntry {
  readonly answers: ForgivenessAnswers;
  readonly note: string;
}

interface SealedReflection {
  readonly prompt: ReflectionPrompt | null;
  readonly text: string;
}

const rounded = (m: SubscaleMeans): SubscaleMeans => ({
  avoidance: roundMean(m.avoidance),
  resentment: roundMean(m.resentment),
  goodwill: roundMean(m.goodwill),
});

const openEntry = (who: People, row: StoredEntry): SealedEntry =>
  JSON.parse(who.open('forgivenessEntry', row.userId, row.sealed, row.id)) as SealedEntry;

const entryView = (row: StoredEntry, content: SealedEntry): ForgivenessEntry => ({
  id: row.id,
  createdAt: row.createdAt,
  version: row.version,
  means: rounded(storedMeans(content.answers)),
  answers: { ...content.answers },
  note: content.note,
});

export async function myForgiveness(deps: Deps, c: JourneyCaller): Promise<ForgivenessMine> {
  const db = deps.database.db;
  const rows = await listEntries(db, c.journeyId, c.userId);
  const who = rows.length > 0 ? await c.keys.people([c.userId]) : undefined;
  return {
    entries: who ? rows.map((row) => entryView(row, openEntry(who, row))) : [],
    shared: await findSharing(db, c.journeyId, c.userId),
  };
}

export async function answerReflection(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['answer']>, 'body'>,
): Promise<ForgivenessEntry> {
  const id = deps.newId();
  const content: SealedEntry = { answers: body.answers, note: body.note };
  // Throws on anything the contract let through that the measure would not average.
  subscaleMeans(content.answers);
  const who = await c.keys.people([c.userId]);
  const row: StoredEntry = {
    id,
    journeyId: c.journeyId,
    userId: c.userId,
    version: forgivenessMeasure.version,
    createdAt: deps.clock(),
    sealed: who.seal('forgivenessEntry', c.userId, JSON.stringify(content), id),
  };
  await insertEntry(deps.database.db, row);
  return entryView(row, content);
}

export async function removeEntry(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['removeEntry']>, 'params'>,
): Promise<void> {
  const removed = await deleteEntry(deps.database.db, {
    id: params.id,
    journeyId: c.journeyId,
    userId: c.userId,
  });
  if (!removed) throw new DomainError('forgiveness.not_found');
}

export async function setSharing(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['share']>, 'body'>,
): Promise<ForgivenessSharingBody> {
  const db = deps.database.db;
  // Stopping is always possible at once; starting is sharing with the partner, so it waits for the
  // person's own safety check and a partner to share with.
  if (body.shared) {
    await assertSafetyChecked(deps, c.userId);
    if (!(await findPartnerId(db, c.journeyId, c.userId))) {
      throw new DomainError('forgiveness.no_partner');
    }
  }
  await saveSharing(db, {
    journeyId: c.journeyId,
    userId: c.userId,
    shared: body.shared,
    now: deps.clock(),
  });
  return { shared: body.shared };
}

const nothingShared: ForgivenessPartnerChart = { points: [] };

/**
 * My partner's chart while they share it: dates and means only. Not sharing, no partner and never
 * having answered all give the same empty chart, so none can be told from the others.
 */
export async function partnerChart(deps: Deps, c: JourneyCaller): Promise<ForgivenessPartnerChart> {
  const db = deps.database.db;
  const partnerId = await findPartnerId(db, c.journeyId, c.userId);
  if (!partnerId) return nothingShared;
  const share = {
    ownerId: partnerId,
    journeyId: c.journeyId,
    shared: await findSharing(db, c.journeyId, partnerId),
  };
  if (!mayReadChart({ userId: c.userId, journeyId: c.journeyId }, share)) return nothingShared;
  const rows = await listEntries(db, c.journeyId, partnerId);
  if (rows.length === 0) return nothingShared;
  const who = await c.keys.people([partnerId]);
  return {
    points: rows.map((row) => ({
      at: row.createdAt,
      means: rounded(storedMeans(openEntry(who, row).answers)),
    })),
  };
}

const openReflection = (who: People, row: StoredReflection): SealedReflection =>
  JSON.parse(
    who.open('forgivenessReflection', row.authorId, row.sealed, row.id),
  ) as SealedReflection;

const reflectionView = (row: StoredReflection, r: SealedReflection): ForgivenessReflection => ({
  id: row.id,
  createdAt: row.createdAt,
  prompt: r.prompt,
  text: r.text,
});

export async function myReflections(
  deps: Deps,
  c: JourneyCaller,
): Promise<ForgivenessReflectionList> {
  const rows = (await listReflections(deps.database.db, c.journeyId, c.userId)).filter((row) =>
    mayReadReflection(c, row.authorId),
  );
  if (rows.length === 0) return { items: [] };
  const who = await c.keys.people([c.userId]);
  return { items: rows.map((row) => reflectionView(row, openReflection(who, row))) };
}

export async function writeReflection(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['reflect']>, 'body'>,
): Promise<ForgivenessReflection> {
  const id = deps.newId();
  const content: SealedReflection = { prompt: body.prompt, text: body.text };
  const who = await c.keys.people([c.userId]);
  const row: StoredReflection = {
    id,
    journeyId: c.journeyId,
    authorId: c.userId,
    createdAt: deps.clock(),
    sealed: who.seal('forgivenessReflection', c.userId, JSON.stringify(content), id),
  };
  await insertReflection(deps.database.db, row);
  return reflectionView(row, content);
}

export async function removeReflection(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['removeReflection']>, 'params'>,
): Promise<void> {
  const removed = await deleteReflection(deps.database.db, {
    id: params.id,
    journeyId: c.journeyId,
    authorId: c.userId,
  });
  if (!removed) throw new DomainError('forgiveness.not_found');
}
