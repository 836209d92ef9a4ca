import { describe, expect, it } from 'vitest';
import { contracts } from '../../shared/api/contracts.js';
import { endpoints } from './endpoints.js';

const addresses = (table: Record<string, Record<string, { method: string; path: string }>>) =>
  Object.fromEntries(
    Object.entries(table).map(([feature, api]) => [
      feature,
      Object.fromEntries(Object.entries(api).map(([name, e]) => [name, `${e.method} ${e.path}`])),
    ]),
  );

describe("the web client's table of endpoints", () => {
  it('has every contract, with its method and path (else run `npm run gen:endpoints`)', () => {
    expect(addresses(endpoints)).toEqual(addresses(contracts));
  });
});
