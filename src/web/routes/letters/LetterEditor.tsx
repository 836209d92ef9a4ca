import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useSearchParams } from 'react-router';
import {
  LETTER_TEXT_MAX,
  letterKinds,
  STATEMENT_PART_MAX,
  statementComplete,
  statementParts,
  type LetterKind,
  type StatementPart,
  type StatementParts,
} from '../../../core/letters/letter.js';
import type {
  LetterCreateBody,
  LetterList,
  LetterThread,
  LetterVersion,
} from '../../../shared/api/letters.js';
import { graphemeCount } from '../../../core/text/text.js';
import { t } from '../../../shared/i18n/messages.js';
import { api } from '../../api/client.js';
import { useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { forgetKeptWords, keptWords, useUnsavedWords } from '../../app/kept-words.js';
import { leaving } from '../../app/leaving.js';
import { Loading, useMe } from '../../app/Shell.js';
import { describedBy, ErrorSummary, FieldError, problemOf } from '../../components/form.js';
import { LockIcon } from '../../components/icons.js';
import { Page } from '../../components/Page.js';
import { formatCount } from '../labels.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import { findVersion, latestSentLetter, letterKeys, myDraft, useLetters } from './queries.js';

/** How long typing pauses before the draft is saved on its own. */
const AUTOSAVE_MS = 2000;

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

interface Setup {
  readonly kind: LetterKind;
  readonly draftId: string | null;
  readonly threadId: string | null;
  readonly respondsTo: string | null;
  readonly text: string;
  readonly thread: LetterThread | null;
}

const emptyParts: StatementParts = { did: '', impact: '', remorse: '', next: '' };

/**
 * A statement's four parts travel through the editor as one string, their JSON, so that saving on a
 * pause, "unsaved" and leaving work the same for every kind; it is taken apart only to show and send.
 */
const partsOf = (value: string): StatementParts =>
  value ? (JSON.parse(value) as StatementParts) : emptyParts;
const joinParts = (parts: StatementParts): string =>
  JSON.stringify({
    did: parts.did,
    impact: parts.impact,
    remorse: parts.remorse,
    next: parts.next,
  });
/** What the editor holds for a version: a letter's text, or a statement's parts joined. */
const editorText = (v: LetterVersion): string =>
  v.kind === 'statement' ? joinParts(v.parts ?? emptyParts) : v.text;
/** What is sent for the editor's content: `text`, or a statement's `parts`. */
const contentOf = (kind: LetterKind, value: string) =>
  kind === 'statement' ? { parts: partsOf(value) } : { text: value };

/** My latest version of a kind in a thread: a new version starts from it. */
const myLatest = (thread: LetterThread | null, kind: LetterKind): LetterVersion | undefined =>
  thread?.versions.filter((v) => v.mine && v.kind === kind).at(-1);

/**
 * What the address asks for: an existing draft (`?draft=`), a new version of a letter
 * (`?kind=&thread=`), a reflection on a sent letter (`?kind=reflection&respondsTo=`), or a new
 * letter (`?kind=`). An open draft for the same thing is continued rather than doubled.
 */
function setupFrom(params: URLSearchParams, list: LetterList): Setup | null {
  const draftParam = params.get('draft');
  if (draftParam) {
    const found = findVersion(list, draftParam);
    if (!found?.version.mine || found.version.state !== 'draft') return null;
    return {
      kind: found.version.kind,
      draftId: found.version.id,
      threadId: found.thread.id,
      respondsTo: found.version.respondsTo,
      text: editorText(found.version),
      thread: found.thread,
    };
  }
  const kind = letterKinds.find((k) => k === params.get('kind'));
  if (!kind) return null;
  const respondsTo = kind === 'reflection' ? params.get('respondsTo') : null;
  if (kind === 'reflection' && !respondsTo) return null;
  // A person has one statement: `?kind=statement` (the program's link) continues it, or begins its
  // next version, rather than starting a second one.
  const ownStatement =
    kind === 'statement' && !params.get('thread')
      ? list.threads.find((th) => th.kind === 'statement' && th.mine)
      : undefined;
  const thread = respondsTo
    ? (findVersion(list, respondsTo)?.thread ?? null)
    : (ownStatement ?? list.threads.find((th) => th.id === params.get('thread')) ?? null);
  if ((respondsTo || params.get('thread')) && !thread) return null;
  const draft = thread ? myDraft(thread) : undefined;
  // An open draft is continued; only an unsent letter begins a new version over it (the draft
  // before is then kept as it was).
  if (draft && draft.kind === kind && kind !== 'unsent') {
    return {
      kind,
      draftId: draft.id,
      threadId: thread?.id ?? null,
      respondsTo: draft.respondsTo,
      text: editorText(draft),
      thread,
    };
  }
  const earlier = myLatest(thread, kind);
  return {
    kind,
    draftId: null,
    threadId: kind === 'reflection' ? null : (thread?.id ?? null),
    respondsTo,
    text: earlier ? editorText(earlier) : kind === 'statement' ? joinParts(emptyParts) : '',
    thread,
  };
}

function Editor({ setup, partner }: { setup: Setup; partner: string | null }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { kind, thread } = setup;
  const me = useMe();
  // Words typed here before a sign-out for privacy, put back for the same person (see kept-words.ts).
  const newLetter = `letter:${kind}:${setup.threadId ?? ''}:${setup.respondsTo ?? ''}`;
  const [restored] = useState(() => keptWords<string>(setup.draftId ?? newLetter, me.id));
  useEffect(() => {
    if (restored !== undefined) forgetKeptWords();
  }, [restored]);
  const [text, setText] = useState(restored ?? setup.text);
  const [respondsTo, setRespondsTo] = useState(setup.respondsTo);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [step, setStep] = useState<'idle' | 'send' | 'delete'>('idle');
  // The draft's id, read by the saves (a ref, so a save right after the first one sees it)…
  const draftId = useRef(setup.draftId);
  // …and whether there is one, for what the screen offers.
  const [hasDraft, setHasDraft] = useState(setup.draftId !== null);
  // The text as last saved (or the earlier version a new one starts from): only a change from it
  // is saved on its own, and only leaving with a change asks first.
  const [savedText, setSavedText] = useState(setup.text);
  const movedTo = useRef<string | null>(null);
  const failedText = useRef<string | null>(null);
  const done = useRef(false);
  const confirmRef = useRef<HTMLDivElement>(null);

  const letter = respondsTo ? thread?.versions.find((v) => v.id === respondsTo) : undefined;
  const newest = thread ? latestSentLetter(thread) : undefined;
  const statement = kind === 'statement';
  const parts = statement ? partsOf(text) : emptyParts;
  const partOver = (p: StatementPart) => graphemeCount(parts[p]) > STATEMENT_PART_MAX;
  const over = statement ? statementParts.some(partOver) : graphemeCount(text) > LETTER_TEXT_MAX;
  const blank = statement
    ? statementParts.every((p) => parts[p].trim() === '')
    : text.trim() === '';
  // A statement is sent once each part has words; a draft may be partial.
  const incomplete = statement && !statementComplete(parts);
  const name = partner ?? t('join.yourPartner');

  /** Saves the text as my draft (creating it the first time); returns the draft as saved. */
  async function persist(value: string): Promise<LetterVersion> {
    const id = draftId.current;
    if (id) {
      const moved = movedTo.current;
      const updated = await api.put<LetterThread>(`/api/letters/${id}`, {
        ...contentOf(kind, value),
        ...(moved ? { respondsTo: moved } : {}),
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
    const created = await api.post<LetterThread>('/api/letters', body);
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
      return api.post<LetterThread>(`/api/letters/${id}/share`);
    },
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      done.current = true;
      await client.invalidateQueries({ queryKey: letterKeys.all });
      announce(t('letters.editor.sentDone', { name }), { navigating: true });
      void navigate('/app/letters');
    },
  });

  const remove = useMutation({
    mutationFn: () => api.delete(`/api/letters/${draftId.current ?? ''}`),
    onSuccess: async () => {
      done.current = true;
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

  const unsaved = text !== savedText && !blank;
  useUnsavedWords(() => draftId.current ?? newLetter, unsaved ? text : undefined);
  // Not when the screen is cleared for privacy: the words are kept for after signing in again.
  const blocker = useBlocker(() => unsaved && !done.current && !leaving.forPrivacy);
  const leaveRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (blocker.state === 'blocked') leaveRef.current?.focus();
  }, [blocker.state]);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!leaving.forHelp && !leaving.forPrivacy) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const open = (next: 'send' | 'delete') => {
    send.reset();
    remove.reset();
    setStep(next);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };

  const moveToNewest = () => {
    if (!newest) return;
    setRespondsTo(newest.id);
    movedTo.current = newest.id;
    send.reset();
    if (draftId.current && !blank && !over) save.mutate(text);
  };

  const error = save.error ?? send.error ?? remove.error;
  const titleKey =
    kind === 'impact'
      ? 'letters.editor.impactTitle'
      : kind === 'reflection'
        ? 'letters.editor.reflectionTitle'
        : kind === 'statement'
          ? 'statement.editorTitle'
          : 'letters.editor.unsentTitle';
  const ledeKey =
    kind === 'impact'
      ? 'letters.editor.impactLede'
      : kind === 'reflection'
        ? 'letters.editor.reflectionLede'
        : kind === 'statement'
          ? 'statement.editorLede'
          : 'letters.editor.unsentLede';
  const hintKey =
    kind === 'impact'
      ? 'letters.editor.impactHint'
      : kind === 'reflection'
        ? 'letters.editor.reflectionHint'
        : 'letters.editor.unsentHint';
  const tooLong = over
    ? t('letters.editor.tooLong', { max: formatCount(LETTER_TEXT_MAX) })
    : undefined;
  const busy = save.isPending || send.isPending || remove.isPending;

  let status: string | null = null;
  if (save.isPending) status = t('letters.editor.saving');
  else if (savedAt !== null && !unsaved) {
    status = t('letters.editor.savedAt', { time: timeOfDay.format(savedAt) });
  }

  return (
    <Page title={t(titleKey)} lede={t(ledeKey, { name })}>
      {restored !== undefined ? (
        <p className="panel" role="status">
          {t('idle.wordsBack')}
        </p>
      ) : null}
      {blocker.state === 'blocked' ? (
        <div
          ref={leaveRef}
          tabIndex={-1}
          className="confirm"
          role="group"
          aria-labelledby="leave-text"
        >
          <p id="leave-text">{t('letters.editor.leaveConfirm')}</p>
          <p className="actions">
            <button type="button" className="button primary" onClick={() => blocker.reset()}>
              {t('checkin.stay')}
            </button>
            <button type="button" className="button quiet" onClick={() => blocker.proceed()}>
              {t('checkin.leave')}
            </button>
          </p>
        </div>
      ) : null}
      {kind === 'reflection' && letter ? (
        <section className="panel" aria-labelledby="reflect-on">
          <h2 id="reflect-on">
            {t('letters.title.letter', { name: letter.authorName, version: letter.version })}
          </h2>
          <p className="note-text" dir="auto">
            {letter.text}
          </p>
        </section>
      ) : null}
      {kind === 'reflection' && newest && respondsTo !== newest.id ? (
        <div className="panel" role="status">
          <p>{t('letters.editor.newerVersion', { name: newest.authorName })}</p>
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={moveToNewest}>
              {t('letters.editor.moveToNewest')}
            </button>
          </p>
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
        <ErrorSummary
          error={error}
          title={t('checkin.saveFailed')}
          after={t('checkin.keptText')}
          fieldIds={statement ? { parts: 'statement-did' } : { text: 'letter-text' }}
        />
        {problemOf(error).code === 'auth.unauthenticated' ? (
          <p className="panel">
            <a href="/signin" target="_blank" rel="noopener">
              {t('checkin.signInNewTab')}
            </a>{' '}
            {t('letters.editor.signInThenSave')}
          </p>
        ) : null}
        {statement ? (
          statementParts.map((p) => {
            const id = `statement-${p}`;
            const tooLongPart = partOver(p)
              ? t('statement.partTooLong', { max: formatCount(STATEMENT_PART_MAX) })
              : undefined;
            return (
              <div className="field" key={p}>
                <label htmlFor={id}>{t(`statement.part.${p}`)}</label>
                <span id={`${id}-hint`} className="hint">
                  {t(`statement.hint.${p}`, { name })}
                </span>
                <FieldError id={`${id}-error`}>{tooLongPart}</FieldError>
                <textarea
                  dir="auto"
                  id={id}
                  name={p}
                  rows={6}
                  value={parts[p]}
                  aria-invalid={tooLongPart ? true : undefined}
                  aria-describedby={describedBy(
                    `${id}-hint`,
                    tooLongPart && `${id}-error`,
                    `${id}-count`,
                  )}
                  onChange={(e) => {
                    setText(joinParts({ ...parts, [p]: e.target.value }));
                    if (step !== 'idle') setStep('idle');
                  }}
                />
                <p id={`${id}-count`} className={partOver(p) ? 'count over' : 'count'}>
                  {t('checkin.count', {
                    count: formatCount(graphemeCount(parts[p])),
                    max: formatCount(STATEMENT_PART_MAX),
                  })}
                </p>
              </div>
            );
          })
        ) : (
          <div className="field">
            <label htmlFor="letter-text">
              {kind === 'reflection'
                ? t('letters.editor.reflectionLabel')
                : t('letters.editor.label')}
            </label>
            <span id="letter-text-hint" className="hint">
              {t(hintKey, { name })}
            </span>
            <FieldError id="letter-text-error">{tooLong}</FieldError>
            <textarea
              dir="auto"
              id="letter-text"
              name="text"
              rows={16}
              value={text}
              aria-invalid={tooLong ? true : undefined}
              aria-describedby={describedBy(
                'letter-text-hint',
                tooLong && 'letter-text-error',
                'letter-text-count',
              )}
              onChange={(e) => {
                setText(e.target.value);
                if (step !== 'idle') setStep('idle');
              }}
            />
            <p id="letter-text-count" className={over ? 'count over' : 'count'}>
              {t('checkin.count', {
                count: formatCount(graphemeCount(text)),
                max: formatCount(LETTER_TEXT_MAX),
              })}
            </p>
          </div>
        )}
        <p className="visibility">
          <LockIcon />
          <span>
            {kind === 'unsent'
              ? t('letters.editor.unsentPrivate')
              : t('letters.editor.private', { name })}
          </span>
        </p>
        {status ? <p className="small">{status}</p> : null}
        {step === 'send' ? (
          <ConfirmStep
            ref={confirmRef}
            id="send-confirm"
            text={t(
              kind === 'reflection'
                ? 'letters.editor.sendReflectionConfirm'
                : statement
                  ? 'statement.sendConfirm'
                  : 'letters.editor.sendLetterConfirm',
              { name },
            )}
            error={send.error}
            busy={busy || over || blank || incomplete}
            confirm={t('letters.editor.sendYes', { name })}
            onConfirm={() => send.mutate()}
            decline={t('common.notNow')}
            onDecline={() => setStep('idle')}
          />
        ) : step === 'delete' ? (
          <ConfirmStep
            ref={confirmRef}
            id="delete-confirm"
            text={t('letters.editor.deleteConfirm')}
            error={remove.error}
            busy={busy}
            confirm={t('checkins.deleteYes')}
            onConfirm={() => remove.mutate()}
            decline={t('checkins.keep')}
            onDecline={() => setStep('idle')}
          />
        ) : (
          <p className="actions">
            {kind !== 'unsent' && partner ? (
              <button
                type="button"
                className="button primary"
                disabled={busy || over || blank || incomplete}
                aria-describedby={incomplete ? 'statement-incomplete' : undefined}
                onClick={() => open('send')}
              >
                {kind === 'reflection'
                  ? t('letters.editor.sendReflection')
                  : statement
                    ? t('statement.send')
                    : t('letters.editor.sendLetter')}
              </button>
            ) : null}
            <button
              type="button"
              className={kind === 'unsent' ? 'button primary' : 'button'}
              disabled={busy || over || blank}
              onClick={() => {
                save.mutate(text, { onSuccess: () => announce(t('letters.editor.savedDone')) });
              }}
            >
              {t('letters.editor.save')}
            </button>
            {hasDraft ? (
              <button type="button" className="button quiet" onClick={() => open('delete')}>
                {t('letters.editor.delete')}
              </button>
            ) : null}
            <Link className="button quiet" to="/app/letters">
              {t('letters.editor.back')}
            </Link>
          </p>
        )}
        {incomplete && partner ? (
          <p id="statement-incomplete">{t('statement.incomplete')}</p>
        ) : null}
        {kind !== 'unsent' && !partner ? <p>{t('letters.editor.noPartner')}</p> : null}
      </form>
    </Page>
  );
}

/**
 * Writing a letter, a reflection, an accountability statement (`?kind=statement`, in four guided
 * parts) or a letter for oneself, saved as a private draft as one writes. */
export function LetterEditor() {
  const [params] = useSearchParams();
  const letters = useLetters();
  const journey = useJourney();
  // Worked out once: later reloads of the list (after each save) must not reset what is typed.
  const [setup, setSetup] = useState<Setup | null | undefined>(undefined);
  if (setup === undefined && letters.data) setSetup(setupFrom(params, letters.data));

  if (letters.isError || journey.isError) {
    return (
      <Page title={t('letters.title')}>
        <p>{problemOf(letters.error ?? journey.error).detail}</p>
      </Page>
    );
  }
  if (setup === undefined || journey.isPending) {
    return (
      <Page title={t('letters.title')}>
        <Loading />
      </Page>
    );
  }
  if (setup === null) {
    return (
      <Page title={t('letters.editor.goneTitle')}>
        <p>{t('letters.editor.gone')}</p>
        <p className="actions">
          <Link className="button primary" to="/app/letters">
            {t('letters.editor.back')}
          </Link>
        </p>
      </Page>
    );
  }
  return <Editor setup={setup} partner={journey.data.journey?.partner?.displayName ?? null} />;
}
