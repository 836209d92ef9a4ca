import { DomainError } from '../errors.js';

export const feelings = [
  'hurt',
  'anger',
  'grief',
  'anxiety',
  'shock',
  'numbness',
  'sadness',
  'hope',
  'relief',
  'other',
] as const;
export type Feeling = (typeof feelings)[number];

export const INTENSITY_MIN = 0;
export const INTENSITY_MAX = 10;
export const NOTE_MAX = 5000;
export const PAGE_SIZE_DEFAULT = 10;
export const PAGE_SIZE_MAX = 50;

export interface FeelingEntry {
  readonly feeling: Feeling;
  readonly intensity: number;
}

/** What the author wrote: sealed together so that nothing of it is readable at rest. */
export interface CheckinContent {
  readonly feelings: readonly FeelingEntry[];
  readonly note: string;
}

/** A position in a newest-first list: the (createdAt, id) of the last item seen. */
export interface Cursor {
  readonly createdAt: number;
  readonly id: string;
}

const toBase64Url = (s: string): string =>
  btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const fromBase64Url = (s: string): string => atob(s.replaceAll('-', '+').replaceAll('_', '/'));

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(`${cursor.createdAt}.${cursor.id}`);
}

export function decodeCursor(text: string): Cursor {
  let raw: string;
  try {
    raw = fromBase64Url(text);
  } catch {
    throw new DomainError('cursor.invalid');
  }
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(raw);
  if (!match?.[1] || !match[2]) throw new DomainError('cursor.invalid');
  return { createdAt: Number(match[1]), id: match[2] };
}

/** The feelings chart's window when none is asked for, and the longest it may be. */
export const TRENDS_DAYS_DEFAULT = 90;
export const TRENDS_DAYS_MAX = 365;
