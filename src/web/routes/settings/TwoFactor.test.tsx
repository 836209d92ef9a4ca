import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ShowRecoveryCodes } from './TwoFactor.js';

describe('recovery codes, shown once', () => {
  const codes = ['abcde-fghjk', 'mnpqr-stuvw'];
  const html = renderToStaticMarkup(<ShowRecoveryCodes codes={codes} onDone={() => {}} />);

  it('lists every code, and offers them as a text file to download', () => {
    for (const code of codes) expect(html).toContain(`<code>${code}</code>`);
    const href = /href="(data:text\/plain[^"]*)"/.exec(html)?.[1] ?? '';
    const file = decodeURIComponent(href.replace(/&amp;/g, '&').split(',').slice(1).join(','));
    expect(file).toContain('abcde-fghjk\nmnpqr-stuvw');
    expect(html).toContain('download="steadfast-recovery-codes.txt"');
  });

  it('moves on only once the person says they saved them', () => {
    expect(html).toMatch(/<button type="button" class="button primary" disabled="">Done<\/button>/);
    expect(html).toContain('I have saved these codes');
  });
});
