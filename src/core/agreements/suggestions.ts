import type { BetrayalKind } from '../journeys/journey.js';
import { agreementCategories, type AgreementCategory } from './agreement.js';

/**
 * Agreements a couple might start from, in our own words. A suggestion is only a starting point:
 * choosing one proposes its text, which either partner can then change. Ids are stable so the
 * client can remember which ones were already used.
 */
export interface SuggestedAgreement {
  readonly id: string;
  readonly category: AgreementCategory;
  readonly text: string;
  /** Kinds of betrayal this one speaks to most; it comes first in its category when they apply. */
  readonly fits: readonly BetrayalKind[];
}

export const suggestedAgreements: readonly SuggestedAgreement[] = [
  {
    id: 'transparency.phones',
    category: 'transparency',
    text: 'When either of us asks, we can look at each other’s phone or messages together, without it turning into an argument.',
    fits: ['secrets', 'lying', 'emotional_infidelity', 'physical_infidelity'],
  },
  {
    id: 'transparency.money',
    category: 'transparency',
    text: 'We share a simple view of our money each month: accounts, card statements and any larger spending.',
    fits: ['financial'],
  },
  {
    id: 'transparency.whereabouts',
    category: 'transparency',
    text: 'If plans change or we will be late, we let each other know before, not after.',
    fits: ['lying', 'secrets', 'physical_infidelity'],
  },
  {
    id: 'transparency.volunteer',
    category: 'transparency',
    text: 'If something comes up that the other would want to know, we bring it up ourselves instead of waiting to be asked.',
    fits: ['secrets', 'lying', 'financial', 'broken_confidence'],
  },
  {
    id: 'boundaries.private_matters',
    category: 'boundaries',
    text: 'What we share with each other about our relationship stays between us unless we agree otherwise.',
    fits: ['broken_confidence'],
  },
  {
    id: 'boundaries.pause',
    category: 'boundaries',
    text: 'Either of us can ask for a pause in a hard conversation, and we agree on when we will come back to it.',
    fits: [],
  },
  {
    id: 'boundaries.questions',
    category: 'boundaries',
    text: 'Questions about what happened are answered honestly; the one who was hurt chooses when to ask them.',
    fits: [],
  },
  {
    id: 'contact.end',
    category: 'contact_rules',
    text: 'Contact with the person involved has ended, and any attempt by them to get in touch is shared right away.',
    fits: ['physical_infidelity', 'emotional_infidelity'],
  },
  {
    id: 'contact.unavoidable',
    category: 'contact_rules',
    text: 'Where some contact cannot be avoided, such as at work, we agree together on what it looks like and talk openly about it.',
    fits: ['physical_infidelity', 'emotional_infidelity'],
  },
  {
    id: 'contact.new_friendships',
    category: 'contact_rules',
    text: 'We talk about new close friendships openly, so neither of us is surprised by them.',
    fits: ['emotional_infidelity'],
  },
  {
    id: 'routines.checkin',
    category: 'routines',
    text: 'Once a week we sit down for a calm check-in about how the rebuilding is going for each of us.',
    fits: [],
  },
  {
    id: 'routines.evening',
    category: 'routines',
    text: 'Each evening we take ten minutes together without phones to share how the day went.',
    fits: [],
  },
  {
    id: 'routines.therapy',
    category: 'routines',
    text: 'We keep the sessions we have planned with our therapist, and talk before changing them.',
    fits: [],
  },
  {
    id: 'other.support',
    category: 'other',
    text: 'Each of us may lean on a trusted friend or a therapist for support, and we agree on how much of our story is shared.',
    fits: ['broken_confidence'],
  },
  {
    id: 'other.review',
    category: 'other',
    text: 'We look at these agreements again together in a month and change what no longer fits.',
    fits: [],
  },
];

const secrecy: readonly BetrayalKind[] = ['secrets', 'lying', 'financial'];
const infidelity: readonly BetrayalKind[] = ['physical_infidelity', 'emotional_infidelity'];

/**
 * The order categories are offered in. Transparency leads where secrets, lying or financial
 * dishonesty were involved; contact rules lead where there was physical or emotional infidelity
 * (after transparency when both apply: secrecy usually comes with an affair, and openness makes the
 * contact rules checkable); boundaries come next where a confidence was broken. The rest keep the
 * catalogue order.
 */
export function categoryOrder(kinds: readonly BetrayalKind[]): AgreementCategory[] {
  const lead: AgreementCategory[] = [];
  if (kinds.some((k) => secrecy.includes(k))) lead.push('transparency');
  if (kinds.some((k) => infidelity.includes(k))) lead.push('contact_rules');
  if (kinds.includes('broken_confidence')) lead.push('boundaries');
  return [...lead, ...agreementCategories.filter((c) => !lead.includes(c))];
}

/**
 * The suggestions for a journey, by category in `categoryOrder`, and within a category those that
 * speak to the journey's kinds of betrayal first; otherwise in catalogue order (the sort is stable).
 */
export function suggestionsFor(kinds: readonly BetrayalKind[]): SuggestedAgreement[] {
  const rank = (s: SuggestedAgreement) => (s.fits.some((k) => kinds.includes(k)) ? 0 : 1);
  return categoryOrder(kinds).flatMap((category) =>
    suggestedAgreements
      .filter((s) => s.category === category)
      .toSorted((a, b) => rank(a) - rank(b)),
  );
}

/** A suggestion by its id, for proposing it. */
export const suggestionById = (id: string): SuggestedAgreement | undefined =>
  suggestedAgreements.find((s) => s.id === id);
