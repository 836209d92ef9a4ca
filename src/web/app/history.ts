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
