import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { MeetingPage, MeetingView } from '../../../shared/api/meetings.js';
import { keys } from '../../api/queries.js';
import { meetingKeys } from './queries.js';
import { Meetings } from './Meetings.js';

const startsAt = Date.UTC(2026, 10, 5, 18, 30);
const item = (over: Partial<MeetingView['mine'][number]>) => ({
  id: crypto.randomUUID(),
  part: 'appreciation' as const,
  text: 'Thank you for Sunday',
  bring: true,
  mine: true,
  updatedAt: startsAt - 1,
  ...over,
});
const meeting = (over: Partial<MeetingView>): MeetingView => ({
  date: '2026-11-05',
  startsAt,
  endsAt: startsAt + 45 * 60_000,
  phase: 'upcoming',
  mine: [],
  partners: [],
  myNote: null,
  partnerNote: null,
  ...over,
});
const page = (over: Partial<MeetingPage>): MeetingPage => ({
  hasPartner: true,
  schedule: {
    weekday: 4,
    time: '19:30',
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    frequency: 'weekly',
    rrule: 'FREQ=WEEKLY;BYDAY=TH',
    setByMe: true,
    updatedAt: startsAt - 1,
  },
  current: meeting({}),
  previous: null,
  feed: { on: false, createdAt: null },
  ...over,
});

function render(data: MeetingPage, safetyMode = false) {
  const client = new QueryClient();
  client.setQueryData(keys.journey, {
    journey: { partner: { displayName: 'Sam' }, me: { role: 'hurt' } },
  });
  client.setQueryData(keys.safety, { safetyMode, discreet: safetyMode, checked: true });
  client.setQueryData(meetingKeys.page, data);
  client.setQueryData(meetingKeys.history, {
    pages: [{ items: [], nextCursor: null }],
    pageParams: [''],
  });
  client.setQueryData(['timeouts', 'current'], { timeout: null });
  const me = { id: 'me', role: 'member', displayName: 'Alex' };
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/app/meetings']}>
        <Routes>
          <Route element={<Outlet context={me} />}>
            <Route path="/app/meetings" element={<Meetings />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the meetings screen', () => {
  it('offers nothing joint in safety mode', () => {
    const html = render(page({}), true);
    expect(html).toContain('does not offer exercises with your partner');
    expect(html).not.toContain('When you meet');
    expect(html).not.toContain('Pause the meeting');
  });

  it('says plainly that a meeting needs a partner on the journey', () => {
    const html = render(page({ hasPartner: false, schedule: null, current: null }));
    expect(html).toContain('it needs your partner on the journey with you');
    expect(html).not.toContain('Save the meeting time');
  });

  it('before the meeting: my preparation, what I keep to myself marked, nothing of my partner', () => {
    const html = render(
      page({
        current: meeting({
          mine: [item({}), item({ text: 'Not yet', bring: false, part: 'worry' })],
        }),
      }),
    );
    expect(html).toContain('Your next meeting');
    expect(html).toContain('Thank you for Sunday');
    expect(html).toContain('Kept to yourself.');
    expect(html).not.toContain('Brought by Sam');
    expect(html).toContain(
      'Every Thursday at 19:30 (Europe/Berlin). Each meeting lasts 45 minutes.',
    );
    // The four parts to prepare for, in a fieldset, and a bring choice.
    expect(html).toMatch(/<legend>Which part of the meeting is it for\?<\/legend>/);
    expect(html).toContain('Bring this to the meeting');
  });

  it('during the meeting: what each brought, a pause of at least 20 minutes, a private note', () => {
    const html = render(
      page({
        current: meeting({
          phase: 'running',
          mine: [item({})],
          partners: [
            item({ text: 'I would like a walk on Sundays', part: 'request', mine: false }),
          ],
        }),
      }),
    );
    expect(html).toContain('Your meeting is now');
    expect(html).toContain('Brought by Sam');
    expect(html).toContain('I would like a walk on Sundays');
    expect(html).toContain('We need a pause');
    expect(html).toContain('At least 20 minutes from now');
    expect(html).toContain('Let Sam read this note');
    expect(html).not.toMatch(/name="[^"]*shared"[^>]*checked/);
  });

  it('the feed: made on request, with a way to renew and turn it off once on', () => {
    expect(render(page({})).toString()).toContain('Make my calendar address');
    const on = render(page({ feed: { on: true, createdAt: startsAt } }));
    expect(on).toContain('Make a new address');
    expect(on).toContain('Turn the address off');
  });
});
