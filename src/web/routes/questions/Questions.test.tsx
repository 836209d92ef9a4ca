import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { OpennessView } from '../../../shared/api/questions.js';
import { enSteps } from '../../../shared/i18n/en-steps.js';
import { keys } from '../../api/queries.js';
import { pauseBody, Questions, StatusLine } from './Questions.js';
import { questionKeys } from './queries.js';
import { ts } from '../../../shared/i18n/steps.js';

const status = { open: false, paused: false, closesAt: null, opensAt: null };

describe('questions screen', () => {
  it('tells the answerer they can still answer while questions are closed, and when they open', () => {
    const html = renderToStaticMarkup(
      <StatusLine status={{ ...status, opensAt: Date.UTC(2026, 10, 2, 18, 0) }} whose="Alex" />,
    );
    expect(html).toContain('you can still answer what they have asked');
    expect(html).toContain('<time dateTime="2026-11-02T18:00:00.000Z">');
  });

  it('tells the answerer a pause means their answers can wait, without blame', () => {
    const html = renderToStaticMarkup(
      <StatusLine status={{ ...status, paused: true }} whose="Alex" />,
    );
    expect(html).toContain('Alex has paused questions for now. Your answers can wait');
    expect(html).not.toMatch(/already|again\?/i);
  });

  it('pausing keeps everything else as the asker set it', () => {
    const o: OpennessView = {
      mode: 'slots',
      until: null,
      timeZone: 'Europe/Berlin',
      slots: [{ weekday: 2, start: '19:30', minutes: 60 }],
      paused: false,
      status,
    };
    expect(pauseBody(o, true)).toEqual({
      mode: 'slots',
      forMinutes: null,
      timeZone: 'Europe/Berlin',
      slots: o.slots,
      paused: true,
    });
    // "Open now" whose time has run out stays closed when resumed.
    const ran = { ...o, mode: 'now' as const, until: Date.now() - 1000, slots: [] };
    expect(pauseBody(ran, false)).toMatchObject({ mode: 'closed', forMinutes: null });
  });

  it('never tells anyone a question was asked already: coming back to one is part of healing', () => {
    const words = Object.entries(enSteps)
      .filter(([key]) => key.startsWith('questions.'))
      .map(([, v]) => JSON.stringify(v));
    expect(words.length).toBeGreaterThan(50);
    for (const w of words) expect(w).not.toMatch(/already|asked this|same question|\bagain\?/i);
  });
});

describe('the questions screen in safety mode', () => {
  const question = 'Where were you on those Tuesday evenings?';
  function render(safetyMode: boolean) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(keys.journey, {
      journey: {
        id: '00000000-0000-4000-8000-000000000001',
        path: 'together',
        kinds: [],
        cameToLight: 'months_1_6',
        createdAt: 0,
        me: { role: 'hurt' },
        partner: { displayName: 'Sam' },
        pendingInvites: [],
      },
    });
    client.setQueryData(keys.safety, { checked: true, safetyMode });
    const mine: OpennessView = {
      mode: 'now',
      until: null,
      timeZone: 'Europe/Berlin',
      slots: [],
      paused: false,
      status: { ...status, open: true },
    };
    client.setQueryData(questionKeys.state, {
      hasPartner: true,
      partnerName: 'Sam',
      mayAsk: true,
      mine,
      partner: null,
    });
    client.setQueryData(questionKeys.thread, {
      pageParams: [''],
      pages: [
        {
          items: [
            {
              id: '00000000-0000-4000-8000-000000000002',
              askedAt: 0,
              mine: true,
              askerName: 'Alex',
              text: question,
              follows: null,
              answers: [],
            },
          ],
          nextCursor: null,
        },
      ],
    });
    return renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <Routes>
            {/* The app shell gives its screens the signed-in person as outlet context. */}
            <Route element={<Outlet context={{ id: '00000000-0000-4000-8000-000000000009' }} />}>
              <Route index element={<Questions />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('shows the thread and the ask form when safety mode is off', () => {
    const html = render(false);
    expect(html).toContain(question);
    expect(html).toContain(ts('questions.send'));
  });

  it('shows neither the thread nor the ask form in safety mode: only the note and the pause', () => {
    const html = render(true);
    expect(html).not.toContain(question);
    expect(html).not.toContain(ts('questions.threadTitle'));
    expect(html).not.toContain(ts('questions.send'));
    expect(html).toContain(ts('questions.pause'));
  });
});
