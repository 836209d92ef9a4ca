import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PromptView } from '../../../shared/api/reconnection.js';
import { PromptAnswers } from './Prompts.js';

const prompt = (over: Partial<PromptView>): PromptView => ({
  id: 'light.01',
  text: 'What is the best thing you have eaten lately?',
  status: 'open',
  myAnswer: null,
  partnerAnswer: null,
  revealedAt: null,
  canAnswer: true,
  canSkip: true,
  ...over,
});

describe('a connection prompt’s answers', () => {
  it('shows both answers side by side, named, once both have answered', () => {
    const html = renderToStaticMarkup(
      <PromptAnswers
        prompt={prompt({
          status: 'revealed',
          myAnswer: 'Figs',
          partnerAnswer: 'Soup',
          revealedAt: 1,
          canAnswer: false,
          canSkip: false,
        })}
        partner="Sam"
      />,
    );
    expect(html).toContain('<dl class="prompt-answers">');
    expect(html).toMatch(/<dt>You<\/dt><dd[^>]*>Figs<\/dd>/);
    expect(html).toMatch(/<dt>Sam<\/dt><dd[^>]*>Soup<\/dd>/);
  });

  it('shows only my own answer while waiting, and nothing when I have not answered', () => {
    const waiting = renderToStaticMarkup(
      <PromptAnswers prompt={prompt({ status: 'waiting', myAnswer: 'Figs' })} partner="Sam" />,
    );
    expect(waiting).toContain('Figs');
    expect(waiting).not.toContain('Sam');
    expect(
      renderToStaticMarkup(
        <PromptAnswers prompt={prompt({ status: 'partner_answered' })} partner="Sam" />,
      ),
    ).toBe('');
  });

  it('says that only I can see my words on a prompt that was set aside', () => {
    const html = renderToStaticMarkup(
      <PromptAnswers
        prompt={prompt({ status: 'set_aside', myAnswer: 'Figs', canAnswer: false, canSkip: false })}
        partner="Sam"
      />,
    );
    expect(html).toContain('Figs');
    expect(html).toContain('Only you can see what you wrote here.');
  });
});
