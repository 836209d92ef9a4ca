import { describe, expect, it } from 'vitest';
import { t } from '../i18n/messages.js';
import { DisplayName } from './auth.js';
import { z } from 'zod';
import { refusingUnsafeText, unsafeTextPaths, userText } from './text.js';

const Note = userText({ max: 3, tooLong: 'Too long.' });
const messageOf = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('userText', () => {
  it('counts a family, a flag and an accented letter as one character each', () => {
    expect(Note.safeParse('👨‍👩‍👧‍👦🇩🇪e\u0301').success).toBe(true);
    expect(messageOf(Note.safeParse('👨‍👩‍👧‍👦🇩🇪e\u0301😀'))).toBe('Too long.');
    // Three letters over two code units each would have been "6 characters" by String.length.
    expect(Note.safeParse('𝒜𝒜𝒜').success).toBe(true);
  });

  it('refuses NUL and half an emoji with words a person can act on', () => {
    expect(messageOf(Note.safeParse('a\u0000'))).toBe(t('text.nul'));
    expect(messageOf(Note.safeParse('a\uD83D'))).toBe(t('text.loneSurrogate'));
  });

  it('trims a name before counting, and asks for one when only spaces are left', () => {
    expect(DisplayName.parse('  Noor  ')).toBe('Noor');
    expect(messageOf(DisplayName.safeParse('   '))).toBe('Please say what we should call you.');
    expect(DisplayName.safeParse('👩🏽‍🦱'.repeat(60)).success).toBe(true);
    expect(messageOf(DisplayName.safeParse('👩🏽‍🦱'.repeat(61)))).toBe(
      'Please keep the name to 60 characters or fewer.',
    );
  });
});

describe('the gate in front of every request schema', () => {
  it('names each field and key holding a character we cannot store', () => {
    const found = unsafeTextPaths({
      a: 'fine',
      b: ['x', 'y\u0000'],
      c: { 'k\uDC00': 1, d: '\uD800' },
    });
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        { path: ['b', 1], kind: 'nul' },
        { path: ['c', 'k\uDC00'], kind: 'lone_surrogate' },
        { path: ['c', 'd'], kind: 'lone_surrogate' },
      ]),
    );
  });

  it('walks input nested far deeper than a call stack allows', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeTextPaths(deep)).toHaveLength(1);
  });

  it('refuses before the schema runs, so an id or a cursor is covered as much as a letter', () => {
    const Query = refusingUnsafeText(z.strictObject({ cursor: z.string().max(200) }));
    const result = Query.safeParse({ cursor: 'abc\u0000' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['cursor'], message: t('text.nul') }),
    ]);
    expect(Query.parse({ cursor: 'abc' })).toEqual({ cursor: 'abc' });
  });
});
