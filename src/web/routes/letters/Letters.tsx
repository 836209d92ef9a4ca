import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ANSWER_NOTE_MAX, answerValuesFor, statementParts } from '../../../core/letters/letter.js';
import type {
  Answer,
  AnswerCreateBody,
  AnswerValue,
  LetterThread,
  LetterVersion,
} from '../../../shared/api/letters.js';
import { graphemeCount } from '../../../core/text/text.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { Isolated } from '../../components/bidi.js';
import { call } from '../../api/client.js';
import { useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
import { EmptyState } from '../../components/EmptyState.js';
import { describedBy, FieldError, problemOf } from '../../components/form.js';
import { LockIcon, PeopleIcon } from '../../components/icons.js';
import { Page } from '../../components/Page.js';
import { formatCount, formatWhen } from '../labels.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import { latestSentLetter, letterKeys, myDraft, useLetters } from './queries.js';

const threadHeadingId = (id: string) => `thread-${id}`;
export const answerLabel = (v: AnswerValue) => t(`letters.answer.${v}` satisfies MessageKey);

/** Who can see a version, in words and with an icon, like every item in the app. */
function Who({ version, partner }: { version: LetterVersion; partner: string }) {
  let icon = <PeopleIcon />;
  let words: ReactNode;
  if (version.kind === 'unsent') {
    icon = <LockIcon />;
    words = t('letters.who.unsent');
  } else if (!version.mine) {
    words = <Isolated k="letters.who.sentBy" vars={{ name: version.authorName }} />;
  } else if (version.state === 'shared') {
    words = <Isolated k="letters.who.sentTo" vars={{ name: partner }} />;
  } else {
    icon = <LockIcon />;
    words = t('letters.who.draft');
  }
  return (
    <span className="visibility">
      {icon}
      <span>
        <span className="visually-hidden">{t('visibility.label')} </span>
        {words}
      </span>
    </span>
  );
}

function versionTitle(v: LetterVersion): string {
  const vars = { name: v.authorName, version: v.version };
  if (v.kind === 'statement') {
    return v.mine ? t('statement.titleMine', vars) : t('statement.title', vars);
  }
  if (v.kind === 'reflection') {
    return v.mine ? t('letters.title.myReflection', vars) : t('letters.title.reflection', vars);
  }
  return v.mine ? t('letters.title.myLetter', vars) : t('letters.title.letter', vars);
}

function AnswerView({ answer }: { answer: Answer }) {
  const value = answerLabel(answer.value);
  return (
    <div className="panel">
      <p>
        <strong>
          {answer.mine ? (
            t('letters.youAnswered', { value })
          ) : (
            <Isolated k="letters.partnerAnswered" vars={{ name: answer.authorName, value }} />
          )}
        </strong>{' '}
        <span className="small">
          <time dateTime={new Date(answer.createdAt).toISOString()}>
            {formatWhen(answer.createdAt)}
          </time>
        </span>
      </p>
      {answer.note ? (
        <p className="note-text" dir="auto">
          {answer.note}
        </p>
      ) : null}
    </div>
  );
}

function Version({ version, partner }: { version: LetterVersion; partner: string }) {
  const headingId = `letter-${version.id}`;
  const when = version.sharedAt ?? version.updatedAt;
  return (
    <li>
      <article className="checkin" aria-labelledby={headingId}>
        <div className="checkin-head">
          <h3 id={headingId}>{versionTitle(version)}</h3>
          <Who version={version} partner={partner} />
        </div>
        <p className="small">
          {version.sharedAt ? t('letters.sentOn') : t('letters.savedOn')}{' '}
          <time dateTime={new Date(when).toISOString()}>{formatWhen(when)}</time>
        </p>
        {version.parts ? (
          <dl className="statement-parts">
            {statementParts.map((p) => (
              <div key={p}>
                <dt>{t(`statement.part.${p}`)}</dt>
                <dd className="note-text" dir="auto">
                  {version.parts?.[p]}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="note-text" dir="auto">
            {version.text}
          </p>
        )}
        {version.answer ? <AnswerView answer={version.answer} /> : null}
        {version.mine && version.state === 'draft' ? (
          <p className="item-actions">
            <Link className="button" to={`/app/letters/new?draft=${version.id}`}>
              {version.kind === 'unsent'
                ? t('letters.continueWriting')
                : t('letters.continueDraft')}
            </Link>
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** Where the thread stands, said to this reader, without counting anything anyone has not done. */
function statusOf(thread: LetterThread, partner: string): string {
  const other = thread.mine ? partner : thread.letterAuthorName;
  if (thread.kind === 'statement' && thread.state === 'waiting_for_answer') {
    return thread.mine
      ? t('statement.status.sentMine', { name: other })
      : t('statement.status.arrived', { name: other });
  }
  switch (thread.state) {
    case 'draft':
      return t('letters.status.draft');
    case 'private':
      return thread.kind === 'forgiveness'
        ? t('letters.status.forgivenessPrivate')
        : t('letters.status.private');
    case 'waiting_for_reflection':
      return thread.mine
        ? t('letters.status.sentMine', { name: other })
        : t('letters.status.reflectWhenReady', { name: other });
    case 'waiting_for_answer':
      return thread.mine
        ? t('letters.status.reflectionArrived', { name: other })
        : t('letters.status.reflectionSent', { name: other });
    case 'not_yet':
      return thread.mine
        ? t('letters.status.notYetMine', { name: other })
        : t('letters.status.notYetTheirs', { name: other });
    case 'understood':
      return thread.mine
        ? t('letters.status.understoodMine')
        : t('letters.status.understoodTheirs', { name: other });
    // The statement's answers come from the partner it was sent to, so "mine" means I wrote it.
    case 'helps':
      return thread.mine
        ? t('statement.status.helpsTheirs', { name: other })
        : t('statement.status.helpsMine');
    case 'need_more':
      return thread.mine
        ? t('statement.status.needMoreTheirs', { name: other })
        : t('statement.status.needMoreMine', { name: other });
    case 'not_now':
      return thread.mine
        ? t('statement.status.notNowTheirs', { name: other })
        : t('statement.status.notNowMine');
    case 'sent':
      return thread.mine
        ? t('letters.status.forgivenessSentMine', { name: other })
        : t('letters.status.forgivenessSentTheirs', { name: other });
  }
}

/**
 * The answer to a reflection or a statement. Its choices ("I feel understood" / "Not yet", or "It
 * helps" / "I need more" / "Not now") carry the same weight on screen: each is a good answer.
 * Sending it takes a second step that says what the partner will see.
 */
function AnswerForm({ thread, reflectionId }: { thread: LetterThread; reflectionId: string }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [choice, setChoice] = useState<AnswerValue | null>(null);
  const me = useMe();
  const [note, setNote] = useKeptText(`letter-answer:${reflectionId}`, me.id);
  const confirmRef = useRef<HTMLDivElement>(null);
  const reflection = thread.versions.find((v) => v.id === reflectionId);
  const name = reflection?.authorName ?? t('join.yourPartner');
  const statement = reflection?.kind === 'statement';
  const values = answerValuesFor(reflection?.kind ?? 'reflection');
  const noteId = `answer-note-${reflectionId}`;

  const send = useMutation({
    mutationFn: (body: AnswerCreateBody) =>
      call(endpoints.letters.answer, { params: { id: reflectionId }, body }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: letterKeys.all });
      announce(t('letters.answerSent', { name }));
      document.getElementById(threadHeadingId(thread.id))?.focus();
    },
  });

  const choose = (value: AnswerValue | null) => {
    send.reset();
    setChoice(value);
    if (value) requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const over = graphemeCount(note) > ANSWER_NOTE_MAX;

  return (
    <section className="panel" aria-labelledby={`${noteId}-heading`}>
      <h3 id={`${noteId}-heading`}>{t('letters.answerTitle')}</h3>
      <p>{t(statement ? 'statement.answerIntro' : 'letters.answerIntro', { name })}</p>
      <div className="field">
        <label htmlFor={noteId}>{t('letters.answerNoteLabel')}</label>
        <span id={`${noteId}-hint`} className="hint">
          {t(statement ? 'statement.answerNoteHint' : 'letters.answerNoteHint')}
        </span>
        <FieldError id={`${noteId}-error`}>
          {over ? t('letters.noteTooLong', { max: formatCount(ANSWER_NOTE_MAX) }) : undefined}
        </FieldError>
        <textarea
          dir="auto"
          id={noteId}
          rows={4}
          value={note}
          aria-invalid={over ? true : undefined}
          aria-describedby={describedBy(
            `${noteId}-hint`,
            over && `${noteId}-error`,
            `${noteId}-count`,
          )}
          onChange={(e) => setNote(e.target.value)}
        />
        <p id={`${noteId}-count`} className={over ? 'count over' : 'count'}>
          {t('checkin.count', {
            count: formatCount(graphemeCount(note)),
            max: formatCount(ANSWER_NOTE_MAX),
          })}
        </p>
      </div>
      {choice ? (
        <ConfirmStep
          ref={confirmRef}
          id={`${noteId}-confirm`}
          text={t(note.trim() ? 'letters.answerConfirmNote' : 'letters.answerConfirm', {
            name,
            value: answerLabel(choice),
          })}
          error={send.error}
          busy={send.isPending || over}
          confirm={t('letters.answerSend')}
          onConfirm={() => send.mutate({ answer: choice, note })}
          decline={t('common.notNow')}
          onDecline={() => choose(null)}
        />
      ) : (
        <p className="actions">
          {values.map((value) => (
            <button key={value} type="button" className="button" onClick={() => choose(value)}>
              {answerLabel(value)}
            </button>
          ))}
        </p>
      )}
    </section>
  );
}

function Thread({ thread, partner }: { thread: LetterThread; partner: string }) {
  const draft = myDraft(thread);
  const letter = latestSentLetter(thread);
  const reflected = thread.versions.some((v) => v.kind === 'reflection' && v.mine);
  const title =
    thread.kind === 'unsent'
      ? t('letters.thread.unsent')
      : thread.kind === 'forgiveness'
        ? thread.mine
          ? t('letters.thread.forgivenessMine')
          : t('letters.thread.forgivenessTheirs', { name: thread.letterAuthorName })
        : thread.kind === 'statement'
          ? thread.mine
            ? t('statement.threadMine')
            : t('statement.threadTheirs', { name: thread.letterAuthorName })
          : thread.mine
            ? t('letters.thread.mine')
            : t('letters.thread.theirs', { name: thread.letterAuthorName });
  return (
    <section className="stack" aria-labelledby={threadHeadingId(thread.id)}>
      <div>
        <h2 id={threadHeadingId(thread.id)} tabIndex={-1}>
          {title}
        </h2>
        <p>{statusOf(thread, partner)}</p>
      </div>
      <ol className="stack">
        {thread.versions.map((v) => (
          <Version key={v.id} version={v} partner={partner} />
        ))}
      </ol>
      {thread.canAnswer ? <AnswerForm thread={thread} reflectionId={thread.canAnswer} /> : null}
      {thread.canReflect && letter ? (
        <p className="actions">
          <Link
            className="button primary"
            to={`/app/letters/new?kind=reflection&respondsTo=${letter.id}`}
          >
            {reflected ? t('letters.reflectAgain') : t('letters.reflect')}
          </Link>
        </p>
      ) : null}
      {thread.canRevise && (thread.kind === 'unsent' || !draft) ? (
        <p className="actions">
          <Link className="button" to={`/app/letters/new?kind=${thread.kind}&thread=${thread.id}`}>
            {t('letters.newVersion')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** Letters: the impact letter and its reflections, or a letter kept for oneself, every version kept. */
export function Letters() {
  const journey = useJourney();
  const letters = useLetters();
  const current = journey.data?.journey ?? null;
  const partner = current?.partner?.displayName ?? t('join.yourPartner');

  let body;
  if (journey.isPending || (current && letters.isPending)) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = <EmptyState text={t('letters.noJourney')} to="/app/start" action={t('today.begin')} />;
  } else if (letters.isError) body = <p>{problemOf(letters.error).detail}</p>;
  else if (letters.data) {
    const { threads, canStart } = letters.data;
    // One statement per person: once begun, its own thread offers the next version.
    const hasStatement = threads.some((th) => th.kind === 'statement' && th.mine);
    const startable = canStart.filter((k) => k !== 'statement' || !hasStatement);
    // Beginning another letter stays possible, but quiet: the thread's own next step comes first.
    const start =
      startable.length > 0 ? (
        <p className="actions">
          {canStart.includes('impact') ? (
            <Link className="button" to="/app/letters/new?kind=impact">
              {t('letters.startImpact')}
            </Link>
          ) : null}
          {startable.includes('statement') ? (
            <Link className="button" to="/app/letters/new?kind=statement">
              {t('statement.start')}
            </Link>
          ) : null}
          {canStart.includes('unsent') ? (
            <Link className="button" to="/app/letters/new?kind=unsent">
              {t('letters.startUnsent')}
            </Link>
          ) : null}
          <Link className="button" to="/app/letters/new?kind=forgiveness">
            {t('letters.startForgiveness')}
          </Link>
        </p>
      ) : null;
    if (threads.length === 0) {
      body = canStart.includes('impact') ? (
        <EmptyState
          title={t('letters.emptyTitle')}
          text={t('letters.emptyImpact')}
          to="/app/letters/new?kind=impact"
          action={t('letters.startImpact')}
        />
      ) : canStart.includes('unsent') ? (
        <EmptyState
          title={t('letters.emptyTitle')}
          text={t('letters.emptyUnsent')}
          to="/app/letters/new?kind=unsent"
          action={t('letters.startUnsent')}
        />
      ) : (
        <div className="empty">
          <h2>{t('letters.emptyTitle')}</h2>
          <p>{t('letters.emptyReflect', { name: partner })}</p>
          {canStart.includes('statement') ? (
            <>
              <p>{t('statement.emptyText')}</p>
              {start}
            </>
          ) : null}
        </div>
      );
    } else {
      body = (
        <>
          {threads.map((th) => (
            <Thread key={th.id} thread={th} partner={partner} />
          ))}
          {start}
        </>
      );
    }
  }

  return (
    <Page title={t('letters.title')} lede={t('letters.lede')}>
      {body}
      <p className="note">{t('letters.therapy')}</p>
    </Page>
  );
}
