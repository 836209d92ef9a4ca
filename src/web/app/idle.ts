import { useEffect } from 'react';
import { leaving } from './leaving.js';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const CHECK_EVERY_MS = 15_000;

/**
 * After the same time without use that ends the session on the server, the screen is cleared too:
 * a phone left on a table must not keep showing what someone wrote. The page is replaced (not
 * pushed) by the sign-in page, which drops all in-memory state and keeps Back from returning, and
 * the session is ended on the server.
 */
export function useIdleSignOut(idleMinutes: number | undefined): void {
  useEffect(() => {
    if (!idleMinutes) return;
    const limit = idleMinutes * 60_000;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const check = () => {
      if (Date.now() - last < limit) return;
      leaving.forPrivacy = true;
      void fetch('/api/auth/signout', {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'x-steadfast-csrf': '1' },
      }).catch(() => undefined);
      document.title = '';
      document.body.replaceChildren();
      window.location.replace('/signin?ended=idle');
    };
    for (const name of ACTIVITY)
      window.addEventListener(name, touch, { passive: true, capture: true });
    // Phones pause timers in the background: check as soon as the page is seen again.
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [idleMinutes]);
}
