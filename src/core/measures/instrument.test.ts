import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Instrument } from './instrument.js';

const raw = (id: string): Record<string, unknown> => {
  const url = new URL(`../../../content/instruments/${id}.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(url, 'utf8')) as Record<string, unknown>;
};

/** A PHQ-9 file changed by `edit`, as the loader would read it. */
const phq9With = (edit: (data: Instrument) => void): unknown => {
  const data = structuredClone(Instrument.parse(raw('phq9')));
  edit(data);
  return data;
};

/** The n-th entry, for edits that must not silently miss. */
function nth<T>(list: readonly T[], n: number): T {
  const value = list[n];
  if (value === undefined) throw new Error(`no entry ${n}`);
  return value;
}

/** The loader's wording: "path: message; …". */
const problems = (data: unknown): string => {
  const result = Instrument.safeParse(data);
  if (result.success) return '';
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
};

describe('the instrument schema', () => {
  it('accepts both real files', () => {
    expect(problems(raw('phq9'))).toBe('');
    expect(problems(raw('gad7'))).toBe('');
  });

  it('refuses bands that leave a gap, naming the scores no band covers', () => {
    const gap = phq9With((d) => {
      nth(d.bands, 1).max = 8;
    });
    expect(problems(gap)).toBe('bands.2.min: bands leave a gap: no band covers 9');

    const wider = phq9With((d) => {
      nth(d.bands, 1).max = 7;
    });
    expect(problems(wider)).toBe('bands.2.min: bands leave a gap: no band covers 8–9');

    const shortTop = phq9With((d) => {
      nth(d.bands, 4).max = 26;
    });
    expect(problems(shortTop)).toBe('bands: bands leave a gap: no band covers 27');
  });

  it('refuses bands that overlap or run past the scores', () => {
    const overlap = phq9With((d) => {
      nth(d.bands, 2).min = 9;
    });
    expect(problems(overlap)).toMatch(/bands\.2\.min: bands overlap: band moderate starts at 9/);

    const past = phq9With((d) => {
      nth(d.bands, 4).max = 30;
    });
    expect(problems(past)).toMatch(/bands end at 30, above the highest score 27/);
  });

  it('refuses an item missing an option, or scoring one value twice', () => {
    const missing = phq9With((d) => {
      nth(d.items, 3).options.splice(2, 1);
    });
    expect(problems(missing)).toMatch(/items\.3\.options: item phq9\.4 has no option scoring 2/);

    const twice = phq9With((d) => {
      nth(nth(d.items, 0).options, 1).score = 0;
    });
    expect(problems(twice)).toMatch(/item phq9\.1 has 2 options scoring 0/);
  });

  it('refuses an unknown rule type, saying which types exist', () => {
    const crisis = phq9With((d) => {
      Object.assign(nth(d.crisisRules, 0), { type: 'total_above' });
    });
    expect(problems(crisis)).toMatch(
      /crisisRules\.0\.type: unknown crisis rule type; the types Steadfast knows are: item_above/,
    );

    const change = phq9With((d) => {
      Object.assign(d.reliableChange, { type: 'percent' });
    });
    expect(problems(change)).toMatch(
      /reliableChange\.type: unknown reliable change rule type; the types Steadfast knows are: threshold, jacobson_truax/,
    );
  });

  it('refuses a crisis rule on an item that does not exist, or that can never fire', () => {
    const noItem = phq9With((d) => {
      nth(d.crisisRules, 0).item = 'phq9.10';
    });
    expect(problems(noItem)).toMatch(/crisis rule 1 names item phq9\.10, which does not exist/);

    const never = phq9With((d) => {
      nth(d.crisisRules, 0).above = 3;
    });
    expect(problems(never)).toMatch(/crisis rule 1 can never fire/);
  });

  it('refuses a range that does not match the items, and thresholds outside it', () => {
    const range = phq9With((d) => {
      d.scoring.max = 30;
    });
    expect(problems(range)).toMatch(/scoring: scoring range 0–30 does not match 9 items/);

    const guidance = phq9With((d) => {
      d.guidance.atLeast = 28;
    });
    expect(problems(guidance)).toMatch(/guidance\.atLeast: the guidance threshold 28/);
  });

  it('refuses fields it does not know, so no threshold slips in unchecked', () => {
    const extra = phq9With((d) => {
      Object.assign(d, { cutoff: 12 });
    });
    expect(problems(extra)).toMatch(/cutoff/);

    const scored = phq9With((d) => {
      if (d.followUp) Object.assign(d.followUp, { scored: true });
    });
    expect(problems(scored)).toMatch(/followUp\.scored/);
  });

  it('refuses item ids that are not the instrument id and the item number', () => {
    const renamed = phq9With((d) => {
      nth(d.items, 8).id = 'phq9.suicide';
    });
    expect(problems(renamed)).toMatch(/items\.8\.id: item 9 must have the id phq9\.9/);
  });
});
