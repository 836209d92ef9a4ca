import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ForgivenessMine, ForgivenessPartnerChart } from '../../../shared/api/forgiveness.js';
import { keys } from '../../api/queries.js';
import { Forgiveness } from './Forgiveness.js';
import { forgivenessKeys } from './queries.js';

const at = Date.UTC(2026, 10, 20, 18, 0);
const entry = {
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: at,
  version: 1,
  means: { avoidance: 2.25, resentment: 3, goodwill: 3.67 },
  answers: {},
  note: 'my own note',
};

function render(options: {
  partner: string | null;
  safetyMode?: boolean;
  mine?: ForgivenessMine;
  partnerChart?: ForgivenessPartnerChart;
}) {
  const client = new QueryClient();
  client.setQueryData(keys.journey, {
    journey: {
      id: 'j',
      me: { role: 'hurt' },
      partner: options.partner ? { displayName: options.partner } : null,
    },
  });
  client.setQueryData(keys.safety, { safetyMode: options.safetyMode ?? false });
  client.setQueryData(forgivenessKeys.mine, options.mine ?? { entries: [], shared: false });
  client.setQueryData(forgivenessKeys.reflections, { items: [] });
  client.setQueryData(forgivenessKeys.partner, options.partnerChart ?? { points: [] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Forgiveness />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the forgiveness screen', () => {
  it('says plainly that not forgiving is a complete answer, and labels the reflection as our own', () => {
    const html = render({ partner: null });
    expect(html).toContain('Not forgiving, or not yet, is a complete answer.');
    expect(html).toContain('Steadfast&#x27;s own reflection, not a validated clinical instrument');
    expect(html).toContain('href="/app/letters/new?kind=forgiveness"');
    expect(html).toContain('href="/app/program/forgiveness"');
    // Eleven sentences, each a fieldset with five answers.
    expect(html.match(/<fieldset/g)?.length).toBe(11 + 1);
    expect(html).not.toMatch(/your score|improv|streak|days in a row|better|worse/i);
  });

  it('on a path of one’s own, offers no sharing and says why', () => {
    const html = render({ partner: null });
    expect(html).not.toContain('Share my chart');
    expect(html).toContain('Sharing it needs a partner on the journey with you.');
  });

  it('offers sharing with the partner, but not in safety mode unless it is already on', () => {
    expect(render({ partner: 'Sam' })).toContain('Share my chart with Sam');
    expect(render({ partner: 'Sam', safetyMode: true })).not.toContain('Share my chart');
    expect(
      render({ partner: 'Sam', safetyMode: true, mine: { entries: [entry], shared: true } }),
    ).toContain('Share my chart with Sam');
  });

  it('charts my means with a table, and the partner’s only when they share', () => {
    const html = render({ partner: 'Sam', mine: { entries: [entry], shared: false } });
    expect(html).toContain('Your averages for each theme, by date');
    expect(html).toContain('3.67');
    expect(html).toContain('If Sam chooses to share their chart with you, it shows here.');
    const shared = render({
      partner: 'Sam',
      partnerChart: { points: [{ at, means: { avoidance: 1, resentment: 2, goodwill: 4.5 } }] },
    });
    expect(shared).toContain('Sam’s averages for each theme, by date');
    expect(shared).not.toContain('If Sam chooses');
  });
});
