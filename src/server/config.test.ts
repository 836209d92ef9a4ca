import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configTable, loadConfig } from './config.js';

describe('configuration', () => {
  it('the README documents every variable exactly as the schema does', () => {
    const readme = fs.readFileSync(
      path.resolve(import.meta.dirname, '..', '..', 'README.md'),
      'utf8',
    );
    expect(readme).toContain(configTable());
  });

  it('fails fast naming the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('uses secure cookies exactly when the public origin is HTTPS', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://steadfast.example/' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ PORT: '4000' }).publicOrigin).toBe('http://localhost:4000');
  });
});
