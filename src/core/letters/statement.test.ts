import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberRoles, type JourneyPath, type MemberRole } from '../journeys/journey.js';
import {
  answerValues,
  answerValuesFor,
  nextSteps,
  refusalToAnswer,
  refusalToReflect,
  refusalToRevise,
  refusalToShare,
  refusalToStart,
  statementComplete,
  statementAnswerValues,
  threadState,
  timeline,
  type AnswerFacts,
  type AnswerValue,
  type LetterFacts,
  type Writer,
} from './letter.js';

// Sam broke trust and writes the statement; Alex was hurt and answers it.
const sam: Writer = { userId: 'sam', role: 'broke_trust', path: 'together', hasPartner: true };
const alex: Writer = { userId: 'alex', role: 'hurt', path: 'together', hasPartner: true };

let n = 0;
const statement = (
  state: LetterFacts['state'],
  version: number,
  authorId = 'sam',
): LetterFacts => ({
  id: `statement-${++n}`,
  threadId: 't1',
  kind: 'statement',
  authorId,
  state,
  version,
  respondsTo: null,
});
const answer = (item: LetterFacts, value: AnswerValue): AnswerFacts => ({
  reflectionId: item.id,
  authorId: 'alex',
  value,
});

describe('who writes a statement', () => {
  it('the partner who broke trust, "both" and "rather not say" may; the hurt partner may not', () => {
    expect(refusalToStart(sam, 'statement', [])).toBeUndefined();
    expect(refusalToStart({ ...sam, role: 'both' }, 'statement', [])).toBeUndefined();
    expect(refusalToStart({ ...sam, role: 'unsaid' }, 'statement', [])).toBeUndefined();
    expect(refusalToStart(alex, 'statement', [])).toBe('letter.role');
  });

  it('one statement per person: it grows by versions, never a second beside it', () => {
    expect(refusalToStart(sam, 'statement', ['statement'])).toBe('letter.statement_exists');
    expect(refusalToStart(sam, 'statement', ['unsent'])).toBeUndefined();
    // Whether one may write one at all comes first.
    expect(refusalToStart(alex, 'statement', ['statement'])).toBe('letter.role');
  });

  it('on a path of one’s own, no role writes a statement to send', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MemberRole>(...memberRoles),
        fc.constantFrom<JourneyPath>('solo', 'unsure'),
        (role, path) => {
          expect(refusalToStart({ ...sam, role, path }, 'statement', [])).toBe('letter.path');
        },
      ),
    );
  });

  it('is never reflected on', () => {
    const v1 = statement('shared', 1);
    expect(refusalToReflect(alex, [v1], [], v1.id)).toBe('letter.reflect_on_partner');
  });

  it('is sent only once all four parts have words', () => {
    const full = { did: 'a', impact: 'b', remorse: 'c', next: 'd' };
    expect(statementComplete(full)).toBe(true);
    for (const part of ['did', 'impact', 'remorse', 'next'] as const) {
      expect(statementComplete({ ...full, [part]: '  \n' })).toBe(false);
    }
  });
});

describe('the statement loop', () => {
  it('walks draft → sent → "I need more" → revised → "It helps", counting only what was shared', () => {
    const v1 = statement('draft', 1);
    expect(threadState([v1], [])).toBe('draft');
    expect(refusalToShare(sam, v1, [v1], [])).toBeUndefined();
    // Alex cannot answer a draft: for Alex it does not exist.
    expect(refusalToAnswer('alex', v1, [v1], [])).toBe('letter.not_found');

    const sent1 = { ...v1, state: 'shared' as const };
    expect(threadState([sent1], [])).toBe('waiting_for_answer');
    expect(nextSteps(alex, [sent1], []).canAnswer).toBe(sent1.id);
    expect(nextSteps(sam, [sent1], []).canAnswer).toBeNull();
    expect(nextSteps(sam, [sent1], []).canRevise).toBe(true);

    const more = [answer(sent1, 'need_more')];
    expect(threadState([sent1], more)).toBe('need_more');
    expect(refusalToAnswer('alex', sent1, [sent1], more, 'helps')).toBe('letter.answered');
    expect(refusalToRevise(sam, [sent1])).toBeUndefined();

    const v2 = statement('draft', 2);
    // A draft of the new version changes nothing for Alex, and there is one draft at a time.
    expect(threadState([sent1, v2], more)).toBe('need_more');
    expect(refusalToRevise(sam, [sent1, v2])).toBe('letter.draft_exists');

    const sent2 = { ...v2, state: 'shared' as const };
    const thread = [sent1, sent2];
    expect(threadState(thread, more)).toBe('waiting_for_answer');
    expect(refusalToAnswer('alex', sent2, thread, more, 'helps')).toBeUndefined();
    const helps = [...more, answer(sent2, 'helps')];
    expect(threadState(thread, helps)).toBe('helps');
    expect(timeline(thread).map((i) => i.id)).toEqual([sent1.id, sent2.id]);
  });

  it('"Not now" is an answer of its own, and the writer may still write a new version', () => {
    const v1 = statement('shared', 1);
    const answers = [answer(v1, 'not_now')];
    expect(threadState([v1], answers)).toBe('not_now');
    expect(nextSteps(sam, [v1], answers).canRevise).toBe(true);
  });

  it('an older version, once a newer one is sent, is not answered', () => {
    const v1 = statement('shared', 1);
    const v2 = statement('shared', 2);
    expect(refusalToAnswer('alex', v1, [v1, v2], [])).toBe('letter.superseded');
    expect(nextSteps(alex, [v1, v2], []).canAnswer).toBe(v2.id);
  });
});

describe('who answers, and with what', () => {
  it('the writer never answers their own statement', () => {
    const v1 = statement('shared', 1);
    expect(refusalToAnswer('sam', v1, [v1], [], 'helps')).toBe('letter.not_yours_to_answer');
  });

  it('a statement takes only "helps", "need more" or "not now"; a reflection only its own two', () => {
    const v1 = statement('shared', 1);
    fc.assert(
      fc.property(fc.constantFrom<AnswerValue>(...answerValues), (value) => {
        const allowed = (statementAnswerValues as readonly AnswerValue[]).includes(value);
        expect(refusalToAnswer('alex', v1, [v1], [], value)).toBe(
          allowed ? undefined : 'letter.answer_kind',
        );
      }),
    );
    expect(answerValuesFor('statement')).toEqual(['helps', 'need_more', 'not_now']);
    expect(answerValuesFor('reflection')).toEqual(['understood', 'not_yet']);
    expect(answerValuesFor('impact')).toEqual([]);
  });

  it('a reflection answered with a statement’s answer is refused', () => {
    const letter: LetterFacts = {
      id: 'l1',
      threadId: 't2',
      kind: 'impact',
      authorId: 'alex',
      state: 'shared',
      version: 1,
      respondsTo: null,
    };
    const reflection: LetterFacts = {
      ...letter,
      id: 'r1',
      kind: 'reflection',
      authorId: 'sam',
      respondsTo: 'l1',
    };
    const thread = [letter, reflection];
    expect(refusalToAnswer('alex', reflection, thread, [], 'helps')).toBe('letter.answer_kind');
    expect(refusalToAnswer('alex', reflection, thread, [], 'understood')).toBeUndefined();
  });
});
