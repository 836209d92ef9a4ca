import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, MAX_DIFF_CELLS, newText, oldText } from './diff.js';

// Texts from a small vocabulary, so that two random texts share words and the diff has work to do.
const text = fc
  .array(
    fc.tuple(
      fc.constantFrom('we', 'share', 'plans', 'each', 'Sunday', 'evening', 'money,', '—', ''),
      fc.constantFrom(' ', '  ', '\n', ''),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('word-level diff of two versions', () => {
  it('shows a changed word as removed then added, with the rest the same', () => {
    expect(
      diffWords('We share our plans each Sunday.', 'We share our plans each evening.'),
    ).toEqual([
      { kind: 'same', text: 'We share our plans each ' },
      { kind: 'removed', text: 'Sunday.' },
      { kind: 'added', text: 'evening.' },
    ]);
    expect(diffWords('We talk weekly.', 'We talk calmly and weekly.')).toEqual([
      { kind: 'same', text: 'We talk ' },
      { kind: 'added', text: 'calmly and ' },
      { kind: 'same', text: 'weekly.' },
    ]);
  });

  it('applying the diff gives back both texts exactly', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), fc.oneof(text, fc.string()), (a, b) => {
        const diff = diffWords(a, b);
        expect(oldText(diff)).toBe(a);
        expect(newText(diff)).toBe(b);
        expect(diff.every((s) => s.text.length > 0)).toBe(true);
        // Neighbours differ in kind: runs are merged.
        diff.slice(1).forEach((s, i) => expect(s.kind).not.toBe(diff[i]?.kind));
      }),
    );
  });

  it('identical texts give only what is the same', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (a) => {
        const diff = diffWords(a, a);
        expect(diff.every((s) => s.kind === 'same')).toBe(true);
        expect(diff.length).toBe(a === '' ? 0 : 1);
      }),
    );
  });

  it('one word swapped anywhere shows as exactly that word removed and its replacement added', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('we', 'share', 'plans', 'each', 'Sunday'), { minLength: 1 }),
        fc.nat(),
        (words, n) => {
          const i = n % words.length;
          const after = words.map((w, j) => (j === i ? 'calmly' : w));
          const diff = diffWords(words.join(' '), after.join(' '));
          const sep = i === words.length - 1 ? '' : ' ';
          expect(diff.filter((s) => s.kind === 'removed')).toEqual([
            { kind: 'removed', text: `${words[i]}${sep}` },
          ]);
          expect(diff.filter((s) => s.kind === 'added')).toEqual([
            { kind: 'added', text: `calmly${sep}` },
          ]);
        },
      ),
    );
  });

  it('a very long rewrite still reconstructs both texts', () => {
    const a = Array.from({ length: 3_000 }, (_, i) => `a${i % 7}`).join(' ');
    const b = Array.from({ length: 3_000 }, (_, i) => `a${i % 5}`).join(' ');
    const diff = diffWords(a, b);
    expect(oldText(diff)).toBe(a);
    expect(newText(diff)).toBe(b);
  });

  it('beyond the bound, the changed middle is one removal and one addition, the ends kept', () => {
    // 601 × 601 words between the shared ends is past the bound, though every other word is shared.
    const words = (w: string) =>
      Array.from({ length: 601 }, (_, i) => (i % 2 ? 'we' : `${w}${i}`)).join(' ');
    expect(601 * 601).toBeGreaterThan(MAX_DIFF_CELLS);
    const a = `Start ${words('x')} end.`;
    const b = `Start ${words('y')} end.`;
    expect(diffWords(a, b)).toEqual([
      { kind: 'same', text: 'Start ' },
      { kind: 'removed', text: `${words('x')} ` },
      { kind: 'added', text: `${words('y')} ` },
      { kind: 'same', text: 'end.' },
    ]);
  });

  it('within the bound, a rewrite keeps the words the versions share', () => {
    const a = Array.from({ length: 401 }, (_, i) => (i % 2 ? 'we' : `x${i}`)).join(' ');
    const b = Array.from({ length: 401 }, (_, i) => (i % 2 ? 'we' : `y${i}`)).join(' ');
    const diff = diffWords(a, b);
    expect(diff.filter((s) => s.kind === 'same')).toHaveLength(200);
    expect(oldText(diff)).toBe(a);
    expect(newText(diff)).toBe(b);
  });
});
