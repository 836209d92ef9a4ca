import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { closenessKinds } from '../../../core/intimacy/kinds.js';
import { keys } from '../../api/queries.js';
import { Closeness } from './Closeness.js';
import { closenessKeys } from './queries.js';
import { ts } from '../../../shared/i18n/steps.js';

const journey = (partner: boolean) => ({
  journey: {
    id: '00000000-0000-4000-8000-000000000001',
    path: 'together',
    kinds: [],
    cameToLight: 'months_1_6',
    createdAt: 0,
    me: { role: 'hurt' },
    partner: partner ? { displayName: 'Sam' } : null,
    pendingInvites: [],
  },
});

/** The screen as it first renders, with what the server would have answered already in the cache. */
function render(options: {
  safetyMode?: boolean;
  partner?: boolean;
  mine?: Record<string, string> | null;
  matches?: unknown;
}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(keys.journey, journey(options.partner ?? true));
  client.setQueryData(keys.safety, { checked: true, safetyMode: options.safetyMode ?? false });
  client.setQueryData(closenessKeys.mine, { marks: options.mine ?? null });
  client.setQueryData(closenessKeys.matches, options.matches ?? { state: 'waiting_for_me' });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Closeness />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the closeness screen', () => {
  it('offers one fieldset per kind, three choices each, with nothing chosen', () => {
    const html = render({});
    expect(html).toContain(escape(ts('closeness.lede')));
    expect(html.match(/<fieldset/g)).toHaveLength(closenessKinds.length);
    for (const k of closenessKinds) expect(html).toContain(`<legend>${escape(k.label)}</legend>`);
    expect(html.match(/type="radio"/g)).toHaveLength(closenessKinds.length * 3);
    expect(html).not.toContain('checked');
    // No reset before there is anything to reset.
    expect(html).not.toContain(ts('closeness.reset'));
  });

  it('shows my own saved marks back to me, and offers a reset', () => {
    const mine = Object.fromEntries(closenessKinds.map((k) => [k.id, 'maybe']));
    const html = render({ mine, matches: { state: 'waiting' } });
    expect(html.match(/checked=""/g)).toHaveLength(closenessKinds.length);
    expect(html).toContain(ts('closeness.reset'));
    expect(html).toContain(escape(ts('closeness.waiting')));
  });

  it('shows the matches as a set once shown, and says calmly when there are none', () => {
    const shown = render({
      matches: { state: 'shown', matches: [{ id: 'affection.hug', label: 'A long hug' }] },
    });
    expect(shown).toContain('<li>A long hug</li>');
    const none = render({ matches: { state: 'shown', matches: [] } });
    expect(none).toContain(escape(ts('closeness.noMatches')));
  });

  it('in safety mode, shows a calm note and no form at all', () => {
    const html = render({ safetyMode: true });
    expect(html).toContain(escape(ts('closeness.safetyMode')));
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<fieldset');
  });

  it('without a partner on the journey, says plainly that it needs one', () => {
    const html = render({ partner: false });
    expect(html).toContain(escape(ts('closeness.noPartner')));
    expect(html).not.toContain('<form');
  });
});
