import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { APPRECIATION_MAX } from '../../../core/reconnection/appreciation.js';
import type { AppreciationView } from '../../../shared/api/reconnection.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import { describedBy, ErrorLine, FieldError, fieldErrorsOf } from '../../components/form.js';
import { focusHeading, Page } from '../../components/Page.js';
import { formatCount, formatWhen } from '../labels.js';
import { JointGate, ReadProblem } from './Gate.js';
import { reconnectionKeys, useAppreciations } from './queries.js';
import { ts } from '../../../shared/i18n/steps.js';

function SendForm({ partner }: { partner: string }) {
  const me = useMe();
  const client = useQueryClient();
  const announce = useAnnounce();
  const [text, setText] = useKeptText('appreciation-new', me.id);
  const send = useMutation({
    mutationFn: () => call(endpoints.appreciations.send, { body: { text } }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setText('');
      await client.invalidateQueries({ queryKey: reconnectionKeys.appreciations });
      announce(ts('appreciations.sent', { name: partner }));
    },
  });
  const errors = fieldErrorsOf(send.error);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="appreciation-text">
          {ts('appreciations.textLabel', { name: partner })}
        </label>
        <span id="appreciation-text-hint" className="hint">
          {ts('appreciations.textHint', { name: partner, max: formatCount(APPRECIATION_MAX) })}
        </span>
        <textarea
          dir="auto"
          id="appreciation-text"
          rows={3}
          value={text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={describedBy(
            'appreciation-text-hint',
            errors.text && 'appreciation-text-error',
          )}
          onChange={(e) => setText(e.target.value)}
        />
        <FieldError id="appreciation-text-error">{errors.text}</FieldError>
      </div>
      {errors.text ? null : <ErrorLine error={send.error} />}
      <p className="actions">
        <button type="submit" className="button primary" disabled={send.isPending}>
          {ts('appreciations.send', { name: partner })}
        </button>
      </p>
    </form>
  );
}

function Note({ note, partner }: { note: AppreciationView; partner: string }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const takeBack = useMutation({
    mutationFn: () => call(endpoints.appreciations.takeBack, { params: { id: note.id } }),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: reconnectionKeys.appreciations });
      announce(ts('appreciations.takenBack'));
      // The note and its button are gone: start again from the page's heading.
      focusHeading();
    },
  });
  return (
    <li>
      <article className="checkin" aria-labelledby={`${id}-text`}>
        <p id={`${id}-text`} className="note-text" dir="auto">
          {note.text}
        </p>
        <p className="small">
          {note.mine
            ? ts('appreciations.fromMe')
            : ts('appreciations.from', { name: note.authorName })}
          {' · '}
          <time dateTime={new Date(note.at).toISOString()}>{formatWhen(note.at)}</time>
        </p>
        {note.mine ? (
          confirming ? (
            <ConfirmStep
              ref={confirmRef}
              id={`${id}-confirm`}
              text={ts('appreciations.takeBackConfirm', { name: partner })}
              error={takeBack.error}
              busy={takeBack.isPending}
              confirm={ts('appreciations.takeBackYes')}
              onConfirm={() => takeBack.mutate()}
              decline={ts('appreciations.takeBackNo')}
              onDecline={() => setConfirming(false)}
            />
          ) : (
            <p className="actions">
              <button
                type="button"
                className="button quiet"
                aria-describedby={`${id}-text`}
                onClick={() => {
                  takeBack.reset();
                  setConfirming(true);
                  requestAnimationFrame(() => confirmRef.current?.focus());
                }}
              >
                {ts('appreciations.takeBack')}
              </button>
            </p>
          )
        ) : null}
      </article>
    </li>
  );
}

function Notes({ partner }: { partner: string }) {
  const notes = useAppreciations(true);
  let list;
  if (notes.isPending) list = <Loading />;
  else if (notes.isError) list = <ReadProblem error={notes.error} />;
  else {
    const items = notes.data.pages.flatMap((p) => p.items);
    list =
      items.length === 0 ? (
        <p>{ts('appreciations.empty')}</p>
      ) : (
        <>
          <ul className="stack">
            {items.map((n) => (
              <Note key={n.id} note={n} partner={partner} />
            ))}
          </ul>
          {notes.hasNextPage ? (
            <p className="actions">
              <button
                type="button"
                className="button"
                disabled={notes.isFetchingNextPage}
                onClick={() => void notes.fetchNextPage()}
              >
                {ts('appreciations.more')}
              </button>
            </p>
          ) : null}
        </>
      );
  }
  return (
    <>
      <SendForm partner={partner} />
      <section className="stack" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{ts('appreciations.listTitle')}</h2>
        {list}
      </section>
    </>
  );
}

/** Appreciation notes: sent at once, kept newest first for both partners. */
export function Appreciations() {
  const journey = useJourney();
  const partner = journey.data?.journey?.partner?.displayName ?? t('join.yourPartner');
  return (
    <Page title={ts('appreciations.title')} lede={ts('appreciations.lede', { name: partner })}>
      <JointGate>{(name) => <Notes partner={name} />}</JointGate>
      <p className="note">{ts('reconnection.therapy')}</p>
    </Page>
  );
}
