/**
 * A word-level difference between two versions of an agreement, for showing its history as a
 * readable change. Each token is a word with the spaces after it (or a run of leading spaces), so
 * joining the 'same' and 'removed' segments gives the old text back exactly, and joining the 'same'
 * and 'added' segments gives the new one.
 */
export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffSegment {
  readonly kind: DiffKind;
  readonly text: string;
}

/**
 * Beyond this many cells the longest-common-subsequence table is skipped and the changed middle is
 * shown as one removal and one addition. 250,000 cells (500 × 500 changed words) keeps a diff near
 * a millisecond; 4,000,000 let a rewrite of the longest text take 16–29 ms of blocking CPU.
 */
export const MAX_DIFF_CELLS = 250_000;

const tokens = (text: string): string[] => text.match(/\s+|\S+\s*/g) ?? [];

/** Texts as the old text (same + removed) and the new text (same + added) read them. */
export const oldText = (diff: readonly DiffSegment[]): string =>
  diff
    .filter((s) => s.kind !== 'added')
    .map((s) => s.text)
    .join('');

export const newText = (diff: readonly DiffSegment[]): string =>
  diff
    .filter((s) => s.kind !== 'removed')
    .map((s) => s.text)
    .join('');

/** Longest common subsequence of two token lists, as pairs of indexes in order. */
function commonPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_DIFF_CELLS) return [];
  // lengths[i][j]: LCS length of a[i..] and b[j..], flattened row by row.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lengths[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** The word-level difference from `before` to `after`; adjacent segments of a kind are merged. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  const out: DiffSegment[] = [];
  const push = (kind: DiffKind, parts: readonly string[]) => {
    const text = parts.join('');
    if (text === '') return;
    const last = out.at(-1);
    if (last?.kind === kind) out[out.length - 1] = { kind, text: last.text + text };
    else out.push({ kind, text });
  };

  // A shared beginning and end are common and cheap; only the middle needs the table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  push('same', a.slice(0, start));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...commonPairs(midA, midB), [midA.length, midB.length] as const]) {
    // Within one changed stretch, what was removed reads before what was added.
    push('removed', midA.slice(i, pi));
    push('added', midB.slice(j, pj));
    push('same', midA.slice(pi, pi + 1));
    i = pi + 1;
    j = pj + 1;
  }
  push('same', a.slice(endA));
  return out;
}
