import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chain, GENESIS_HASH, verify, type AuditFields } from './chain.js';

const event = (n: number): Omit<AuditFields, 'seq'> => ({
  id: `e${n}`,
  at: 1_700_000_000_000 + n,
  actorId: 'therapist-1',
  actorRole: 'therapist',
  action: 'read',
  subjectId: 'client-1',
  category: 'checkins',
  items: [`c${n}`],
  requestId: `req-${n}`,
});

describe('the audit hash chain', () => {
  it('verifies a log it chained, also when verified in two pages', () => {
    const log = chain(undefined, [1, 2, 3, 4, 5].map(event));
    expect(log[0]!.prevHash).toBe(GENESIS_HASH);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verify(log)).toEqual({ ok: true, count: 5 });
    expect(verify(log.slice(2), log[1])).toEqual({ ok: true, count: 3 });
    // Appending continues the chain from the last event.
    const more = chain(log[4], [event(6)]);
    expect(verify([...log, ...more])).toEqual({ ok: true, count: 6 });
  });

  it('names the first broken link for any edited, removed or reordered event', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.nat(),
        fc.constantFrom('edit', 'remove', 'swap'),
        (n, pick, how) => {
          const log = chain(
            undefined,
            Array.from({ length: n }, (_, i) => event(i + 1)),
          );
          const at = pick % (n - 1);
          const broken = [...log];
          if (how === 'edit') broken[at] = { ...broken[at]!, category: 'letters' };
          if (how === 'remove') broken.splice(at, 1);
          if (how === 'swap') [broken[at], broken[at + 1]] = [broken[at + 1]!, broken[at]!];
          const verdict = verify(broken);
          expect(verdict.ok).toBe(false);
          if (!verdict.ok) expect(verdict.brokenAt).toBe(at + 1);
        },
      ),
    );
  });

  it('detects an event rewritten with a fresh hash of its own: the next link no longer matches', () => {
    const log = chain(undefined, [1, 2, 3].map(event));
    const [first, second, third] = log;
    const forged = chain(undefined, [{ ...event(1), items: ['other'] }])[0]!;
    const verdict = verify([forged, second!, third!]);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 2, reason: 'previous_hash' });
    expect(first!.hash).not.toBe(forged.hash);
  });
});
