import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberRoles, type JourneyPath, type MemberRole } from '../journeys/journey.js';
import {
  displayVersions,
  kindsFor,
  nextSteps,
  refusalToAnswer,
  refusalToDelete,
  refusalToEdit,
  refusalToReflect,
  refusalToRevise,
  refusalToShare,
  refusalToStart,
  refusalToWrite,
  threadState,
  timeline,
  type AnswerFacts,
  type LetterFacts,
  type LetterKind,
  type Writer,
} from './letter.js';

const alex: Writer = { userId: 'alex', role: 'hurt', path: 'together', hasPartner: true };
const sam: Writer = { userId: 'sam', role: 'broke_trust', path: 'together', hasPartner: true };

let n = 0;
function item(
  kind: LetterKind,
  authorId: string,
  state: LetterFacts['state'],
  version: number,
  respondsTo: string | null = null,
): LetterFacts {
  return { id: `${kind}-${++n}`, threadId: 't1', kind, authorId, state, version, respondsTo };
}
const answer = (reflection: LetterFacts, value: AnswerFacts['value']): AnswerFacts => ({
  reflectionId: reflection.id,
  authorId: 'alex',
  value,
});

describe('who writes which kind', () => {
  it('the hurt partner writes letters, the partner who broke trust writes reflections', () => {
    expect(kindsFor({ role: 'hurt', path: 'together' })).toEqual(['impact']);
    expect(kindsFor({ role: 'broke_trust', path: 'together' })).toEqual([
      'reflection',
      'statement',
    ]);
    expect(refusalToWrite({ role: 'hurt', path: 'together' }, 'reflection')).toBe('letter.role');
    expect(refusalToWrite({ role: 'broke_trust', path: 'together' }, 'impact')).toBe('letter.role');
  });

  it('"both" and "rather not say" may write either kind on the together path', () => {
    for (const role of ['both', 'unsaid'] as const) {
      expect(kindsFor({ role, path: 'together' })).toEqual(['impact', 'reflection', 'statement']);
    }
  });

  it('on a path of one’s own, any role writes only unsent letters; together, never unsent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MemberRole>(...memberRoles),
        fc.constantFrom<JourneyPath>('solo', 'unsure'),
        (role, path) => {
          expect(kindsFor({ role, path })).toEqual(['unsent']);
          expect(refusalToWrite({ role, path }, 'impact')).toBe('letter.path');
          expect(refusalToWrite({ role, path: 'together' }, 'unsent')).toBe('letter.path');
        },
      ),
    );
  });

  it('a thread begins with a letter, never with a reflection', () => {
    expect(refusalToStart(alex, 'impact', [])).toBeUndefined();
    expect(refusalToStart(sam, 'reflection', [])).toBe('letter.reflect_on_partner');
    expect(refusalToStart({ ...alex, path: 'solo' }, 'unsent', [])).toBeUndefined();
  });
});

describe('the state of a thread', () => {
  it('walks from draft to understood through "not yet", counting only what was shared', () => {
    const draft = item('impact', 'alex', 'draft', 1);
    expect(threadState([draft], [])).toBe('draft');

    const v1 = { ...draft, state: 'shared' as const };
    expect(threadState([v1], [])).toBe('waiting_for_reflection');

    const r1Draft = item('reflection', 'sam', 'draft', 1, v1.id);
    expect(threadState([v1, r1Draft], [])).toBe('waiting_for_reflection');

    const r1 = { ...r1Draft, state: 'shared' as const };
    expect(threadState([v1, r1], [])).toBe('waiting_for_answer');
    expect(threadState([v1, r1], [answer(r1, 'not_yet')])).toBe('not_yet');

    const r2 = item('reflection', 'sam', 'shared', 2, v1.id);
    const answers = [answer(r1, 'not_yet')];
    expect(threadState([v1, r1, r2], answers)).toBe('waiting_for_answer');
    expect(threadState([v1, r1, r2], [...answers, answer(r2, 'understood')])).toBe('understood');
  });

  it('a newer letter version asks for a new reflection, even after "understood"', () => {
    const v1 = item('impact', 'alex', 'shared', 1);
    const r1 = item('reflection', 'sam', 'shared', 1, v1.id);
    const v2 = item('impact', 'alex', 'shared', 2);
    expect(threadState([v1, r1, v2], [answer(r1, 'understood')])).toBe('waiting_for_reflection');
  });

  it('drafts never change the state the other person sees', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'none' | 'not_yet' | 'understood'>('none', 'not_yet', 'understood'),
        fc.boolean(),
        fc.boolean(),
        (answered, letterDraft, reflectionDraft) => {
          const v1 = item('impact', 'alex', 'shared', 1);
          const r1 = item('reflection', 'sam', 'shared', 1, v1.id);
          const answers = answered === 'none' ? [] : [answer(r1, answered)];
          const shared = [v1, r1];
          const withDrafts = [
            ...shared,
            ...(letterDraft ? [item('impact', 'alex', 'draft', 2)] : []),
            ...(reflectionDraft ? [item('reflection', 'sam', 'draft', 2, v1.id)] : []),
          ];
          expect(threadState(withDrafts, answers)).toBe(threadState(shared, answers));
        },
      ),
    );
  });

  it('an unsent letter is private whatever its versions', () => {
    expect(threadState([item('unsent', 'robin', 'kept', 1)], [])).toBe('private');
  });
});

describe('writing and sending', () => {
  const v1 = item('impact', 'alex', 'shared', 1);

  it('a reflection is written on the partner’s sent letter, one draft at a time', () => {
    expect(refusalToReflect(sam, [v1], [], v1.id)).toBeUndefined();
    expect(refusalToReflect(alex, [v1], [], v1.id)).toBe('letter.reflect_on_partner');
    expect(refusalToReflect({ ...sam, role: 'hurt' }, [v1], [], v1.id)).toBe('letter.role');
    const draft = item('reflection', 'sam', 'draft', 1, v1.id);
    expect(refusalToReflect(sam, [v1, draft], [], v1.id)).toBe('letter.draft_exists');
    const unsentLetter = item('impact', 'alex', 'draft', 2);
    expect(refusalToReflect(sam, [v1, unsentLetter], [], unsentLetter.id)).toBe(
      'letter.reflect_on_partner',
    );
  });

  it('a new reflection waits for the answer to the last one, and stops once understood', () => {
    const r1 = item('reflection', 'sam', 'shared', 1, v1.id);
    expect(refusalToReflect(sam, [v1, r1], [], v1.id)).toBe('letter.awaiting_answer');
    expect(refusalToReflect(sam, [v1, r1], [answer(r1, 'not_yet')], v1.id)).toBeUndefined();
    expect(refusalToReflect(sam, [v1, r1], [answer(r1, 'understood')], v1.id)).toBe(
      'letter.understood',
    );
  });

  it('sending: never an unsent letter, never without a partner, a reflection on the newest version', () => {
    const unsent = item('unsent', 'alex', 'draft', 1);
    expect(refusalToShare({ ...alex, path: 'solo' }, unsent, [unsent], [])).toBe(
      'letter.unsent_private',
    );
    const draft = item('impact', 'alex', 'draft', 1);
    expect(refusalToShare({ ...alex, hasPartner: false }, draft, [draft], [])).toBe(
      'letter.no_partner',
    );
    expect(refusalToShare(alex, draft, [draft], [])).toBeUndefined();
    expect(refusalToShare(sam, draft, [draft], [])).toBe('letter.not_found');

    const v2 = item('impact', 'alex', 'shared', 2);
    const onOld = item('reflection', 'sam', 'draft', 1, v1.id);
    expect(refusalToShare(sam, onOld, [v1, v2, onOld], [])).toBe('letter.newer_version');
    const onNew = { ...onOld, respondsTo: v2.id };
    expect(refusalToShare(sam, onNew, [v1, v2, onNew], [])).toBeUndefined();
    expect(refusalToShare(sam, { ...onNew, state: 'shared' }, [v1, v2], [])).toBe('letter.locked');
  });

  it('only a draft is edited; a sent version is never deleted; no one touches another’s words', () => {
    const shared = item('impact', 'alex', 'shared', 1);
    const kept = item('unsent', 'alex', 'kept', 1);
    const draft = item('impact', 'alex', 'draft', 2);
    expect(refusalToEdit('alex', draft)).toBeUndefined();
    expect(refusalToEdit('alex', shared)).toBe('letter.locked');
    expect(refusalToEdit('alex', kept)).toBe('letter.locked');
    expect(refusalToDelete('alex', kept)).toBeUndefined();
    expect(refusalToDelete('alex', shared)).toBe('letter.locked');
    for (const i of [shared, kept, draft]) {
      expect(refusalToEdit('sam', i)).toBe('letter.not_found');
      expect(refusalToDelete('sam', i)).toBe('letter.not_found');
    }
  });

  it('a letter to share is revised once sent; an unsent letter at any time', () => {
    const draft = item('impact', 'alex', 'draft', 1);
    expect(refusalToRevise(alex, [draft])).toBe('letter.draft_exists');
    expect(refusalToRevise(alex, [v1])).toBeUndefined();
    expect(refusalToRevise(sam, [v1])).toBe('letter.not_found');
    const robin: Writer = { userId: 'robin', role: 'hurt', path: 'solo', hasPartner: false };
    expect(refusalToRevise(robin, [item('unsent', 'robin', 'draft', 1)])).toBeUndefined();
  });
});

describe('answering a reflection', () => {
  it('the letter’s author answers the newest sent reflection, once', () => {
    const v1 = item('impact', 'alex', 'shared', 1);
    const r1 = item('reflection', 'sam', 'shared', 1, v1.id);
    expect(refusalToAnswer('alex', r1, [v1, r1], [])).toBeUndefined();
    expect(refusalToAnswer('sam', r1, [v1, r1], [])).toBe('letter.not_yours_to_answer');
    expect(refusalToAnswer('alex', r1, [v1, r1], [answer(r1, 'not_yet')])).toBe('letter.answered');
    const r2 = item('reflection', 'sam', 'shared', 2, v1.id);
    expect(refusalToAnswer('alex', r1, [v1, r1, r2], [])).toBe('letter.superseded');
    expect(refusalToAnswer('alex', r2, [v1, r1, r2], [answer(r1, 'not_yet')])).toBeUndefined();
    const draft = item('reflection', 'sam', 'draft', 3, v1.id);
    expect(refusalToAnswer('alex', draft, [v1, draft], [])).toBe('letter.not_found');
  });

  it('what each person is offered next matches what the rules allow', () => {
    const v1 = item('impact', 'alex', 'shared', 1);
    const r1 = item('reflection', 'sam', 'shared', 1, v1.id);
    expect(nextSteps(alex, [v1, r1], [])).toEqual({
      canReflect: false,
      canRevise: true,
      canAnswer: r1.id,
    });
    expect(nextSteps(sam, [v1, r1], [])).toEqual({
      canReflect: false,
      canRevise: false,
      canAnswer: null,
    });
    expect(nextSteps(sam, [v1, r1], [answer(r1, 'not_yet')]).canReflect).toBe(true);
    expect(nextSteps(alex, [v1, r1], [answer(r1, 'understood')]).canAnswer).toBeNull();
  });
});

describe('reading order', () => {
  it('each letter version is followed by the reflections on it; versions have no gaps', () => {
    const v1 = item('impact', 'alex', 'shared', 1);
    const v2 = item('impact', 'alex', 'shared', 3);
    const r1 = item('reflection', 'sam', 'shared', 1, v1.id);
    const r2 = item('reflection', 'sam', 'shared', 2, v1.id);
    const r3 = item('reflection', 'sam', 'shared', 4, v2.id);
    expect(timeline([r3, v2, r2, v1, r1]).map((i) => i.id)).toEqual([
      v1.id,
      r1.id,
      r2.id,
      v2.id,
      r3.id,
    ]);
    const numbers = displayVersions([r3, v2, r2, v1, r1]);
    expect([v1, v2, r1, r2, r3].map((i) => numbers.get(i.id))).toEqual([1, 2, 1, 2, 3]);
  });
});
