import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { enSteps } from './en-steps.js';
import { t } from './messages.js';

describe('messages', () => {
  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(t('help.call', { number: '999' })).toBe('Call 999');
    expect(t('help.call')).toBe('Call {number}');
  });

  it("capitalises our own phrase at the start of a sentence, never a person's name", () => {
    const yourPartner = t('join.yourPartner');
    expect(t('commitments.partnerTitle', { name: yourPartner })).toBe('Your partner’s commitments');
    expect(t('letters.editor.sentDone', { name: yourPartner })).toBe(
      'Sent. Your partner can read it now.',
    );
    expect(t('letters.editor.sendYes', { name: yourPartner })).toBe('Send to your partner');
    expect(t('commitments.partnerTitle', { name: 'bell' })).toBe('bell’s commitments');
  });

  it('picks the plural form by the count: one check-in, 2 check-ins, 0 check-ins', () => {
    expect(t('screens.trends.checkins', { count: 1 })).toBe('1 check-in');
    expect(t('screens.trends.checkins', { count: 2 })).toBe('2 check-ins');
    expect(t('screens.trends.checkins', { count: 0 })).toBe('0 check-ins');
  });

  it('writes the count as English writes numbers', () => {
    expect(t('screens.trends.checkins', { count: 1000 })).toBe('1,000 check-ins');
  });

  it('says "the last day" rather than "the last 1 days"', () => {
    expect(t('screens.trends.lastDays', { count: 1 })).toBe('the last day');
    expect(t('screens.trends.lastDays', { count: 90 })).toBe('the last 90 days');
  });

  it('gives every number message an "other" form and a "one" form that is not the same', () => {
    const plural = Object.entries({ ...en, ...enSteps }).filter(([, v]) => typeof v !== 'string');
    expect(plural.length).toBeGreaterThan(0);
    for (const [key, value] of plural) {
      expect(value, key).toHaveProperty('other');
      expect(value, key).toHaveProperty('one');
      expect((value as { one: string }).one, key).not.toBe((value as { other: string }).other);
    }
  });

  it('never writes a number before a plural noun by hand', () => {
    // "{count} check-ins" in a plain message reads "1 check-ins" for one: it must be a plural message.
    const byHand = Object.entries({ ...en, ...enSteps }).filter(
      ([, v]) => typeof v === 'string' && /\{(count|days|minutes|points|n)\} [a-z-]+s\b/.test(v),
    );
    expect(byHand.map(([key]) => key)).toEqual([]);
  });
});
