import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OpennessView } from '../../../shared/api/questions.js';
import { en } from '../../../shared/i18n/en.js';
import { pauseBody, StatusLine } from './Questions.js';

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
    const words = Object.entries(en)
      .filter(([key]) => key.startsWith('questions.'))
      .map(([, v]) => JSON.stringify(v));
    expect(words.length).toBeGreaterThan(50);
    for (const w of words) expect(w).not.toMatch(/already|asked this|same question|\bagain\?/i);
  });
});
