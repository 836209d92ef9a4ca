import { en } from './en.js';

export type MessageKey = keyof typeof en;
export type MessageVars = Readonly<Record<string, string | number>>;

/**
 * Looks a message up in the catalog and fills `{name}` placeholders. Keys are checked by the
 * compiler, so a missing message is a build error rather than a blank on someone's screen.
 */
export function t(key: MessageKey, vars?: MessageVars): string {
  const text: string = en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
