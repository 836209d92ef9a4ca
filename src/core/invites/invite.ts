import { DomainError } from '../errors.js';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface InviteFacts {
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
  readonly revokedAt: number | null;
}

export type InviteStatus = 'valid' | 'used' | 'expired' | 'revoked';

/** A link is single-use and lasts seven days; revoking wins over everything else. */
export function inviteStatus(invite: InviteFacts, now: number): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.usedAt !== null) return 'used';
  if (now >= invite.expiresAt) return 'expired';
  return 'valid';
}

export function assertInviteUsable(invite: InviteFacts, now: number): void {
  const status = inviteStatus(invite, now);
  switch (status) {
    case 'valid':
      return;
    case 'used':
      throw new DomainError('invite.used');
    case 'expired':
      throw new DomainError('invite.expired');
    case 'revoked':
      throw new DomainError('invite.revoked');
  }
}
