/**
 * A therapist's public profile, as the directory knows it: the lists a person filters by, and the
 * rules for a slug and a language. Nothing here does I/O.
 */
export const approaches = ['eft', 'gottman', 'other'] as const;
export type Approach = (typeof approaches)[number];
export const formats = ['individual', 'couples', 'group'] as const;
export type Format = (typeof formats)[number];

export const NAME_MAX = 120;
export const TITLE_MAX = 120;
export const BIO_MAX = 4000;
export const AVAILABILITY_MAX = 500;
export const LANGUAGES_MAX = 12;
/** The most bytes of a photo, once decoded. */
export const PHOTO_MAX_BYTES = 300 * 1024;

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];

/** The image's type from its first bytes (never from what the sender says it is), or null. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  const at = (i: number) => bytes[i];
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => at(i) === b)) return 'image/png';
  const ascii = (from: number, text: string) =>
    [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0));
  if (bytes.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

/**
 * A language as a BCP 47 tag in its canonical form ("pt-br" → "pt-BR"), or null when it is not a
 * well-formed tag of a language the runtime can name.
 */
export function canonicalLanguage(tag: string): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return null;
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(
      canonical,
    );
    return name ? canonical : null;
  } catch {
    return null;
  }
}

/** A language's name in English ("fr" → "French"), or the tag itself if it has none. */
export function languageName(tag: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The primary language subtag: "pt-BR" → "pt"; a filter by "pt" finds both. */
export const primaryLanguage = (tag: string): string => (tag.split('-')[0] ?? tag).toLowerCase();

/** A web-address-safe slug from a display name: "Zoë O'Brien" → "zoe-o-brien". */
export function slugFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'therapist';
}

/** The first of `base`, `base-2`, `base-3`… that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
