import { useCallback, useEffect, useState } from 'react';

/**
 * Words a form had not saved when the screen was cleared after a while without use. They live in
 * this tab's memory only (the app does not reload when it clears the screen), never in any storage
 * (sessionStorage may be written to disk), and go back only to the same person signing in again
 * in this tab. Leaving the page (Quick exit, a reload, closing the tab) drops them.
 */
interface Words {
  readonly form: string;
  readonly words: unknown;
}

/** The form on screen now, while it has unsaved words; its name is read when they are kept. */
let unsaved: { readonly form: () => string; readonly words: unknown } | undefined;
/** What was on screen when it was cleared, and whose it is. */
let kept: (Words & { readonly userId: string }) | undefined;

/**
 * Called by a form on every render: `words` is what it would need to be filled in again, or
 * undefined while nothing is unsaved. `form` names the form and what it belongs to (a draft's id,
 * which may change while the form is on screen).
 */
export function useUnsavedWords(form: () => string, words: unknown): void {
  useEffect(() => {
    if (words === undefined) return;
    const mine = { form, words };
    unsaved = mine;
    return () => {
      if (unsaved === mine) unsaved = undefined;
    };
  }, [form, words]);
}

export const hasUnsavedWords = (): boolean => unsaved !== undefined;

/** Just before the screen is cleared for privacy. */
export function keepUnsavedWords(userId: string): void {
  kept = unsaved ? { form: unsaved.form(), words: unsaved.words, userId } : undefined;
  unsaved = undefined;
}

/** The words kept for this form, if the person signed in now is the one who wrote them. */
export function keptWords<T>(form: string, userId: string): T | undefined {
  return kept?.form === form && kept.userId === userId ? (kept.words as T) : undefined;
}

/** Once the words are back in their form, or when someone else signs in in this tab. */
export function forgetKeptWords(unlessFor?: string): void {
  if (kept && kept.userId !== unlessFor) kept = undefined;
}

/**
 * The words kept for this form when it first shows, if any: read once, then forgotten, so that
 * they go back only into this form and only this time.
 */
export function useKeptWords<T>(form: string, userId: string): T | undefined {
  const [restored] = useState(() => keptWords<T>(form, userId));
  useEffect(() => {
    if (restored !== undefined) forgetKeptWords();
  }, [restored]);
  return restored;
}

/**
 * One text field's words, kept like a form's when the screen is cleared for privacy and put back
 * for the same person: for the short notes and proposals that have no draft of their own.
 */
export function useKeptText(form: string, userId: string): [string, (text: string) => void] {
  const restored = useKeptWords<string>(form, userId);
  const [text, setText] = useState(restored ?? '');
  const formName = useCallback(() => form, [form]);
  useUnsavedWords(formName, text.trim() === '' ? undefined : text);
  return [text, setText];
}

export const forgetAllKeptWords = (): void => {
  kept = undefined;
  unsaved = undefined;
};

// Quick exit, a reload or closing the tab: nothing survives the page.
if (typeof window !== 'undefined') window.addEventListener('pagehide', forgetAllKeptWords);
