import { describe, expect, it, vi } from 'vitest';
import type * as connection from '../../db/connection.js';
import { isReachable } from '../../db/connection.js';
import { useTestApp } from '../../test-support/harness.js';

vi.mock('../../db/connection.js', async (original) => ({
  ...(await original<typeof connection>()),
  isReachable: vi.fn(() => Promise.resolve(true)),
}));

const t = useTestApp();

describe('the health check', () => {
  it('says the server and its database are up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 in the same shape when the database cannot be reached', async () => {
    vi.mocked(isReachable).mockResolvedValueOnce(false);
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ status: 'degraded', database: 'down' });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
