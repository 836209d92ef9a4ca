import { t } from '../../shared/i18n/messages.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A string that is already safe HTML (escaped, or rendered from our own Markdown). */
export class Html {
  constructor(readonly value: string) {}
}

/** Tagged template that escapes every interpolated value unless it is already Html. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const parts = Array.isArray(v) ? v : [v];
    out += parts
      .map((p) =>
        p instanceof Html
          ? p.value
          : p === undefined || p === null || p === false
            ? ''
            : escapeHtml(String(p)),
      )
      .join('');
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

export const raw = (s: string): Html => new Html(s);

/**
 * The frame of every server-rendered public page. Works with JavaScript off; the crisis link and
 * the skip link are the first things a keyboard reaches.
 */
export function layout(opts: {
  title: string;
  description?: string;
  body: Html;
  current?: string;
}): string {
  const nav = (href: string, label: string) =>
    html`<a href="${href}" ${opts.current === href ? raw(' aria-current="page"') : raw('')}
      >${label}</a
    >`;
  return (
    '<!doctype html>' +
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title} · ${t('app.name')}</title>
        ${opts.description ? html`<meta name="description" content="${opts.description}" />` : ''}
        <meta name="referrer" content="no-referrer" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/site.css" />
        <script src="/quick-exit.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">${t('chrome.skipToContent')}</a>
        <header class="site-header">
          <a class="brand" href="/">${t('app.name')}</a>
          <nav class="site-nav" aria-label="${t('chrome.mainNav')}">
            ${nav('/learn', t('chrome.learn'))}${nav('/directory', t('chrome.directory'))}${nav(
              '/groups',
              t('chrome.groups'),
            )}${nav('/tools', t('chrome.tools'))}${nav('/signin', t('chrome.signIn'))}
          </nav>
          <a class="help-now" href="/help" aria-label="${t('chrome.getHelpNowLabel')}"
            >${t('chrome.getHelpNow')}</a
          >
          <a class="quick-exit" href="/exit" data-quick-exit title="${t('chrome.quickExitHint')}"
            >${t('chrome.quickExit')}</a
          >
        </header>
        <main id="main" tabindex="-1" class="page">${opts.body}</main>
        <footer class="site-footer">
          <p>${t('chrome.footerTherapy')}</p>
          <p>${t('chrome.footerPrivacy')}</p>
        </footer>
      </body>
    </html>`.value
  );
}
