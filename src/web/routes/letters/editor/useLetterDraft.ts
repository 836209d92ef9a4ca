import { endpoints } from '../../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  LETTER_TEXT_MAX,
  STATEMENT_PART_MAX,
  statementComplete,
  statementParts,
  type StatementPart,
} from '../../../../core/letters/letter.js';
import type { LetterCreateBody, LetterVersion } from '../../../../shared/api/letters.js';
import { graphemeCount } from '../../../../core/text/text.js';
import { t } from '../../../../shared/i18n/messages.js';
import { call } from '../../../api/client.js';
import { useAnnounce } from '../../../app/announcer.js';
import { useKeptWords, useUnsavedWords } from '../../../app/kept-words.js';
import { useLeaveGuard } from '../../../app/leave-guard.js';
import { useMe } from '../../../app/Shell.js';
import { letterKeys, myDraft } from '../queries.js';
import { contentOf, emptyParts, partsOf } from './content.js';
import type { Setup } from './setup.js';

/** How long typing pauses before the draft is saved on its own. */
const AUTOSAVE_MS = 2000;

/**
 * The editor's words and what happens to them: saved as a private draft on a pause or when asked,
 * sent to the partner, or deleted; kept through a sign-out for privacy and guarded on leaving.
 * `name` is the partner's, for what is announced once a letter is sent.
 */
export function useLetterDraft(setup: Setup, name: string) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { kind } = setup;
  const me = useMe();
  // Words typed here before a sign-out for privacy, put back for the same person (see kept-words.ts).
  const newLetter = `letter:${kind}:${setup.threadId ?? ''}:${setup.respondsTo ?? ''}`;
  const restored = useKeptWords<string>(setup.draftId ?? newLetter, me.id);
  const [text, setText] = useState(restored ?? setup.text);
  const [respondsTo, setRespondsTo] = useState(setup.respondsTo);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  // The draft's id, read by the saves (a ref, so a save right after the first one sees it)…
  const draftId = useRef(setup.draftId);
  // …and whether there is one, for what the screen offers.
  const [hasDraft, setHasDraft] = useState(setup.draftId !== null);
  // The text as last saved (or the earlier version a new one starts from): only a change from it
  // is saved on its own, and only leaving with a change asks first.
  const [savedText, setSavedText] = useState(setup.text);
  const movedTo = useRef<string | null>(null);
  const failedText = useRef<string | null>(null);

  const statement = kind === 'statement';
  const parts = statement ? partsOf(text) : emptyParts;
  const partOver = (p: StatementPart) => graphemeCount(parts[p]) > STATEMENT_PART_MAX;
  const over = statement ? statementParts.some(partOver) : graphemeCount(text) > LETTER_TEXT_MAX;
  const blank = statement
    ? statementParts.every((p) => parts[p].trim() === '')
    : text.trim() === '';
  // A statement is sent once each part has words; a draft may be partial.
  const incomplete = statement && !statementComplete(parts);

  const unsaved = text !== savedText && !blank;
  useUnsavedWords(() => draftId.current ?? newLetter, unsaved ? text : undefined);
  const guard = useLeaveGuard(unsaved);

  /** Saves the text as my draft (creating it the first time); returns the draft as saved. */
  async function persist(value: string): Promise<LetterVersion> {
    const id = draftId.current;
    if (id) {
      const moved = movedTo.current;
      const updated = await call(endpoints.letters.rewrite, {
        params: { id },
        body: { ...contentOf(kind, value), ...(moved ? { respondsTo: moved } : {}) },
      });
      movedTo.current = null;
      const draft = updated.versions.find((v) => v.id === id);
      if (!draft) throw new Error('the draft is missing');
      return draft;
    }
    const body: LetterCreateBody = {
      kind,
      ...contentOf(kind, value),
      ...(setup.threadId ? { threadId: setup.threadId } : {}),
      ...(respondsTo ? { respondsTo } : {}),
    };
    const created = await call(endpoints.letters.start, { body });
    const draft = myDraft(created);
    if (!draft) throw new Error('the new draft is missing');
    draftId.current = draft.id;
    setHasDraft(true);
    // The address now names the draft, so a reload continues it. Replaced quietly, not navigated:
    // a navigation would move focus to the heading while the person is typing.
    window.history.replaceState(window.history.state, '', `/app/letters/new?draft=${draft.id}`);
    return draft;
  }

  const save = useMutation({
    mutationFn: (value: string) => persist(value),
    meta: { keepsUnsavedText: true },
    onSuccess: (draft, value) => {
      setSavedText(value);
      failedText.current = null;
      setSavedAt(draft.updatedAt);
      void client.invalidateQueries({ queryKey: letterKeys.all });
    },
    onError: (_error, value) => {
      failedText.current = value;
    },
  });

  const send = useMutation({
    mutationFn: async () => {
      const id = text === savedText && draftId.current ? draftId.current : (await persist(text)).id;
      setSavedText(text);
      return call(endpoints.letters.share, { params: { id } });
    },
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      guard.allowLeaving();
      await client.invalidateQueries({ queryKey: letterKeys.all });
      announce(t('letters.editor.sentDone', { name }), { navigating: true });
      void navigate('/app/letters');
    },
  });

  const remove = useMutation({
    mutationFn: () => call(endpoints.letters.remove, { params: { id: draftId.current ?? '' } }),
    onSuccess: async () => {
      guard.allowLeaving();
      await client.invalidateQueries({ queryKey: letterKeys.all });
      announce(t('letters.editor.deletedDone'), { navigating: true });
      void navigate('/app/letters');
    },
  });

  // Long text saves itself as a private draft once typing pauses (never in this device's storage).
  useEffect(() => {
    if (text === savedText || blank || over || text === failedText.current) return;
    if (save.isPending || send.isPending || remove.isPending) return;
    const timer = setTimeout(() => save.mutate(text), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, savedText, blank, over, save, send.isPending, remove.isPending]);

  /** A reflection moves to the newest version of the letter, saved at once if it is a draft. */
  const moveTo = (newestId: string) => {
    setRespondsTo(newestId);
    movedTo.current = newestId;
    send.reset();
    if (draftId.current && !blank && !over) save.mutate(text);
  };

  return {
    restored,
    text,
    setText,
    parts,
    partOver,
    respondsTo,
    moveTo,
    savedAt,
    hasDraft,
    unsaved,
    over,
    blank,
    incomplete,
    save,
    send,
    remove,
    busy: save.isPending || send.isPending || remove.isPending,
    guard,
  };
}

export type LetterDraft = ReturnType<typeof useLetterDraft>;
