import { approaches, formats, primaryLanguage, type Approach, type Format } from './profile.js';

/** What the directory shows of a profile, for filtering: the lists and the yes/no answers. */
export interface Listed {
  readonly approaches: readonly Approach[];
  readonly formats: readonly Format[];
  readonly languages: readonly string[];
  readonly betrayalExperience: boolean;
  readonly online: boolean;
  readonly inPerson: boolean;
  readonly accepting: boolean;
}

/** A person's choices on the directory's filter form; anything left out does not narrow. */
export interface DirectoryFilter {
  readonly format?: Format;
  readonly approach?: Approach;
  readonly betrayal?: boolean;
  readonly online?: boolean;
  readonly inPerson?: boolean;
  readonly accepting?: boolean;
  /** A primary language subtag, e.g. "fr". */
  readonly language?: string;
}

/** True when the profile matches every choice made. */
export function matches(p: Listed, f: DirectoryFilter): boolean {
  if (f.format && !p.formats.includes(f.format)) return false;
  if (f.approach && !p.approaches.includes(f.approach)) return false;
  if (f.betrayal && !p.betrayalExperience) return false;
  if (f.online && !p.online) return false;
  if (f.inPerson && !p.inPerson) return false;
  if (f.accepting && !p.accepting) return false;
  if (f.language) {
    const wanted = primaryLanguage(f.language);
    if (!p.languages.some((l) => primaryLanguage(l) === wanted)) return false;
  }
  return true;
}

export const filterProfiles = <P extends Listed>(list: readonly P[], f: DirectoryFilter): P[] =>
  list.filter((p) => matches(p, f));

/** True when the person chose anything at all. */
export const isFiltered = (f: DirectoryFilter): boolean =>
  Object.values(f).some((v) => v !== undefined && v !== false && v !== '');

const yes = (v: string | undefined): true | undefined =>
  v === 'yes' || v === 'on' || v === '1' || v === 'true' ? true : undefined;

/**
 * The filter from a query string, forgiving: a value the form never sends is ignored rather than
 * refused, so an old or hand-edited link still shows the directory.
 */
export function filterFromQuery(q: Readonly<Record<string, unknown>>): DirectoryFilter {
  const str = (k: string) => {
    const v = q[k];
    return typeof v === 'string' ? v : undefined;
  };
  const format = formats.find((x) => x === str('format'));
  const approach = approaches.find((x) => x === str('approach'));
  const language = str('language')?.trim().toLowerCase();
  const f: {
    -readonly [K in keyof DirectoryFilter]: DirectoryFilter[K];
  } = {};
  if (format) f.format = format;
  if (approach) f.approach = approach;
  if (yes(str('betrayal'))) f.betrayal = true;
  if (yes(str('online'))) f.online = true;
  if (yes(str('inPerson'))) f.inPerson = true;
  if (yes(str('accepting'))) f.accepting = true;
  if (language && /^[a-z]{2,3}$/.test(language)) f.language = language;
  return f;
}
