// Grapheme clusters do not depend on the locale; 'en' keeps every runtime on the same rules.
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

// Printable ASCII without CR: one code unit is one grapheme, so the segmenter can be skipped.
const SIMPLE = /^[\x20-\x7e\t\n]*$/;

/** How many characters a person sees in `text`: a family emoji, a flag or "é" count as one. */
export function graphemeCount(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  return Array.from(graphemes.segment(text)).length;
}

/**
 * The first `max` characters of `text` and an ellipsis, or `text` itself when it is short enough;
 * never cuts an emoji or an accented letter in two.
 */
export function previewOf(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let n = 0;
  for (const { index } of graphemes.segment(text)) {
    if (n === max) return { text: `${text.slice(0, index).trimEnd()}…`, cut: true };
    n++;
  }
  return { text, cut: false };
}

export type UnsafeText = 'nul' | 'lone_surrogate';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `text` cannot be stored as it is: PostgreSQL refuses NUL, and half an emoji (a lone
 * surrogate) turns into "�" on its way to any database.
 */
export function unsafeTextIn(text: string): UnsafeText | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return undefined;
}
