import { z } from 'zod';
import { DisplayName, Email, Password, SessionInfo } from './auth.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { InviteToken } from './journeys.js';

export const TherapistInviteBody = z.strictObject({ email: Email });
export type TherapistInviteBody = z.infer<typeof TherapistInviteBody>;

export const TherapistInviteCreated = z.object({
  id: z.uuid(),
  /** The link, for the administrator to pass on themselves if the mail does not arrive. */
  url: z.string(),
  expiresAt: z.number().int(),
  /** False when the mail could not be sent (the SMTP server refused it): pass the link on yourself. */
  emailed: z.boolean(),
});
export type TherapistInviteCreated = z.infer<typeof TherapistInviteCreated>;

export const InviteStatus = z.enum(['valid', 'used', 'expired', 'revoked']);
export type InviteStatus = z.infer<typeof InviteStatus>;

export const TherapistInvite = z.object({
  id: z.uuid(),
  email: z.string(),
  /** `valid` is still waiting to be used. */
  status: InviteStatus,
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  usedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export type TherapistInvite = z.infer<typeof TherapistInvite>;

export const TherapistInviteList = z.object({ items: z.array(TherapistInvite) });
export type TherapistInviteList = z.infer<typeof TherapistInviteList>;

export const Therapist = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  joinedAt: z.number().int(),
  /** When the administrator removed their access; null while they have it. */
  removedAt: z.number().int().nullable(),
});
export type Therapist = z.infer<typeof Therapist>;

export const TherapistList = z.object({ items: z.array(Therapist) });
export type TherapistList = z.infer<typeof TherapistList>;

export const TherapistInviteTokenBody = z.strictObject({ token: InviteToken });
export type TherapistInviteTokenBody = z.infer<typeof TherapistInviteTokenBody>;

export const TherapistInviteCheck = z.object({
  status: InviteStatus,
  /** The practice's name, when the administrator has set one. */
  practiceName: z.string().nullable(),
  /** The address the account will have; only while the link can still be used. */
  email: z.string().nullable(),
});
export type TherapistInviteCheck = z.infer<typeof TherapistInviteCheck>;

/** The therapist's own name and password; the email is the one the invitation went to. */
export const TherapistInviteAcceptBody = z.strictObject({
  token: InviteToken,
  displayName: DisplayName,
  password: Password,
});
export type TherapistInviteAcceptBody = z.infer<typeof TherapistInviteAcceptBody>;

const tag = 'therapists';

/** The practice's therapists: invited by the administrator, joining through a single-use link. */
export const therapistsApi = {
  invite: endpoint({
    method: 'POST',
    path: '/api/therapists/invites',
    tag,
    summary: 'Invite a therapist by email (a single-use link that lasts seven days)',
    caller: 'admin',
    body: TherapistInviteBody,
    response: TherapistInviteCreated,
    status: 201,
    errors: ['auth.email_taken', 'auth.rate_limited'],
  }),
  invites: endpoint({
    method: 'GET',
    path: '/api/therapists/invites',
    tag,
    summary:
      "The practice's therapist invitations, newest first, with whether each can still be used",
    caller: 'admin',
    response: TherapistInviteList,
  }),
  revoke: endpoint({
    method: 'DELETE',
    path: '/api/therapists/invites/:id',
    tag,
    summary: 'Withdraw a therapist invitation that has not been used',
    caller: 'admin',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['therapist_invite.not_found'],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/therapists',
    tag,
    summary: "The practice's therapists",
    caller: 'admin',
    response: TherapistList,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/therapists/:id',
    tag,
    summary:
      "Remove a therapist's access: they are signed out, cannot sign in, and their profile is unpublished",
    caller: 'admin',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['therapist.not_found'],
  }),
  check: endpoint({
    method: 'POST',
    path: '/api/therapist-invites/check',
    tag,
    summary: 'Whether a therapist invitation can still be used',
    caller: 'anyone',
    body: TherapistInviteTokenBody,
    response: TherapistInviteCheck,
    errors: ['invite.invalid'],
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/therapist-invites/accept',
    tag,
    summary: "Accept a therapist invitation: create the therapist's account and sign in",
    caller: 'anyone',
    body: TherapistInviteAcceptBody,
    response: SessionInfo,
    status: 201,
    errors: [
      'invite.invalid',
      'invite.used',
      'invite.expired',
      'invite.revoked',
      'auth.rate_limited',
      'auth.password_weak',
      'auth.password_length',
      'auth.email_taken',
    ],
  }),
};
