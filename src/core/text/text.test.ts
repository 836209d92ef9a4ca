import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeCount, previewOf, unsafeTextIn } from './text.js';

describe('graphemeCount', () => {
  it('counts what a person sees as one character as one', () => {
    expect(graphemeCount('')).toBe(0);
    expect(graphemeCount('hello')).toBe(5);
    expect(graphemeCount('👨‍👩‍👧‍👦')).toBe(1);
    expect(graphemeCount('🇩🇪🇯🇵')).toBe(2);
    expect(graphemeCount('👍🏽')).toBe(1);
    expect(graphemeCount('e\u0301')).toBe(1);
    expect(graphemeCount('\r\n')).toBe(1);
    expect(graphemeCount('שלום')).toBe(4);
    expect(graphemeCount('مرحبا')).toBe(5);
  });

  it('is never more than the code units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(graphemeCount(s)).toBeLessThanOrEqual(s.length);
      }),
    );
  });
});

describe('previewOf', () => {
  it('keeps short text as it is', () => {
    expect(previewOf('a quiet evening', 140)).toEqual({ text: 'a quiet evening', cut: false });
    expect(previewOf('👨‍👩‍👧‍👦'.repeat(3), 3)).toEqual({ text: '👨‍👩‍👧‍👦'.repeat(3), cut: false });
  });

  it('cuts long text after whole characters and marks the cut', () => {
    expect(previewOf('👨‍👩‍👧‍👦'.repeat(5), 2)).toEqual({ text: '👨‍👩‍👧‍👦👨‍👩‍👧‍👦…', cut: true });
    expect(previewOf('one two three', 4)).toEqual({ text: 'one…', cut: true });
  });

  it('never leaves a broken character behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(40), (s, max) => {
        const { text } = previewOf(s, max);
        expect(unsafeTextIn(text)).toBeUndefined();
        expect(graphemeCount(text)).toBeLessThanOrEqual(Math.max(graphemeCount(s), max + 1));
      }),
    );
  });
});

describe('unsafeTextIn', () => {
  it('names NUL and lone surrogates, and lets everything else through', () => {
    expect(unsafeTextIn('a\u0000b')).toBe('nul');
    expect(unsafeTextIn('\uD83D')).toBe('lone_surrogate');
    expect(unsafeTextIn('x\uDE00')).toBe('lone_surrogate');
    expect(unsafeTextIn('\uDE00\uD83D')).toBe('lone_surrogate');
    expect(unsafeTextIn('😀 שלום e\u0301 \t\n')).toBeUndefined();
  });
});
