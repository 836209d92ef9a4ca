import {
  agendaParts,
  currentOccurrence,
  firstDateFrom,
  occurrenceAt,
  type MeetingSchedule,
} from '../src/core/meetings/meeting.js';
import type { SeededMember } from '../src/cli/seed.js';
import { keyRing } from '../src/server/auth/key-ring.js';
import type { Deps } from '../src/server/deps.js';
import {
  ensureMeeting,
  insertItem,
  insertNote,
  writeSchedule,
} from '../src/server/features/meetings/meetings.store.js';

const DAY_MS = 86_400_000;

/** What the seeder needs; `database.db` may be the caller's transaction. */
type SeedDeps = Pick<Deps, 'sealer' | 'newId' | 'database'>;

const texts = [
  'Thank you for making dinner when I was late.',
  'The walk on Saturday felt easy again.',
  'I still tense up when your phone buzzes late at night.',
  'Could we plan one evening a week without screens?',
  'You told me about the message before I asked.',
  'I worry that we only talk when something is wrong.',
];
const notes = [
  'Calmer than I expected. We listened more than we argued.',
  'Hard in the middle; the pause helped.',
  'I felt heard about the evenings.',
];

export interface SeededMeetings {
  readonly meetings: number;
  readonly items: number;
  readonly notes: number;
}

/**
 * A year of weekly check-in meetings for a couple, written through the meetings store as the
 * service writes them (texts sealed under each writer's key): a Thursday 19:30 schedule begun a
 * year before `now`; for each meeting that ended, three items per partner (two brought, one kept)
 * and a note each (one shared, one private); and some preparation for the next meeting.
 */
export async function seedMeetings(
  deps: SeedDeps,
  journeyId: string,
  members: readonly [SeededMember, SeededMember],
  now: number,
  options: { timeZone?: string; itemsPerPerson?: number } = {},
): Promise<SeededMeetings> {
  const db = deps.database.db;
  const who = await keyRing(deps).people(members.map((m) => m.id));
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const perPerson = options.itemsPerPerson ?? 3;
  const yearAgo = now - 365 * DAY_MS;
  const schedule: MeetingSchedule = {
    weekday: 4,
    time: '19:30',
    timeZone,
    durationMinutes: 45,
    frequency: 'weekly',
    firstDate: firstDateFrom({ weekday: 4, time: '19:30', timeZone }, yearAgo),
  };
  await writeSchedule(db, { ...schedule, journeyId, updatedBy: members[0].id, updatedAt: yearAgo });
  const current = currentOccurrence(schedule, now);
  let meetings = 0;
  let items = 0;
  let written = 0;
  for (let k = 0; ; k++) {
    const occurrence = occurrenceAt(schedule, k);
    const ended = occurrence.endsAt <= now;
    if (!ended && occurrence.date !== current.date) break;
    const at = occurrence.startsAt - DAY_MS;
    const meeting = await ensureMeeting(db, { id: deps.newId(), journeyId, occurrence, now: at });
    meetings++;
    for (const [p, member] of members.entries()) {
      for (let i = 0; i < perPerson; i++) {
        const id = deps.newId();
        const text = texts[(k + i + p) % texts.length] ?? '';
        await insertItem(db, {
          id,
          meetingId: meeting.id,
          authorId: member.id,
          part: agendaParts[(k + i + p) % agendaParts.length] ?? 'appreciation',
          bring: i < perPerson - 1,
          now: at + i,
          sealed: who.seal('meetingItem', member.id, text, id),
        });
        items++;
      }
      if (ended) {
        const id = deps.newId();
        await insertNote(db, {
          id,
          meetingId: meeting.id,
          authorId: member.id,
          shared: p === 0,
          now: occurrence.endsAt + 60_000,
          sealed: who.seal('meetingNote', member.id, notes[(k + p) % notes.length] ?? '', id),
        });
        written++;
      }
    }
    if (!ended) break;
  }
  return { meetings, items, notes: written };
}
