import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  AGREEMENT_TEXT_MAX,
  agreementCategories,
  type AgreementCategory,
} from '../../../core/agreements/agreement.js';
import { rhythms, type Rhythm } from '../../../core/commitments/commitment.js';
import type {
  AgreementAnswerBody,
  AgreementView,
  DiffSegment,
  Suggestion,
} from '../../../shared/api/agreements.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorLine, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { ToneHelper } from '../../components/ToneHelper.js';
import { formatCount, formatWhen } from '../labels.js';
import { agreementKeys, categoryLabel, useAgreements } from './queries.js';
import { commitmentKeys, rhythmLabel } from '../commitments/queries.js';

const statusLabel = (s: string) => t(`agreements.status.${s}` as MessageKey);

/** A word-level change, readable by eye (<ins>/<del>) and by ear (hidden "added:"/"removed:"). */
export function Diff({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <p className="agreement-diff note-text" dir="auto">
      {segments.map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">{t('agreements.added')} </span>
            {s.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{t('agreements.removed')} </span>
            {s.text}
          </del>
        ),
      )}
    </p>
  );
}

function AgreementItem({ agreement, partner }: { agreement: AgreementView; partner: string }) {
  const me = useMe();
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const current = agreement.versions.at(-1);
  const [editing, setEditing] = useState<'revise' | 'revisit' | null>(null);
  const [text, setText] = useKeptText(`agreement-change:${agreement.id}`, me.id);
  const [rhythm, setRhythm] = useState<Rhythm>('daily');
  const steps = agreement.nextSteps;

  const answer = useMutation({
    mutationFn: (body: AgreementAnswerBody) =>
      call(endpoints.agreements.answer, { params: { id: agreement.id }, body }),
    meta: { keepsUnsavedText: true },
    onSuccess: async (_, body) => {
      setEditing(null);
      await client.invalidateQueries({ queryKey: agreementKeys.all });
      announce(
        t(
          body.answer === 'accept'
            ? 'agreements.accepted'
            : body.answer === 'decline'
              ? 'agreements.declined'
              : 'agreements.changeSent',
        ),
      );
    },
  });
  const commit = useMutation({
    mutationFn: () =>
      call(endpoints.commitments.commit, { params: { id: agreement.id }, body: { rhythm } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: commitmentKeys.all });
      announce(t('agreements.committed'));
    },
  });
  if (!current) return null;

  const startEditing = (kind: 'revise' | 'revisit') => {
    answer.reset();
    setText(current.text);
    setEditing(kind);
  };
  const send = (body: Omit<AgreementAnswerBody, 'expected'>) =>
    answer.mutate({ ...body, expected: steps.answers });
  const headingId = `${id}-heading`;
  const turn =
    agreement.waitingOn === 'me'
      ? t('agreements.turn.me')
      : agreement.waitingOn === 'partner'
        ? t('agreements.turn.partner', { name: partner })
        : agreement.inForce !== null
          ? t('agreements.inForce', { version: agreement.inForce })
          : t('agreements.turn.none');

  return (
    <li>
      {/* Named by its words, so each agreement (and the buttons in it) can be found by them. */}
      <article className="checkin" aria-labelledby={`${id}-text-current`}>
        <h3 id={headingId}>{t('agreements.current', { version: current.version })}</h3>
        <p id={`${id}-text-current`} className="note-text" dir="auto">
          {current.text}
        </p>
        <p className="small">
          {current.mine
            ? t('agreements.proposedByMe')
            : t('agreements.proposedBy', { name: current.proposerName })}
          {' · '}
          <time dateTime={new Date(current.at).toISOString()}>{formatWhen(current.at)}</time>
          {' · '}
          {statusLabel(current.status)}
        </p>
        <p>{turn}</p>
        {editing ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              send({ answer: editing, text });
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-text`}>{t('agreements.changeLabel')}</label>
              <span id={`${id}-hint`} className="hint">
                {t('agreements.changeHint')}
              </span>
              <textarea
                dir="auto"
                id={`${id}-text`}
                rows={4}
                value={text}
                aria-describedby={`${id}-hint`}
                onChange={(e) => setText(e.target.value)}
              />
              <ToneHelper text={text} />
            </div>
            <ErrorLine error={answer.error} />
            <p className="actions">
              <button type="submit" className="button primary" disabled={answer.isPending}>
                {t('agreements.sendChange')}
              </button>
              <button type="button" className="button" onClick={() => setEditing(null)}>
                {t('agreements.cancel')}
              </button>
            </p>
          </form>
        ) : (
          <>
            <ErrorLine error={answer.error} />
            <p className="actions">
              {steps.canAccept ? (
                <button
                  type="button"
                  className="button"
                  disabled={answer.isPending}
                  onClick={() => send({ answer: 'accept' })}
                >
                  {t('agreements.accept')}
                </button>
              ) : null}
              {steps.canDecline ? (
                <button
                  type="button"
                  className="button"
                  disabled={answer.isPending}
                  onClick={() => send({ answer: 'decline' })}
                >
                  {t('agreements.decline')}
                </button>
              ) : null}
              {steps.canRevise ? (
                <button type="button" className="button" onClick={() => startEditing('revise')}>
                  {t('agreements.suggestChange')}
                </button>
              ) : null}
              {steps.canRevisit ? (
                <button type="button" className="button" onClick={() => startEditing('revisit')}>
                  {t('agreements.revisit')}
                </button>
              ) : null}
            </p>
          </>
        )}
        {agreement.inForce !== null ? (
          <form
            className="actions"
            onSubmit={(e) => {
              e.preventDefault();
              commit.mutate();
            }}
          >
            <label htmlFor={`${id}-rhythm`}>{t('agreements.rhythmLabel')}</label>
            <select
              id={`${id}-rhythm`}
              value={rhythm}
              onChange={(e) => setRhythm(e.target.value as Rhythm)}
            >
              {rhythms.map((r) => (
                <option key={r} value={r}>
                  {rhythmLabel(r)}
                </option>
              ))}
            </select>
            <button type="submit" className="button" disabled={commit.isPending}>
              {t('agreements.commit')}
            </button>
            <ErrorLine error={commit.error} />
          </form>
        ) : null}
        {agreement.versions.length > 1 ? (
          <details>
            <summary>{t('agreements.history')}</summary>
            <ol className="stack">
              {agreement.versions.map((v) => (
                <li key={v.version}>
                  <p>
                    <strong>
                      {t('agreements.historyVersion', {
                        version: v.version,
                        status: statusLabel(v.status),
                      })}
                    </strong>{' '}
                    <span className="small">
                      {v.mine
                        ? t('agreements.proposedByMe')
                        : t('agreements.proposedBy', { name: v.proposerName })}
                      {' · '}
                      <time dateTime={new Date(v.at).toISOString()}>{formatWhen(v.at)}</time>
                    </span>
                  </p>
                  {v.diff ? (
                    <Diff segments={v.diff} />
                  ) : (
                    <p className="note-text" dir="auto">
                      {v.text}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </article>
    </li>
  );
}

function ProposeForm({ suggestions }: { suggestions: readonly Suggestion[] }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const me = useMe();
  const [text, setText] = useKeptText('agreement-new', me.id);
  const [category, setCategory] = useState<AgreementCategory>(
    suggestions[0]?.category ?? 'transparency',
  );
  const propose = useMutation({
    mutationFn: () => call(endpoints.agreements.propose, { body: { text, category } }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setText('');
      await client.invalidateQueries({ queryKey: agreementKeys.all });
      announce(t('agreements.proposed'));
    },
  });
  return (
    <section className="stack" aria-labelledby="propose-heading">
      <h2 id="propose-heading">{t('agreements.proposeTitle')}</h2>
      {suggestions.length > 0 ? (
        <section aria-labelledby="suggestions-heading">
          <h3 id="suggestions-heading">{t('agreements.suggestionsTitle')}</h3>
          <p className="hint">{t('agreements.suggestionsHint')}</p>
          <ul className="stack">
            {suggestions.map((s) => (
              <li key={s.id}>
                <p id={`suggestion-${s.id}`} className="note-text">
                  <span className="small">{categoryLabel(s.category)}: </span>
                  {s.text}
                </p>
                <button
                  type="button"
                  className="button"
                  aria-describedby={`suggestion-${s.id}`}
                  onClick={() => {
                    setText(s.text);
                    setCategory(s.category);
                    document.getElementById('agreement-text')?.focus();
                  }}
                >
                  {t('agreements.useSuggestion')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          propose.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="agreement-text">{t('agreements.textLabel')}</label>
          <span id="agreement-text-hint" className="hint">
            {t('agreements.textHint', { max: formatCount(AGREEMENT_TEXT_MAX) })}
          </span>
          <textarea
            dir="auto"
            id="agreement-text"
            rows={4}
            value={text}
            aria-describedby="agreement-text-hint"
            onChange={(e) => setText(e.target.value)}
          />
          <ToneHelper text={text} />
        </div>
        <div className="field">
          <label htmlFor="agreement-category">{t('agreements.categoryLabel')}</label>
          <select
            id="agreement-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as AgreementCategory)}
          >
            {agreementCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <ErrorLine error={propose.error} />
        <p className="actions">
          <button type="submit" className="button primary" disabled={propose.isPending}>
            {t('agreements.propose')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** Agreements: grouped by kind, each with its current version, whose turn it is and its history. */
export function Agreements() {
  const journey = useJourney();
  const agreements = useAgreements();
  const current = journey.data?.journey ?? null;
  const partner = current?.partner?.displayName ?? t('join.yourPartner');

  let body;
  if (journey.isPending || (current && agreements.isPending)) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = (
      <EmptyState text={t('agreements.noJourney')} to="/app/start" action={t('today.begin')} />
    );
  } else if (agreements.isError) body = <p>{problemOf(agreements.error).detail}</p>;
  else if (agreements.data) {
    const list = agreements.data.agreements;
    const groups = agreementCategories
      .map((c) => ({ category: c, items: list.filter((a) => a.category === c) }))
      .filter((g) => g.items.length > 0);
    body = (
      <>
        {groups.length === 0 ? <p>{t('agreements.empty')}</p> : null}
        {groups.map((g) => (
          <section key={g.category} className="stack" aria-labelledby={`group-${g.category}`}>
            <h2 id={`group-${g.category}`}>{categoryLabel(g.category)}</h2>
            <ul className="stack">
              {g.items.map((a) => (
                <AgreementItem key={a.id} agreement={a} partner={partner} />
              ))}
            </ul>
          </section>
        ))}
        <ProposeForm suggestions={agreements.data.suggestions} />
      </>
    );
  }

  return (
    <Page title={t('agreements.title')} lede={t('agreements.lede')}>
      {body}
      <p className="note">{t('agreements.therapy')}</p>
    </Page>
  );
}
