import { z } from 'zod';
import {
  betrayalKinds,
  cameToLightOptions,
  journeyPaths,
  memberRoles,
} from '../../core/journeys/journey.js';
import { Email } from './auth.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';

export const JourneyPath = z.enum(journeyPaths, { error: 'Please choose a path.' });
export const MemberRole = z.enum(memberRoles, {
  error: 'Please choose how you would describe your part.',
});
export const BetrayalKind = z.enum(betrayalKinds);
export const CameToLight = z.enum(cameToLightOptions, {
  error: 'Please choose when it came to light.',
});

export const BetrayalKinds = z
  .array(BetrayalKind, { error: 'Please choose at least one kind of betrayal.' })
  .min(1, { error: 'Please choose at least one kind of betrayal.' })
  .max(betrayalKinds.length)
  .refine((kinds) => new Set(kinds).size === kinds.length, {
    error: 'Each kind only once, please.',
  })
  .refine((kinds) => !kinds.includes('unsaid') || kinds.length === 1, {
    error: 'Choose “I would rather not say” on its own, or the kinds that fit.',
  });

export const JourneyStartBody = z.strictObject({
  path: JourneyPath,
  role: MemberRole,
  kinds: BetrayalKinds,
  cameToLight: CameToLight,
});
export type JourneyStartBody = z.infer<typeof JourneyStartBody>;

export const JourneyUpdateBody = z
  .strictObject({
    path: JourneyPath.optional(),
    role: MemberRole.optional(),
    kinds: BetrayalKinds.optional(),
    cameToLight: CameToLight.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    error: 'Nothing to change: send at least one of path, role, kinds or cameToLight.',
  });
export type JourneyUpdateBody = z.infer<typeof JourneyUpdateBody>;

export const PendingInvite = z.object({
  id: z.uuid(),
  expiresAt: z.number().int(),
  email: z.string().nullable(),
});
export type PendingInvite = z.infer<typeof PendingInvite>;

export const Journey = z.object({
  id: z.uuid(),
  path: JourneyPath,
  kinds: z.array(BetrayalKind),
  cameToLight: CameToLight,
  createdAt: z.number().int(),
  me: z.object({ role: MemberRole }),
  partner: z.object({ displayName: z.string() }).nullable(),
  pendingInvites: z.array(PendingInvite),
});
export type Journey = z.infer<typeof Journey>;

export const JourneyEnvelope = z.object({ journey: Journey.nullable() });
export type JourneyEnvelope = z.infer<typeof JourneyEnvelope>;

export const InviteCreateBody = z.strictObject({ email: Email.optional() });
export type InviteCreateBody = z.infer<typeof InviteCreateBody>;

export const InviteCreated = z.object({
  id: z.uuid(),
  url: z.string(),
  expiresAt: z.number().int(),
  emailed: z.boolean(),
});
export type InviteCreated = z.infer<typeof InviteCreated>;

export const InviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, {
  error: 'That invitation link is not complete. Please copy the whole link.',
});

export const InviteTokenBody = z.strictObject({ token: InviteToken });
export type InviteTokenBody = z.infer<typeof InviteTokenBody>;

/** Joining asks the joiner's own part: it is never assumed for them. */
export const InviteAcceptBody = z.strictObject({ token: InviteToken, role: MemberRole });
export type InviteAcceptBody = z.infer<typeof InviteAcceptBody>;

export const InvitePreview = z.object({
  status: z.enum(['valid', 'used', 'expired', 'revoked']),
  inviterName: z.string().nullable(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

/** A person's journey, as both the server and the web client see it. */
export const journeysApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/journey',
    tag: 'journeys',
    summary: 'My current journey, if I have started one',
    caller: 'member',
    response: JourneyEnvelope,
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/journey',
    tag: 'journeys',
    summary: 'Start my journey: path, role, kinds of betrayal, when it came to light',
    caller: 'member',
    body: JourneyStartBody,
    response: Journey,
    status: 201,
    errors: ['journey.exists'],
  }),
  change: endpoint({
    method: 'PATCH',
    path: '/api/journey',
    tag: 'journeys',
    summary: 'Change my journey (any of path, role, kinds, when it came to light)',
    caller: 'journeyMember',
    body: JourneyUpdateBody,
    response: Journey,
    errors: ['journey.has_partner'],
  }),
};

/** Inviting a partner into a journey, and joining one through a link. */
export const partnersApi = {
  invite: endpoint({
    method: 'POST',
    path: '/api/journey/invites',
    tag: 'partners',
    summary: 'Create a single-use link (valid 7 days) to invite my partner',
    // Not `safetyChecked`: a journey that cannot take a partner says so before the safety check.
    caller: 'journeyMember',
    body: InviteCreateBody,
    response: InviteCreated,
    status: 201,
    errors: ['journey.not_together', 'journey.full', 'safety.check_needed', 'auth.rate_limited'],
  }),
  withdraw: endpoint({
    method: 'DELETE',
    path: '/api/journey/invites/:id',
    tag: 'partners',
    summary: 'Withdraw an invitation that has not been used',
    caller: 'member',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['invite.not_found'],
  }),
  preview: endpoint({
    method: 'POST',
    path: '/api/invites/preview',
    tag: 'partners',
    summary: 'What an invitation link leads to, before signing in',
    caller: 'anyone',
    body: InviteTokenBody,
    response: InvitePreview,
    errors: ['invite.invalid'],
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/invites/accept',
    tag: 'partners',
    summary: "Join my partner's journey through their link, saying my own part in it",
    caller: 'member',
    body: InviteAcceptBody,
    response: Journey,
    errors: [
      'invite.invalid',
      'invite.used',
      'invite.expired',
      'invite.revoked',
      'invite.own',
      'journey.exists',
      'journey.full',
    ],
  }),
};
