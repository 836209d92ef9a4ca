import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';

interface Message {
  readonly text: string;
  /** Keep the message across the navigation that follows (e.g. "saved" then back to the list). */
  readonly carry: boolean;
  readonly id: number;
}

interface Announcer {
  readonly message: Message | null;
  readonly announce: (text: string, options?: { navigating?: boolean }) => void;
}

const AnnouncerContext = createContext<Announcer>({ message: null, announce: () => undefined });

/**
 * Confirmations ("Saved. Only you can see it.") are read out by a polite live region that stays
 * mounted for the whole visit, and shown on the page by <Flash />. They clear on the next page.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message | null>(null);
  const { key } = useLocation();
  const [seenKey, setSeenKey] = useState(key);

  // A new page: drop the last message unless it was meant for this page.
  if (seenKey !== key) {
    setSeenKey(key);
    setMessage((m) => (m?.carry ? { ...m, carry: false } : null));
  }

  const announce = useCallback((text: string, options?: { navigating?: boolean }) => {
    setMessage((m) => ({ text, carry: options?.navigating ?? false, id: (m?.id ?? 0) + 1 }));
  }, []);

  const value = useMemo(() => ({ message, announce }), [message, announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" className="visually-hidden">
        {message ? <p key={message.id}>{message.text}</p> : null}
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext).announce;

/** The visible copy of the latest confirmation. */
export function Flash() {
  const { message } = useContext(AnnouncerContext);
  return message ? <p className="flash">{message.text}</p> : null;
}
