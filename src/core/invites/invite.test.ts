import { describe, expect, it } from 'vitest';
import { INVITE_TTL_MS, assertInviteUsable, inviteStatus } from './invite.js';

const base = { createdAt: 1000, expiresAt: 1000 + INVITE_TTL_MS, usedAt: null, revokedAt: null };

describe('invite status', () => {
  it('is valid until seven days have passed, then expired', () => {
    expect(inviteStatus(base, base.expiresAt - 1)).toBe('valid');
    expect(inviteStatus(base, base.expiresAt)).toBe('expired');
  });
  it('used and revoked win over time; revoked wins over used', () => {
    expect(inviteStatus({ ...base, usedAt: 2000 }, 3000)).toBe('used');
    expect(inviteStatus({ ...base, usedAt: 2000, revokedAt: 2500 }, 3000)).toBe('revoked');
    expect(() => assertInviteUsable({ ...base, usedAt: 2000 }, 3000)).toThrow('invite.used');
  });
});
