import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anonymous,
  canChangeItem,
  canReadItem,
  decideRoute,
  routePolicyNames,
  type Actor,
  type AuthoredItem,
} from './policy.js';

const member = (userId: string): Actor => ({ kind: 'user', userId, role: 'member' });
const admin: Actor = { kind: 'user', userId: 'admin', role: 'admin' };
const item = (visibility: AuthoredItem['visibility']): AuthoredItem => ({
  journeyId: 'j1',
  authorId: 'alex',
  visibility,
});

describe('route policies', () => {
  it('public lets everyone in; member refuses administrators; admin refuses members', () => {
    expect(decideRoute('public', anonymous).allow).toBe(true);
    expect(decideRoute('signedIn', anonymous)).toEqual({ allow: false, reason: 'unauthenticated' });
    expect(decideRoute('member', admin)).toEqual({ allow: false, reason: 'forbidden' });
    expect(decideRoute('member', member('alex')).allow).toBe(true);
    expect(decideRoute('admin', member('alex'))).toEqual({ allow: false, reason: 'forbidden' });
    expect(decideRoute('admin', admin).allow).toBe(true);
  });

  it('refuses anonymous callers on every policy but public', () => {
    for (const p of routePolicyNames.filter((n) => n !== 'public')) {
      expect(decideRoute(p, anonymous)).toEqual({ allow: false, reason: 'unauthenticated' });
    }
  });
});

describe('reading and changing authored items', () => {
  it('the author reads their private item; the partner does not until it is shared', () => {
    expect(canReadItem(member('alex'), { journeyId: 'j1' }, item('private')).allow).toBe(true);
    expect(canReadItem(member('sam'), { journeyId: 'j1' }, item('private'))).toEqual({
      allow: false,
      reason: 'not_found',
    });
    expect(canReadItem(member('sam'), { journeyId: 'j1' }, item('partner')).allow).toBe(true);
  });

  it('no one outside the journey, and no administrator, ever reads an item', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AuthoredItem['visibility']>('private', 'partner'),
        fc.string(),
        (visibility, journeyId) => {
          fc.pre(journeyId !== 'j1');
          expect(canReadItem(member('chris'), { journeyId }, item(visibility)).allow).toBe(false);
          expect(canReadItem(member('chris'), undefined, item(visibility)).allow).toBe(false);
          expect(canReadItem(admin, { journeyId: 'j1' }, item(visibility)).allow).toBe(false);
          expect(canReadItem(anonymous, undefined, item(visibility)).allow).toBe(false);
        },
      ),
    );
  });

  it('only the author may change who sees an item', () => {
    expect(canChangeItem(member('alex'), item('partner')).allow).toBe(true);
    expect(canChangeItem(member('sam'), item('partner')).allow).toBe(false);
    expect(
      canChangeItem({ kind: 'user', userId: 'alex', role: 'admin' }, item('private')).allow,
    ).toBe(false);
  });
});
