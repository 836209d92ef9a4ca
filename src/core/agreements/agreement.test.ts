import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../errors.js';
import {
  accept,
  decline,
  latestVersion,
  nextSteps,
  propose,
  proposeRevision,
  refusalToAnswer,
  revisit,
  versionInForce,
  waitingOn,
  type Agreement,
  type AgreementTransition,
  type VersionStatus,
} from './agreement.js';

const start = (by = 'alex'): Agreement =>
  propose({ id: 'a1', text: 'We share our plans for the week.', category: 'routines', by, at: 1 })
    .agreement;

const codeOf = (f: () => unknown): ErrorCode | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

const statuses = (a: Agreement): VersionStatus[] => a.versions.map((v) => v.status);

describe('proposing and answering', () => {
  it('a proposal is version 1, proposed, waiting on the other partner', () => {
    const { agreement, added, changes } = propose({
      id: 'a1',
      text: '  We share our plans.  ',
      category: 'transparency',
      by: 'alex',
      at: 5,
    });
    expect(added).toEqual({
      agreementId: 'a1',
      version: 1,
      text: 'We share our plans.',
      category: 'transparency',
      proposedBy: 'alex',
      at: 5,
      status: 'proposed',
    });
    expect(agreement.versions).toEqual([added]);
    expect(changes).toEqual([]);
    expect(waitingOn(agreement, ['alex', 'sam'])).toBe('sam');
  });

  it('empty or overlong words are refused', () => {
    const base = { id: 'a1', category: 'other' as const, by: 'alex', at: 1 };
    expect(codeOf(() => propose({ ...base, text: '   ' }))).toBe('agreement.text_invalid');
    expect(codeOf(() => propose({ ...base, text: 'x'.repeat(2_001) }))).toBe(
      'agreement.text_invalid',
    );
    expect(codeOf(() => propose({ ...base, text: 'x'.repeat(2_000) }))).toBeUndefined();
  });

  it('only the other partner answers a proposal', () => {
    const a = start('alex');
    for (const answer of ['accept', 'decline', 'revise'] as const) {
      expect(refusalToAnswer(a, 'alex', 1, answer)).toBe('agreement.own_proposal');
      expect(refusalToAnswer(a, 'sam', 1, answer)).toBeUndefined();
    }
    expect(codeOf(() => accept(a, 'alex', 1))).toBe('agreement.own_proposal');
    expect(nextSteps(a, 'alex')).toEqual({
      answers: 1,
      canAccept: false,
      canDecline: false,
      canRevise: false,
      canRevisit: false,
    });
    expect(nextSteps(a, 'sam')).toEqual({
      answers: 1,
      canAccept: true,
      canDecline: true,
      canRevise: true,
      canRevisit: false,
    });
  });

  it('accepting puts the version in force; declining leaves nothing in force', () => {
    const accepted = accept(start(), 'sam', 1);
    expect(statuses(accepted.agreement)).toEqual(['accepted']);
    expect(accepted.changes).toEqual([{ version: 1, from: 'proposed', to: 'accepted' }]);
    expect(versionInForce(accepted.agreement)?.version).toBe(1);
    expect(waitingOn(accepted.agreement, ['alex', 'sam'])).toBeNull();

    const declined = decline(start(), 'sam', 1);
    expect(statuses(declined.agreement)).toEqual(['declined']);
    expect(versionInForce(declined.agreement)).toBeUndefined();
  });

  it('a revision supersedes the proposal and is answered by the first partner in turn', () => {
    const r = proposeRevision(start(), {
      by: 'sam',
      expected: 1,
      text: 'We share our plans each Sunday.',
      at: 2,
    });
    expect(statuses(r.agreement)).toEqual(['superseded', 'proposed']);
    expect(r.changes).toEqual([{ version: 1, from: 'proposed', to: 'superseded' }]);
    expect(r.added).toMatchObject({ version: 2, proposedBy: 'sam', category: 'routines', at: 2 });
    expect(waitingOn(r.agreement, ['alex', 'sam'])).toBe('alex');
    expect(refusalToAnswer(r.agreement, 'sam', 2, 'accept')).toBe('agreement.own_proposal');
    const done = accept(r.agreement, 'alex', 2);
    expect(statuses(done.agreement)).toEqual(['superseded', 'accepted']);
    expect(latestVersion(done.agreement).text).toBe('We share our plans each Sunday.');
  });

  it('an accepted or declined agreement can be revisited by either partner; the old version holds until the new one is accepted', () => {
    const accepted = accept(start(), 'sam', 1).agreement;
    for (const by of ['alex', 'sam']) {
      expect(refusalToAnswer(accepted, by, 1, 'revisit')).toBeUndefined();
      expect(nextSteps(accepted, by).canRevisit).toBe(true);
    }
    expect(refusalToAnswer(accepted, 'alex', 1, 'accept')).toBe('agreement.changed');
    // A revision sent from a page that still showed the proposal does not land as a revisit.
    expect(refusalToAnswer(accepted, 'alex', 1, 'revise')).toBe('agreement.changed');
    const again0 = revisit(accepted, {
      by: 'alex',
      expected: 1,
      text: 'We share our plans each evening.',
      category: 'transparency',
      at: 3,
    });
    expect(again0.changes).toEqual([]);
    expect(statuses(again0.agreement)).toEqual(['accepted', 'proposed']);
    expect(versionInForce(again0.agreement)?.version).toBe(1);
    expect(again0.added?.category).toBe('transparency');

    const declined = decline(again0.agreement, 'sam', 2).agreement;
    expect(versionInForce(declined)?.version).toBe(1);
    expect(refusalToAnswer(declined, 'sam', 2, 'revisit')).toBeUndefined();

    const again = accept(again0.agreement, 'sam', 2);
    expect(again.changes).toEqual([
      { version: 2, from: 'proposed', to: 'accepted' },
      { version: 1, from: 'accepted', to: 'superseded' },
    ]);
    expect(versionInForce(again.agreement)?.version).toBe(2);
  });

  it('an unknown version is not found', () => {
    expect(refusalToAnswer(start(), 'sam', 7, 'accept')).toBe('agreement.not_found');
  });
});

describe('answers name the version they answer', () => {
  it('an answer to a version that is no longer the latest proposal is refused', () => {
    const revised = proposeRevision(start(), { by: 'sam', expected: 1, text: 'Other.', at: 2 });
    for (const answer of ['accept', 'decline', 'revise', 'revisit'] as const) {
      expect(refusalToAnswer(revised.agreement, 'sam', 1, answer)).toBe('agreement.changed');
      expect(refusalToAnswer(revised.agreement, 'alex', 1, answer)).toBe('agreement.changed');
    }
    const declined = decline(start(), 'sam', 1).agreement;
    expect(refusalToAnswer(declined, 'sam', 1, 'accept')).toBe('agreement.changed');
    expect(refusalToAnswer(declined, 'sam', 1, 'decline')).toBe('agreement.changed');
  });

  /**
   * A store that applies a transition only if every status it expects is still there and the
   * version it adds is new: what the server does with a conditional update and a unique key.
   */
  function commitTo(store: { current: Agreement }, t: AgreementTransition): boolean {
    const now = store.current;
    const expectedHolds = t.changes.every(
      (c) => now.versions.find((v) => v.version === c.version)?.status === c.from,
    );
    const addedIsNew = !t.added || !now.versions.some((v) => v.version === t.added?.version);
    if (!expectedHolds || !addedIsNew) return false;
    store.current = t.agreement;
    return true;
  }

  type Move = { kind: 'accept' | 'decline' | 'revise' | 'revisit'; by: 'alex' | 'sam' };
  const apply = (a: Agreement, m: Move, expected: number): AgreementTransition => {
    switch (m.kind) {
      case 'accept':
        return accept(a, m.by, expected);
      case 'decline':
        return decline(a, m.by, expected);
      case 'revise':
        return proposeRevision(a, { by: m.by, expected, text: `from ${m.by}`, at: 9 });
      case 'revisit':
        return revisit(a, { by: m.by, expected, text: `again from ${m.by}`, at: 9 });
    }
  };

  it('two answers computed from the same version cannot both win', () => {
    const move = fc.record({
      kind: fc.constantFrom<Move['kind']>('accept', 'decline', 'revise', 'revisit'),
      by: fc.constantFrom<Move['by']>('alex', 'sam'),
    });
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2), move, move, (which, first, second) => {
        const accepted = accept(start(), 'sam', 1).agreement;
        const revisited = revisit(accepted, {
          by: 'alex',
          expected: 1,
          text: 'Revisited.',
          at: 2,
        }).agreement;
        // A fresh proposal, an accepted agreement (only revisions, guarded by the unique version
        // key), and a revisit waiting for an answer while another version is in force.
        const base = [start(), accepted, revisited][which] ?? start();
        const store = { current: base };
        const expected = latestVersion(base).version;
        // Both partners read the same version, both answers pass the rules on that copy…
        const transitions = [first, second].flatMap((m) => {
          try {
            return [apply(base, m, expected)];
          } catch {
            return [];
          }
        });
        const wins = transitions.map((t) => commitTo(store, t)).filter(Boolean).length;
        // …but at most one is written, and the loser is refused on the fresh copy as well.
        expect(wins).toBeLessThanOrEqual(1);
        if (transitions.length === 2) {
          expect(wins).toBe(1);
          expect(codeOf(() => apply(store.current, second, expected))).toBe('agreement.changed');
        }
      }),
    );
  });

  it('any sequence of answers keeps one chain: versions 1..n, at most one proposed (the latest) and one in force', () => {
    const step = fc.record({
      kind: fc.constantFrom<Move['kind']>('accept', 'decline', 'revise', 'revisit'),
      by: fc.constantFrom<Move['by']>('alex', 'sam'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (moves) => {
        let a = start();
        for (const m of moves) {
          try {
            a = apply(a, m, latestVersion(a).version).agreement;
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
          }
        }
        expect(a.versions.map((v) => v.version)).toEqual(a.versions.map((_, i) => i + 1));
        const proposed = a.versions.filter((v) => v.status === 'proposed');
        expect(proposed.length).toBeLessThanOrEqual(1);
        if (proposed[0]) expect(proposed[0]).toBe(latestVersion(a));
        expect(a.versions.filter((v) => v.status === 'accepted').length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
