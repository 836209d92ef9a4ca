import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrationNames, migrations } from './migrate.js';

// Every .ts file directly in migrations/ is a migration (code frozen for one lives in a subfolder).
const folder = new URL('./migrations/', import.meta.url);
const files = fs
  .readdirSync(folder, { withFileTypes: true })
  .filter((f) => f.isFile() && f.name.endsWith('.ts') && !f.name.endsWith('.test.ts'))
  .map((f) => f.name.replace(/\.ts$/, ''));

describe('the list of migrations', () => {
  it('names every file in migrations/, and only those', () => {
    expect([...migrationNames()].sort()).toEqual([...files].sort());
  });

  it('is numbered 0001, 0002, … without gaps, oldest first, each named NNNN-words', () => {
    const names = migrationNames();
    for (const name of names) expect(name).toMatch(/^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(names.map((n) => Number(n.slice(0, 4)))).toEqual(names.map((_, i) => i + 1));
  });

  it('runs each name with the module of that file', async () => {
    for (const name of migrationNames()) {
      const module = (await import(`./migrations/${name}.ts`)) as unknown;
      expect(migrations[name], name).toBe(module);
    }
  });
});
