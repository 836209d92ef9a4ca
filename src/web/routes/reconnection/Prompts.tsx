import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { PROMPT_ANSWER_MAX } from '../../../core/reconnection/prompts.js';
import type { PromptDecksView, PromptView } from '../../../shared/api/reconnection.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
import { Choices } from '../../components/choices.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import {
  describedBy,
  ErrorLine,
  FieldError,
  fieldErrorsOf,
  problemOf,
} from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatCount } from '../labels.js';
import { JointGate, ReadProblem } from './Gate.js';
import { reconnectionKeys, usePrompts } from './queries.js';
import { ts, type StepsMessageKey } from '../../../shared/i18n/steps.js';

const statusText = (p: PromptView, partner: string) =>
  ts(`prompts.status.${p.status}` satisfies StepsMessageKey, { name: partner });

/** Puts the changed prompt in place, so the list does not jump while the rest is read again. */
function replacePrompt(view: PromptDecksView | undefined, next: PromptView) {
  return view
    ? {
        ...view,
        decks: view.decks.map((d) => ({
          ...d,
          prompts: d.prompts.map((p) => (p.id === next.id ? next : p)),
        })),
      }
    : view;
}

/**
 * What the caller may read of a prompt, as the server sent it: both answers side by side once
 * both have answered; before that, only their own (the partner's never reaches the browser).
 */
export function PromptAnswers({ prompt, partner }: { prompt: PromptView; partner: string }) {
  return prompt.status === 'revealed' ? (
    <dl className="prompt-answers">
      <div>
        <dt>{ts('prompts.you')}</dt>
        <dd className="note-text" dir="auto">
          {prompt.myAnswer}
        </dd>
      </div>
      <div>
        <dt>{partner}</dt>
        <dd className="note-text" dir="auto">
          {prompt.partnerAnswer}
        </dd>
      </div>
    </dl>
  ) : prompt.myAnswer !== null ? (
    <>
      <p className="small">{ts('prompts.yourAnswer')}</p>
      <p className="note-text" dir="auto">
        {prompt.myAnswer}
      </p>
      {prompt.status === 'set_aside' ? <p className="hint">{ts('prompts.ownOnly')}</p> : null}
    </>
  ) : null;
}

function PromptItem({ prompt, partner }: { prompt: PromptView; partner: string }) {
  const me = useMe();
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useKeptText(`prompt:${prompt.id}`, me.id);
  const confirmRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Refused because the prompt changed meanwhile (set aside, or both answered): show it as it is now.
  const reread = (error: unknown) => {
    const { code } = problemOf(error);
    if (code === 'prompt.set_aside' || code === 'prompt.revealed') {
      void client.invalidateQueries({ queryKey: reconnectionKeys.prompts });
    }
  };

  const done = async (next: PromptView, message: string) => {
    client.setQueryData<PromptDecksView>(reconnectionKeys.prompts, (v) => replacePrompt(v, next));
    await client.invalidateQueries({ queryKey: reconnectionKeys.prompts });
    announce(message);
  };
  const save = useMutation({
    mutationFn: () => call(endpoints.prompts.answer, { params: { id: prompt.id }, body: { text } }),
    meta: { keepsUnsavedText: true },
    onError: reread,
    onSuccess: async (next) => {
      setEditing(false);
      setText('');
      await done(
        next,
        next.status === 'revealed'
          ? ts('prompts.revealedDone')
          : ts('prompts.saved', { name: partner }),
      );
    },
  });
  const skip = useMutation({
    mutationFn: () => call(endpoints.prompts.skip, { params: { id: prompt.id } }),
    onError: reread,
    onSuccess: async (next) => {
      setConfirming(false);
      setEditing(false);
      await done(next, ts('prompts.skipped'));
    },
  });
  const errors = fieldErrorsOf(save.error);
  const textId = `${id}-text`;
  const headingId = `${id}-heading`;

  return (
    <li>
      <article className="checkin" aria-labelledby={headingId}>
        <h3 id={headingId}>{prompt.text}</h3>
        <p className="small">{statusText(prompt, partner)}</p>
        {editing ? null : <PromptAnswers prompt={prompt} partner={partner} />}
        {editing ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <div className="field">
              <label htmlFor={textId}>{ts('prompts.answerLabel', { prompt: prompt.text })}</label>
              <span id={`${textId}-hint`} className="hint">
                {ts('prompts.answerHint', { name: partner, max: formatCount(PROMPT_ANSWER_MAX) })}
              </span>
              <textarea
                ref={textRef}
                dir="auto"
                id={textId}
                rows={4}
                value={text}
                aria-invalid={errors.text ? true : undefined}
                aria-describedby={describedBy(`${textId}-hint`, errors.text && `${textId}-error`)}
                onChange={(e) => setText(e.target.value)}
              />
              <FieldError id={`${textId}-error`}>{errors.text}</FieldError>
            </div>
            {errors.text ? null : <ErrorLine error={save.error} />}
            <p className="actions">
              <button type="submit" className="button primary" disabled={save.isPending}>
                {ts('prompts.save')}
              </button>
              <button type="button" className="button" onClick={() => setEditing(false)}>
                {ts('prompts.cancel')}
              </button>
            </p>
          </form>
        ) : null}
        {confirming ? (
          <ConfirmStep
            ref={confirmRef}
            id={`${id}-confirm`}
            text={ts('prompts.skipConfirm', { name: partner })}
            error={skip.error}
            busy={skip.isPending}
            confirm={ts('prompts.skipYes')}
            onConfirm={() => skip.mutate()}
            decline={ts('prompts.skipNo')}
            onDecline={() => setConfirming(false)}
          />
        ) : !editing && (prompt.canAnswer || prompt.canSkip) ? (
          <p className="actions">
            {prompt.canAnswer ? (
              <button
                type="button"
                className="button"
                aria-describedby={headingId}
                onClick={() => {
                  save.reset();
                  if (!text) setText(prompt.myAnswer ?? '');
                  setEditing(true);
                  requestAnimationFrame(() => textRef.current?.focus());
                }}
              >
                {prompt.myAnswer === null ? ts('prompts.write') : ts('prompts.change')}
              </button>
            ) : null}
            {prompt.canSkip ? (
              <button
                type="button"
                className="button quiet"
                aria-describedby={headingId}
                onClick={() => {
                  skip.reset();
                  setConfirming(true);
                  requestAnimationFrame(() => confirmRef.current?.focus());
                }}
              >
                {ts('prompts.skip')}
              </button>
            ) : null}
          </p>
        ) : null}
      </article>
    </li>
  );
}

function Decks({ partner }: { partner: string }) {
  const prompts = usePrompts(true);
  const [deckId, setDeckId] = useState<string | null>(null);
  if (prompts.isPending) return <Loading />;
  if (prompts.isError) return <ReadProblem error={prompts.error} />;
  const { decks } = prompts.data;
  const deck = decks.find((d) => d.id === deckId) ?? decks[0];
  if (!deck) return null;
  return (
    <>
      <Choices
        type="radio"
        name="deck"
        legend={ts('prompts.decksLegend')}
        options={decks.map((d) => ({
          value: d.id,
          label: d.title,
          text: `${d.summary} ${ts('prompts.deckCount', { count: d.prompts.length })}`,
        }))}
        isChecked={(v) => v === deck.id}
        onToggle={(v) => setDeckId(v)}
      />
      <section className="stack" aria-labelledby="deck-heading">
        <h2 id="deck-heading">{ts('prompts.listTitle', { deck: deck.title })}</h2>
        {/* Our own Markdown, rendered on the server from content/prompts. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: deck.html }} />
        <ul className="stack">
          {deck.prompts.map((p) => (
            <PromptItem key={p.id} prompt={p} partner={partner} />
          ))}
        </ul>
      </section>
    </>
  );
}

/** Connection prompts: answered privately, both answers shown once both have answered. */
export function Prompts() {
  const journey = useJourney();
  const partner = journey.data?.journey?.partner?.displayName ?? t('join.yourPartner');
  return (
    <Page title={ts('prompts.title')} lede={ts('prompts.lede', { name: partner })}>
      <JointGate>{(name) => <Decks partner={name} />}</JointGate>
      <p className="note">{ts('reconnection.therapy')}</p>
    </Page>
  );
}
