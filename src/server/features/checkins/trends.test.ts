import { describe, expect, it } from 'vitest';
import type { CheckinTrends } from '../../../shared/api/checkins.js';
import {
  makeCouple,
  makeJourney,
  makeMember,
  signInAgainLater,
  useTestApp,
  writeCheckin,
} from '../../test-support/harness.js';

const t = useTestApp();
const DAY = 86_400_000;
const later = (ms: number, ...members: Parameters<typeof signInAgainLater>[2][]) =>
  signInAgainLater(t, ms, ...members);

describe('feelings over time', () => {
  it('charts only the caller’s own check-ins, in the window asked for', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    await writeCheckin(alex, 'long ago', [{ feeling: 'grief', intensity: 7 }]);
    await later(100 * DAY, alex, sam);
    const start = t.clock();
    await writeCheckin(alex, 'today', [
      { feeling: 'hope', intensity: 3 },
      { feeling: 'hurt', intensity: 5 },
    ]);
    await later(DAY, alex, sam);
    await writeCheckin(alex, 'tomorrow', [{ feeling: 'hope', intensity: 4 }]);
    const shared = await writeCheckin(sam, 'from Sam', [{ feeling: 'anger', intensity: 9 }]);
    await sam.client.put(`/api/checkins/${shared.id}/visibility`, { visibility: 'partner' });
    // Alex can read Sam's shared check-in, yet it is not Alex's feeling to chart.
    expect((await alex.client.get(`/api/checkins/${shared.id}`)).statusCode).toBe(200);

    const recent = await alex.client.get('/api/checkins/trends?days=90');
    expect(recent.statusCode).toBe(200);
    expect(recent.json()).toMatchObject({ days: 90, truncated: false });
    expect(recent.json().feelings).toEqual([
      { feeling: 'hurt', points: [{ t: start, value: 5 }] },
      {
        feeling: 'hope',
        points: [
          { t: start, value: 3 },
          { t: start + DAY, value: 4 },
        ],
      },
    ]);
    const year = (await alex.client.get('/api/checkins/trends?days=365')).json<CheckinTrends>();
    expect(year.feelings.map((f) => f.feeling)).toEqual(['hurt', 'grief', 'hope']);
    const samTrends = (await sam.client.get('/api/checkins/trends')).json();
    expect(samTrends.days).toBe(90);
    expect(samTrends.feelings).toEqual([{ feeling: 'anger', points: [expect.any(Object)] }]);
    expect((await alex.client.get('/api/checkins/trends?days=366')).statusCode).toBe(400);
    expect((await alex.client.get('/api/checkins/trends?days=0')).statusCode).toBe(400);
  });

  it('is empty for someone without check-ins', async () => {
    const robin = await makeMember(t.app, 'Robin');
    await makeJourney(robin, { path: 'solo' });
    const res = (await robin.client.get('/api/checkins/trends')).json();
    expect(res.feelings).toEqual([]);
    expect(res.to - res.from).toBe(90 * DAY);
  });
});
