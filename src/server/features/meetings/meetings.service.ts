import { createHash, randomBytes } from 'node:crypto';
import { DomainError, refuseIf } from '../../../core/errors.js';
import {
  aroundNow,
  currentOccurrence,
  firstDateFrom,
  maySeeItem,
  maySeeNote,
  meetingRule,
  occurrenceOn,
  phaseOf,
  refusalToChangeItem,
  refusalToMeet,
  refusalToNote,
  type MeetingSchedule,
  type Occurrence,
} from '../../../core/meetings/meeting.js';
import type { Input } from '../../../shared/api/endpoint.js';
import { t } from '../../../shared/i18n/messages.js';
import type {
  CalendarFeed,
  MeetingHistory,
  MeetingItem,
  MeetingNote,
  MeetingPage,
  MeetingScheduleView,
  meetingsApi,
  MeetingView,
} from '../../../shared/api/meetings.js';
import type { JourneyCaller } from '../../auth/caller.js';
import { atomically, isUniqueViolation } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { findMembership, journeyFacts } from '../journeys/journeys.store.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import { loadSafetyState } from '../safety/safety.service.js';
import { meetingEvent, personalCalendar } from './meetings.calendar.js';
import {
  deleteFeed,
  deleteItem,
  endedMeetings,
  ensureMeeting,
  findFeedOwner,
  findItem,
  findNote,
  findSchedule,
  insertItem,
  insertNote,
  itemsOf,
  meetingsOn,
  moveUpcoming,
  notesOf,
  updateItem,
  updateNote,
  writeFeed,
  writeSchedule,
  pageFeed,
  pageMeetings,
  pageSchedule,
  type StoredItem,
  type StoredNote,
  type StoredSchedule,
} from './meetings.store.js';
import { ts } from '../../../shared/i18n/steps.js';

/**
 * Check-in meetings: the couple's recurring time, each person's private preparation (brought to
 * the meeting by choice), notes on how it went, and each person's private calendar feed. The
 * rules are in src/core/meetings/meeting.ts; every text is sealed under its writer's key.
 */

type Api = typeof meetingsApi;

async function hasPartner(deps: Deps, journeyId: string): Promise<boolean> {
  const facts = await journeyFacts(deps.database.db, journeyId);
  return refusalToMeet({ path: facts.path, hasPartner: facts.memberCount > 1 }) === undefined;
}

async function assertPartner(deps: Deps, journeyId: string): Promise<void> {
  if (!(await hasPartner(deps, journeyId))) throw new DomainError('meeting.no_partner');
}

const scheduleView = (s: StoredSchedule, me: string): MeetingScheduleView => ({
  weekday: s.weekday,
  time: s.time,
  timeZone: s.timeZone,
  durationMinutes: s.durationMinutes,
  frequency: s.frequency,
  rrule: meetingRule(s),
  setByMe: s.updatedBy === me,
  updatedAt: s.updatedAt,
});

const itemView = (item: StoredItem, text: string, me: string): MeetingItem => ({
  id: item.id,
  part: item.part,
  text,
  bring: item.bring,
  mine: item.authorId === me,
  updatedAt: item.updatedAt,
});

/**
 * Meetings as the caller sees them, from their items and notes: only what the caller may see is
 * opened, with each writer's key unwrapped once.
 */
async function viewsFrom(
  c: JourneyCaller,
  meetings: readonly (Occurrence & { id: string | undefined })[],
  items: readonly StoredItem[],
  notes: readonly StoredNote[],
  now: number,
): Promise<MeetingView[]> {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const seenItems = items.filter((i) => {
    const meeting = byId.get(i.meetingId);
    return meeting !== undefined && maySeeItem(c.userId, i, meeting, now);
  });
  const seenNotes = notes.filter((n) => maySeeNote(c.userId, n));
  const people = await c.keys.people([
    ...new Set([...seenItems, ...seenNotes].map((x) => x.authorId)),
  ]);
  const note = (meetingId: string | undefined, mine: boolean): MeetingNote | null => {
    const n = seenNotes.find(
      (x) => x.meetingId === meetingId && (x.authorId === c.userId) === mine,
    );
    return n
      ? {
          text: people.open('meetingNote', n.authorId, n.sealed, n.id),
          shared: n.shared,
          updatedAt: n.updatedAt,
        }
      : null;
  };
  return meetings.map((m) => {
    const here = seenItems
      .filter((i) => i.meetingId === m.id)
      .map((i) => itemView(i, people.open('meetingItem', i.authorId, i.sealed, i.id), c.userId));
    return {
      date: m.date,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      phase: phaseOf(m, now),
      mine: here.filter((i) => i.mine),
      partners: here.filter((i) => !i.mine),
      myNote: note(m.id, true),
      partnerNote: note(m.id, false),
    };
  });
}

export async function meetingPage(deps: Deps, c: JourneyCaller): Promise<MeetingPage> {
  const db = deps.database.db;
  const now = deps.clock();
  const [partner, schedule, feed] = await Promise.all([
    hasPartner(deps, c.journeyId),
    pageSchedule(db, c.journeyId),
    pageFeed(db, c.userId),
  ]);
  const feedState = { on: feed !== undefined, createdAt: feed?.createdAt ?? null };
  if (!schedule) {
    return { hasPartner: partner, schedule: null, current: null, previous: null, feed: feedState };
  }
  const { current, previous } = aroundNow(schedule, now);
  const read = await pageMeetings(
    db,
    c.journeyId,
    previous ? [current.date, previous.date] : [current.date],
  );
  // A stored meeting keeps the times it was held at, even if the schedule changed since.
  const wanted = previous ? [current, previous] : [current];
  const meetings = wanted.map(
    (o) => read.meetings.find((m) => m.date === o.date) ?? { ...o, id: undefined },
  );
  const [currentView, previousView] = await viewsFrom(c, meetings, read.items, read.notes, now);
  return {
    hasPartner: partner,
    schedule: scheduleView(schedule, c.userId),
    current: currentView ?? null,
    previous: previousView ?? null,
    feed: feedState,
  };
}

export async function meetingHistory(
  deps: Deps,
  c: JourneyCaller,
  { query }: Pick<Input<Api['history']>, 'query'>,
): Promise<MeetingHistory> {
  const now = deps.clock();
  const rows = await endedMeetings(deps.database.db, {
    journeyId: c.journeyId,
    now,
    before: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const ids = page.map((m) => m.id);
  const db = deps.database.db;
  const [items, notes] = await Promise.all([itemsOf(db, ids), notesOf(db, ids)]);
  return {
    items: await viewsFrom(c, page, items, notes, now),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.date ?? null) : null,
  };
}

const sameRhythm = (a: MeetingSchedule, b: Omit<MeetingSchedule, 'firstDate'>) =>
  a.weekday === b.weekday &&
  a.time === b.time &&
  a.timeZone === b.timeZone &&
  a.frequency === b.frequency;

export async function setSchedule(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['schedule']>, 'body'>,
): Promise<MeetingScheduleView> {
  await assertPartner(deps, c.journeyId);
  const now = deps.clock();
  const wanted = {
    weekday: body.weekday as MeetingSchedule['weekday'],
    time: body.time,
    timeZone: body.timeZone,
    durationMinutes: body.durationMinutes,
    frequency: body.frequency,
  };
  const saved = await atomically(deps.database.db, async (trx) => {
    const before = await findSchedule(trx, c.journeyId);
    // Only the length changed: the series (and which weeks a fortnight falls on) stays the same.
    const firstDate =
      before && sameRhythm(before, wanted) ? before.firstDate : firstDateFrom(wanted, now);
    const schedule: StoredSchedule = {
      ...wanted,
      firstDate,
      journeyId: c.journeyId,
      updatedBy: c.userId,
      updatedAt: now,
    };
    await writeSchedule(trx, schedule);
    await moveUpcoming(trx, c.journeyId, now, currentOccurrence(schedule, now));
    await exerciseRecorder(deps)(trx, {
      journeyId: c.journeyId,
      memberId: c.userId,
      work: 'meeting_scheduled',
    });
    return schedule;
  });
  return scheduleView(saved, c.userId);
}

export async function addItem(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['addItem']>, 'body'>,
): Promise<MeetingItem> {
  await assertPartner(deps, c.journeyId);
  const now = deps.clock();
  const me = c.userId;
  const people = await c.keys.people([me]);
  const item = await atomically(deps.database.db, async (trx) => {
    const schedule = await findSchedule(trx, c.journeyId);
    if (!schedule) throw new DomainError('meeting.no_schedule');
    const meeting = await ensureMeeting(trx, {
      id: deps.newId(),
      journeyId: c.journeyId,
      occurrence: currentOccurrence(schedule, now),
      now,
    });
    // A meeting kept from before the time was moved to later the same day has ended: nothing
    // more is prepared for it (and nothing lands where it would be seen at once).
    if (meeting.endsAt <= now) throw new DomainError('meeting.ended');
    const id = deps.newId();
    const stored = {
      id,
      meetingId: meeting.id,
      authorId: me,
      part: body.part,
      bring: body.bring,
      now,
      sealed: people.seal('meetingItem', me, body.text, id),
    };
    await insertItem(trx, stored);
    await exerciseRecorder(deps)(trx, {
      journeyId: c.journeyId,
      memberId: me,
      work: 'meeting_prepared',
    });
    return { ...stored, updatedAt: now };
  });
  return itemView(item, body.text, me);
}

/** My own item in my journey; anyone else's, anywhere, does not exist for me. */
async function ownItem(deps: Deps, c: JourneyCaller, id: string) {
  const item = await findItem(deps.database.db, c.journeyId, id);
  if (!item || item.authorId !== c.userId) throw new DomainError('meeting.item_not_found');
  refuseIf(refusalToChangeItem(item.meeting, deps.clock()));
  return item;
}

export async function changeItem(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['changeItem']>, 'params' | 'body'>,
): Promise<MeetingItem> {
  const item = await ownItem(deps, c, params.id);
  const now = deps.clock();
  const sealed = (await c.keys.people([c.userId])).seal(
    'meetingItem',
    c.userId,
    body.text,
    item.id,
  );
  await updateItem(deps.database.db, {
    id: item.id,
    part: body.part,
    bring: body.bring,
    now,
    sealed,
  });
  return itemView(
    { ...item, part: body.part, bring: body.bring, updatedAt: now },
    body.text,
    c.userId,
  );
}

export async function removeItem(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['removeItem']>, 'params'>,
): Promise<void> {
  const item = await ownItem(deps, c, params.id);
  await deleteItem(deps.database.db, item.id);
}

export async function writeNote(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['note']>, 'body'>,
): Promise<MeetingNote> {
  await assertPartner(deps, c.journeyId);
  const now = deps.clock();
  const me = c.userId;
  const people = await c.keys.people([me]);
  const write = () =>
    atomically(deps.database.db, async (trx) => {
      const [stored] = await meetingsOn(trx, c.journeyId, [body.date]);
      let meetingId: string;
      if (stored) {
        refuseIf(refusalToNote(stored, now));
        meetingId = stored.id;
      } else {
        const schedule = await findSchedule(trx, c.journeyId);
        const occurrence = schedule ? occurrenceOn(schedule, body.date) : null;
        if (!occurrence) throw new DomainError('meeting.not_found');
        refuseIf(refusalToNote(occurrence, now));
        meetingId = (
          await ensureMeeting(trx, { id: deps.newId(), journeyId: c.journeyId, occurrence, now })
        ).id;
      }
      const existing = await findNote(trx, meetingId, me);
      const id = existing?.id ?? deps.newId();
      const sealed = people.seal('meetingNote', me, body.text, id);
      if (existing) await updateNote(trx, { id, shared: body.shared, now, sealed });
      else await insertNote(trx, { id, meetingId, authorId: me, shared: body.shared, now, sealed });
      await exerciseRecorder(deps)(trx, {
        journeyId: c.journeyId,
        memberId: me,
        work: 'meeting_noted',
      });
      return { text: body.text, shared: body.shared, updatedAt: now };
    });
  try {
    return await write();
  } catch (e) {
    // The same person saved twice at once: the other save made the note; this one changes it.
    if (isUniqueViolation(e)) return write();
    throw e;
  }
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new secret address for my feed; any earlier address stops working at once. */
export async function newFeed(deps: Deps, c: JourneyCaller): Promise<CalendarFeed> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock();
  await writeFeed(deps.database.db, { userId: c.userId, tokenHash: hashToken(token), now });
  return { url: `${deps.config.publicOrigin}/calendar/${token}.ics`, createdAt: now };
}

export async function revokeFeed(deps: Deps, c: JourneyCaller): Promise<void> {
  await deleteFeed(deps.database.db, c.userId);
}

/**
 * The calendar a feed's token opens, or undefined for a token that is not (or no longer) a feed.
 * It holds the owner's current journey's meeting, titled neutrally in the owner's discreet mode.
 */
export async function feedCalendar(deps: Deps, token: string): Promise<string | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const db = deps.database.db;
  const owner = await findFeedOwner(db, hashToken(token));
  if (!owner) return undefined;
  const [membership, safety] = await Promise.all([
    findMembership(db, deps.sealer, owner),
    loadSafetyState(deps, owner),
  ]);
  const schedule = membership ? await findSchedule(db, membership.journeyId) : undefined;
  // In safety mode the joint meeting is not offered anywhere, the person's own calendar included
  // (the feed still answers, empty, so nothing about it changes for anyone else).
  const events =
    schedule && !safety.safetyMode
      ? [
          meetingEvent(schedule, {
            summary: ts('meetings.feed.summary'),
            description: ts('meetings.feed.description', {
              url: `${deps.config.publicOrigin}/app/meetings`,
            }),
            discreetSummary: ts('meetings.feed.discreetSummary'),
          }),
        ]
      : [];
  return personalCalendar(events, {
    discreet: safety.discreet,
    name: ts('meetings.feed.name'),
    discreetName: ts('meetings.feed.discreetName'),
    product: t('app.name'),
  });
}
