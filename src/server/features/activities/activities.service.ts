import {
  refusalToCalendar,
  refusalToChange,
  refusalToShare,
  statusOf,
  type ActivityPlan,
} from '../../../core/activities/activity.js';
import { DomainError, refuseIf } from '../../../core/errors.js';
import type { ExerciseWork } from '../../../core/program/exercise-work.js';
import type { ActivityList, ActivityView, activitiesApi } from '../../../shared/api/activities.js';
import type { Input } from '../../../shared/api/endpoint.js';
import { t } from '../../../shared/i18n/messages.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { journeyFacts } from '../journeys/journeys.store.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import { loadSafetyState } from '../safety/safety.service.js';
import { activityCalendar } from './activities.calendar.js';
import {
  findActivity,
  insertActivity,
  listActivities,
  writeDone,
  writePlan,
  writeSetAside,
  type StoredActivity,
} from './activities.store.js';
import { ts } from '../../../shared/i18n/steps.js';

/**
 * Step 5, shared activities: a couple's list of ideas and plans, each partner's "we did this" with
 * a note both read, and a calendar file for a plan. Both partners read and change every item of
 * their journey; to anyone else an item does not exist.
 */

type Api = typeof activitiesApi;

interface Opened {
  readonly title: string;
  readonly details: string | null;
}

const opened = (who: People, a: StoredActivity): Opened => ({
  title: who.open('activityTitle', a.addedBy, a.titleSealed, a.id),
  details:
    a.detailsSealed === null ? null : who.open('activityDetails', a.addedBy, a.detailsSealed, a.id),
});

const peopleIn = (activities: readonly StoredActivity[]) => [
  ...new Set(activities.flatMap((a) => [a.addedBy, ...a.done.map((d) => d.memberId)])),
];

function viewOf(c: JourneyCaller, who: People, a: StoredActivity): ActivityView {
  const words = opened(who, a);
  const done = a.done
    .map((d) => ({
      mine: d.memberId === c.userId,
      name: who.name(d.memberId),
      at: d.at,
      note:
        d.noteSealed === null
          ? null
          : who.open('activityDoneNote', d.memberId, d.noteSealed, a.id, d.memberId),
    }))
    .sort((x, y) => Number(y.mine) - Number(x.mine));
  return {
    id: a.id,
    title: words.title,
    details: words.details,
    addedByMe: a.addedBy === c.userId,
    addedByName: who.name(a.addedBy),
    addedAt: a.addedAt,
    status: statusOf({
      plan: a.plan,
      setAsideAt: a.setAsideAt,
      doneBy: a.done.map((d) => d.memberId),
    }),
    plan: a.plan,
    done,
    updatedAt: a.updatedAt,
  };
}

const hasPartner = async (db: Db, journeyId: string) =>
  (await journeyFacts(db, journeyId)).memberCount > 1;

/** One activity of the caller's journey, or `activity.not_found` (a stranger's reads the same). */
async function mustFind(deps: Deps, c: JourneyCaller, id: string): Promise<StoredActivity> {
  const found = await findActivity(deps.database.db, c.journeyId, id);
  if (!found) throw new DomainError('activity.not_found');
  return found;
}

async function reread(deps: Deps, c: JourneyCaller, id: string): Promise<ActivityView> {
  const a = await mustFind(deps, c, id);
  return viewOf(c, await c.keys.people(peopleIn([a])), a);
}

/** Runs a change with the caller's work on the exercise, in one transaction. */
async function change(
  deps: Deps,
  c: JourneyCaller,
  work: ExerciseWork | null,
  write: (trx: Db) => Promise<void>,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    await write(trx);
    if (work)
      await exerciseRecorder(deps)(trx, { journeyId: c.journeyId, memberId: c.userId, work });
  });
}

export async function listSharedActivities(deps: Deps, c: JourneyCaller): Promise<ActivityList> {
  const db = deps.database.db;
  const stored = await listActivities(db, c.journeyId);
  const who = await c.keys.people(peopleIn(stored));
  return {
    hasPartner: await hasPartner(db, c.journeyId),
    activities: stored.map((a) => viewOf(c, who, a)),
  };
}

export async function addActivity(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['add']>, 'body'>,
): Promise<ActivityView> {
  refuseIf(refusalToShare({ hasPartner: await hasPartner(deps.database.db, c.journeyId) }));
  const id = deps.newId();
  const who = await c.keys.people([c.userId]);
  const details = body.details ? body.details : null;
  const titleSealed = who.seal('activityTitle', c.userId, body.title, id);
  const detailsSealed =
    details === null ? null : who.seal('activityDetails', c.userId, details, id);
  await change(deps, c, 'activity_added', (trx) =>
    insertActivity(trx, {
      id,
      journeyId: c.journeyId,
      addedBy: c.userId,
      now: deps.clock(),
      titleSealed,
      detailsSealed,
    }),
  );
  return reread(deps, c, id);
}

/** The activity, when the couple may change it now (both on the journey, not set aside). */
async function changeable(deps: Deps, c: JourneyCaller, id: string): Promise<StoredActivity> {
  const a = await mustFind(deps, c, id);
  refuseIf(refusalToShare({ hasPartner: await hasPartner(deps.database.db, c.journeyId) }));
  refuseIf(refusalToChange({ plan: a.plan, setAsideAt: a.setAsideAt, doneBy: [] }));
  return a;
}

export async function planActivity(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['plan']>, 'params' | 'body'>,
): Promise<ActivityView> {
  const a = await changeable(deps, c, params.id);
  const plan: ActivityPlan = {
    date: body.date,
    time: body.time,
    timeZone: body.timeZone,
    durationMinutes: body.durationMinutes,
  };
  await change(deps, c, 'activity_planned', (trx) => writePlan(trx, a.id, plan, deps.clock()));
  return reread(deps, c, a.id);
}

export async function markActivityDone(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['done']>, 'params' | 'body'>,
): Promise<ActivityView> {
  const a = await changeable(deps, c, params.id);
  const who = await c.keys.people([c.userId]);
  const noteSealed =
    body.note === '' ? null : who.seal('activityDoneNote', c.userId, body.note, a.id, c.userId);
  await change(deps, c, 'activity_done', (trx) =>
    writeDone(trx, { activityId: a.id, memberId: c.userId, now: deps.clock(), noteSealed }),
  );
  return reread(deps, c, a.id);
}

export async function setActivityAside(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['setAside']>, 'params' | 'body'>,
): Promise<ActivityView> {
  const a = await mustFind(deps, c, params.id);
  refuseIf(refusalToShare({ hasPartner: await hasPartner(deps.database.db, c.journeyId) }));
  await change(deps, c, null, (trx) => writeSetAside(trx, a.id, body.setAside, deps.clock()));
  return reread(deps, c, a.id);
}

/**
 * A planned activity as a calendar file. In the caller's discreet mode the title is neutral and
 * there is no description, so a glance at a shared calendar tells nothing.
 */
export async function activityCalendarFile(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['calendar']>, 'params'>,
): Promise<string> {
  const a = await mustFind(deps, c, params.id);
  refuseIf(refusalToCalendar({ plan: a.plan, setAsideAt: a.setAsideAt, doneBy: [] }));
  if (!a.plan) throw new DomainError('activity.not_planned');
  const words = opened(await c.keys.people([a.addedBy]), a);
  const { discreet } = await loadSafetyState(deps, c.userId, c.keys);
  return activityCalendar(
    { id: a.id, title: words.title, details: words.details, plan: a.plan, updatedAt: a.updatedAt },
    {
      host: new URL(deps.config.publicOrigin).host,
      discreet,
      neutralTitle: ts('activities.calendar.neutralTitle'),
      company: t('app.name'),
    },
  );
}
