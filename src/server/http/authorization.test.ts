import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyOf } from './access.js';
import {
  createTestApp,
  makeJourney,
  makeMember,
  PASSWORD,
  TestClient,
  tokenOf,
  uniqueEmail,
  writeCheckin,
  type Member,
  type TestApp,
} from '../test-support/harness.js';
import { CSRF_HEADER } from './access.js';
import { fullProfile, tinyPng } from '../test-support/directory.js';

/** The group the administrator plans in the matrix; the public group cases after it read it. */
const groupBody = {
  name: 'Weekly circle',
  description: 'A calm group.',
  format: 'online',
  location: '',
  facilitatorId: null,
  capacity: 8,
  placesTaken: 0,
  timeZone: 'Europe/Berlin',
  firstMeeting: '2026-11-03T18:30',
  durationMinutes: 90,
  recurrence: { frequency: 'weekly', count: 6, until: null },
  published: true,
};
import { enrollTotp } from '../test-support/two-factor.js';
import { makeTherapist } from '../test-support/practice.js';
import { linkClient } from '../test-support/caseload.js';
import { closenessKindIds } from '../../core/intimacy/kinds.js';

type BaseActor = 'anonymous' | 'admin' | 'other' | 'partner' | 'self';
/**
 * Therapists of the practice, as Alex ("self") sees them: Lee, linked with Alex, who may see Alex's
 * check-ins and screens (not letters); Kim, linked, with no consent at all; Pat, whose link with
 * Alex ended; and Dee, another therapist of the practice with no link to Alex.
 */
type TherapistActor = 'therapist' | 'therapistNoConsent' | 'therapistEnded' | 'otherTherapist';
type ActorName = BaseActor | TherapistActor;
const therapistActors: TherapistActor[] = [
  'therapist',
  'therapistNoConsent',
  'therapistEnded',
  'otherTherapist',
];
/** Order matters: the owner ("self") goes last, so that a delete by them does not hide others' outcomes. */
const actorNames: ActorName[] = [
  'anonymous',
  'admin',
  'other',
  'partner',
  ...therapistActors,
  'self',
];

interface Fixture {
  alex: Member; // "self": owns the journey and the check-ins
  sam: Member; // "partner": Alex's partner, joined through an invite
  chris: Member; // "other": member of another journey, with an open invite of their own
  admin: Member;
  privateId: string;
  sharedId: string;
  pendingInviteId: string;
  pendingToken: string;
  /** Alex's PHQ-9 result: private to Alex, whatever the relationship. */
  screenId: string;
  /** Alex's letters (a draft, a draft to send, a sent one), Sam's sent reflection, Alex's time-out. */
  letters: { draft: string; toShare: string; shared: string; reflection: string };
  timeoutId: string;
  /** Alex's agreements: one waiting for Sam's answer, one Sam accepted; Alex's commitment and entry. */
  agreements: { proposed: string; accepted: string; commitment: string; log: string };
  /** A request someone sent the practice, to anyone. */
  intakeId: string;
  therapists: Record<TherapistActor, Member>;
  /** Lee's (active) link with Alex. */
  leeLinkId: string;
  /** Alex's preparation item for the next meeting (not brought), and Alex's calendar feed. */
  meetings: { itemId: string; feedPath: string };
  /** Alex's shared activity, planned for a day (step 5). */
  activityId: string;
  /** Alex's appreciation note to Sam (step 5). */
  appreciationId: string;
}

/**
 * One status for everyone, or one per actor. Therapist actors may be left out where the route's
 * policy decides for them (member and administrator routes refuse them with 403; public and
 * signed-in routes answer them as they answer the administrator, another staff account); a
 * therapist route must say, with `therapists` for all four alike or one key each.
 */
type Expect =
  number | (Record<BaseActor, number> & Partial<Record<TherapistActor | 'therapists', number>>);
interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expect: Expect;
  sees?: Partial<Record<ActorName, ('private' | 'shared')[]>>;
}

const members = (
  statusForMembers: number | Partial<Record<'other' | 'partner' | 'self', number>>,
) => {
  const m =
    typeof statusForMembers === 'number'
      ? { other: statusForMembers, partner: statusForMembers, self: statusForMembers }
      : statusForMembers;
  return {
    anonymous: 401,
    admin: 403,
    other: m.other ?? 0,
    partner: m.partner ?? 0,
    self: m.self ?? 0,
  };
};

/** The consent feature's routes (none of the fixture's members has a link: every id is unknown). */
function consentCases(): Case[] {
  const noLink = '00000000-0000-4000-8000-000000000001';
  const therapistOnly = (therapists: number) => ({
    anonymous: 401,
    admin: 403,
    other: 403,
    partner: 403,
    self: 403,
    therapists,
  });
  return [
    {
      method: 'GET',
      route: '/api/my-therapists',
      url: () => '/api/my-therapists',
      expect: members(200),
    },
    {
      method: 'GET',
      route: '/api/my-therapists/directory',
      url: () => '/api/my-therapists/directory',
      expect: members(200),
    },
    {
      method: 'POST',
      route: '/api/my-therapists',
      url: () => '/api/my-therapists',
      body: () => ({ slug: 'nobody-here', alertCrisis: false }),
      expect: members(404),
    },
    {
      method: 'PUT',
      route: '/api/my-therapists/:id/alerts',
      url: () => `/api/my-therapists/${noLink}/alerts`,
      body: () => ({ alertCrisis: true }),
      expect: members(404),
    },
    {
      method: 'PUT',
      route: '/api/my-therapists/:id/consents/:category',
      url: () => `/api/my-therapists/${noLink}/consents/checkins`,
      body: () => ({ granted: true }),
      expect: members(404),
    },
    {
      method: 'POST',
      route: '/api/my-therapists/:id/end',
      url: () => `/api/my-therapists/${noLink}/end`,
      expect: members(404),
    },
    {
      method: 'GET',
      route: '/api/therapist/links',
      url: () => '/api/therapist/links',
      expect: therapistOnly(200),
    },
    ...(['accept', 'decline', 'end'] as const).map((action): Case => ({
      method: 'POST',
      route: `/api/therapist/links/:id/${action}`,
      url: () => `/api/therapist/links/${noLink}/${action}`,
      expect: therapistOnly(404),
    })),
    // Lee's link with Alex, already accepted: Lee is told so; any other therapist, not found.
    {
      method: 'POST',
      route: '/api/therapist/links/:id/accept',
      url: (f) => `/api/therapist/links/${f.leeLinkId}/accept`,
      expect: { ...therapistOnly(404), therapist: 409 },
    },
    {
      method: 'POST',
      route: '/api/therapist/link-codes',
      url: () => '/api/therapist/link-codes',
      expect: therapistOnly(201),
    },
  ];
}

/** Every API route × every actor, with the outcome each must get. */
const cases: Case[] = [
  { method: 'GET', route: '/api/health', url: () => '/api/health', expect: 200 },
  { method: 'GET', route: '/api/openapi.json', url: () => '/api/openapi.json', expect: 200 },
  { method: 'GET', route: '/api/docs', url: () => '/api/docs', expect: 200 },
  // The page behind every problem's `type` link: public, like the API overview.
  {
    method: 'GET',
    route: '/problems/:code',
    url: () => '/problems/auth.unauthenticated',
    expect: 200,
  },
  // Tools for intense moments: public pages, the same for everyone, signed in or not.
  { method: 'GET', route: '/tools', url: () => '/tools', expect: 200 },
  { method: 'GET', route: '/tools/:slug', url: () => '/tools/breathing', expect: 200 },
  { method: 'GET', route: '/api/setup', url: () => '/api/setup', expect: 200 },
  {
    method: 'POST',
    route: '/api/setup',
    url: () => '/api/setup',
    body: () => ({ email: uniqueEmail('admin'), password: PASSWORD, displayName: 'Another admin' }),
    expect: 404,
  },
  {
    method: 'POST',
    route: '/api/auth/signin',
    url: () => '/api/auth/signin',
    body: (f) => ({ email: f.alex.email, password: 'not the password' }),
    expect: 401,
  },
  {
    method: 'POST',
    route: '/api/auth/signup',
    url: () => '/api/auth/signup',
    body: (f) => ({ email: f.alex.email, password: PASSWORD, displayName: 'Copycat' }),
    expect: 409,
  },
  { method: 'GET', route: '/api/auth/session', url: () => '/api/auth/session', expect: 200 },
  { method: 'GET', route: '/api/crisis', url: () => '/api/crisis', expect: 200 },
  // The practice's settings: the administrator's alone; members may not even read them.
  {
    method: 'GET',
    route: '/api/practice/settings',
    url: () => '/api/practice/settings',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'PUT',
    route: '/api/practice/settings',
    url: () => '/api/practice/settings',
    body: () => ({ defaultCountry: null }),
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  // The audit log: a client's own read log (events about them only; the audit tests check whose),
  // and the practice's log and its check, the administrator's alone.
  {
    method: 'GET',
    route: '/api/privacy/reads',
    url: () => '/api/privacy/reads',
    expect: { anonymous: 401, admin: 403, other: 200, partner: 200, self: 200 },
  },
  {
    method: 'GET',
    route: '/api/admin/audit',
    url: () => '/api/admin/audit',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'GET',
    route: '/api/admin/audit/verify',
    url: () => '/api/admin/audit/verify',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  // Consent: a client's own links (a link id not theirs is "not found", like one that does not
  // exist); the therapist's side refuses members and the administrator.
  ...consentCases(),
  // Intake: anyone may ask the practice for help; the inbox is the administrator's (and each
  // therapist's, for the requests that chose them: therapist actors join this matrix later).
  { method: 'GET', route: '/api/intake/form', url: () => '/api/intake/form', expect: 200 },
  {
    method: 'POST',
    route: '/api/intake',
    url: () => '/api/intake',
    body: () => ({
      lookingFor: 'individual',
      contactMethod: 'call',
      contactDetail: '+1 555 0100 200',
      safeToLeaveMessage: true,
      name: 'Anyone',
    }),
    expect: 204,
  },
  {
    method: 'GET',
    route: '/api/intake/requests',
    url: () => '/api/intake/requests',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'GET',
    route: '/api/intake/requests/:id',
    url: (f) => `/api/intake/requests/${f.intakeId}`,
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'PUT',
    route: '/api/intake/requests/:id/status',
    url: (f) => `/api/intake/requests/${f.intakeId}/status`,
    body: () => ({ status: 'contacted' }),
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'GET',
    route: '/api/therapist/intake',
    url: () => '/api/therapist/intake',
    expect: { anonymous: 401, admin: 403, other: 403, partner: 403, self: 403, therapists: 200 },
  },
  {
    method: 'GET',
    route: '/api/therapist/intake/:id',
    url: (f) => `/api/therapist/intake/${f.intakeId}`,
    expect: { anonymous: 401, admin: 403, other: 403, partner: 403, self: 403, therapists: 404 },
  },
  {
    method: 'PUT',
    route: '/api/therapist/intake/:id/status',
    url: (f) => `/api/therapist/intake/${f.intakeId}/status`,
    body: () => ({ status: 'closed' }),
    expect: { anonymous: 401, admin: 403, other: 403, partner: 403, self: 403, therapists: 404 },
  },
  // therapists: the practice's public details; therapist invitations (the administrator's alone
  // to make, list and withdraw; checked and accepted by anyone holding a link) and the outbox.
  { method: 'GET', route: '/api/practice', url: () => '/api/practice', expect: 200 },
  {
    method: 'POST',
    route: '/api/therapists/invites',
    url: () => '/api/therapists/invites',
    body: () => ({ email: uniqueEmail('therapist') }),
    expect: { anonymous: 401, admin: 201, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'GET',
    route: '/api/therapists/invites',
    url: () => '/api/therapists/invites',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'DELETE',
    route: '/api/therapists/invites/:id',
    url: () => '/api/therapists/invites/00000000-0000-4000-8000-000000000000',
    expect: { anonymous: 401, admin: 404, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'GET',
    route: '/api/therapists',
    url: () => '/api/therapists',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'DELETE',
    route: '/api/therapists/:id',
    url: () => '/api/therapists/00000000-0000-4000-8000-000000000000',
    expect: { anonymous: 401, admin: 404, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'POST',
    route: '/api/therapist-invites/check',
    url: () => '/api/therapist-invites/check',
    body: () => ({ token: 'T'.repeat(43) }),
    expect: 404,
  },
  {
    method: 'POST',
    route: '/api/therapist-invites/accept',
    url: () => '/api/therapist-invites/accept',
    body: () => ({ token: 'T'.repeat(43), displayName: 'Robin', password: PASSWORD }),
    expect: 404,
  },
  {
    method: 'GET',
    route: '/api/outbox',
    url: () => '/api/outbox',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  { method: 'GET', route: '/exit', url: () => '/exit', expect: 303 },
  // Caseload (the therapist's side): therapists only. A client's summary and report: Lee, who Alex
  // lets see some categories; the same 404 for Kim (no consent), Pat (link ended) and Dee (no
  // link) as for a client who does not exist.
  ...(
    [
      ['GET', '/api/therapist/caseload', () => '/api/therapist/caseload', 200, 200],
      ['GET', '/api/therapist/alerts', () => '/api/therapist/alerts', 200, 200],
      [
        'POST',
        '/api/therapist/alerts/:id/seen',
        () => '/api/therapist/alerts/00000000-0000-4000-8000-000000000000/seen',
        404,
        404,
      ],
      [
        'GET',
        '/api/therapist/clients/:id/summary',
        (f: Fixture) => `/api/therapist/clients/${f.alex.id}/summary`,
        200,
        404,
      ],
      [
        'GET',
        '/api/therapist/clients/:id/report.pdf',
        (f: Fixture) => `/api/therapist/clients/${f.alex.id}/report.pdf`,
        200,
        404,
      ],
      [
        'GET',
        '/api/therapist/suggestion-options',
        () => '/api/therapist/suggestion-options',
        200,
        200,
      ],
    ] as const
  ).map(([method, route, url, lee, others]): Case => ({
    method,
    route,
    url,
    expect: {
      anonymous: 401,
      admin: 403,
      other: 403,
      partner: 403,
      self: 403,
      therapist: lee,
      therapistNoConsent: others,
      therapistEnded: others,
      otherTherapist: others,
    },
  })),
  {
    // Suggesting needs an active link, not consent: Kim may suggest; Pat and Dee may not.
    method: 'POST',
    route: '/api/therapist/clients/:id/suggestions',
    url: (f) => `/api/therapist/clients/${f.alex.id}/suggestions`,
    body: () => ({ kind: 'tool', ref: 'breathing', note: 'A thought' }),
    expect: {
      anonymous: 401,
      admin: 403,
      other: 403,
      partner: 403,
      self: 403,
      therapist: 201,
      therapistNoConsent: 201,
      therapistEnded: 404,
      otherTherapist: 404,
    },
  },
  // A member's own suggestions; one that is not theirs (or does not exist) is not found.
  { method: 'GET', route: '/api/suggestions', url: () => '/api/suggestions', expect: members(200) },
  {
    method: 'POST',
    route: '/api/suggestions/:id/set-aside',
    url: () => '/api/suggestions/00000000-0000-4000-8000-000000000000/set-aside',
    expect: members(404),
  },
  // Safety: each person's own; there is no route that names anyone else.
  {
    method: 'GET',
    route: '/api/safety',
    url: () => '/api/safety',
    expect: { anonymous: 401, admin: 200, other: 200, partner: 200, self: 200 },
  },
  {
    method: 'POST',
    route: '/api/safety/check',
    url: () => '/api/safety/check',
    body: () => ({
      answers: {
        afraid: false,
        threatened: false,
        harmed: false,
        sexual: false,
        controlled: false,
      },
    }),
    expect: { anonymous: 401, admin: 200, other: 200, partner: 200, self: 200 },
  },
  {
    method: 'PATCH',
    route: '/api/safety',
    url: () => '/api/safety',
    body: () => ({ discreet: false }),
    expect: { anonymous: 401, admin: 200, other: 200, partner: 200, self: 200 },
  },
  {
    method: 'PUT',
    route: '/api/me/country',
    url: () => '/api/me/country',
    body: () => ({ country: 'IE' }),
    expect: { anonymous: 401, admin: 204, other: 204, partner: 204, self: 204 },
  },
  { method: 'GET', route: '/api/journey', url: () => '/api/journey', expect: members(200) },
  {
    method: 'POST',
    route: '/api/journey',
    url: () => '/api/journey',
    body: () => ({ path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_week' }),
    expect: members(409),
  },
  {
    method: 'PATCH',
    route: '/api/journey',
    url: () => '/api/journey',
    body: () => ({ cameToLight: 'years_1_2' }),
    expect: members(200),
  },
  {
    method: 'POST',
    route: '/api/journey/invites',
    url: () => '/api/journey/invites',
    body: () => ({}),
    expect: members({ other: 201, partner: 409, self: 409 }),
  },
  {
    method: 'POST',
    route: '/api/invites/preview',
    url: () => '/api/invites/preview',
    body: (f) => ({ token: f.pendingToken }),
    expect: 200,
  },
  {
    method: 'POST',
    route: '/api/invites/accept',
    url: () => '/api/invites/accept',
    body: (f) => ({ token: f.pendingToken, role: 'hurt' }),
    // A member who already has a journey cannot join another; the creator cannot use their own link.
    expect: members({ other: 409, partner: 409, self: 409 }),
  },
  {
    method: 'DELETE',
    route: '/api/journey/invites/:id',
    url: (f) => `/api/journey/invites/${f.pendingInviteId}`,
    expect: members({ other: 204, partner: 404, self: 404 }),
  },
  {
    method: 'GET',
    route: '/api/checkins',
    url: () => '/api/checkins',
    expect: members(200),
    // Lists are where leaks hide: check which of Alex's items each actor's list holds.
    sees: { other: [], partner: ['shared'], self: ['private', 'shared'] },
  },
  {
    method: 'POST',
    route: '/api/checkins',
    url: () => '/api/checkins',
    body: () => ({ feelings: [{ feeling: 'hope', intensity: 2 }] }),
    expect: members(201),
  },
  {
    method: 'GET',
    route: '/api/checkins/:id',
    url: (f) => `/api/checkins/${f.privateId}`,
    expect: members({ other: 404, partner: 404, self: 200 }),
  },
  {
    method: 'GET',
    route: '/api/checkins/:id',
    url: (f) => `/api/checkins/${f.sharedId}`,
    expect: members({ other: 404, partner: 200, self: 200 }),
  },
  {
    method: 'PUT',
    route: '/api/checkins/:id/visibility',
    url: (f) => `/api/checkins/${f.privateId}/visibility`,
    body: () => ({ visibility: 'private' }),
    expect: members({ other: 404, partner: 404, self: 200 }),
  },
  {
    method: 'PUT',
    route: '/api/checkins/:id/visibility',
    url: (f) => `/api/checkins/${f.sharedId}/visibility`,
    body: () => ({ visibility: 'private' }),
    expect: members({ other: 404, partner: 404, self: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/checkins/:id',
    url: (f) => `/api/checkins/${f.privateId}`,
    expect: members({ other: 404, partner: 404, self: 204 }),
  },
  { method: 'GET', route: '/api/letters', url: () => '/api/letters', expect: members(200) },
  {
    method: 'POST',
    route: '/api/letters',
    url: () => '/api/letters',
    body: () => ({ kind: 'impact', text: 'A new letter.' }),
    expect: members(201),
  },
  {
    method: 'PUT',
    route: '/api/letters/:id',
    url: (f) => `/api/letters/${f.letters.draft}`,
    body: () => ({ text: 'Rewritten.' }),
    expect: members({ other: 404, partner: 404, self: 200 }),
  },
  {
    method: 'PUT',
    route: '/api/letters/:id',
    url: (f) => `/api/letters/${f.letters.shared}`,
    body: () => ({ text: 'Rewritten.' }),
    // A sent version stays as it was, even for its author.
    expect: members({ other: 404, partner: 404, self: 409 }),
  },
  {
    method: 'POST',
    route: '/api/letters/:id/share',
    url: (f) => `/api/letters/${f.letters.toShare}/share`,
    expect: members({ other: 404, partner: 404, self: 200 }),
  },
  {
    method: 'POST',
    route: '/api/letters/:id/answers',
    url: (f) => `/api/letters/${f.letters.reflection}/answers`,
    body: () => ({ answer: 'not_yet', note: 'Not quite.' }),
    // Sam wrote the reflection and can read it, but the answer is the letter writer's to give.
    expect: members({ other: 404, partner: 409, self: 201 }),
  },
  {
    method: 'DELETE',
    route: '/api/letters/:id',
    url: (f) => `/api/letters/${f.letters.draft}`,
    expect: members({ other: 404, partner: 404, self: 204 }),
  },
  {
    method: 'GET',
    route: '/api/timeouts/current',
    url: () => '/api/timeouts/current',
    expect: members(200),
  },
  {
    method: 'POST',
    route: '/api/timeouts',
    url: () => '/api/timeouts',
    body: () => ({ minutes: 30 }),
    // Alex's time-out is running for Alex and Sam; Chris has no partner to agree one with.
    expect: members(409),
  },
  {
    method: 'POST',
    route: '/api/timeouts/:id/end',
    url: (f) => `/api/timeouts/${f.timeoutId}/end`,
    expect: members({ other: 404, partner: 404, self: 204 }),
  },
  // Screens: the questionnaires' text for any account; results only ever for the person who answered.
  {
    method: 'GET',
    route: '/api/instruments',
    url: () => '/api/instruments',
    expect: { anonymous: 401, admin: 200, other: 200, partner: 200, self: 200 },
  },
  {
    method: 'GET',
    route: '/api/instruments/:id',
    url: () => '/api/instruments/phq9',
    expect: { anonymous: 401, admin: 200, other: 200, partner: 200, self: 200 },
  },
  {
    method: 'POST',
    route: '/api/screens/:id',
    url: () => '/api/screens/gad7',
    body: () => ({
      answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [`gad7.${n}`, 1])),
    }),
    expect: members(201),
  },
  {
    method: 'GET',
    route: '/api/screens',
    url: () => '/api/screens?instrument=phq9',
    expect: members(200),
  },
  {
    method: 'GET',
    route: '/api/screens/results/:id',
    url: (f) => `/api/screens/results/${f.screenId}`,
    expect: members({ other: 404, partner: 404, self: 200 }),
  },
  {
    method: 'POST',
    route: '/api/screens/suggestion/dismiss',
    url: () => '/api/screens/suggestion/dismiss',
    body: () => ({ instrument: 'phq9' }),
    expect: members(204),
  },
  {
    method: 'GET',
    route: '/api/checkins/trends',
    url: () => '/api/checkins/trends?days=90',
    expect: members(200),
  },
  // The program: each member reads and marks their own journey's steps (Chris his own, never Alex's).
  {
    method: 'GET',
    route: '/api/program',
    url: () => '/api/program?lens=gottman',
    expect: members(200),
  },
  {
    method: 'GET',
    route: '/api/program/steps/:stepId',
    url: () => '/api/program/steps/plan',
    expect: members(200),
  },
  {
    method: 'GET',
    route: '/api/program/steps/:stepId',
    url: () => '/api/program/steps/no_such_step',
    expect: members(404),
  },
  {
    method: 'POST',
    route: '/api/program/steps/:stepId/ready',
    url: () => '/api/program/steps/responsibility/ready',
    body: () => ({ ready: true }),
    expect: members(200),
  },
  {
    method: 'POST',
    route: '/api/program/steps/:stepId/ready',
    url: () => '/api/program/steps/no_such_step/ready',
    body: () => ({ ready: true }),
    expect: members(404),
  },
  {
    method: 'POST',
    route: '/api/program/steps/:stepId/revisit',
    url: () => '/api/program/steps/responsibility/revisit',
    expect: members(200),
  },
  {
    method: 'POST',
    route: '/api/program/steps/:stepId/revisit',
    url: () => '/api/program/steps/no_such_step/revisit',
    expect: members(404),
  },
  {
    method: 'POST',
    route: '/api/program/exercises/:exerciseId/worked-on',
    url: () => '/api/program/exercises/plan.needs/worked-on',
    expect: members(200),
  },
  {
    method: 'POST',
    route: '/api/program/exercises/:exerciseId/worked-on',
    // Marked by doing it (proposing or answering an agreement), never by hand.
    url: () => '/api/program/exercises/plan.agreements/worked-on',
    expect: members(409),
  },
  {
    method: 'POST',
    route: '/api/program/exercises/:exerciseId/worked-on',
    url: () => '/api/program/exercises/plan.no_such_exercise/worked-on',
    expect: members(404),
  },
  {
    method: 'DELETE',
    route: '/api/program/exercises/:exerciseId/worked-on',
    url: () => '/api/program/exercises/plan.needs/worked-on',
    expect: members(200),
  },
  {
    method: 'DELETE',
    route: '/api/program/exercises/:exerciseId/worked-on',
    url: () => '/api/program/exercises/plan.agreements/worked-on',
    expect: members(409),
  },
  // Agreements and commitments: both partners of a journey, never anyone else.
  { method: 'GET', route: '/api/agreements', url: () => '/api/agreements', expect: members(200) },
  {
    method: 'POST',
    route: '/api/agreements',
    url: () => '/api/agreements',
    body: () => ({ text: 'We talk on Sundays.', category: 'routines' }),
    expect: members(201),
  },
  {
    method: 'POST',
    route: '/api/agreements/:id/answers',
    url: (f) => `/api/agreements/${f.agreements.proposed}/answers`,
    body: () => ({ answer: 'accept', expected: 1 }),
    // Sam accepts Alex's proposal; Alex may not accept their own (and it is accepted by then).
    expect: members({ other: 404, partner: 200, self: 409 }),
  },
  {
    method: 'POST',
    route: '/api/agreements/:id/commitments',
    url: (f) => `/api/agreements/${f.agreements.accepted}/commitments`,
    body: () => ({ rhythm: 'daily' }),
    // Alex already holds a commitment to it.
    expect: members({ other: 404, partner: 201, self: 409 }),
  },
  { method: 'GET', route: '/api/commitments', url: () => '/api/commitments', expect: members(200) },
  {
    method: 'GET',
    route: '/api/commitments/trends',
    url: () => '/api/commitments/trends',
    expect: members(200),
  },
  {
    method: 'GET',
    route: '/api/commitments/:id/logs',
    url: (f) => `/api/commitments/${f.agreements.commitment}/logs`,
    // Earlier entries: both partners read them, like the newest ones.
    expect: members({ other: 404, partner: 200, self: 200 }),
  },
  {
    method: 'POST',
    route: '/api/commitments/:id/logs',
    url: (f) => `/api/commitments/${f.agreements.commitment}/logs`,
    // Follow-through is logged by the one who committed.
    expect: members({ other: 404, partner: 409, self: 201 }),
  },
  {
    method: 'POST',
    route: '/api/commitment-logs/:id/answers',
    url: (f) => `/api/commitment-logs/${f.agreements.log}/answers`,
    body: () => ({ answer: 'confirm' }),
    // Confirmed by the partner; never by the one who logged it.
    expect: members({ other: 404, partner: 200, self: 409 }),
  },
  {
    method: 'POST',
    route: '/api/commitments/:id/end',
    url: (f) => `/api/commitments/${f.agreements.commitment}/end`,
    expect: members({ other: 404, partner: 409, self: 200 }),
  },
  // The directory: a therapist's own profile (no therapist actor here yet: everyone else is refused),
  // the administrator's view of every profile, and the public pages, the same for everyone.
  ...(['GET', 'PUT'] as const).map((method): Case => ({
    method,
    route: '/api/directory/profile',
    url: () => '/api/directory/profile',
    ...(method === 'PUT' ? { body: () => fullProfile } : {}),
    expect: { anonymous: 401, admin: 403, other: 403, partner: 403, self: 403, therapists: 200 },
  })),
  {
    method: 'PUT',
    route: '/api/directory/profile/photo',
    url: () => '/api/directory/profile/photo',
    body: () => ({ image: tinyPng }),
    expect: { anonymous: 401, admin: 403, other: 403, partner: 403, self: 403, therapists: 200 },
  },
  {
    method: 'DELETE',
    route: '/api/directory/profile/photo',
    url: () => '/api/directory/profile/photo',
    expect: { anonymous: 401, admin: 403, other: 403, partner: 403, self: 403, therapists: 200 },
  },
  {
    method: 'GET',
    route: '/api/directory/profiles',
    url: () => '/api/directory/profiles',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'PUT',
    route: '/api/directory/profiles/:id',
    url: (f) => `/api/directory/profiles/${f.alex.id}`,
    body: () => fullProfile,
    // Alex is not a therapist: the administrator is told there is no such profile.
    expect: { anonymous: 401, admin: 404, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'PUT',
    route: '/api/directory/profiles/:id/photo',
    url: (f) => `/api/directory/profiles/${f.alex.id}/photo`,
    body: () => ({ image: tinyPng }),
    expect: { anonymous: 401, admin: 404, other: 403, partner: 403, self: 403 },
  },
  { method: 'GET', route: '/directory', url: () => '/directory?format=couples', expect: 200 },
  { method: 'GET', route: '/directory/:slug', url: () => '/directory/no-one', expect: 404 },
  {
    method: 'GET',
    route: '/directory/:slug/photo',
    url: () => '/directory/no-one/photo',
    expect: 404,
  },
  // Groups: the administrator plans them; everyone reads the published ones and their calendars.
  {
    method: 'GET',
    route: '/api/groups',
    url: () => '/api/groups',
    expect: { anonymous: 401, admin: 200, other: 403, partner: 403, self: 403 },
  },
  {
    method: 'POST',
    route: '/api/groups',
    url: () => '/api/groups',
    body: () => groupBody,
    expect: { anonymous: 401, admin: 201, other: 403, partner: 403, self: 403 },
  },
  ...(['PUT', 'DELETE'] as const).map((method): Case => ({
    method,
    route: '/api/groups/:id',
    url: () => '/api/groups/00000000-0000-4000-8000-00000000abcd',
    ...(method === 'PUT' ? { body: () => groupBody } : {}),
    expect: { anonymous: 401, admin: 404, other: 403, partner: 403, self: 403 },
  })),
  { method: 'GET', route: '/groups', url: () => '/groups', expect: 200 },
  { method: 'GET', route: '/groups/:slug', url: () => '/groups/weekly-circle', expect: 200 },
  { method: 'GET', route: '/groups/:slug', url: () => '/groups/weekly-circle.ics', expect: 200 },
  { method: 'GET', route: '/groups/:slug', url: () => '/groups/no-such-group', expect: 404 },
  // Two-factor sign-in: each person's own. The administrator has it on (it is required for them);
  // the members have not, so starting gives them a secret, and what needs it on is refused.
  {
    method: 'GET',
    route: '/api/auth/two-factor',
    url: () => '/api/auth/two-factor',
    expect: { anonymous: 401, admin: 200, other: 200, partner: 200, self: 200 },
  },
  {
    method: 'POST',
    route: '/api/auth/two-factor/setup',
    url: () => '/api/auth/two-factor/setup',
    expect: { anonymous: 401, admin: 409, other: 201, partner: 201, self: 201 },
  },
  {
    method: 'POST',
    route: '/api/auth/two-factor/confirm',
    url: () => '/api/auth/two-factor/confirm',
    // Not the app's code (one chance in a few hundred thousand that it is).
    body: () => ({ code: '000000' }),
    expect: { anonymous: 401, admin: 409, other: 422, partner: 422, self: 422 },
  },
  {
    method: 'POST',
    route: '/api/auth/two-factor/recovery-codes',
    url: () => '/api/auth/two-factor/recovery-codes',
    body: () => ({ code: '000000' }),
    expect: { anonymous: 401, admin: 422, other: 409, partner: 409, self: 409 },
  },
  {
    method: 'POST',
    route: '/api/auth/two-factor/off',
    url: () => '/api/auth/two-factor/off',
    body: () => ({ password: PASSWORD, code: '000000' }),
    // Required for the administrator, so never turned off; the members have nothing to turn off.
    expect: { anonymous: 401, admin: 403, other: 409, partner: 409, self: 409 },
  },
  // Shared activities: both partners of a journey; to anyone else the activity does not exist.
  // Chris is on a journey without a partner yet, so adding is refused for them.
  { method: 'GET', route: '/api/activities', url: () => '/api/activities', expect: members(200) },
  {
    method: 'POST',
    route: '/api/activities',
    url: () => '/api/activities',
    body: () => ({ title: 'A walk' }),
    expect: members({ other: 409, partner: 201, self: 201 }),
  },
  {
    method: 'PUT',
    route: '/api/activities/:id/plan',
    url: (f) => `/api/activities/${f.activityId}/plan`,
    body: () => ({ date: '2026-12-12', time: '18:30', timeZone: 'Europe/Berlin' }),
    expect: members({ other: 404, partner: 200, self: 200 }),
  },
  {
    method: 'PUT',
    route: '/api/activities/:id/done',
    url: (f) => `/api/activities/${f.activityId}/done`,
    body: () => ({ note: 'Good.' }),
    expect: members({ other: 404, partner: 200, self: 200 }),
  },
  {
    method: 'PUT',
    route: '/api/activities/:id/set-aside',
    url: (f) => `/api/activities/${f.activityId}/set-aside`,
    body: () => ({ setAside: false }),
    expect: members({ other: 404, partner: 200, self: 200 }),
  },
  {
    method: 'GET',
    route: '/api/activities/:id/calendar.ics',
    url: (f) => `/api/activities/${f.activityId}/calendar.ics`,
    expect: members({ other: 404, partner: 200, self: 200 }),
  },
  // Closeness (step 6): each person's own marks; the matches need a partner (Chris has none yet).
  {
    method: 'GET',
    route: '/api/closeness/mine',
    url: () => '/api/closeness/mine',
    expect: members(200),
  },
  {
    method: 'PUT',
    route: '/api/closeness/mine',
    url: () => '/api/closeness/mine',
    body: () => ({ marks: Object.fromEntries(closenessKindIds.map((id) => [id, 'maybe'])) }),
    expect: members({ other: 409, partner: 200, self: 200 }),
  },
  {
    method: 'GET',
    route: '/api/closeness/matches',
    url: () => '/api/closeness/matches',
    expect: members({ other: 409, partner: 200, self: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/closeness/mine',
    url: () => '/api/closeness/mine',
    expect: members(204),
  },
  // Step 5, reconnecting: joint, so Chris (no partner yet) is told so; Sam answers a prompt before
  // Alex, and skips one, which sets it aside for Alex too. A note is taken back by its author only.
  { method: 'GET', route: '/api/prompts', url: () => '/api/prompts', expect: members(200) },
  {
    method: 'PUT',
    route: '/api/prompts/:id/answer',
    url: () => '/api/prompts/know-again.05/answer',
    body: () => ({ text: 'Where I feel most like myself.' }),
    expect: members({ other: 409, partner: 200, self: 200 }),
  },
  {
    method: 'POST',
    route: '/api/prompts/:id/skip',
    url: () => '/api/prompts/light.05/skip',
    expect: members({ other: 409, partner: 200, self: 409 }),
  },
  {
    method: 'GET',
    route: '/api/appreciations',
    url: () => '/api/appreciations',
    expect: members(200),
  },
  {
    method: 'POST',
    route: '/api/appreciations',
    url: () => '/api/appreciations',
    body: () => ({ text: 'Thank you for today.' }),
    expect: members({ other: 409, partner: 201, self: 201 }),
  },
  {
    method: 'DELETE',
    route: '/api/appreciations/:id',
    url: (f) => `/api/appreciations/${f.appreciationId}`,
    expect: members({ other: 404, partner: 404, self: 204 }),
  },
  // Questions (step 4): Alex (hurt) and Sam ("both") each ask; Chris has no partner to ask.
  ...questionCases(),
  // Meetings: Alex and Sam's; Chris has no partner to meet with. The feed is public by its secret
  // address (read first, before the feed cases below give Alex a new one).
  { method: 'GET', route: '/calendar/:file', url: (f) => f.meetings.feedPath, expect: 200 },
  {
    method: 'GET',
    route: '/calendar/:file',
    url: () => `/calendar/${'A'.repeat(43)}.ics`,
    expect: 404,
  },
  { method: 'GET', route: '/api/meetings', url: () => '/api/meetings', expect: members(200) },
  {
    method: 'GET',
    route: '/api/meetings/history',
    url: () => '/api/meetings/history?limit=5',
    expect: members(200),
  },
  {
    method: 'PUT',
    route: '/api/meetings/schedule',
    url: () => '/api/meetings/schedule',
    body: () => ({ weekday: 4, time: '19:30', timeZone: 'Europe/Berlin', durationMinutes: 45 }),
    expect: members({ other: 409, partner: 200, self: 200 }),
  },
  {
    method: 'POST',
    route: '/api/meetings/items',
    url: () => '/api/meetings/items',
    body: () => ({ part: 'request', text: 'A walk on Sunday', bring: true }),
    expect: members({ other: 409, partner: 201, self: 201 }),
  },
  {
    method: 'PUT',
    route: '/api/meetings/items/:id',
    url: (f) => `/api/meetings/items/${f.meetings.itemId}`,
    body: () => ({ part: 'worry', text: 'Changed', bring: false }),
    expect: members({ other: 404, partner: 404, self: 200 }),
  },
  {
    method: 'DELETE',
    route: '/api/meetings/items/:id',
    url: (f) => `/api/meetings/items/${f.meetings.itemId}`,
    expect: members({ other: 404, partner: 404, self: 204 }),
  },
  {
    method: 'PUT',
    route: '/api/meetings/notes',
    url: () => '/api/meetings/notes',
    // Before the schedule's first meeting: no meeting that day.
    body: () => ({ date: '2026-01-01', text: 'How it went', shared: false }),
    expect: members({ other: 409, partner: 404, self: 404 }),
  },
  {
    method: 'POST',
    route: '/api/meetings/feed',
    url: () => '/api/meetings/feed',
    expect: members(201),
  },
  {
    method: 'DELETE',
    route: '/api/meetings/feed',
    url: () => '/api/meetings/feed',
    expect: members(204),
  },
  // Last: signing out ends the actor's session.
  { method: 'POST', route: '/api/auth/signout', url: () => '/api/auth/signout', expect: 204 },
];

let t: TestApp;
let f: Fixture;

async function setUp(app: FastifyInstance, clock: () => number): Promise<Fixture> {
  const alex = await makeMember(app, 'Alex');
  const sam = await makeMember(app, 'Sam');
  const chris = await makeMember(app, 'Chris');
  await makeJourney(alex);
  await makeJourney(chris, { path: 'together' });
  const forSam = (await alex.client.post('/api/journey/invites', {})).json<{ url: string }>();
  const pending = (await chris.client.post('/api/journey/invites', {})).json<{
    id: string;
    url: string;
  }>();
  expect(
    (await sam.client.post('/api/invites/accept', { token: tokenOf(forSam.url), role: 'both' }))
      .statusCode,
  ).toBe(200);
  const privateId = (await writeCheckin(alex, 'private words')).id;
  const sharedId = (await writeCheckin(alex, 'shared words')).id;
  await alex.client.put(`/api/checkins/${sharedId}/visibility`, { visibility: 'partner' });
  const letterId = async (who: Member, body: unknown, at = 0) => {
    const res = await who.client.post('/api/letters', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ versions: { id: string }[] }>().versions[at]?.id ?? '';
  };
  const sharedLetter = await letterId(alex, { kind: 'impact', text: 'Sent.' });
  expect((await alex.client.post(`/api/letters/${sharedLetter}/share`)).statusCode).toBe(200);
  const reflection = await letterId(
    sam,
    { kind: 'reflection', respondsTo: sharedLetter, text: 'What I heard.' },
    1,
  );
  expect((await sam.client.post(`/api/letters/${reflection}/share`)).statusCode).toBe(200);
  const letters = {
    draft: await letterId(alex, { kind: 'impact', text: 'Draft.' }),
    toShare: await letterId(alex, { kind: 'impact', text: 'To send.' }),
    shared: sharedLetter,
    reflection,
  };
  const timeout = await alex.client.post('/api/timeouts', { minutes: 60 });
  expect(timeout.statusCode, timeout.body).toBe(201);
  const screen = await alex.client.post('/api/screens/phq9', {
    answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9.${n}`, 2])),
  });
  expect(screen.statusCode, screen.body).toBe(201);

  const agreement = async (text: string) => {
    const res = await alex.client.post('/api/agreements', { text, category: 'transparency' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const proposedAgreement = await agreement('We say when plans change.');
  const acceptedAgreement = await agreement('We share our calendars.');
  const accepted = await sam.client.post(`/api/agreements/${acceptedAgreement}/answers`, {
    answer: 'accept',
    expected: 1,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const commitment = await alex.client.post(`/api/agreements/${acceptedAgreement}/commitments`, {
    rhythm: 'weekly',
  });
  expect(commitment.statusCode, commitment.body).toBe(201);
  const commitmentId = commitment.json<{ id: string }>().id;
  const logged = await alex.client.post(`/api/commitments/${commitmentId}/logs`);
  expect(logged.statusCode, logged.body).toBe(201);

  const meetingSchedule = await alex.client.put('/api/meetings/schedule', {
    weekday: 4,
    time: '19:30',
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
  });
  expect(meetingSchedule.statusCode, meetingSchedule.body).toBe(200);
  const meetingItem = await alex.client.post('/api/meetings/items', {
    part: 'worry',
    text: 'Not for the meeting yet',
    bring: false,
  });
  expect(meetingItem.statusCode, meetingItem.body).toBe(201);
  const feed = await alex.client.post('/api/meetings/feed');
  expect(feed.statusCode, feed.body).toBe(201);
  const meetings = {
    itemId: meetingItem.json<{ id: string }>().id,
    feedPath: new URL(feed.json<{ url: string }>().url).pathname,
  };

  const intake = await new TestClient(app, '10.2.0.1').post('/api/intake', {
    lookingFor: 'couple',
    contactMethod: 'email',
    contactDetail: 'asking@example.org',
    safeToLeaveMessage: false,
    name: 'Asking',
  });
  expect(intake.statusCode, intake.body).toBe(204);
  const { id: intakeId } = await t.deps.database.db
    .selectFrom('intake_requests')
    .select('id')
    .executeTakeFirstOrThrow();
  const adminEmail = uniqueEmail('admin');
  const admin = { client: new TestClient(app), id: '', email: adminEmail, displayName: 'Admin' };
  const res = await admin.client.post('/api/setup', {
    email: adminEmail,
    password: PASSWORD,
    displayName: 'Admin',
  });
  expect(res.statusCode).toBe(201);
  // Administrators need two-factor sign-in before any other route answers them.
  await enrollTotp(admin.client, clock);
  const therapists = {
    therapist: await makeTherapist(app, t.deps, { displayName: 'Lee' }),
    therapistNoConsent: await makeTherapist(app, t.deps, { displayName: 'Kim' }),
    therapistEnded: await makeTherapist(app, t.deps, { displayName: 'Pat' }),
    otherTherapist: await makeTherapist(app, t.deps, { displayName: 'Dee' }),
  };
  const leeLinkId = await linkClient(t.deps, {
    clientId: alex.id,
    therapistId: therapists.therapist.id,
    consents: ['checkins', 'screens'],
  });
  await linkClient(t.deps, { clientId: alex.id, therapistId: therapists.therapistNoConsent.id });
  await linkClient(t.deps, {
    clientId: alex.id,
    therapistId: therapists.therapistEnded.id,
    status: 'ended',
    consents: ['checkins', 'screens', 'letters'],
  });
  // Dee follows Chris, who shares everything: nothing of Alex's.
  await linkClient(t.deps, {
    clientId: chris.id,
    therapistId: therapists.otherTherapist.id,
    consents: ['checkins', 'screens', 'letters', 'agreements', 'program', 'safety'],
  });
  const activity = await alex.client.post('/api/activities', { title: 'A walk by the river' });
  expect(activity.statusCode, activity.body).toBe(201);
  const activityId = activity.json<{ id: string }>().id;
  const planned = await alex.client.put(`/api/activities/${activityId}/plan`, {
    date: '2026-12-12',
  });
  expect(planned.statusCode, planned.body).toBe(200);
  const appreciation = await alex.client.post('/api/appreciations', { text: 'For the tea.' });
  expect(appreciation.statusCode, appreciation.body).toBe(201);
  return {
    appreciationId: appreciation.json<{ id: string }>().id,
    therapists,
    leeLinkId,
    activityId,
    alex,
    sam,
    chris,
    admin,
    privateId,
    sharedId,
    pendingInviteId: pending.id,
    pendingToken: tokenOf(pending.url),
    letters,
    timeoutId: timeout.json<{ id: string }>().id,
    intakeId,
    screenId: screen.json<{ id: string }>().id,
    agreements: {
      proposed: proposedAgreement,
      accepted: acceptedAgreement,
      commitment: commitmentId,
      log: logged.json<{ logs: { id: string }[] }>().logs[0]?.id ?? '',
    },
    meetings,
  };
}

const cookieOf = (name: ActorName): string | undefined =>
  ({
    anonymous: undefined,
    admin: f.admin.client.cookie,
    other: f.chris.client.cookie,
    partner: f.sam.client.cookie,
    self: f.alex.client.cookie,
    therapist: f.therapists.therapist.client.cookie,
    therapistNoConsent: f.therapists.therapistNoConsent.client.cookie,
    therapistEnded: f.therapists.therapistEnded.client.cookie,
    otherTherapist: f.therapists.otherTherapist.client.cookie,
  })[name];

beforeAll(async () => {
  t = await createTestApp();
  f = await setUp(t.app, t.clock);
});
afterAll(async () => {
  await t.close();
});

/** The status a case expects for an actor (see `Expect`). */
function expected_(c: Case, actor: ActorName): number | string {
  if (typeof c.expect === 'number') return c.expect;
  const own = c.expect[actor];
  if (own !== undefined) return own;
  const route = t.routes.find((r) => r.url === c.route && [r.method].flat().includes(c.method));
  const policy = policyOf(route?.config);
  if (policy === 'member' || policy === 'admin') return 403;
  if (policy === 'therapist') return c.expect.therapists ?? 'a therapist expectation';
  return c.expect.admin;
}

describe('authorization matrix', () => {
  it('every registered route declares an access policy', () => {
    const missing = t.routes
      .filter((r) => policyOf(r.config) === undefined)
      .map((r) => `${String(r.method)} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('covers every API route', () => {
    const apiRoutes = new Set(
      t.routes
        .filter((r) => r.url.startsWith('/api/'))
        .flatMap((r) =>
          (Array.isArray(r.method) ? r.method : [r.method])
            .filter((m) => m !== 'HEAD')
            .map((m) => `${m} ${r.url}`),
        ),
    );
    const covered = new Set(cases.map((c) => `${c.method} ${c.route}`));
    expect([...apiRoutes].filter((r) => !covered.has(r))).toEqual([]);
  });

  it('gives each actor the expected outcome on every API route', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const c of cases) {
      for (const actor of actorNames) {
        const cookie = cookieOf(actor);
        const body = c.body?.(f);
        const res = await t.app.inject({
          method: c.method,
          url: c.url(f),
          remoteAddress: `10.1.${actorNames.indexOf(actor)}.1`,
          headers: {
            ...(c.method === 'GET' ? {} : { [CSRF_HEADER]: '1' }),
            ...(cookie ? { cookie } : {}),
          },
          ...(body === undefined ? {} : { payload: body as object }),
        });
        const want = expected_(c, actor);
        outcomes.push(`${c.method} ${c.url(f)} as ${actor}: ${res.statusCode}`);
        expected.push(`${c.method} ${c.url(f)} as ${actor}: ${want}`);
        const sees = c.sees?.[actor];
        if (sees) {
          const ids = new Set(res.json<{ items: { id: string }[] }>().items.map((i) => i.id));
          const alexItems = { private: f.privateId, shared: f.sharedId };
          const seen = (['private', 'shared'] as const).filter((k) => ids.has(alexItems[k]));
          outcomes.push(`${c.url(f)} as ${actor} lists Alex's: ${seen.join(',')}`);
          expected.push(`${c.url(f)} as ${actor} lists Alex's: ${sees.join(',')}`);
        }
      }
    }
    expect(outcomes).toEqual(expected);
  });
});

describe('pages', () => {
  it('every page route answers every actor alike, never with 401 or 403', async () => {
    const pages = t.routes.filter((r) => !r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const url = page.url
        .replace('*', 'anything')
        .replace(':slug', 'impact')
        .replace(':code', 'auth.forbidden');
      const statuses = new Set<number>();
      for (const actor of actorNames) {
        const cookie = cookieOf(actor);
        const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
        statuses.add(res.statusCode);
      }
      expect({ url, statuses: [...statuses] }).toEqual({ url, statuses: [expect.any(Number)] });
      expect([401, 403]).not.toContain([...statuses][0]);
    }
  });
});

/** Alex's question (asked while open) and Sam's answer to it, made after the shared fixture. */
let questionsFixture: { question: string; answer: string };
beforeAll(async () => {
  const open = {
    mode: 'now',
    forMinutes: null,
    timeZone: 'Europe/Berlin',
    slots: [],
    paused: false,
  };
  expect((await f.alex.client.put('/api/questions/openness', open)).statusCode).toBe(200);
  const asked = await f.alex.client.post('/api/questions', { text: 'What did it mean to you?' });
  expect(asked.statusCode, asked.body).toBe(201);
  const question = asked.json<{ id: string }>().id;
  const answered = await f.sam.client.post(`/api/questions/${question}/answers`, {
    text: 'Less than you, and I am sorry I let it matter.',
  });
  expect(answered.statusCode, answered.body).toBe(201);
  const answer = answered.json<{ answers: { id: string }[] }>().answers[0]?.id ?? '';
  questionsFixture = { question, answer };
});

function questionCases(): Case[] {
  return [
    {
      method: 'GET',
      route: '/api/questions/openness',
      url: () => '/api/questions/openness',
      expect: members(200),
    },
    {
      method: 'PUT',
      route: '/api/questions/openness',
      url: () => '/api/questions/openness',
      body: () => ({
        mode: 'now',
        forMinutes: 60,
        timeZone: 'Europe/Berlin',
        slots: [],
        paused: false,
      }),
      // Chris has no partner on the journey; Sam ("both") and Alex (hurt) set their own.
      expect: members({ other: 409, partner: 200, self: 200 }),
    },
    { method: 'GET', route: '/api/questions', url: () => '/api/questions', expect: members(200) },
    {
      method: 'POST',
      route: '/api/questions',
      url: () => '/api/questions',
      body: () => ({ text: 'Can we talk about the weekend?' }),
      expect: members({ other: 409, partner: 201, self: 201 }),
    },
    {
      method: 'POST',
      route: '/api/questions/:id/answers',
      url: () => `/api/questions/${questionsFixture.question}/answers`,
      body: () => ({ text: 'More about that night.' }),
      // Sam answers Alex's question; Alex asked it; to Chris it does not exist.
      expect: members({ other: 404, partner: 201, self: 409 }),
    },
    {
      method: 'PUT',
      route: '/api/question-answers/:id/mark',
      url: () => `/api/question-answers/${questionsFixture.answer}/mark`,
      body: () => ({ mark: 'need_more' }),
      // Only Alex, who asked, marks Sam's answer.
      expect: members({ other: 404, partner: 409, self: 200 }),
    },
  ];
}
// Step 7, working through forgiveness: every route is a journey member's own. Alex's answer and
// private reflection are Alex's alone (404 to the partner and to anyone else); the partner's chart
// answers everyone alike (an empty chart unless it is shared).
const forgivenessIds = { entry: '', reflection: '' };
beforeAll(async () => {
  const answers = Object.fromEntries(
    ['avoidance.1', 'avoidance.2', 'avoidance.3', 'avoidance.4']
      .concat(['resentment.1', 'resentment.2', 'resentment.3', 'resentment.4'])
      .concat(['goodwill.1', 'goodwill.2', 'goodwill.3'])
      .map((id) => [id, 3]),
  );
  const entry = await f.alex.client.post('/api/forgiveness/entries', { answers });
  expect(entry.statusCode, entry.body).toBe(201);
  forgivenessIds.entry = entry.json<{ id: string }>().id;
  const reflection = await f.alex.client.post('/api/forgiveness/reflections', { text: 'Mine.' });
  expect(reflection.statusCode, reflection.body).toBe(201);
  forgivenessIds.reflection = reflection.json<{ id: string }>().id;
});
const forgivenessAnswers = () =>
  Object.fromEntries(
    ['avoidance.1', 'avoidance.2', 'avoidance.3', 'avoidance.4']
      .concat(['resentment.1', 'resentment.2', 'resentment.3', 'resentment.4'])
      .concat(['goodwill.1', 'goodwill.2', 'goodwill.3'])
      .map((id) => [id, 2]),
  );
const forgivenessCases: Case[] = [
  { method: 'GET', route: '/api/forgiveness', url: () => '/api/forgiveness', expect: members(200) },
  {
    method: 'POST',
    route: '/api/forgiveness/entries',
    url: () => '/api/forgiveness/entries',
    body: () => ({ answers: forgivenessAnswers(), note: 'A note.' }),
    expect: members(201),
  },
  {
    method: 'DELETE',
    route: '/api/forgiveness/entries/:id',
    url: () => `/api/forgiveness/entries/${forgivenessIds.entry}`,
    expect: members({ other: 404, partner: 404, self: 204 }),
  },
  {
    method: 'PUT',
    route: '/api/forgiveness/sharing',
    url: () => '/api/forgiveness/sharing',
    body: () => ({ shared: false }),
    expect: members(200),
  },
  {
    method: 'GET',
    route: '/api/forgiveness/partner',
    url: () => '/api/forgiveness/partner',
    expect: members(200),
  },
  {
    method: 'GET',
    route: '/api/forgiveness/reflections',
    url: () => '/api/forgiveness/reflections',
    expect: members(200),
  },
  {
    method: 'POST',
    route: '/api/forgiveness/reflections',
    url: () => '/api/forgiveness/reflections',
    body: () => ({ prompt: 'need', text: 'Some words.' }),
    expect: members(201),
  },
  {
    method: 'DELETE',
    route: '/api/forgiveness/reflections/:id',
    url: () => `/api/forgiveness/reflections/${forgivenessIds.reflection}`,
    expect: members({ other: 404, partner: 404, self: 204 }),
  },
];
// Before the last case, which signs everyone out.
cases.splice(cases.length - 1, 0, ...forgivenessCases);
