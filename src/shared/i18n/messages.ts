import { en } from './en.js';

/** A message that depends on a number, `{count}`: one text per plural category of the language. */
export type PluralMessage = { readonly other: string } & Partial<
  Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>
>;
/** A catalogue: en.ts, or one a group of screens loads with its code (steps.ts). */
export type Catalog = Readonly<Record<string, string | PluralMessage>>;
/** The keys of a catalogue's messages that depend on a number: they are always given a `count`. */
export type PluralKeyOf<C> = { [K in keyof C]: C[K] extends string ? never : K }[keyof C];
/** The keys of a catalogue's plain messages. */
export type MessageKeyOf<C> = Exclude<keyof C, PluralKeyOf<C>>;
export type PluralKey = PluralKeyOf<typeof en>;
export type MessageKey = MessageKeyOf<typeof en>;
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

/** Looks a message up in `catalog`: the work of `t`, for any catalogue. */
function lookUp(catalog: Catalog, key: string, vars?: MessageVars): string {
  const entry = catalog[key];
  if (entry === undefined) throw new Error(`no message ${key}`);
  if (typeof entry === 'string') return fill(entry, vars);
  const count = Number(vars?.count);
  const form = entry[plurals.select(count)] ?? entry.other;
  return fill(form, { ...vars, count: numbers.format(count) });
}

/** A `t` for another catalogue, with its keys checked by the compiler in the same way. */
export function translator<C extends Catalog>(catalog: C) {
  function tr(key: MessageKeyOf<C>, vars?: MessageVars): string;
  function tr(key: PluralKeyOf<C>, vars: MessageVars & { readonly count: number }): string;
  function tr(key: MessageKeyOf<C> | PluralKeyOf<C>, vars?: MessageVars): string {
    return lookUp(catalog, String(key), vars);
  }
  return tr;
}

/**
 * Looks a message up in the catalog and fills `{name}` placeholders. Keys are checked by the
 * compiler, so a missing message is a build error rather than a blank on someone's screen. A
 * message about a number picks its form by the language's plural rules ("1 check-in",
 * "2 check-ins"), and its `{count}` is written the way the language writes numbers ("1,000").
 */
export const t = translator(en);
