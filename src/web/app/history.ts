/**
 * Sensitive views never pile up in the browser's history. Every move to, from or within the
 * signed-in app (/app) replaces the current entry instead of adding one, so there is only ever one
 * entry for it: after Quick exit (which replaces that one entry too) or sign-out, Back leads to
 * whatever came before the app, never to something a person wrote.
 */
export function keepOneEntryForTheApp(history: History = window.history): void {
  const push = history.pushState.bind(history);
  const isApp = (url: string | URL | null | undefined): boolean =>
    new URL(url ?? '', window.location.href).pathname.startsWith('/app');
  history.pushState = (state: unknown, unused: string, url?: string | URL | null) => {
    if (isApp(window.location.href) || isApp(url)) history.replaceState(state, unused, url);
    else push(state, unused, url);
  };
}

/**
 * Links from the app to server pages (Get help now, Tools, Learn) replace the app's entry too, so
 * that Back from them, or after Quick exit on them, does not lead into the app. A page restored
 * from the back/forward cache reloads, so the server decides again what it may show.
 */
export function keepAppOutOfBackHistory(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!window.location.pathname.startsWith('/app')) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('data-quick-exit')) return;
    if (link.target && link.target !== '_self') return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/app')) return;
    event.preventDefault();
    window.location.replace(url.href);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && window.location.pathname.startsWith('/app')) window.location.reload();
  });
}
