import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  ANSWER_TEXT_MAX,
  OPEN_FOR_MINUTES_MAX,
  QUESTION_TEXT_MAX,
  relatedQuestions,
  type AnswerMark,
  type OpennessMode,
} from '../../../core/questions/questions.js';
import type {
  AnswerView,
  EarlierQuestion,
  OpennessBody,
  OpennessStatus,
  OpennessView,
  QuestionSlot,
  QuestionView,
} from '../../../shared/api/questions.js';
import { t } from '../../../shared/i18n/messages.js';
import { endpoints } from '../../api/endpoints.js';
import { call } from '../../api/client.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
import { Choices } from '../../components/choices.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorLine, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { ToneHelper } from '../../components/ToneHelper.js';
import { formatCount, formatWhen } from '../labels.js';
import { questionKeys, useQuestionThread, useQuestionsState } from './queries.js';
import { ts, type StepsMessageKey } from '../../../shared/i18n/steps.js';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const weekdayLabel = (d: number) => ts(`questions.weekday.${d}` as StepsMessageKey);
const openForChoices = [null, 30, 60, 120, 24 * 60] as const;
const slotLengths = [30, 60, 90, 120] as const;
const browserZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};
const when = (ms: number) => <time dateTime={new Date(ms).toISOString()}>{formatWhen(ms)}</time>;

/** One sentence on whether questions are open now, and when that changes. */
export function StatusLine({ status, whose }: { status: OpennessStatus; whose: string | null }) {
  const key = (k: string) =>
    `questions.status.${whose === null ? 'mine' : 'partner'}.${k}` as StepsMessageKey;
  const name = { name: whose ?? '' };
  if (status.paused) return <p>{ts(key('paused'), name)}</p>;
  if (status.open) {
    return status.closesAt === null ? (
      <p>{ts(key('open'), name)}</p>
    ) : (
      <p>
        {ts(key('openUntil'), name)} {when(status.closesAt)}
      </p>
    );
  }
  return status.opensAt === null ? (
    <p>{ts(key('closed'), name)}</p>
  ) : (
    <p>
      {ts(key('closedUntil'), name)} {when(status.opensAt)}
    </p>
  );
}

/** The saved openness as it is, paused or resumed: a pause changes nothing else. */
export function pauseBody(o: OpennessView, paused: boolean): OpennessBody {
  const left = o.until === null ? null : Math.ceil((o.until - Date.now()) / 60_000);
  const expired = o.mode === 'now' && left !== null && left < 15;
  return {
    mode: expired ? 'closed' : o.mode,
    forMinutes:
      o.mode === 'now' && left !== null && !expired ? Math.min(left, OPEN_FOR_MINUTES_MAX) : null,
    timeZone: o.timeZone,
    slots: o.slots,
    paused,
  };
}

/** The asker's controls: closed, open now (for a while), or set times; and a one-tap pause. */
function OpennessControls({
  openness,
  pauseOnly,
}: {
  openness: OpennessView;
  /** Safety mode: the asker can still pause or resume, and nothing invites more. */
  pauseOnly: boolean;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [mode, setMode] = useState<OpennessMode>(openness.mode);
  const [openFor, setOpenFor] = useState<number | null>(null);
  const [slots, setSlots] = useState<QuestionSlot[]>(
    openness.slots.length > 0 ? openness.slots : [{ weekday: 1, start: '19:00', minutes: 60 }],
  );
  const timeZone = openness.slots.length > 0 ? openness.timeZone : browserZone();
  const save = useMutation({
    mutationFn: (body: OpennessBody) => call(endpoints.questions.setOpenness, { body }),
    onSuccess: async (view) => {
      await client.invalidateQueries({ queryKey: questionKeys.state });
      announce(
        ts(
          view.paused
            ? 'questions.pausedDone'
            : view.status.open
              ? 'questions.openDone'
              : 'questions.closedDone',
        ),
      );
    },
  });
  const body = (paused: boolean): OpennessBody => ({
    mode,
    forMinutes: mode === 'now' ? openFor : null,
    timeZone,
    slots: mode === 'slots' ? slots : openness.slots,
    paused,
  });
  const setSlot = (i: number, change: Partial<QuestionSlot>) =>
    setSlots(slots.map((s, j) => (j === i ? { ...s, ...change } : s)));

  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{ts('questions.pace.title')}</h2>
      <StatusLine status={openness.status} whose={null} />
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={save.isPending}
          onClick={() => save.mutate(pauseBody(openness, !openness.paused))}
        >
          {openness.paused ? ts('questions.resume') : ts('questions.pause')}
        </button>
      </p>
      <p className="hint">
        {openness.paused ? ts('questions.resumeHint') : ts('questions.pauseHint')}
      </p>
      {pauseOnly ? (
        <ErrorLine error={save.error} />
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(body(false));
          }}
        >
          <Choices
            type="radio"
            name={`${id}-mode`}
            legend={ts('questions.pace.legend')}
            hint={ts('questions.pace.hint')}
            options={(['closed', 'now', 'slots'] as const).map((m) => ({
              value: m,
              label: ts(`questions.mode.${m}` as StepsMessageKey),
              text: ts(`questions.mode.${m}.text` as StepsMessageKey),
            }))}
            isChecked={(m) => m === mode}
            onToggle={(m) => setMode(m)}
          />
          {mode === 'now' ? (
            <div className="field">
              <label htmlFor={`${id}-for`}>{ts('questions.openFor')}</label>
              <select
                id={`${id}-for`}
                value={openFor === null ? '' : String(openFor)}
                onChange={(e) => setOpenFor(e.target.value === '' ? null : Number(e.target.value))}
              >
                {openForChoices.map((m) => (
                  <option key={String(m)} value={m === null ? '' : String(m)}>
                    {m === null
                      ? ts('questions.openFor.untilClosed')
                      : m < 60 || m % 60 !== 0
                        ? ts('questions.minutes', { count: m })
                        : ts('questions.hours', { count: m / 60 })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {mode === 'slots' ? (
            <fieldset className="stack">
              <legend>{ts('questions.slots.legend')}</legend>
              <span className="hint">{ts('questions.slots.hint', { zone: timeZone })}</span>
              <ul className="stack">
                {slots.map((s, i) => (
                  <li key={i} className="actions">
                    <label htmlFor={`${id}-day-${i}`}>{ts('questions.slots.day')}</label>
                    <select
                      id={`${id}-day-${i}`}
                      value={s.weekday}
                      onChange={(e) => setSlot(i, { weekday: Number(e.target.value) })}
                    >
                      {weekdays.map((d) => (
                        <option key={d} value={d}>
                          {weekdayLabel(d)}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`${id}-start-${i}`}>{ts('questions.slots.start')}</label>
                    <input
                      id={`${id}-start-${i}`}
                      type="time"
                      value={s.start}
                      onChange={(e) => setSlot(i, { start: e.target.value })}
                    />
                    <label htmlFor={`${id}-length-${i}`}>{ts('questions.slots.length')}</label>
                    <select
                      id={`${id}-length-${i}`}
                      value={s.minutes}
                      onChange={(e) => setSlot(i, { minutes: Number(e.target.value) })}
                    >
                      {slotLengths.map((m) => (
                        <option key={m} value={m}>
                          {m % 60 !== 0
                            ? ts('questions.minutes', { count: m })
                            : ts('questions.hours', { count: m / 60 })}
                        </option>
                      ))}
                    </select>
                    {slots.length > 1 ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => setSlots(slots.filter((_, j) => j !== i))}
                      >
                        {ts('questions.slots.remove', {
                          day: weekdayLabel(s.weekday),
                          start: s.start,
                        })}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => setSlots([...slots, { weekday: 1, start: '19:00', minutes: 60 }])}
                >
                  {ts('questions.slots.add')}
                </button>
              </p>
            </fieldset>
          ) : null}
          <ErrorLine error={save.error} />
          <p className="actions">
            <button type="submit" className="button primary" disabled={save.isPending}>
              {ts('questions.pace.save')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

/** Our own words on questions whose details may hurt more than they help. */
function Guidance() {
  return (
    <details className="panel">
      <summary>{ts('questions.guidance.title')}</summary>
      <div className="stack">
        <p>{ts('questions.guidance.p1')}</p>
        <p>{ts('questions.guidance.p2')}</p>
        <ul>
          <li>{ts('questions.guidance.example1')}</li>
          <li>{ts('questions.guidance.example2')}</li>
          <li>{ts('questions.guidance.example3')}</li>
        </ul>
        <p>{ts('questions.guidance.p3')}</p>
      </div>
    </details>
  );
}

function Answers({ answers, partner }: { answers: readonly AnswerView[]; partner: string }) {
  return (
    <ol className="stack">
      {answers.map((a) => (
        <li key={a.id}>
          <p className="small">
            {a.mine ? ts('questions.answeredByMe') : ts('questions.answeredBy', { name: partner })}
            {' · '}
            {when(a.at)}
            {a.mark ? ` · ${ts(`questions.mark.${a.mark}` as StepsMessageKey)}` : null}
          </p>
          <p className="note-text" dir="auto">
            {a.text}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** An earlier question and what was answered then, shown beside a question that comes back to it. */
function Earlier({ earlier, partner }: { earlier: EarlierQuestion; partner: string }) {
  return (
    <aside className="panel stack" aria-label={ts('questions.earlier.label')}>
      <p className="small">
        {ts('questions.earlier.asked')} {when(earlier.askedAt)}
      </p>
      <p className="note-text" dir="auto">
        {earlier.text}
      </p>
      {earlier.answers.length > 0 ? (
        <Answers answers={earlier.answers} partner={partner} />
      ) : (
        <p className="small">{ts('questions.earlier.noAnswer')}</p>
      )}
    </aside>
  );
}

function MarkButtons({ answer }: { answer: AnswerView }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const mark = useMutation({
    mutationFn: (value: AnswerMark | null) =>
      call(endpoints.questions.mark, { params: { id: answer.id }, body: { mark: value } }),
    onSuccess: async (_, value) => {
      await client.invalidateQueries({ queryKey: questionKeys.thread });
      announce(
        value ? ts(`questions.marked.${value}` as StepsMessageKey) : ts('questions.unmarked'),
      );
    },
  });
  return (
    <div className="actions" role="group" aria-label={ts('questions.markLabel')}>
      {(['helps', 'need_more'] as const).map((m) => (
        <button
          key={m}
          type="button"
          className="button"
          aria-pressed={answer.mark === m}
          disabled={mark.isPending}
          onClick={() => mark.mutate(answer.mark === m ? null : m)}
        >
          {ts(`questions.mark.${m}` as StepsMessageKey)}
        </button>
      ))}
      <ErrorLine error={mark.error} />
    </div>
  );
}

function AnswerForm({
  question,
  paused,
  asker,
}: {
  question: QuestionView;
  paused: boolean;
  asker: string;
}) {
  const me = useMe();
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [text, setText] = useKeptText(`question-answer:${question.id}`, me.id);
  const send = useMutation({
    mutationFn: () =>
      call(endpoints.questions.answer, { params: { id: question.id }, body: { text } }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setText('');
      await client.invalidateQueries({ queryKey: questionKeys.thread });
      announce(ts('questions.answerSent'));
    },
  });
  if (paused) return <p className="hint">{ts('questions.answerWaits', { name: asker })}</p>;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-answer`}>
          {question.answers.some((a) => a.mine)
            ? ts('questions.answerMore')
            : ts('questions.answerLabel')}
        </label>
        <span id={`${id}-hint`} className="hint">
          {ts('questions.answerHint', { max: formatCount(ANSWER_TEXT_MAX) })}
        </span>
        <textarea
          dir="auto"
          id={`${id}-answer`}
          rows={4}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <ToneHelper text={text} />
      </div>
      <ErrorLine error={send.error} />
      <p className="actions">
        <button type="submit" className="button primary" disabled={send.isPending}>
          {ts('questions.sendAnswer')}
        </button>
      </p>
    </form>
  );
}

function QuestionItem({
  question,
  partner,
  partnerPaused,
  acting,
  onComeBack,
}: {
  question: QuestionView;
  partner: string;
  partnerPaused: boolean;
  acting: boolean;
  onComeBack: (q: QuestionView) => void;
}) {
  const id = useId();
  return (
    <li>
      <article className="checkin stack" aria-labelledby={`${id}-text`}>
        <p className="small">
          {question.mine
            ? ts('questions.askedByMe')
            : ts('questions.askedBy', { name: question.askerName })}
          {' · '}
          {when(question.askedAt)}
        </p>
        <p id={`${id}-text`} className="note-text" dir="auto">
          {question.text}
        </p>
        {question.follows ? (
          <details>
            <summary>{ts('questions.comingBackTo')}</summary>
            <Earlier
              earlier={question.follows}
              partner={question.mine ? partner : question.askerName}
            />
          </details>
        ) : null}
        {question.answers.length === 0 ? (
          <p className="small">
            {question.mine
              ? ts('questions.notAnsweredYet', { name: partner })
              : ts('questions.yoursToAnswer')}
          </p>
        ) : (
          <ol className="stack">
            {question.answers.map((a) => (
              <li key={a.id} className="stack">
                <Answers answers={[a]} partner={partner} />
                {question.mine && acting ? <MarkButtons answer={a} /> : null}
              </li>
            ))}
          </ol>
        )}
        {acting && question.mine ? (
          <p className="actions">
            <button type="button" className="button" onClick={() => onComeBack(question)}>
              {ts('questions.comeBack')}
            </button>
          </p>
        ) : null}
        {acting && !question.mine ? (
          <AnswerForm question={question} paused={partnerPaused} asker={question.askerName} />
        ) : null}
      </article>
    </li>
  );
}

function AskForm({
  open,
  earlier,
  following,
  onStopFollowing,
  partner,
}: {
  open: boolean;
  earlier: readonly QuestionView[];
  following: QuestionView | null;
  onStopFollowing: () => void;
  partner: string;
}) {
  const me = useMe();
  const client = useQueryClient();
  const announce = useAnnounce();
  const [text, setText] = useKeptText('question-new', me.id);
  const ask = useMutation({
    mutationFn: () =>
      call(endpoints.questions.ask, { body: { text, follows: following?.id ?? null } }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setText('');
      onStopFollowing();
      await client.invalidateQueries({ queryKey: questionKeys.thread });
      announce(ts('questions.asked'));
    },
  });
  // What was said before about the same thing, beside the new question: never a reason not to ask.
  const related = following
    ? []
    : relatedQuestions(
        text,
        earlier.filter((q) => q.mine && q.answers.length > 0),
        2,
      );
  return (
    <section className="stack" aria-labelledby="ask-heading">
      <h2 id="ask-heading">{ts('questions.askTitle')}</h2>
      <Guidance />
      {following ? (
        <div className="stack">
          <p>{ts('questions.comingBackHint')}</p>
          <Earlier
            earlier={{
              id: following.id,
              askedAt: following.askedAt,
              text: following.text,
              answers: following.answers,
            }}
            partner={partner}
          />
          <p className="actions">
            <button type="button" className="button" onClick={onStopFollowing}>
              {ts('questions.comeBackCancel')}
            </button>
          </p>
        </div>
      ) : null}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          ask.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="question-text">{ts('questions.askLabel')}</label>
          <span id="question-text-hint" className="hint">
            {open
              ? ts('questions.askHint', { max: formatCount(QUESTION_TEXT_MAX) })
              : ts('questions.askHintClosed')}
          </span>
          <textarea
            dir="auto"
            id="question-text"
            rows={4}
            value={text}
            aria-describedby="question-text-hint"
            onChange={(e) => setText(e.target.value)}
          />
          <ToneHelper text={text} />
        </div>
        {related.length > 0 ? (
          <section className="stack" aria-labelledby="related-heading">
            <h3 id="related-heading">{ts('questions.related.title')}</h3>
            <p className="hint">{ts('questions.related.hint')}</p>
            {related.map((q) => (
              <Earlier
                key={q.id}
                earlier={{ id: q.id, askedAt: q.askedAt, text: q.text, answers: q.answers }}
                partner={partner}
              />
            ))}
          </section>
        ) : null}
        <ErrorLine error={ask.error} />
        <p className="actions">
          <button type="submit" className="button primary" disabled={ask.isPending}>
            {ts('questions.send')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** Questions and answers at the hurt partner's pace (step 4). */
export function Questions() {
  const journey = useJourney();
  const safety = useSafety();
  const current = journey.data?.journey ?? null;
  const state = useQuestionsState(current !== null);
  const safetyMode = safety.data?.safetyMode ?? false;
  // In safety mode the exchange is not shown at all: only the pause stays within reach.
  const thread = useQuestionThread(current !== null && safety.isSuccess && !safetyMode);
  const [following, setFollowing] = useState<QuestionView | null>(null);

  let body;
  // Safety mode decides what is offered: nothing shows until it is known.
  if (
    journey.isPending ||
    safety.isPending ||
    (current && (state.isPending || (!safetyMode && thread.isPending)))
  ) {
    body = <Loading />;
  } else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = (
      <EmptyState text={ts('questions.noJourney')} to="/app/start" action={t('today.begin')} />
    );
  } else if (state.isError) {
    const problem = problemOf(state.error);
    body = (
      <div role="alert">
        <p>{problem.detail}</p>
        {problem.code === 'safety.check_needed' ? (
          <p>
            <Link to="/app/safety">{t('program.safetyFirst')}</Link>
          </p>
        ) : null}
      </div>
    );
  } else if (thread.isError) body = <p>{problemOf(thread.error).detail}</p>;
  else if (state.data && (safetyMode || thread.data)) {
    const s = state.data;
    const partner = s.partnerName || t('join.yourPartner');
    const items = thread.data?.pages.flatMap((p) => p.items) ?? [];
    const acting = s.hasPartner && !safetyMode;
    body = (
      <>
        {!s.hasPartner ? (
          <p className="panel">
            {ts('questions.needsPartner')} <Link to="/app/together">{ts('questions.invite')}</Link>
          </p>
        ) : null}
        {safetyMode ? <p className="panel">{ts('questions.safetyMode')}</p> : null}
        {s.hasPartner && s.mayAsk && s.mine ? (
          <OpennessControls openness={s.mine} pauseOnly={safetyMode} />
        ) : null}
        {acting && s.partner ? (
          <section className="panel" aria-labelledby="partner-pace">
            <h2 id="partner-pace">{ts('questions.partnerPace', { name: partner })}</h2>
            <StatusLine status={s.partner} whose={partner} />
          </section>
        ) : null}
        {acting && !s.mayAsk ? <p>{ts('questions.answererIntro', { name: partner })}</p> : null}
        {acting && s.mayAsk ? (
          <AskForm
            open={s.mine?.status.open ?? false}
            earlier={items}
            following={following}
            onStopFollowing={() => setFollowing(null)}
            partner={partner}
          />
        ) : null}
        {safetyMode ? null : (
          <section className="stack" aria-labelledby="thread-heading">
            <h2 id="thread-heading">{ts('questions.threadTitle')}</h2>
            {items.length === 0 ? <p>{ts('questions.empty')}</p> : null}
            <ul className="stack">
              {items.map((q) => (
                <QuestionItem
                  key={q.id}
                  question={q}
                  partner={partner}
                  partnerPaused={s.partner?.paused ?? false}
                  acting={acting}
                  onComeBack={(chosen) => {
                    setFollowing(chosen);
                    document.getElementById('question-text')?.focus();
                  }}
                />
              ))}
            </ul>
            {thread.hasNextPage ? (
              <p className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={thread.isFetchingNextPage}
                  onClick={() => void thread.fetchNextPage()}
                >
                  {ts('questions.more')}
                </button>
              </p>
            ) : null}
          </section>
        )}
      </>
    );
  }

  return (
    <Page title={ts('questions.title')} lede={ts('questions.lede')}>
      {body}
    </Page>
  );
}
