import { describe, expect, it } from 'vitest';
import type { MyLink } from '../../../shared/api/consent.js';
import { checkinTherapists, joinNames } from './api.js';

const none = {
  checkins: false,
  screens: false,
  letters: false,
  agreements: false,
  program: false,
  safety: false,
};
const link = (name: string, status: MyLink['status'], checkins: boolean): MyLink => ({
  id: crypto.randomUUID(),
  therapist: { id: name, name, slug: null },
  status,
  alertCrisis: false,
  consents: { ...none, checkins },
  createdAt: 0,
  acceptedAt: null,
  endedAt: null,
  endedBy: null,
});

describe('who sees a check-in', () => {
  it('names only therapists with an active link and consent to check-ins', () => {
    expect(
      checkinTherapists({
        links: [
          link('Robin', 'active', true),
          link('Kim', 'active', false),
          link('Ash', 'requested', true),
          link('Lee', 'ended', true),
        ],
      }),
    ).toEqual(['Robin']);
    expect(checkinTherapists(undefined)).toEqual([]);
  });

  it('writes names as a sentence does', () => {
    expect(joinNames(['Robin'])).toBe('Robin');
    expect(joinNames(['Sam', 'Robin'])).toBe('Sam and Robin');
    expect(joinNames(['Sam', 'Robin', 'Kim'])).toBe('Sam, Robin, and Kim');
  });
});
