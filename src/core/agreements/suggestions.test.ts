import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betrayalKinds, type BetrayalKind } from '../journeys/journey.js';
import { agreementCategories, refusalOfText } from './agreement.js';
import {
  categoryOrder,
  suggestedAgreements,
  suggestionById,
  suggestionsFor,
} from './suggestions.js';

const kindsArb = fc.subarray<BetrayalKind>([...betrayalKinds]);

describe('suggested agreements', () => {
  it('offers 2 to 4 per category, each with a unique id and words that make a valid agreement', () => {
    for (const category of agreementCategories) {
      const n = suggestedAgreements.filter((s) => s.category === category).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }
    const ids = suggestedAgreements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of suggestedAgreements) {
      expect(refusalOfText(s.text)).toBeUndefined();
      expect(suggestionById(s.id)).toBe(s);
    }
  });

  it('transparency comes first where secrets, lying or financial dishonesty was involved', () => {
    for (const kind of ['secrets', 'lying', 'financial'] as const) {
      expect(categoryOrder([kind])[0]).toBe('transparency');
      expect(categoryOrder([kind, 'physical_infidelity'])[0]).toBe('transparency');
      expect(suggestionsFor([kind])[0]?.category).toBe('transparency');
    }
    expect(suggestionsFor(['financial'])[0]?.id).toBe('transparency.money');
  });

  it('contact rules come first for physical or emotional infidelity without secrecy', () => {
    for (const kind of ['physical_infidelity', 'emotional_infidelity'] as const) {
      expect(categoryOrder([kind])[0]).toBe('contact_rules');
      expect(categoryOrder([kind, 'secrets']).slice(0, 2)).toEqual([
        'transparency',
        'contact_rules',
      ]);
      expect(suggestionsFor([kind])[0]?.id).toBe('contact.end');
    }
  });

  it('a broken confidence brings boundaries forward; otherwise the order is the catalogue’s', () => {
    expect(categoryOrder(['broken_confidence'])[0]).toBe('boundaries');
    expect(categoryOrder([])).toEqual([...agreementCategories]);
    expect(categoryOrder(['other'])).toEqual([...agreementCategories]);
  });

  it('every suggestion is offered once, whatever the kinds, and the order depends only on the set of kinds', () => {
    fc.assert(
      fc.property(kindsArb, (kinds) => {
        const list = suggestionsFor(kinds);
        expect(list.map((s) => s.id).toSorted()).toEqual(
          suggestedAgreements.map((s) => s.id).toSorted(),
        );
        expect(suggestionsFor(kinds.toReversed())).toEqual(list);
        // Categories stay together, in categoryOrder.
        const seen = list.map((s) => s.category).filter((c, i, all) => all[i - 1] !== c);
        expect(seen).toEqual(categoryOrder(kinds));
      }),
    );
  });

  it('within a category, suggestions that fit the kinds come first, the rest keep their order', () => {
    fc.assert(
      fc.property(kindsArb, (kinds) => {
        const list = suggestionsFor(kinds);
        for (const category of agreementCategories) {
          const inCategory = list.filter((s) => s.category === category);
          const fits = inCategory.map((s) => s.fits.some((k) => kinds.includes(k)));
          expect(fits).toEqual(fits.toSorted((a, b) => Number(b) - Number(a)));
          const catalogue = suggestedAgreements.filter((s) => s.category === category);
          const rest = inCategory.filter((_, i) => !fits[i]);
          expect(rest).toEqual(catalogue.filter((s) => rest.includes(s)));
        }
      }),
    );
  });
});
