import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentCategories, type ConsentCategory } from '../access/consent.js';
import { Instrument } from '../measures/instrument.js';
import { alertsFor, deteriorated, type AlertEvent, type AlertLink } from './alerts.js';

const load = (id: string): Instrument => {
  const url = new URL(`../../../content/instruments/${id}.json`, import.meta.url);
  return Instrument.parse(JSON.parse(fs.readFileSync(url, 'utf8')));
};
const phq9 = load('phq9');
const gad7 = load('gad7');

const link = (over: Partial<AlertLink> = {}): AlertLink => ({
  id: 'l1',
  therapistId: 't1',
  status: 'active',
  alertCrisis: false,
  consents: new Set<ConsentCategory>(),
  ...over,
});

const screen = (over: Partial<Extract<AlertEvent, { kind: 'screen' }>> = {}): AlertEvent => ({
  kind: 'screen',
  sourceId: 'r1',
  at: 1000,
  instrument: phq9,
  total: 5,
  crisis: false,
  previousTotal: undefined,
  ...over,
});

describe('alerts a client chose', () => {
  it('a crisis answer alerts an active link that chose crisis alerts, with no content', () => {
    expect(alertsFor([link({ alertCrisis: true })], screen({ crisis: true }))).toEqual([
      { linkId: 'l1', therapistId: 't1', kind: 'crisis_item9', sourceId: 'r1', at: 1000 },
    ]);
  });

  it('a crisis answer alerts no one who was not chosen, or whose link is not active', () => {
    expect(alertsFor([link({ alertCrisis: false })], screen({ crisis: true }))).toEqual([]);
    expect(
      alertsFor([link({ alertCrisis: true, status: 'ended' })], screen({ crisis: true })),
    ).toEqual([]);
    expect(
      alertsFor([link({ alertCrisis: true, status: 'requested' })], screen({ crisis: true })),
    ).toEqual([]);
  });

  it('a crisis alert needs no consent to screens; deterioration does', () => {
    const worse = screen({ previousTotal: 4, total: 10 });
    expect(alertsFor([link({ alertCrisis: true })], worse)).toEqual([]);
    expect(alertsFor([link({ consents: new Set(['screens']) })], worse)).toEqual([
      { linkId: 'l1', therapistId: 't1', kind: 'deterioration', sourceId: 'r1', at: 1000 },
    ]);
  });

  it('a "yes" in the safety check alerts links that chose crisis alerts', () => {
    const yes: AlertEvent = { kind: 'safety_check', at: 5, anyYes: true };
    const no: AlertEvent = { kind: 'safety_check', at: 5, anyYes: false };
    expect(alertsFor([link({ alertCrisis: true }), link({ id: 'l2' })], yes)).toEqual([
      { linkId: 'l1', therapistId: 't1', kind: 'crisis_safety', sourceId: null, at: 5 },
    ]);
    expect(alertsFor([link({ alertCrisis: true })], no)).toEqual([]);
  });

  it("deterioration follows each instrument's own rule against the previous result", () => {
    expect(deteriorated(phq9, undefined, 27)).toBe(false);
    expect(deteriorated(phq9, 4, 9)).toBe(false);
    expect(deteriorated(phq9, 4, 10)).toBe(true);
    expect(deteriorated(phq9, 10, 4)).toBe(false);
    expect(deteriorated(gad7, 3, 6)).toBe(false);
    expect(deteriorated(gad7, 3, 7)).toBe(true);
  });

  it('never alerts an inactive link or one that chose nothing, whatever the event', () => {
    const category = fc.constantFrom(...consentCategories);
    fc.assert(
      fc.property(
        fc.constantFrom('requested', 'active', 'ended' as const),
        fc.boolean(),
        fc.uniqueArray(category),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 27 }), { nil: undefined }),
        fc.integer({ min: 0, max: 27 }),
        (status, alertCrisis, consents, crisis, previousTotal, total) => {
          const l = link({ status, alertCrisis, consents: new Set(consents) });
          const raised = alertsFor([l], screen({ crisis, previousTotal, total }));
          if (status !== 'active') return raised.length === 0;
          const want = [
            ...(crisis && alertCrisis ? ['crisis_item9'] : []),
            ...(consents.includes('screens') && deteriorated(phq9, previousTotal, total)
              ? ['deterioration']
              : []),
          ];
          return JSON.stringify(raised.map((a) => a.kind)) === JSON.stringify(want);
        },
      ),
    );
  });
});
