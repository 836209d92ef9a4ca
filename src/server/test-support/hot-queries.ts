import type { CompiledQuery } from 'kysely';
import { compiledSessionLookup } from '../auth/sessions.store.js';
import type { Db } from '../db/schema.js';
import { compiledReads as agreementReads } from '../features/agreements/agreements.store.js';
import {
  compiledReads as commitmentReads,
  compiledLogPages,
} from '../features/commitments/commitments.store.js';
import { compiledAuthors } from '../auth/users.store.js';
import { compiledHistory } from '../features/checkins/checkins.store.js';
import { compiledFromPartner, compiledJourneyState } from '../features/program/program.store.js';
import { compiledPage as meetingPage } from '../features/meetings/meetings.store.js';

/** The ids the sample arguments use; hot-queries.test.ts stores a couple with them. */
export const SAMPLE = {
  alex: 'alex',
  sam: 'sam',
  journeyId: 'journey',
  commitmentId: 'commitment',
  tokenHash: 'token-hash',
} as const;
const { alex, sam, journeyId, commitmentId, tokenHash } = SAMPLE;

/**
 * Every query a store compiles once (compileOnce), by name, with sample arguments: each one's SQL,
 * and on SQLite its plan, is kept in db/__sql__ for review. A new compileOnce without an entry here
 * fails hot-queries.test.ts.
 */
export const hotQueries: Readonly<Record<string, (db: Db) => CompiledQuery<unknown>>> = {
  'session-lookup': (db) => compiledSessionLookup(db)(tokenHash),
  'checkins-history-first': (db) => compiledHistory(db).first(journeyId, alex, 21),
  'checkins-history-after': (db) => compiledHistory(db).after(journeyId, alex, 1, 'checkin', 21),
  'checkins-authors-one': (db) => compiledAuthors(db).one(alex),
  'checkins-authors-two': (db) => compiledAuthors(db).two(alex, sam),
  'commitments-list': (db) => commitmentReads(db).commitments(journeyId),
  'commitments-pools': (db) => commitmentReads(db).pools(journeyId),
  'commitments-log-first': (db) => compiledLogPages(db).first(commitmentId, 11),
  'commitments-log-after': (db) => compiledLogPages(db).after(commitmentId, 1, 'entry', 11),
  'agreements-versions': (db) => agreementReads(db).versions(journeyId),
  'program-members': (db) => compiledJourneyState(db).members(journeyId),
  'program-events': (db) => compiledJourneyState(db).events(journeyId),
  'program-from-partner': (db) => compiledFromPartner(db)(journeyId, alex),
  'meetings-schedule': (db) => meetingPage(db).schedule(journeyId),
  'meetings-feed': (db) => meetingPage(db).feed(alex),
  'meetings-on-one-day': (db) => meetingPage(db).meetingsOne(journeyId, '2026-11-05'),
  'meetings-on-two-days': (db) =>
    meetingPage(db).meetingsTwo(journeyId, '2026-11-05', '2026-10-29'),
  'meetings-items-one-day': (db) => meetingPage(db).itemsOne(journeyId, '2026-11-05'),
  'meetings-items-two-days': (db) =>
    meetingPage(db).itemsTwo(journeyId, '2026-11-05', '2026-10-29'),
  'meetings-notes-one-day': (db) => meetingPage(db).notesOne(journeyId, '2026-11-05'),
  'meetings-notes-two-days': (db) =>
    meetingPage(db).notesTwo(journeyId, '2026-11-05', '2026-10-29'),
};
