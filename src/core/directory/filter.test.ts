import { describe, expect, it } from 'vitest';
import { filterFromQuery, filterProfiles, isFiltered, type Listed } from './filter.js';
import { canonicalLanguage, photoTypeOf, slugFrom, uniqueSlug } from './profile.js';

const base: Listed = {
  approaches: ['eft'],
  formats: ['couples'],
  languages: ['en', 'pt-BR'],
  betrayalExperience: true,
  online: true,
  inPerson: false,
  accepting: true,
};
const other: Listed = {
  approaches: ['gottman', 'other'],
  formats: ['individual', 'group'],
  languages: ['fr'],
  betrayalExperience: false,
  online: false,
  inPerson: true,
  accepting: false,
};

describe('directory filter', () => {
  it('narrows by each choice and by all together', () => {
    const both = [base, other];
    expect(filterProfiles(both, {})).toEqual(both);
    expect(filterProfiles(both, { format: 'group' })).toEqual([other]);
    expect(filterProfiles(both, { approach: 'eft' })).toEqual([base]);
    expect(filterProfiles(both, { betrayal: true })).toEqual([base]);
    expect(filterProfiles(both, { online: true })).toEqual([base]);
    expect(filterProfiles(both, { inPerson: true })).toEqual([other]);
    expect(filterProfiles(both, { accepting: true })).toEqual([base]);
    expect(filterProfiles(both, { language: 'pt' })).toEqual([base]);
    expect(filterProfiles(both, { language: 'fr', online: true })).toEqual([]);
  });

  it('reads the form from a query string, ignoring what the form never sends', () => {
    expect(
      filterFromQuery({ format: 'couples', approach: 'nope', online: 'yes', language: 'FR' }),
    ).toEqual({ format: 'couples', online: true, language: 'fr' });
    expect(filterFromQuery({ betrayal: ['yes', 'yes'], language: 'fr<script>' })).toEqual({});
    expect(isFiltered(filterFromQuery({}))).toBe(false);
    expect(isFiltered({ accepting: true })).toBe(true);
  });
});

describe('profile rules', () => {
  it('knows a photo by its first bytes only', () => {
    expect(photoTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(photoTypeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(photoTypeOf(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(photoTypeOf(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(photoTypeOf(new TextEncoder().encode('<svg'))).toBeNull();
  });

  it('keeps languages as canonical BCP 47 tags', () => {
    expect(canonicalLanguage('pt-br')).toBe('pt-BR');
    expect(canonicalLanguage('fr')).toBe('fr');
    expect(canonicalLanguage('French')).toBeNull();
    expect(canonicalLanguage('zz')).toBeNull();
  });

  it('makes unique slugs from names', () => {
    expect(slugFrom("Zoë O'Brien")).toBe('zoe-o-brien');
    expect(slugFrom('李')).toBe('therapist');
    expect(uniqueSlug('sam', new Set(['sam', 'sam-2']))).toBe('sam-3');
  });
});
