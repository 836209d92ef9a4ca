import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { enSteps } from './en-steps.js';

/**
 * Words describe what works today: a feature's words land with the feature. These are promises
 * the copy once made for features Steadfast does not have; when one lands, its phrase leaves
 * this list in the same change.
 */
const promises: readonly [RegExp, string][] = [
  [/coming soon/i, 'a feature announced before it exists'],
  [/not in Steadfast yet/i, 'a feature announced before it exists'],
  [/weekly check-in/i, 'a weekly signs-of-trust check-in'],
  [/notifications?\b/i, 'notifications'],
  [/\breminders?\b/i, 'reminders'],
  [/points it out before it is sent|flags a message/i, 'a blame check on messages'],
];

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Every Markdown and JSON file under content/, as [where, text]. */
function contentFiles(dir = path.join(root, 'content')): [string, string][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return contentFiles(file);
    if (!/\.(md|json)$/.test(entry.name)) return [];
    return [[path.relative(root, file), fs.readFileSync(file, 'utf8')]];
  });
}

const catalog = Object.entries({ ...en, ...enSteps }).flatMap(([key, value]): [string, string][] =>
  typeof value === 'string'
    ? [[`en.ts ${key}`, value]]
    : Object.entries(value).map(([form, text]) => [`en.ts ${key}.${form}`, text]),
);

describe('the copy promises only what works today', () => {
  const texts = [...contentFiles(), ...catalog];

  it('reads every content file and every catalog message', () => {
    expect(texts.filter(([where]) => where.startsWith('content/')).length).toBeGreaterThan(15);
    expect(catalog.length).toBeGreaterThan(500);
  });

  it.each(promises)('never says %s (%s)', (phrase) => {
    expect(texts.filter(([, text]) => phrase.test(text)).map(([where]) => where)).toEqual([]);
  });
});
