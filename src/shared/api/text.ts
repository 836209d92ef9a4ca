import { z } from 'zod';
import { graphemeCount, unsafeTextIn, type UnsafeText } from '../../core/text/text.js';
import { t } from '../i18n/messages.js';

export { graphemeCount };

/** What we tell a person about a character we cannot store. */
export const unsafeTextMessage = (kind: UnsafeText): string =>
  kind === 'nul' ? t('text.nul') : t('text.loneSurrogate');

/**
 * Text a person writes. Lengths are counted in graphemes (what a person sees as one character), by
 * the same function in the browser's counters and on the server; NUL and half an emoji are refused.
 */
export function userText(options: {
  max: number;
  tooLong: string;
  /** The message when the value is not a string at all. */
  notText?: string;
  /** Trims spaces at both ends before counting (and before storing). */
  trim?: boolean;
  min?: number;
  tooShort?: string;
}) {
  const base = z.string(options.notText ? { error: options.notText } : undefined);
  return (options.trim ? base.trim() : base).superRefine((text, ctx) => {
    const unsafe = unsafeTextIn(text);
    if (unsafe) {
      ctx.addIssue({ code: 'custom', message: unsafeTextMessage(unsafe), abort: true });
      return;
    }
    const count = graphemeCount(text);
    if (count > options.max) ctx.addIssue({ code: 'custom', message: options.tooLong });
    else if (options.min !== undefined && count < options.min) {
      ctx.addIssue({ code: 'custom', message: options.tooShort ?? options.tooLong });
    }
  });
}

type Path = (string | number)[];

/** A place in the input as a link to its parent, so walking deep input stays linear. */
interface At {
  readonly parent: At | undefined;
  readonly step: string | number;
}
const pathOf = (at: At | undefined): Path => {
  const path: Path = [];
  for (let a = at; a; a = a.parent) path.unshift(a.step);
  return path;
};

/** Every place in a parsed request where a string (or a key) cannot be stored; iterative, as JSON can nest deep. */
export function unsafeTextPaths(value: unknown, limit = 10): { path: Path; kind: UnsafeText }[] {
  const found: { path: Path; kind: UnsafeText }[] = [];
  const stack: [unknown, At | undefined][] = [[value, undefined]];
  while (stack.length > 0 && found.length < limit) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const kind = unsafeTextIn(v);
      if (kind) found.push({ path: pathOf(at), kind });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, { parent: at, step: i }]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        const here = { parent: at, step: key };
        const kind = unsafeTextIn(key);
        if (kind) found.push({ path: pathOf(here), kind });
        stack.push([item, here]);
      }
    }
  }
  return found;
}

/**
 * `schema`, after a check that no string anywhere in the input holds a character we cannot store:
 * one gate for every field (ids, emails, cursors as much as letters), whatever its own schema says.
 */
export const refusingUnsafeText = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      for (const { path, kind } of unsafeTextPaths(value)) {
        ctx.addIssue({ code: 'custom', path, message: unsafeTextMessage(kind) });
      }
    })
    .pipe(schema);
