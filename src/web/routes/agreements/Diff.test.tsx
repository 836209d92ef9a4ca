import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { diffWords } from '../../../core/agreements/diff.js';
import { Diff } from './Agreements.js';

describe('agreement diff', () => {
  const html = renderToStaticMarkup(
    <Diff segments={diffWords('We talk when plans change.', 'We talk before plans change.')} />,
  );

  it('marks added words with <ins> and removed words with <del>', () => {
    expect(html).toContain('<del><span class="visually-hidden">removed: </span>when </del>');
    expect(html).toContain('<ins><span class="visually-hidden">added: </span>before </ins>');
  });

  it('keeps the unchanged words as plain text', () => {
    expect(html).toContain('<span>We talk </span>');
    expect(html).toContain('<span>plans change.</span>');
  });
});
