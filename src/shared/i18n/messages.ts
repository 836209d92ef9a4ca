import { en } from './en.js';

type Catalog = typeof en;
/** A message that depends on a number, `{count}`: one text per plural category of the language. */
export type PluralMessage = { readonly other: string } & Partial<
  Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>
>;
/** The keys of messages that depend on a number: they are always given a `count`. */
export type PluralKey = {
  [K in keyof Catalog]: Catalog[K] extends string ? never : K;
}[keyof Catalog];
/** The keys of plain messages. */
export type MessageKey = Exclude<keyof Catalog, PluralKey>;
export type MessageVars = Readonly<Record<string, string | number>>;

const plurals = new Intl.PluralRules('en');
const numbers = new Intl.NumberFormat('en');

/** Our own phrases, e.g. "your partner" standing in for a name not known yet. */
const ownPhrases: ReadonlySet<string> = new Set(
  Object.values(en as Readonly<Record<string, string | PluralMessage>>).filter(
    (v): v is string => typeof v === 'string',
  ),
);
const sentenceStart = /(?:^|[.!?]\s+)$/;

/**
 * Fills `{name}` placeholders. One of our own phrases that starts a sentence gets its capital
 * ("Your partner’s commitments"); a person's name is left exactly as they wrote it.
 */
const fill = (text: string, vars: MessageVars | undefined): string =>
  vars
    ? text.replace(/\{(\w+)\}/g, (whole, name: string, at: number) => {
        if (!(name in vars)) return whole;
        const value = String(vars[name]);
        return ownPhrases.has(value) && sentenceStart.test(text.slice(0, at))
          ? value.charAt(0).toUpperCase() + value.slice(1)
          : value;
      })
    : text;

/**
 * Looks a message up in the catalog and fills `{name}` placeholders. Keys are checked by the
 * compiler, so a missing message is a build error rather than a blank on someone's screen. A
 * message about a number picks its form by the language's plural rules ("1 check-in",
 * "2 check-ins"), and its `{count}` is written the way the language writes numbers ("1,000").
 */
export function t(key: MessageKey, vars?: MessageVars): string;
export function t(key: PluralKey, vars: MessageVars & { readonly count: number }): string;
export function t(key: MessageKey | PluralKey, vars?: MessageVars): string {
  const entry: string | PluralMessage = en[key];
  if (typeof entry === 'string') return fill(entry, vars);
  const count = Number(vars?.count);
  const form = entry[plurals.select(count)] ?? entry.other;
  return fill(form, { ...vars, count: numbers.format(count) });
}
