import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  refusalToAnswer,
  refusalToSkip,
  sightOf,
  type PromptEntry,
  type PromptFacts,
} from './prompts.js';

const answer = (text: string, at = 1): PromptEntry => ({ kind: 'answer', text, at });
const skip = (at = 1): PromptEntry => ({ kind: 'skip', at });

const entry = fc.option(
  fc.oneof(
    fc.record({
      kind: fc.constant('answer' as const),
      text: fc.string({ minLength: 1 }),
      at: fc.nat(),
    }),
    fc.record({ kind: fc.constant('skip' as const), at: fc.nat() }),
  ),
  { nil: undefined },
);
const facts: fc.Arbitrary<PromptFacts> = fc.record({ mine: entry, partner: entry });

describe('the reveal rule of connection prompts', () => {
  it('shows nothing of the partner’s until both have answered, then both answers', () => {
    expect(sightOf({ mine: undefined, partner: undefined })).toMatchObject({
      status: 'open',
      mine: null,
      partner: null,
      canAnswer: true,
      canSkip: true,
    });
    expect(sightOf({ mine: undefined, partner: answer('theirs') })).toMatchObject({
      status: 'partner_answered',
      mine: null,
      partner: null,
    });
    expect(sightOf({ mine: answer('mine'), partner: undefined })).toMatchObject({
      status: 'waiting',
      mine: 'mine',
      partner: null,
    });
    expect(sightOf({ mine: answer('mine', 5), partner: answer('theirs', 9) })).toEqual({
      status: 'revealed',
      mine: 'mine',
      partner: 'theirs',
      revealedAt: 9,
      canAnswer: false,
      canSkip: false,
    });
  });

  it('sets a skipped prompt aside for both without saying who, keeping only the caller’s own words', () => {
    const mineSkipped = sightOf({ mine: skip(), partner: answer('theirs') });
    const theirsSkipped = sightOf({ mine: answer('mine'), partner: skip() });
    expect(mineSkipped).toEqual({
      status: 'set_aside',
      mine: null,
      partner: null,
      revealedAt: null,
      canAnswer: false,
      canSkip: false,
    });
    expect(theirsSkipped).toMatchObject({ status: 'set_aside', mine: 'mine', partner: null });
    expect(refusalToAnswer({ mine: undefined, partner: skip() })).toBe('prompt.set_aside');
    expect(refusalToSkip({ mine: skip(), partner: undefined })).toBe('prompt.set_aside');
  });

  it('keeps revealed answers as they were, and lets an answer change before that', () => {
    const both = { mine: answer('a'), partner: answer('b') };
    expect(refusalToAnswer(both)).toBe('prompt.revealed');
    expect(refusalToSkip(both)).toBe('prompt.revealed');
    expect(refusalToAnswer({ mine: answer('a'), partner: undefined })).toBeUndefined();
    expect(refusalToSkip({ mine: answer('a'), partner: undefined })).toBeUndefined();
    expect(refusalToAnswer({ mine: undefined, partner: answer('b') })).toBeUndefined();
  });

  it('property: the partner’s words come out only when the caller and the partner have both answered', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const sight = sightOf(f);
        const bothAnswered = f.mine?.kind === 'answer' && f.partner?.kind === 'answer';
        expect(sight.partner !== null).toBe(bothAnswered);
        if (f.mine?.kind !== 'answer' && f.partner?.kind === 'answer') {
          // Nothing in what the caller gets holds the partner's words.
          const unique = `${f.partner.text}\u2063`;
          const marked = sightOf({ ...f, partner: { ...f.partner, text: unique } });
          expect(JSON.stringify(marked)).not.toContain(JSON.stringify(unique).slice(1, -1));
        }
      }),
    );
  });

  it('property: a skip by either closes the prompt and shows nothing of the partner’s', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const skipped = f.mine?.kind === 'skip' || f.partner?.kind === 'skip';
        const sight = sightOf(f);
        expect(sight.status === 'set_aside').toBe(skipped);
        if (skipped) {
          expect(sight.partner).toBeNull();
          expect(sight.canAnswer || sight.canSkip).toBe(false);
          expect(refusalToAnswer(f)).toBe('prompt.set_aside');
        }
      }),
    );
  });

  it('property: the view is the same whichever of the two skipped, when the caller wrote nothing', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        expect(sightOf({ mine: skip(a), partner: undefined })).toEqual(
          sightOf({ mine: undefined, partner: skip(b) }),
        );
      }),
    );
  });

  it('property: the caller always sees their own answer while it stands', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const sight = sightOf(f);
        expect(sight.mine).toBe(f.mine?.kind === 'answer' ? f.mine.text : null);
      }),
    );
  });
});
