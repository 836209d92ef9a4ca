import { t } from '../../shared/i18n/messages.js';
import { html, layout } from './html.js';

export const notFoundPage = (): string =>
  layout({
    title: t('notFound.title'),
    body: html`<h1>${t('notFound.title')}</h1>
      <p>${t('notFound.text')}</p>
      <p><a class="button" href="/">${t('notFound.home')}</a></p>`,
  });
