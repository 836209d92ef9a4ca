import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accept, propose, type Agreement } from '../agreements/agreement.js';
import {
  answerLog,
  commit,
  logFollowThrough,
  refusalToAnswerLog,
  refusalToCommit,
  refusalToEnd,
  refusalToLog,
  type CommitmentFacts,
  type LogAnswer,
  type LogFacts,
} from './commitment.js';

const proposal = propose({
  id: 'a1',
  text: 'We say when plans change.',
  category: 'transparency',
  by: 'alex',
  at: 1,
}).agreement;
const agreed: Agreement = accept(proposal, 'sam', 1).agreement;
const samCommits = (): CommitmentFacts =>
  commit(agreed, { id: 'c1', by: 'sam', rhythm: 'daily', at: 10, existing: [] });

describe('committing', () => {
  it('only an accepted agreement becomes a commitment, pinned to the version in force', () => {
    expect(refusalToCommit(proposal, 'sam', [])).toBe('commitment.not_accepted');
    expect(samCommits()).toEqual({
      id: 'c1',
      agreementId: 'a1',
      agreementVersion: 1,
      committedBy: 'sam',
      rhythm: 'daily',
      startedAt: 10,
      endedAt: null,
    });
  });

  it('one running commitment per person per agreement; both partners may commit', () => {
    const c = samCommits();
    expect(refusalToCommit(agreed, 'sam', [c])).toBe('commitment.exists');
    expect(refusalToCommit(agreed, 'alex', [c])).toBeUndefined();
    expect(refusalToCommit(agreed, 'sam', [{ ...c, endedAt: 20 }])).toBeUndefined();
  });

  it('only the one who committed logs it or ends it, and not after it ended', () => {
    const c = samCommits();
    expect(refusalToLog(c, 'alex')).toBe('commitment.not_yours_to_log');
    expect(refusalToEnd(c, 'alex')).toBe('commitment.not_yours_to_log');
    expect(refusalToLog({ ...c, endedAt: 20 }, 'sam')).toBe('commitment.ended');
    expect(refusalToEnd({ ...c, endedAt: 20 }, 'sam')).toBe('commitment.ended');
    expect(logFollowThrough(c, { id: 'l1', by: 'sam', at: 12 })).toEqual({
      id: 'l1',
      commitmentId: 'c1',
      loggedBy: 'sam',
      at: 12,
      status: 'pending',
    });
  });
});

describe('confirming and disputing', () => {
  const c = samCommits();
  const log: LogFacts = logFollowThrough(c, { id: 'l1', by: 'sam', at: 12 });

  it('the partner confirms or disputes; the one who logged never answers their own entry', () => {
    for (const answer of ['confirm', 'dispute'] as const) {
      expect(refusalToAnswerLog(c, log, 'sam', answer)).toBe('commitment.not_yours_to_confirm');
      expect(refusalToAnswerLog(c, log, 'alex', answer)).toBeUndefined();
    }
    expect(answerLog(c, log, 'alex', 'confirm')).toEqual({
      log: { ...log, status: 'confirmed' },
      change: { from: 'pending', to: 'confirmed' },
    });
    expect(refusalToAnswerLog({ ...c, id: 'other' }, log, 'alex', 'confirm')).toBe(
      'commitment.not_found',
    );
  });

  it('an entry is confirmed or disputed once; a dispute can be resolved once by the partner', () => {
    const disputed = answerLog(c, log, 'alex', 'dispute').log;
    expect(refusalToAnswerLog(c, disputed, 'alex', 'confirm')).toBe('commitment.log_changed');
    expect(refusalToAnswerLog(c, disputed, 'alex', 'dispute')).toBe('commitment.log_changed');
    expect(refusalToAnswerLog(c, disputed, 'sam', 'resolve')).toBe(
      'commitment.not_yours_to_confirm',
    );
    const resolved = answerLog(c, disputed, 'alex', 'resolve');
    expect(resolved.change).toEqual({ from: 'disputed', to: 'resolved' });
    expect(refusalToAnswerLog(c, resolved.log, 'alex', 'resolve')).toBe('commitment.log_changed');
    expect(refusalToAnswerLog(c, log, 'alex', 'resolve')).toBe('commitment.log_changed');
  });

  it('two answers read from the same entry cannot both win', () => {
    const answer = fc.constantFrom<LogAnswer>('confirm', 'dispute', 'resolve');
    fc.assert(
      fc.property(answer, answer, (first, second) => {
        let stored: LogFacts = log;
        const attempts = [first, second].flatMap((a) => {
          try {
            return [answerLog(c, log, 'alex', a)];
          } catch {
            return [];
          }
        });
        let wins = 0;
        for (const { log: next, change } of attempts) {
          // What the store does: UPDATE … WHERE status = change.from.
          if (stored.status === change.from) {
            stored = next;
            wins++;
          }
        }
        expect(wins).toBe(attempts.length === 0 ? 0 : 1);
      }),
    );
  });
});
