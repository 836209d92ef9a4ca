import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consentCategories,
  therapistMayRead,
  type ClientItem,
  type ClientLink,
  type ConsentCategory,
  type LinkStatus,
  type TherapistLinks,
} from './consent.js';
import { decideRoute, routePolicyNames } from './policy.js';

const people = ['alex', 'sam', 'chris', 'dee'] as const;
const category = fc.constantFrom(...consentCategories);
const link: fc.Arbitrary<ClientLink> = fc.record({
  status: fc.constantFrom<LinkStatus>('requested', 'active', 'ended'),
  consents: fc.subarray([...consentCategories]).map((c) => new Set<ConsentCategory>(c)),
});
const links: fc.Arbitrary<TherapistLinks> = fc
  .dictionary(fc.constantFrom(...people), link)
  .map((d) => new Map(Object.entries(d)));
const item: fc.Arbitrary<ClientItem> = fc.record({
  category,
  owners: fc.subarray([...people], { minLength: 1, maxLength: 2 }),
  kept: fc.boolean(),
});

const allowed = (l: TherapistLinks, i: ClientItem) => therapistMayRead(l, i).allow;

describe('the consent rule', () => {
  it('shows an item exactly when it is not kept and every owner has an active link consenting to its category', () => {
    fc.assert(
      fc.property(links, item, (l, i) => {
        const expected =
          !i.kept &&
          i.owners.every((o) => {
            const k = l.get(o);
            return k?.status === 'active' && k.consents.has(i.category);
          });
        expect(allowed(l, i)).toBe(expected);
      }),
    );
  });

  it('never shows what its author kept private, whatever the consent', () => {
    fc.assert(
      fc.property(links, item, (l, i) => {
        expect(allowed(l, { ...i, kept: true })).toBe(false);
      }),
    );
  });

  it('a joint record needs both partners: taking either one’s consent away hides it', () => {
    // Two partners who both consented, among any other links.
    const joint = fc
      .tuple(
        links,
        category,
        fc.subarray([...consentCategories]),
        fc.subarray([...consentCategories]),
      )
      .map(([l, c, a, b]) => {
        const withBoth = new Map(l)
          .set('alex', { status: 'active', consents: new Set([...a, c]) })
          .set('sam', { status: 'active', consents: new Set([...b, c]) });
        const i: ClientItem = { category: c, owners: ['alex', 'sam'], kept: false };
        return { l: withBoth, i };
      });
    fc.assert(
      fc.property(joint, fc.constantFrom('alex', 'sam'), ({ l, i }, owner) => {
        expect(allowed(l, i)).toBe(true);
        const before = l.get(owner)!;
        const consents = new Set(before.consents);
        consents.delete(i.category);
        expect(allowed(new Map(l).set(owner, { ...before, consents }), i)).toBe(false);
        // Only one partner's consent shows nothing of what they made together.
        expect(allowed(l, { ...i, owners: [owner, 'dee'] })).toBe(
          allowed(l, { ...i, owners: ['dee'] }) && allowed(l, i),
        );
      }),
    );
  });

  it('ending or not yet accepting a link ends access at once, for every category', () => {
    fc.assert(
      fc.property(
        links,
        item,
        fc.constantFrom<LinkStatus>('requested', 'ended'),
        (l, i, status) => {
          const owner = i.owners[0]!;
          const before = l.get(owner) ?? { status: 'active' as const, consents: new Set() };
          expect(allowed(new Map(l).set(owner, { ...before, status }), i)).toBe(false);
        },
      ),
    );
  });

  it('consent to one category never reveals another', () => {
    fc.assert(
      fc.property(links, item, category, (l, i, other) => {
        fc.pre(other !== i.category);
        // Giving every owner consent to `other` only changes nothing about `i`.
        const widened = new Map(l);
        for (const o of i.owners) {
          const k = l.get(o);
          if (k) widened.set(o, { ...k, consents: new Set([...k.consents, other]) });
        }
        expect(allowed(widened, i)).toBe(allowed(l, i));
      }),
    );
  });

  it('another person’s link never opens someone else’s item', () => {
    fc.assert(
      fc.property(links, item, link, (l, i, extra) => {
        const stranger = people.find((p) => !i.owners.includes(p))!;
        expect(allowed(new Map(l).set(stranger, extra), i)).toBe(allowed(l, i));
      }),
    );
  });

  it('refuses with not_found, the answer for an item that does not exist', () => {
    const refused = therapistMayRead(new Map(), {
      category: 'letters',
      owners: ['alex'],
      kept: false,
    });
    expect(refused).toEqual({ allow: false, reason: 'not_found' });
  });
});

describe('the therapist route policy', () => {
  it('admits therapists only', () => {
    expect(decideRoute('therapist', { kind: 'user', userId: 't', role: 'therapist' }).allow).toBe(
      true,
    );
    for (const role of ['member', 'admin'] as const) {
      expect(decideRoute('therapist', { kind: 'user', userId: 'x', role })).toEqual({
        allow: false,
        reason: 'forbidden',
      });
    }
    expect(routePolicyNames).toContain('therapist');
    // Therapists take no part in journeys.
    expect(decideRoute('member', { kind: 'user', userId: 't', role: 'therapist' }).allow).toBe(
      false,
    );
  });
});
