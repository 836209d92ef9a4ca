import { describe, expect, it } from 'vitest';
import { seedCaseload } from '../../../../bench/caseload.js';
import type { Caseload, ClientSummary } from '../../../shared/api/caseload.js';
import { PASSWORD, TestClient, ok, testDialect, useTestApp } from '../../test-support/harness.js';
import { readyStaff } from '../../test-support/two-factor.js';

const t = useTestApp();

describe(`the bench's caseload seed (${testDialect()})`, () => {
  it('makes a therapist whose caseload and summaries read a year of data', async () => {
    const seeded = await seedCaseload(t.deps, {
      clients: 2,
      now: t.deps.clock(),
      passwordHash: await t.deps.passwords.hash(PASSWORD),
    });
    const therapist = new TestClient(t.app);
    await ok(
      therapist.post('/api/auth/signin', { email: seeded.therapistEmail, password: PASSWORD }),
    );
    // Therapists need two-factor sign-in before any other route answers them.
    await readyStaff(t.app, therapist);
    const caseload = await ok<Caseload>(therapist.get('/api/therapist/caseload'));
    expect(caseload.entries.map((e) => [e.kind, e.clients.length, e.unseenAlerts])).toEqual([
      ['couple', 2, 1],
    ]);
    const since = new Date(t.deps.clock() - 30 * 86_400_000).toISOString().slice(0, 10);
    const summary = await ok<ClientSummary>(
      therapist.get(`/api/therapist/clients/${seeded.clientIds[0]}/summary?since=${since}`),
    );
    const [a] = summary.people;
    expect(a?.checkins?.count).toBeGreaterThan(5);
    expect(a?.screens?.results.length).toBeGreaterThanOrEqual(4);
    expect(a?.commitments?.items).toHaveLength(2);
    expect(summary.joint?.agreements).not.toBeNull();
  });
});
