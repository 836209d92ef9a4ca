import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ToneHelper } from './ToneHelper.js';
import { ts } from '../../shared/i18n/steps.js';

describe('tone helper note', () => {
  it('points out "you always", quotes it, offers a gentler start and leaves sending open', () => {
    const html = renderToStaticMarkup(
      <ToneHelper text="You always leave me to find things out on my own." />,
    );
    expect(html).toContain('class="tone-note"');
    expect(html).toContain(ts('tone.heading'));
    expect(html).toContain(`${ts('tone.kind.criticism')}.`);
    expect(html).toContain('<bdi>“You always”</bdi>');
    expect(html).toContain(ts('tone.why.criticism'));
    expect(html).toContain(ts('tone.gentler'));
    expect(html).toContain(ts('tone.sendAsIs'));
    // A calm note: a polite status summary, never an alert, and nothing is disabled.
    expect(html).toContain(`<div role="status" class="visually-hidden">${ts('tone.live')}`);
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('disabled');
  });

  it('names each kind found once', () => {
    const html = renderToStaticMarkup(
      <ToneHelper text="You never call. Whatever. It’s not my fault." />,
    );
    expect(html.split(`${ts('tone.kind.criticism')}.`)).toHaveLength(3); // summary + note
    expect(html).toContain(ts('tone.why.contempt'));
    expect(html).toContain(ts('tone.why.defensiveness'));
  });

  it('shows nothing for kind words, keeping only the empty status region', () => {
    const html = renderToStaticMarkup(
      <ToneHelper text="I feel worried about the late evenings, and I need a short message." />,
    );
    expect(html).toBe('<div role="status" class="visually-hidden"></div>');
  });
});
