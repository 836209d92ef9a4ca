import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closenessKindIds, closenessKinds } from './kinds.js';
import {
  afterMarking,
  afterReset,
  closenessMarks,
  decodeMarks,
  encodeMarks,
  matchesOf,
  unmarkedKinds,
  viewOf,
  type ClosenessMark,
  type ClosenessView,
  type Marks,
  type Round,
} from './rounds.js';

const ids = closenessKindIds;
const all = (mark: ClosenessMark): Marks => Object.fromEntries(ids.map((id) => [id, mark]));
const withMark = (marks: Marks, id: string, mark: ClosenessMark): Marks => ({
  ...marks,
  [id]: mark,
});

const markArb = fc.constantFrom(...closenessMarks);
const marksArb: fc.Arbitrary<Marks> = fc
  .array(markArb, { minLength: ids.length, maxLength: ids.length })
  .map((ms) => Object.fromEntries(ids.map((id, i) => [id, ms[i]!])));

/** A journey of two people, A and B, driven the way the service drives it. */
type Who = 'a' | 'b';
interface Journey {
  current: number;
  a: Round | undefined;
  b: Round | undefined;
}
const empty = (): Journey => ({ current: 0, a: undefined, b: undefined });
const stateFor = (j: Journey, who: Who) => ({
  current: j.current,
  mine: who === 'a' ? j.a : j.b,
  theirs: who === 'a' ? j.b : j.a,
});
function mark(j: Journey, who: Who, marks: Marks): Journey {
  const { current, round } = afterMarking(stateFor(j, who), marks);
  return { ...j, current, [who]: { round, marks } };
}
function reset(j: Journey, who: Who): Journey {
  return { ...j, current: afterReset(stateFor(j, who)), [who]: undefined };
}
const view = (j: Journey, who: Who): ClosenessView => viewOf(stateFor(j, who));

type Op = { who: Who; kind: 'mark'; marks: Marks } | { who: Who; kind: 'reset' };
const opArb = (who: fc.Arbitrary<Who>): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ who, kind: fc.constant('mark' as const), marks: marksArb }),
    fc.record({ who, kind: fc.constant('reset' as const) }),
  );
const run = (j: Journey, op: Op): Journey =>
  op.kind === 'mark' ? mark(j, op.who, op.marks) : reset(j, op.who);

describe('the list of kinds of closeness', () => {
  it('has stable, unique ids and words for each', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const k of closenessKinds) expect(k.label.trim().length).toBeGreaterThan(3);
  });
});

describe('a round of marks', () => {
  it('is complete only when every kind on the list is marked', () => {
    expect(unmarkedKinds(all('maybe'))).toEqual([]);
    const partial = Object.fromEntries(
      Object.entries(all('ready')).filter(([id]) => id !== ids[0]),
    );
    expect(unmarkedKinds(partial)).toEqual([ids[0]]);
  });

  it('is kept as one short code per kind, whatever was marked', () => {
    fc.assert(
      fc.property(marksArb, marksArb, (x, y) => {
        expect(decodeMarks(encodeMarks(x))).toEqual(x);
        expect(encodeMarks(x).length).toBe(encodeMarks(y).length);
      }),
    );
  });
});

describe('the matches', () => {
  it('show, as a set in the list’s order, once both have finished a round', () => {
    let j = mark(
      empty(),
      'a',
      withMark(withMark(all('not_now'), 'talk.love', 'ready'), 'affection.hands', 'ready'),
    );
    expect(view(j, 'a')).toEqual({ state: 'waiting' });
    expect(view(j, 'b')).toEqual({ state: 'waiting_for_me' });
    j = mark(
      j,
      'b',
      withMark(withMark(all('maybe'), 'affection.hands', 'ready'), 'talk.love', 'ready'),
    );
    expect(view(j, 'a')).toEqual({ state: 'shown', matches: ['talk.love', 'affection.hands'] });
    expect(view(j, 'b')).toEqual(view(j, 'a'));
  });

  it('"maybe" is not "ready"', () => {
    const j = mark(mark(empty(), 'a', all('ready')), 'b', all('maybe'));
    expect(view(j, 'a')).toEqual({ state: 'shown', matches: [] });
  });

  it('never holds a kind either person did not mark ready', () => {
    fc.assert(
      fc.property(marksArb, marksArb, (a, b) => {
        for (const id of matchesOf(a, b)) {
          expect(a[id]).toBe('ready');
          expect(b[id]).toBe('ready');
        }
        expect(matchesOf(a, b)).toEqual(ids.filter((id) => a[id] === 'ready' && b[id] === 'ready'));
      }),
    );
  });

  it('cannot tell "maybe" from "not now": every view is the same whichever was marked', () => {
    const swapNotReady = (m: Marks, flips: readonly boolean[]): Marks =>
      Object.fromEntries(
        ids.map((id, i) => [
          id,
          m[id] === 'ready' || !flips[i] ? m[id]! : m[id] === 'maybe' ? 'not_now' : 'maybe',
        ]),
      );
    const flipsArb = fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length });
    fc.assert(
      fc.property(
        fc.array(opArb(fc.constantFrom('a', 'b')), { maxLength: 8 }),
        flipsArb,
        (ops, flips) => {
          let j = empty();
          let k = empty();
          for (const op of ops) {
            j = run(j, op);
            // The same history, with B's non-ready marks swapped between "maybe" and "not now".
            k = run(
              k,
              op.kind === 'mark' && op.who === 'b'
                ? { ...op, marks: swapNotReady(op.marks, flips) }
                : op,
            );
            expect(view(k, 'a')).toEqual(view(j, 'a'));
            expect(view(k, 'b')).toEqual(view(j, 'b'));
          }
        },
      ),
    );
  });

  it('stay hidden unless both rounds are complete and current', () => {
    fc.assert(
      fc.property(fc.array(opArb(fc.constantFrom('a', 'b')), { maxLength: 10 }), (ops) => {
        let j = empty();
        for (const op of ops) {
          j = run(j, op);
          for (const who of ['a', 'b'] as const) {
            const v = view(j, who);
            const bothCurrent =
              j.a?.round === j.current && j.b?.round === j.current && j.current > 0;
            expect(v.state === 'shown').toBe(bothCurrent);
            if (v.state !== 'shown') expect(v.matches).toBeUndefined();
          }
        }
      }),
    );
  });

  it('are hidden for both when either resets, until both mark again', () => {
    let j = mark(mark(empty(), 'a', all('ready')), 'b', all('ready'));
    expect(view(j, 'b').state).toBe('shown');
    j = reset(j, 'b');
    expect(view(j, 'a')).toEqual({ state: 'waiting_for_me' });
    expect(view(j, 'b')).toEqual({ state: 'waiting_for_me' });
    j = mark(j, 'b', all('ready'));
    expect(view(j, 'a')).toEqual({ state: 'waiting_for_me' });
    expect(view(j, 'b')).toEqual({ state: 'waiting' });
    j = mark(j, 'a', all('ready'));
    expect(view(j, 'a').state).toBe('shown');
  });

  it('"waiting" says nothing of whether the partner has marked before', () => {
    fc.assert(
      fc.property(marksArb, marksArb, marksArb, (a, a0, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(a0));
        // B has never marked; or B marked an earlier round with A, and A has changed since.
        const never = mark(empty(), 'a', a);
        const earlier = mark(mark(mark(empty(), 'b', b), 'a', a0), 'a', a);
        expect(view(never, 'a')).toEqual({ state: 'waiting' });
        expect(view(earlier, 'a')).toEqual(view(never, 'a'));
      }),
    );
  });
});

describe('the flip-one-item attack', () => {
  it('changing one mark and reading again shows nothing about the partner’s mark on it', () => {
    const b = withMark(all('not_now'), 'affection.hug', 'ready');
    let j = mark(mark(empty(), 'b', b), 'a', withMark(all('not_now'), 'affection.hug', 'ready'));
    expect(view(j, 'a')).toEqual({ state: 'shown', matches: ['affection.hug'] });
    // A now marks one more kind ready, hoping to see whether B marked it ready too.
    for (const id of ids) {
      j = mark(j, 'a', withMark(withMark(all('not_now'), 'affection.hug', 'ready'), id, 'ready'));
      expect(view(j, 'a')).toEqual({ state: 'waiting' });
    }
    // Going back to the first marks does not bring the matches back either: B must mark again.
    j = mark(j, 'a', withMark(all('not_now'), 'affection.hug', 'ready'));
    expect(view(j, 'a')).toEqual({ state: 'waiting' });
    j = reset(j, 'a');
    j = mark(j, 'a', all('ready'));
    expect(view(j, 'a')).toEqual({ state: 'waiting' });
  });

  it('for any sequence of A’s changes and resets, A sees at most one set of matches per round B marks', () => {
    fc.assert(
      fc.property(
        marksArb,
        marksArb,
        fc.array(opArb(fc.constant('a' as const)), { minLength: 1, maxLength: 12 }),
        (a0, b, ops) => {
          let j = mark(empty(), 'b', b);
          j = mark(j, 'a', a0);
          const first = view(j, 'a');
          // B does nothing more; whatever A does, A never sees a different set of matches.
          const shown = new Set([JSON.stringify(first)]);
          for (const op of ops) {
            j = run(j, op);
            const v = view(j, 'a');
            if (v.state === 'shown') shown.add(JSON.stringify(v));
          }
          expect(shown.size).toBe(1);
        },
      ),
    );
  });

  it('marking the same marks again over shown matches changes nothing', () => {
    let j = mark(mark(empty(), 'a', all('ready')), 'b', all('ready'));
    j = mark(j, 'a', all('ready'));
    expect(view(j, 'b').state).toBe('shown');
  });
});
