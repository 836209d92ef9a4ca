import {
  consentCategories,
  consents,
  therapistMayRead,
  type ConsentCategory,
  type TherapistLinks,
} from '../../../core/access/consent.js';
import { reliabilityAt } from '../../../core/commitments/reliability.js';
import type { CheckinContent, Feeling } from '../../../core/checkins/checkin.js';
import { feelings as feelingOrder } from '../../../core/checkins/checkin.js';
import { DomainError } from '../../../core/errors.js';
import { reliableChange } from '../../../core/measures/scoring.js';
import { journeyProgress } from '../../../core/program/step-model.js';
import type {
  AlertView,
  Caseload,
  CaseloadEntry,
  caseloadApi,
  ClientSummary,
  JointSummary,
  PersonSummary,
  ScreenSummaryResult,
  SuggestionView,
} from '../../../shared/api/caseload.js';
import type { Input, Output } from '../../../shared/api/endpoint.js';
import type { Caller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Deps } from '../../deps.js';
import { listVersions } from '../agreements/agreements.store.js';
import { appendAudit, type NewAuditEvent } from '../audit/audit.store.js';
import { ownCheckinsSince } from '../checkins/checkins.store.js';
import { reliabilityView } from '../commitments/reliability-view.js';
import { decodeSnapshot } from '../commitments/snapshot-codec.js';
import { loadTherapistLinks } from '../consent/links.store.js';
import { loadJourneyState, type JourneyState } from '../program/program.store.js';
import { findSealedSafetyState } from '../safety/safety.store.js';
import { listScreenResults } from '../screens/screens.store.js';
import {
  activeLinks,
  activeLinksWithConsents,
  agreementCategories,
  commitmentsOf,
  findAlert,
  insertSuggestions,
  journeysOf,
  listAlerts,
  markAlertSeen,
  openSuggestions,
  setSuggestionAside,
  sharedLettersSince,
  type StoredAlert,
  type StoredSuggestion,
} from './caseload.store.js';

/**
 * The therapist's side: caseload, alerts, the between-sessions summary and its PDF report, and
 * suggestions. Everything a therapist sees of a client passes the consent rule
 * (`therapistMayRead`) item by item, and every read writes audit events in the same request.
 * A client the therapist may not read (no active link, no consent, another therapist's) answers
 * `client.not_found`, exactly as a client who does not exist.
 */

type Api = typeof caseloadApi;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
export const SUMMARY_DAYS_DEFAULT = 14;
/** The most check-ins one summary opens for one person (a year of several a day). */
const CHECKINS_MAX = 2000;

/** What a request tells the audit log: its id. */
export interface RequestInfo {
  readonly requestId: string;
}

const alertRank = (kind: StoredAlert['kind'] | undefined): number =>
  kind === 'crisis_item9' || kind === 'crisis_safety' ? 0 : kind === 'deterioration' ? 1 : 2;

const alertView = (who: People, a: StoredAlert): AlertView => ({
  id: a.id,
  clientId: a.clientId,
  clientName: who.name(a.clientId),
  kind: a.kind,
  at: a.at,
  seenAt: a.seenAt,
});

const audit = (
  deps: Deps,
  c: Caller,
  req: RequestInfo,
  e: { action: string; subjectId: string | null; category: string | null; items: string[] },
): NewAuditEvent => ({
  id: deps.newId(),
  at: deps.clock(),
  actorId: c.userId,
  actorRole: c.accountRole,
  requestId: req.requestId,
  ...e,
});

// Caseload and alerts

export async function caseload(deps: Deps, c: Caller, req: RequestInfo): Promise<Caseload> {
  const db = deps.database.db;
  const { links, consents: consentsOf } = await activeLinksWithConsents(
    db,
    deps.database.dialect,
    c.userId,
  );
  const clientIds = links.map((l) => l.clientId);
  const [{ journeyOf, membersOf }, alerts] = await Promise.all([
    journeysOf(db, clientIds),
    listAlerts(db, c.userId),
  ]);
  const who = await c.keys.people(clientIds);
  const linked = new Set(clientIds);
  const alertsOf = new Map<string, StoredAlert[]>();
  for (const a of alerts) {
    if (!linked.has(a.clientId)) continue;
    const list = alertsOf.get(a.clientId) ?? [];
    list.push(a);
    alertsOf.set(a.clientId, list);
  }

  // A couple: both partners of one journey linked with this therapist, shown together.
  const placed = new Set<string>();
  const groups: string[][] = [];
  for (const link of [...links].sort(
    (a, b) => a.since - b.since || a.clientId.localeCompare(b.clientId),
  )) {
    if (placed.has(link.clientId)) continue;
    const j = journeyOf.get(link.clientId);
    const together = (j ? membersOf.get(j) : undefined)?.filter((id) => linked.has(id)) ?? [];
    // Partners who joined at the same moment have no order of their own: by name, then id.
    const group =
      together.length === 2
        ? together.sort((x, y) => who.name(x).localeCompare(who.name(y)) || x.localeCompare(y))
        : [link.clientId];
    for (const id of group) placed.add(id);
    groups.push(group);
  }

  const since = new Map(links.map((l) => [l.clientId, l.since]));
  const entries: (CaseloadEntry & { rank: number; sortName: string })[] = groups.map((group) => {
    const own = group.flatMap((id) => alertsOf.get(id) ?? []).sort((a, b) => b.at - a.at);
    const unseen = own.filter((a) => a.seenAt === null);
    const rank = Math.min(2, ...unseen.map((a) => alertRank(a.kind)));
    const latest = own[0];
    const clients = group.map((id) => ({
      id,
      name: who.name(id),
      linkedSince: since.get(id) ?? 0,
      shared: consentCategories.filter((cat) => consents(consentsOf, id, cat)),
    }));
    return {
      kind: group.length === 2 ? 'couple' : 'individual',
      clients,
      unseenAlerts: unseen.length,
      latestAlert: latest ? alertView(who, latest) : null,
      rank,
      sortName: clients.map((x) => x.name).join(' & '),
    };
  });
  entries.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.rank < 2 ? (b.latestAlert?.at ?? 0) - (a.latestAlert?.at ?? 0) : 0) ||
      a.sortName.localeCompare(b.sortName),
  );

  await appendAudit(db, deps.database.dialect, [
    audit(deps, c, req, {
      action: 'read',
      subjectId: null,
      category: 'caseload',
      items: clientIds,
    }),
  ]);
  return {
    entries: entries.map(({ rank: _r, sortName: _s, ...e }) => e),
    alerts: alerts.filter((a) => linked.has(a.clientId)).map((a) => alertView(who, a)),
  };
}

export async function therapistAlerts(
  deps: Deps,
  c: Caller,
  req: RequestInfo,
): Promise<Output<Api['alerts']>> {
  const db = deps.database.db;
  const alerts = await listAlerts(db, c.userId);
  const who = await c.keys.people([...new Set(alerts.map((a) => a.clientId))]);
  if (alerts.length > 0) {
    // Which client had a crisis answer is itself about them: logged, per client.
    const byClient = new Map<string, string[]>();
    for (const a of alerts) byClient.set(a.clientId, [...(byClient.get(a.clientId) ?? []), a.id]);
    await appendAudit(
      db,
      deps.database.dialect,
      [...byClient].map(([clientId, items]) =>
        audit(deps, c, req, { action: 'read', subjectId: clientId, category: 'alerts', items }),
      ),
    );
  }
  return { alerts: alerts.map((a) => alertView(who, a)) };
}

export async function markSeen(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['alertSeen']>, 'params'>,
): Promise<AlertView> {
  const db = deps.database.db;
  const alert = await findAlert(db, c.userId, params.id);
  if (!alert) throw new DomainError('not_found');
  const now = deps.clock();
  await markAlertSeen(db, alert.id, now);
  const who = await c.keys.people([alert.clientId]);
  return alertView(who, { ...alert, seenAt: alert.seenAt ?? now });
}

// The between-sessions summary

/** The start of the period: the day asked for (UTC), or 14 days ago. */
export const sinceOf = (deps: Pick<Deps, 'clock'>, since: string | undefined): number =>
  since === undefined
    ? deps.clock() - SUMMARY_DAYS_DEFAULT * DAY_MS
    : Date.parse(`${since}T00:00:00Z`);

interface Readable {
  readonly links: TherapistLinks;
  /** The client asked for, then their partner when both are linked with this therapist. */
  readonly people: readonly string[];
  readonly journeyId: string | undefined;
  /** Everyone now in the client's journey (the owners of what they made together). */
  readonly members: readonly string[];
  /** The journey's program state, read once however many parts of the summary need it. */
  readonly journeyState: () => Promise<JourneyState>;
}

/**
 * The client and, when both partners are linked with this therapist, their partner. A client
 * with no active link, or one who shares nothing, is `client.not_found`, like one who does not
 * exist.
 */
async function readable(deps: Deps, c: Caller, clientId: string): Promise<Readable> {
  const db = deps.database.db;
  const { journeyOf, membersOf } = await journeysOf(db, [clientId]);
  const journeyId = journeyOf.get(clientId);
  const members = journeyId ? (membersOf.get(journeyId) ?? [clientId]) : [clientId];
  const links = await loadTherapistLinks(db, c.userId, [...new Set([clientId, ...members])]);
  const own = links.get(clientId);
  if (!own || own.status !== 'active' || own.consents.size === 0)
    throw new DomainError('client.not_found');
  const partner = members.find((m) => m !== clientId && links.get(m)?.status === 'active');
  let state: Promise<JourneyState> | undefined;
  return {
    links,
    people: partner ? [clientId, partner] : [clientId],
    journeyId,
    members,
    journeyState: () => {
      if (!journeyId) throw new Error('no journey');
      return (state ??= loadJourneyState(db, deps.sealer, journeyId));
    },
  };
}

/** One category's read, for the audit log. */
interface Read {
  readonly subjectId: string;
  readonly category: ConsentCategory;
  readonly items: string[];
}

const may = (links: TherapistLinks, category: ConsentCategory, owners: string[], kept = false) =>
  therapistMayRead(links, { category, owners, kept }).allow;

const round2 = (v: number) => Math.round(v * 100) / 100;

function checkinSummary(
  who: People,
  personId: string,
  rows: { id: string; createdAt: number; sealed: string }[],
  since: number,
): NonNullable<PersonSummary['checkins']> {
  const total = new Map<Feeling, { n: number; sum: number }>();
  const weeks = new Map<number, Map<Feeling, { n: number; sum: number }>>();
  const add = (m: Map<Feeling, { n: number; sum: number }>, f: Feeling, v: number) => {
    const s = m.get(f) ?? { n: 0, sum: 0 };
    s.n += 1;
    s.sum += v;
    m.set(f, s);
  };
  for (const row of rows) {
    const content = JSON.parse(who.open('checkin', personId, row.sealed, row.id)) as CheckinContent;
    const week = since + Math.floor((row.createdAt - since) / WEEK_MS) * WEEK_MS;
    const perWeek = weeks.get(week) ?? new Map<Feeling, { n: number; sum: number }>();
    weeks.set(week, perWeek);
    for (const entry of content.feelings) {
      add(total, entry.feeling, entry.intensity);
      add(perWeek, entry.feeling, entry.intensity);
    }
  }
  const list = (m: Map<Feeling, { n: number; sum: number }>) =>
    feelingOrder.flatMap((feeling) => {
      const s = m.get(feeling);
      return s ? [{ feeling, count: s.n, averageIntensity: round2(s.sum / s.n) }] : [];
    });
  return {
    count: rows.length,
    feelings: list(total),
    weeks: [...weeks].sort(([a], [b]) => a - b).map(([start, m]) => ({ start, feelings: list(m) })),
    ids: rows.map((r) => r.id),
  };
}

async function personSummary(
  deps: Deps,
  who: People,
  r: Readable,
  personId: string,
  since: number,
  now: number,
  reads: Read[],
): Promise<PersonSummary> {
  const db = deps.database.db;
  const { links } = r;
  const owners = [personId];
  const shares = (cat: ConsentCategory) => consents(links, personId, cat);

  let checkins: PersonSummary['checkins'] = null;
  if (shares('checkins')) {
    const rows = (await ownCheckinsSince(db, personId, since, CHECKINS_MAX))
      // Consent to check-ins is the sharing: every one of this person's, kept from the partner or not.
      .filter(() => may(links, 'checkins', owners))
      .reverse();
    checkins = checkinSummary(who, personId, rows, since);
    reads.push({ subjectId: personId, category: 'checkins', items: checkins.ids });
  }

  let screens: PersonSummary['screens'] = null;
  if (shares('screens')) {
    const results: ScreenSummaryResult[] = [];
    for (const instrument of deps.content.instruments.values()) {
      const rows = await listScreenResults(db, personId, instrument.id);
      // Opened only when shown or compared with (the period's, the one before and the first):
      // a year of screens is otherwise ~50 opens a person for a two-week summary.
      const totals = new Map<number, number>();
      const totalAt = (i: number): number | undefined => {
        const row = rows[i];
        if (!row) return undefined;
        let total = totals.get(i);
        if (total === undefined) {
          total = (
            JSON.parse(who.open('screenResult', personId, row.sealed, row.id)) as { total: number }
          ).total;
          totals.set(i, total);
        }
        return total;
      };
      rows.forEach((row, i) => {
        if (row.createdAt < since || !may(links, 'screens', owners)) return;
        const total = totalAt(i) ?? 0;
        const previous = i > 0 ? totalAt(i - 1) : undefined;
        const first = i > 0 ? totalAt(0) : undefined;
        const band = instrument.bands.find((b) => total >= b.min && total <= b.max);
        results.push({
          id: row.id,
          instrumentId: instrument.id,
          createdAt: row.createdAt,
          total,
          max: instrument.scoring.max,
          band: { id: band?.id ?? '', label: band?.label ?? '' },
          changeSincePrevious:
            previous === undefined ? null : reliableChange(instrument, previous, total),
          changeSinceFirst: first === undefined ? null : reliableChange(instrument, first, total),
        });
      });
    }
    results.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    screens = { results };
    reads.push({ subjectId: personId, category: 'screens', items: results.map((x) => x.id) });
  }

  let letters: PersonSummary['letters'] = null;
  if (shares('letters')) {
    const rows = await sharedLettersSince(db, personId, since);
    const items = rows.flatMap((row) => {
      // Drafts, kept versions and unsent letters stay private whatever the consent.
      const kept = row.state !== 'shared' || row.kind === 'unsent';
      return may(links, 'letters', owners, kept) && row.kind !== 'unsent'
        ? [{ id: row.id, kind: row.kind, version: row.version, sharedAt: row.sharedAt }]
        : [];
    });
    letters = { items };
    reads.push({ subjectId: personId, category: 'letters', items: items.map((x) => x.id) });
  }

  let commitments: PersonSummary['commitments'] = null;
  if (shares('agreements')) {
    const rows = await commitmentsOf(db, personId, since);
    const categories = await agreementCategories(
      db,
      rows.map((row) => ({ agreementId: row.agreementId, version: row.agreementVersion })),
    );
    const items = rows.flatMap((row) =>
      may(links, 'agreements', owners)
        ? [
            {
              id: row.id,
              category: categories.get(`${row.agreementId}:${row.agreementVersion}`) ?? 'other',
              rhythm: row.rhythm,
              startedAt: row.startedAt,
              endedAt: row.endedAt,
              reliability: reliabilityView(
                reliabilityAt(decodeSnapshot(row.reliability, { trend: false }), now),
              ),
            },
          ]
        : [],
    );
    commitments = { items };
    reads.push({ subjectId: personId, category: 'agreements', items: items.map((x) => x.id) });
  }

  let safety: PersonSummary['safety'] = null;
  if (shares('safety') && may(links, 'safety', owners)) {
    const sealed = await findSealedSafetyState(db, personId);
    const state = sealed
      ? (JSON.parse(who.open('safetyState', personId, sealed, personId)) as {
          checkedAt: number | null;
          answers: Record<string, boolean> | null;
        })
      : undefined;
    safety = {
      checkedAt: state?.checkedAt ?? null,
      anyYes: state?.answers ? Object.values(state.answers).some((v) => v === true) : null,
    };
    reads.push({ subjectId: personId, category: 'safety', items: [personId] });
  }

  let exercises: PersonSummary['exercises'] = null;
  if (shares('program') && r.journeyId) {
    const state = await r.journeyState();
    const titles = new Map(
      deps.content.program.steps.flatMap((s) => s.exercises.map((e) => [e.id, e.title] as const)),
    );
    exercises = state.events.flatMap((e) =>
      e.kind === 'exercise' &&
      e.memberId === personId &&
      e.at >= since &&
      may(links, 'program', owners)
        ? [{ exerciseId: e.exerciseId, title: titles.get(e.exerciseId) ?? e.exerciseId, at: e.at }]
        : [],
    );
    reads.push({
      subjectId: personId,
      category: 'program',
      items: exercises.map((x) => x.exerciseId),
    });
  } else if (shares('program')) {
    exercises = [];
  }

  return {
    clientId: personId,
    name: who.name(personId),
    notShared: consentCategories.filter((cat) => !shares(cat)),
    checkins,
    screens,
    letters,
    commitments,
    safety,
    exercises,
  };
}

/** What the journey's members made together: shown only when every member shares it. */
async function jointSummary(
  deps: Deps,
  r: Readable,
  since: number,
  reads: Read[],
): Promise<JointSummary | null> {
  if (!r.journeyId) return null;
  const db = deps.database.db;
  const owners = [...r.members];
  const notShared: ConsentCategory[] = [];
  let program: JointSummary['program'] = null;
  if (may(r.links, 'program', owners)) {
    const state = await r.journeyState();
    const progress = journeyProgress(deps.content.program, state.members, state.events);
    const title = new Map(deps.content.program.steps.map((s) => [s.id, s.title]));
    const done = progress.steps.flatMap((s) =>
      s.status === 'done' && s.doneAt !== null && s.doneAt >= since
        ? [{ stepId: s.stepId, title: title.get(s.stepId) ?? s.stepId, at: s.doneAt }]
        : [],
    );
    const revisited = state.events.flatMap((e) =>
      e.kind === 'revisit' && e.at >= since
        ? [{ stepId: e.stepId, title: title.get(e.stepId) ?? e.stepId, at: e.at }]
        : [],
    );
    program = { done, revisited };
    const items = [...new Set([...done, ...revisited].map((x) => x.stepId))];
    for (const owner of owners) reads.push({ subjectId: owner, category: 'program', items });
  } else notShared.push('program');

  let agreements: JointSummary['agreements'] = null;
  if (owners.length === 2 && may(r.links, 'agreements', owners)) {
    const versions = await listVersions(db, r.journeyId);
    const items = versions
      .filter((v) => v.at >= since)
      .map((v) => ({
        id: v.agreementId,
        version: v.version,
        category: v.category,
        status: v.status,
        at: v.at,
      }));
    agreements = { items };
    for (const owner of owners)
      reads.push({
        subjectId: owner,
        category: 'agreements',
        items: [...new Set(items.map((x) => `${x.id}:${x.version}`))],
      });
  } else if (owners.length === 2) notShared.push('agreements');
  return { notShared, program, agreements };
}

/** The summary and the reads it made, for the summary endpoint and the report. */
export async function buildSummary(
  deps: Deps,
  c: Caller,
  clientId: string,
  sinceDay: string | undefined,
): Promise<{ summary: ClientSummary; reads: Read[] }> {
  const r = await readable(deps, c, clientId);
  const since = sinceOf(deps, sinceDay);
  const now = deps.clock();
  const who = await c.keys.people(r.people);
  const reads: Read[] = [];
  const people: PersonSummary[] = [];
  for (const p of r.people) people.push(await personSummary(deps, who, r, p, since, now, reads));
  const joint = await jointSummary(deps, r, since, reads);
  return {
    summary: {
      since,
      to: now,
      kind: r.people.length === 2 ? 'couple' : 'individual',
      people,
      joint,
    },
    reads,
  };
}

/** Writes one event per category read, per person, with the ids shown. */
export const logReads = (
  deps: Deps,
  c: Caller,
  req: RequestInfo,
  action: 'read' | 'export',
  reads: readonly Read[],
) =>
  appendAudit(
    deps.database.db,
    deps.database.dialect,
    reads.map((read) =>
      audit(deps, c, req, {
        action,
        subjectId: read.subjectId,
        category: read.category,
        items: read.items,
      }),
    ),
  );

export async function clientSummary(
  deps: Deps,
  c: Caller,
  { params, query }: Pick<Input<Api['summary']>, 'params' | 'query'>,
  req: RequestInfo,
): Promise<ClientSummary> {
  const { summary, reads } = await buildSummary(deps, c, params.id, query.since);
  await logReads(deps, c, req, 'read', reads);
  return summary;
}

// Suggestions

interface Suggestible {
  readonly title: string;
  readonly href: string;
}

/** The step, exercise or tool a suggestion names, from the content; undefined when unknown. */
export function suggestible(
  deps: Pick<Deps, 'content'>,
  kind: StoredSuggestion['kind'],
  ref: string,
): Suggestible | undefined {
  const { program, tools } = deps.content;
  if (kind === 'step') {
    const step = program.steps.find((s) => s.id === ref);
    return step && { title: step.title, href: `/app/program/${step.id}` };
  }
  if (kind === 'exercise') {
    for (const step of program.steps) {
      const ex = step.exercises.find((e) => e.id === ref);
      if (ex) return { title: ex.title, href: `/app/program/${step.id}` };
    }
    return undefined;
  }
  const tool = tools.pages.get(ref);
  return tool && { title: tool.title, href: `/tools/${tool.slug}` };
}

export function suggestOptions(deps: Deps): Output<Api['suggestOptions']> {
  const { program, tools } = deps.content;
  return {
    options: [
      ...program.steps.map((s) => ({ kind: 'step' as const, ref: s.id, title: s.title })),
      ...program.steps.flatMap((s) =>
        s.exercises.map((e) => ({ kind: 'exercise' as const, ref: e.id, title: e.title })),
      ),
      ...tools.index.map((p) => ({ kind: 'tool' as const, ref: p.slug, title: p.title })),
    ],
  };
}

const suggestionView = (
  deps: Deps,
  who: People,
  s: StoredSuggestion,
): SuggestionView | undefined => {
  const target = suggestible(deps, s.kind, s.ref);
  if (!target) return undefined;
  return {
    id: s.id,
    clientId: s.clientId,
    kind: s.kind,
    ref: s.ref,
    title: target.title,
    href: target.href,
    note: who.open('suggestionNote', s.therapistId, s.noteSealed, s.id),
    therapistName: who.name(s.therapistId),
    createdAt: s.createdAt,
  };
};

export async function suggest(
  deps: Deps,
  c: Caller,
  { params, body }: Pick<Input<Api['suggest']>, 'params' | 'body'>,
): Promise<Output<Api['suggest']>> {
  const db = deps.database.db;
  const { journeyOf, membersOf } = await journeysOf(db, [params.id]);
  const journeyId = journeyOf.get(params.id);
  const members = journeyId ? (membersOf.get(journeyId) ?? []) : [];
  const links = await activeLinks(db, c.userId, [...new Set([params.id, ...members])]);
  const linked = new Set(links.map((l) => l.clientId));
  // Suggesting is not reading: an active link is enough, consent or not.
  if (!linked.has(params.id)) throw new DomainError('client.not_found');
  if (!suggestible(deps, body.kind, body.ref)) throw new DomainError('suggestion.ref_unknown');
  const to = body.couple
    ? [params.id, ...members.filter((m) => m !== params.id && linked.has(m))]
    : [params.id];
  const who = await c.keys.people([c.userId]);
  const now = deps.clock();
  const rows: StoredSuggestion[] = to.map((clientId) => {
    const id = deps.newId();
    return {
      id,
      therapistId: c.userId,
      clientId,
      kind: body.kind,
      ref: body.ref,
      noteSealed: who.seal('suggestionNote', c.userId, body.note, id),
      createdAt: now,
      setAsideAt: null,
    };
  });
  await insertSuggestions(db, rows);
  return { suggestions: rows.flatMap((s) => suggestionView(deps, who, s) ?? []) };
}

export async function mySuggestions(deps: Deps, c: Caller): Promise<Output<Api['mySuggestions']>> {
  const rows = await openSuggestions(deps.database.db, c.userId);
  if (rows.length === 0) return { items: [] };
  const who = await c.keys.people([...new Set(rows.map((r) => r.therapistId))]);
  return { items: rows.flatMap((s) => suggestionView(deps, who, s) ?? []) };
}

export async function setAside(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['setAside']>, 'params'>,
): Promise<void> {
  const found = await setSuggestionAside(deps.database.db, c.userId, params.id, deps.clock());
  if (!found) throw new DomainError('not_found');
}
