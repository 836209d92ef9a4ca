import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberRoles, type MemberRole } from '../journeys/journey.js';
import {
  closedOpenness,
  closesAt,
  isOpen,
  mayAsk,
  nextOpening,
  refusalToAnswer,
  refusalToAsk,
  refusalToMark,
  refusalToSetOpenness,
  relatedQuestions,
  slotsProblem,
  statusOf,
  type Openness,
} from './questions.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const berlin = (slots: Openness['slots'], extra: Partial<Openness> = {}): Openness => ({
  ...closedOpenness('Europe/Berlin'),
  mode: 'slots',
  slots,
  ...extra,
});

describe('who asks', () => {
  it('the hurt partner asks, and with "both" each partner asks', () => {
    expect(memberRoles.filter(mayAsk)).toEqual(['hurt', 'both']);
  });

  it('someone who broke trust or would rather not say answers and never sets the pace', () => {
    for (const role of ['broke_trust', 'unsaid'] as const) {
      expect(refusalToSetOpenness({ role, hasPartner: true })).toBe('question.not_asker');
      expect(
        refusalToAsk({ role, hasPartner: true }, { ...closedOpenness(), mode: 'now' }, 0),
      ).toBe('question.not_asker');
    }
  });

  it('without a partner on the journey nobody asks or answers', () => {
    const open = { ...closedOpenness(), mode: 'now' as const };
    expect(refusalToAsk({ role: 'hurt', hasPartner: false }, open, 0)).toBe('question.no_partner');
    expect(refusalToAnswer({ userId: 'b', hasPartner: false }, { askerId: 'a' }, open)).toBe(
      'question.no_partner',
    );
  });
});

describe('when questions are open', () => {
  it('closed by default; "open now" until closed, or until the chosen time', () => {
    expect(isOpen(closedOpenness(), 0)).toBe(false);
    const forever = { ...closedOpenness(), mode: 'now' as const };
    expect(isOpen(forever, 10 ** 12)).toBe(true);
    expect(closesAt(forever, 5)).toBeNull();
    const forAnHour = { ...forever, until: 3_600_000 };
    expect(isOpen(forAnHour, 3_599_999)).toBe(true);
    expect(isOpen(forAnHour, 3_600_000)).toBe(false);
    expect(closesAt(forAnHour, 0)).toBe(3_600_000);
  });

  it('a pause closes questions at once, whatever the mode, and answers wait', () => {
    const paused = { ...closedOpenness(), mode: 'now' as const, paused: true };
    expect(isOpen(paused, 0)).toBe(false);
    expect(refusalToAsk({ role: 'hurt', hasPartner: true }, paused, 0)).toBe('question.paused');
    expect(refusalToAnswer({ userId: 'b', hasPartner: true }, { askerId: 'a' }, paused)).toBe(
      'question.paused',
    );
    expect(statusOf(paused, 0)).toEqual({
      open: false,
      paused: true,
      closesAt: null,
      opensAt: null,
    });
  });

  it("answers come in the answerer's own time while questions are closed", () => {
    expect(
      refusalToAnswer({ userId: 'b', hasPartner: true }, { askerId: 'a' }, closedOpenness()),
    ).toBeUndefined();
    expect(
      refusalToAnswer({ userId: 'a', hasPartner: true }, { askerId: 'a' }, closedOpenness()),
    ).toBe('question.own');
  });

  it('asking is refused while closed and allowed while open', () => {
    const asker = { role: 'hurt' as MemberRole, hasPartner: true };
    expect(refusalToAsk(asker, closedOpenness(), 0)).toBe('question.closed');
    expect(refusalToAsk(asker, { ...closedOpenness(), mode: 'now' }, 0)).toBeUndefined();
  });

  it('only the asker marks an answer', () => {
    expect(refusalToMark('a', { askerId: 'a' })).toBeUndefined();
    expect(refusalToMark('b', { askerId: 'a' })).toBe('question.not_yours_to_mark');
  });
});

describe("set times in the asker's time zone", () => {
  const mondayEvening = [{ weekday: 1, start: '19:00', minutes: 60 }];

  it('keeps a Monday 19:00 Berlin slot at 19:00 local across the change to summer time', () => {
    const o = berlin(mondayEvening);
    // 23 March 2026 is in winter time (UTC+1), 30 March in summer time (UTC+2).
    expect(isOpen(o, at('2026-03-23T18:00:00Z'))).toBe(true);
    expect(isOpen(o, at('2026-03-23T17:59:59Z'))).toBe(false);
    expect(isOpen(o, at('2026-03-23T19:00:00Z'))).toBe(false);
    expect(iso(nextOpening(o, at('2026-03-24T12:00:00Z')))).toBe('2026-03-30T17:00:00.000Z');
    expect(isOpen(o, at('2026-03-30T17:00:00Z'))).toBe(true);
    expect(isOpen(o, at('2026-03-30T18:00:00Z'))).toBe(false);
    expect(iso(closesAt(o, at('2026-03-30T17:30:00Z')))).toBe('2026-03-30T18:00:00.000Z');
  });

  it('keeps it at 19:00 local when summer time ends, in New York too', () => {
    const ny: Openness = { ...berlin(mondayEvening), timeZone: 'America/New_York' };
    // New York leaves summer time on 1 November 2026.
    // 19:00 summer time on 26 October is 23:00 UTC; 19:00 standard time on 2 November, 00:00 UTC.
    expect(isOpen(ny, at('2026-10-26T23:30:00Z'))).toBe(true);
    expect(iso(nextOpening(ny, at('2026-10-27T00:00:00Z')))).toBe('2026-11-03T00:00:00.000Z');
    expect(isOpen(ny, at('2026-11-03T00:30:00Z'))).toBe(true);
  });

  it('a slot on a time the clocks skip starts when the clocks go on', () => {
    // 02:30 on 29 March 2026 does not exist in Berlin; the slot opens at 03:30 summer time.
    const o = berlin([{ weekday: 7, start: '02:30', minutes: 30 }]);
    expect(iso(nextOpening(o, at('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a slot lasts its real minutes across the night the clocks go back', () => {
    // 01:30 summer time on 25 October 2026 is 23:30 UTC the day before; two hours later is 01:30 UTC.
    const o = berlin([{ weekday: 7, start: '01:30', minutes: 120 }]);
    expect(isOpen(o, at('2026-10-24T23:30:00Z'))).toBe(true);
    expect(isOpen(o, at('2026-10-25T01:29:59Z'))).toBe(true);
    expect(isOpen(o, at('2026-10-25T01:30:00Z'))).toBe(false);
  });

  it('a late slot runs on past midnight into the next day', () => {
    const o = berlin([{ weekday: 5, start: '23:00', minutes: 120 }]);
    // Friday 6 November 2026 23:00 Berlin is 22:00 UTC; open at 00:30 local on Saturday.
    expect(isOpen(o, at('2026-11-06T23:30:00Z'))).toBe(true);
    expect(iso(closesAt(o, at('2026-11-06T23:30:00Z')))).toBe('2026-11-07T00:00:00.000Z');
  });

  it('back-to-back set times close at the end of the last', () => {
    const o = berlin([
      { weekday: 1, start: '19:00', minutes: 60 },
      { weekday: 1, start: '20:00', minutes: 30 },
    ]);
    expect(iso(closesAt(o, at('2026-11-02T18:10:00Z')))).toBe('2026-11-02T19:30:00.000Z');
  });

  it('names the problem with a slot or a time zone', () => {
    expect(slotsProblem('Mars/Olympus', [])).toBe('time_zone');
    expect(slotsProblem('Europe/Berlin', [{ weekday: 8, start: '19:00', minutes: 60 }])).toBe(
      'slot',
    );
    expect(slotsProblem('Europe/Berlin', [{ weekday: 1, start: '24:00', minutes: 60 }])).toBe(
      'slot',
    );
    expect(slotsProblem('Europe/Berlin', [{ weekday: 1, start: '19:00', minutes: 5 }])).toBe(
      'slot',
    );
    expect(slotsProblem('Europe/Berlin', mondayEvening)).toBeNull();
  });

  it("is open at an instant exactly when that instant lies in one of the week's windows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 15, max: 720 }),
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') }),
        (weekday, hour, minutes, now) => {
          const o = berlin([{ weekday, start: `${String(hour).padStart(2, '0')}:00`, minutes }]);
          const open = isOpen(o, now);
          const next = nextOpening(o, now);
          // Closed means a next opening within eight days; open means none, and a close to come.
          if (open) {
            expect(next).toBeNull();
            expect(closesAt(o, now)).toBeGreaterThan(now);
          } else {
            expect(next).not.toBeNull();
            expect(next! - now).toBeLessThanOrEqual(8 * 86_400_000);
            expect(isOpen(o, next!)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('coming back to a question', () => {
  const earlier = [
    { id: '1', text: 'When did you first start talking to them?' },
    { id: '2', text: 'Do you still have their number on your phone?' },
    { id: '3', text: 'What made you decide to tell me?' },
  ];

  it('finds earlier questions about the same thing, closest first', () => {
    expect(relatedQuestions('When did the talking first start?', earlier).map((q) => q.id)).toEqual(
      ['1'],
    );
    expect(relatedQuestions('Is their number still in your phone?', earlier)[0]?.id).toBe('2');
  });

  it('finds nothing for a question about something else, or for no words at all', () => {
    expect(relatedQuestions('Can we go for a walk on Sunday?', earlier)).toEqual([]);
    expect(relatedQuestions('   ', earlier)).toEqual([]);
  });
});
