import { endpoints } from '../api/endpoints.js';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { keys, type SessionState } from '../api/queries.js';
import { forgetKeptWords, hasUnsavedWords, keepUnsavedWords } from './kept-words.js';
import { leaving } from './leaving.js';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
/** How long before the idle limit the notice offers to stay signed in. */
export const NOTICE_BEFORE_MS = 60_000;
/** Typing in a form tells the server at most this often (the server counts use to the second). */
const KEEP_ALIVE_EVERY_MS = 60_000;
/** Marks the notice: using its button is answering it, not activity that hides it first. */
export const NOTICE_ATTRIBUTE = 'data-idle-notice';

/** A cheap authenticated request: any request counts as use of the session on the server. */
const keepAlive = () =>
  fetch(endpoints.auth.session.path, { credentials: 'same-origin' }).catch(() => undefined);

/**
 * After the same time without use that ends the session on the server, the screen is cleared too:
 * a phone left on a table must not keep showing what someone wrote. A minute before, a notice
 * offers to stay. Clearing hides the app at once, keeps unsaved words in this tab's memory
 * (kept-words.ts), replaces the page by the sign-in page without reloading, drops everything
 * cached, and ends the session on the server.
 */
export function useIdleSignOut(
  idleMinutes: number | undefined,
  userId: string | undefined,
): { readonly notice: boolean; readonly stay: () => void } {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { pathname, search } = useLocation();
  const where = useRef('');
  useEffect(() => {
    where.current = pathname + search;
  }, [pathname, search]);
  const [notice, setNotice] = useState(false);
  const last = useRef(0);
  const toldServer = useRef(0);

  const stay = useCallback(() => {
    last.current = Date.now();
    toldServer.current = last.current;
    setNotice(false);
    void keepAlive();
  }, []);

  useEffect(() => {
    if (!idleMinutes || !userId) return;
    // Words kept for someone else who used this tab before are never shown to this person.
    forgetKeptWords(userId);
    const limit = idleMinutes * 60_000;
    last.current = Date.now();
    toldServer.current = last.current;
    let timer: number | undefined;

    const clear = () => {
      keepUnsavedWords(userId);
      leaving.forPrivacy = true;
      void fetch(endpoints.auth.signOut.path, {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'x-steadfast-csrf': '1' },
      }).catch(() => undefined);
      document.title = '';
      const root = document.getElementById('root');
      if (root) root.hidden = true;
      // Nothing cached survives; the shell waits for the sign-in page instead of sending there itself.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      client.setQueryData<SessionState>(keys.session, { user: null });
      // The sign-in page shows the screen again when it is there (privacyLeaveOver).
      void navigate('/signin?ended=idle', { replace: true, state: { from: where.current } });
    };

    // One timer, set for the next moment that matters (the notice, then the sign-out).
    const check = () => {
      window.clearTimeout(timer);
      const idle = Date.now() - last.current;
      if (idle >= limit) {
        clear();
        return;
      }
      const noticeAt = Math.max(limit - NOTICE_BEFORE_MS, limit / 2);
      setNotice(idle >= noticeAt);
      timer = window.setTimeout(check, (idle < noticeAt ? noticeAt : limit) - idle);
    };
    const touch = (event: Event) => {
      const now = Date.now();
      last.current = now;
      // Keys may be moving focus to "Stay signed in": only pointing or typing elsewhere hides it.
      const inNotice =
        event.target instanceof Element && event.target.closest(`[${NOTICE_ATTRIBUTE}]`);
      if (event.type !== 'keydown' && !inNotice) setNotice(false);
      // While words are unsaved, typing keeps the session; otherwise the server hears of use at
      // least every half limit, so it never ends a session the screen still counts as in use.
      const every = hasUnsavedWords() ? Math.min(KEEP_ALIVE_EVERY_MS, limit / 4) : limit / 2;
      if (now - toldServer.current >= every) {
        toldServer.current = now;
        void keepAlive();
      }
    };
    for (const name of ACTIVITY)
      window.addEventListener(name, touch, { passive: true, capture: true });
    // Phones pause timers in the background: check as soon as the page is seen again.
    document.addEventListener('visibilitychange', check);
    check();
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.clearTimeout(timer);
    };
  }, [idleMinutes, userId, navigate, client]);

  return { notice, stay };
}
