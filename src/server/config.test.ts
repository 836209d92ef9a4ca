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

  it('refuses TRUST_PROXY=true, saying why and what to write instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: true would trust the left-most X-Forwarded-For entry.*number of proxies/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(
      /not an address: 10.0.0.0\/33/,
    );
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });

  it('reads TRUST_PROXY as off, a hop count, or proxy addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
  });
});
