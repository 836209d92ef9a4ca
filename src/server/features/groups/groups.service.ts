import { randomUUID } from 'node:crypto';
import { slugFrom, uniqueSlug } from '../../../core/directory/profile.js';
import { DomainError } from '../../../core/errors.js';
import { isTimeZone, meetings, recurrenceOf, ruleFor } from '../../../core/groups/schedule.js';
import type { GroupBody, GroupList, GroupView } from '../../../shared/api/groups.js';
import { isUniqueViolation, type Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { isTherapist, listProfiles, type StoredProfile } from '../directory/directory.store.js';
import { readPracticeSetting } from '../practice/practice.store.js';
import {
  deleteGroup,
  findGroup,
  groupSlugsLike,
  insertGroup,
  listGroups,
  updateGroup,
  type GroupFields,
  type StoredGroup,
} from './groups.store.js';

/** The practice setting that names its time zone (an IANA name, as JSON). */
export const TIME_ZONE = 'time_zone';

/** The practice's time zone when the administrator has set one, else UTC. */
export async function practiceTimeZone(deps: Deps, db: Db = deps.database.db): Promise<string> {
  const stored = await readPracticeSetting(db, TIME_ZONE);
  return typeof stored === 'string' && isTimeZone(stored) ? stored : 'UTC';
}

/** How many coming meetings a group's page and view list. */
export const NEXT_MEETINGS = 4;

export const upcoming = (g: StoredGroup, now: number, limit = NEXT_MEETINGS): number[] => {
  const recurrence = recurrenceOf(g.rrule, g.timeZone);
  if (!recurrence) return [];
  // A meeting under way still counts as coming: someone may be looking for the room.
  return meetings(g.firstMeeting, g.timeZone, recurrence, {
    from: now - g.durationMinutes * 60_000,
    limit,
  });
};

export function groupView(
  g: StoredGroup,
  profiles: ReadonlyMap<string, StoredProfile>,
  now: number,
): GroupView {
  const recurrence = recurrenceOf(g.rrule, g.timeZone) ?? {
    frequency: 'weekly' as const,
    count: 1,
    until: null,
  };
  return {
    id: g.id,
    slug: g.slug,
    name: g.name,
    description: g.description,
    format: g.format,
    location: g.location,
    facilitatorId: g.facilitatorId,
    facilitatorName: g.facilitatorId ? (profiles.get(g.facilitatorId)?.name ?? null) : null,
    capacity: g.capacity,
    placesTaken: g.placesTaken,
    placesLeft: Math.max(0, g.capacity - g.placesTaken),
    timeZone: g.timeZone,
    firstMeeting: g.firstMeeting,
    durationMinutes: g.durationMinutes,
    recurrence,
    rrule: g.rrule,
    published: g.published,
    nextMeetings: upcoming(g, now),
    pageUrl: `/groups/${g.slug}`,
    calendarUrl: `/groups/${g.slug}.ics`,
  };
}

export async function profilesById(db: Db): Promise<Map<string, StoredProfile>> {
  const all = await listProfiles(db, { publishedOnly: false });
  return new Map(all.map((p) => [p.userId, p]));
}

export async function groupList(deps: Deps): Promise<GroupList> {
  const db = deps.database.db;
  const profiles = await profilesById(db);
  const now = deps.clock();
  return {
    groups: (await listGroups(db, { publishedOnly: false })).map((g) =>
      groupView(g, profiles, now),
    ),
    defaultTimeZone: await practiceTimeZone(deps),
    facilitators: [...profiles.values()].map((p) => ({ id: p.userId, name: p.name })),
  };
}

async function fieldsOf(deps: Deps, body: GroupBody): Promise<GroupFields> {
  if (body.facilitatorId && !(await isTherapist(deps.database.db, body.facilitatorId))) {
    throw new DomainError('group.facilitator_unknown');
  }
  const timeZone = body.timeZone ?? (await practiceTimeZone(deps));
  return {
    name: body.name,
    description: body.description,
    format: body.format,
    location: body.location,
    facilitatorId: body.facilitatorId,
    capacity: body.capacity,
    placesTaken: body.placesTaken,
    timeZone,
    firstMeeting: body.firstMeeting,
    durationMinutes: body.durationMinutes,
    rrule: ruleFor(body.recurrence, timeZone),
    published: body.published,
  };
}

async function viewOf(deps: Deps, id: string): Promise<GroupView> {
  const db = deps.database.db;
  const g = await findGroup(db, id);
  if (!g) throw new DomainError('group.not_found');
  return groupView(g, await profilesById(db), deps.clock());
}

export async function createGroup(deps: Deps, body: GroupBody): Promise<GroupView> {
  const db = deps.database.db;
  const fields = await fieldsOf(deps, body);
  const id = randomUUID();
  const base = slugFrom(body.name) === 'therapist' ? 'group' : slugFrom(body.name);
  for (let attempt = 0; ; attempt++) {
    try {
      const slug = uniqueSlug(base, await groupSlugsLike(db, base));
      await insertGroup(db, { id, slug, fields, now: deps.clock() });
      break;
    } catch (e) {
      // Another group took the slug between reading and writing: pick the next one.
      if (!isUniqueViolation(e) || attempt >= 4) throw e;
    }
  }
  return viewOf(deps, id);
}

export async function changeGroup(deps: Deps, id: string, body: GroupBody): Promise<GroupView> {
  const fields = await fieldsOf(deps, body);
  if (!(await updateGroup(deps.database.db, id, fields, deps.clock()))) {
    throw new DomainError('group.not_found');
  }
  return viewOf(deps, id);
}

export async function removeGroup(deps: Deps, id: string): Promise<void> {
  if (!(await deleteGroup(deps.database.db, id))) throw new DomainError('group.not_found');
}
