import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayReadChart, mayReadReflection } from './sharing.js';

describe('who may see forgiveness work', () => {
  it('the chart: its owner always; anyone else only while the owner shares it in their journey', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('a', 'b', 'c'),
        fc.option(fc.constantFrom('j1', 'j2'), { nil: undefined }),
        fc.boolean(),
        (reader, readerJourney, shared) => {
          const share = { ownerId: 'a', journeyId: 'j1', shared };
          const may = mayReadChart({ userId: reader, journeyId: readerJourney }, share);
          if (reader === 'a') expect(may).toBe(true);
          else expect(may).toBe(shared && readerJourney === 'j1');
          // Not shared: nobody but the owner, ever.
          if (!shared && reader !== 'a') expect(may).toBe(false);
        },
      ),
    );
  });

  it('a private reflection: its author only', () => {
    expect(mayReadReflection({ userId: 'a' }, 'a')).toBe(true);
    expect(mayReadReflection({ userId: 'b' }, 'a')).toBe(false);
  });
});
