import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  FORGIVENESS_NOTE_MAX,
  FORGIVENESS_REFLECTION_MAX,
  forgivenessMeasure,
  reflectionPrompts,
  type ReflectionPrompt,
} from '../../../core/forgiveness/measure.js';
import type { ForgivenessEntry, ForgivenessReflection } from '../../../shared/api/forgiveness.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { Chart } from '../../components/chart/Chart.js';
import { Choices } from '../../components/choices.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorSummary, problemOf } from '../../components/form.js';
import { LockIcon, PeopleIcon } from '../../components/icons.js';
import { Page } from '../../components/Page.js';
import { formatCount, formatDate, formatWhen } from '../labels.js';
import { meansSeries, subscaleLabel } from './chart-data.js';
import {
  forgivenessKeys,
  useMyForgiveness,
  usePartnerForgiveness,
  useReflections,
} from './queries.js';
import { ts, type StepsMessageKey } from '../../../shared/i18n/steps.js';

const promptText = (p: ReflectionPrompt) => ts(`forgiveness.prompt.${p}` satisfies StepsMessageKey);
const meanLabel = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 2 });

/** A delete button with its own confirmation step, for one of my entries. */
function DeleteEntry({
  id,
  label,
  confirmText,
  doneText,
  remove,
}: {
  id: string;
  label: string;
  confirmText: string;
  doneText: string;
  remove: () => Promise<void>;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['forgiveness'] });
      announce(doneText);
    },
  });
  if (!asking) {
    return (
      <button
        type="button"
        className="button quiet"
        onClick={() => {
          setAsking(true);
          setTimeout(() => confirmRef.current?.focus(), 0);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <ConfirmStep
      ref={confirmRef}
      id={`delete-${id}`}
      text={confirmText}
      error={mutation.error}
      busy={mutation.isPending}
      confirm={ts('forgiveness.deleteYes')}
      onConfirm={() => mutation.mutate()}
      decline={ts('forgiveness.keep')}
      onDecline={() => setAsking(false)}
    />
  );
}

/** The private written reflection: free text with optional prompts, for the author alone. */
function Reflections() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const list = useReflections();
  const [prompt, setPrompt] = useState<ReflectionPrompt | 'none'>('none');
  const [text, setText] = useState('');
  const write = useMutation({
    mutationFn: () =>
      call(endpoints.forgiveness.reflect, {
        body: { prompt: prompt === 'none' ? null : prompt, text },
      }),
    onSuccess: async () => {
      setText('');
      setPrompt('none');
      await client.invalidateQueries({ queryKey: forgivenessKeys.reflections });
      announce(ts('forgiveness.reflection.saved'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate();
  };
  const items: readonly ForgivenessReflection[] = list.data?.items ?? [];
  return (
    <section aria-labelledby="forgiveness-reflection">
      <h2 id="forgiveness-reflection">{ts('forgiveness.reflection.title')}</h2>
      <p>{ts('forgiveness.reflection.intro')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={write.error} fieldIds={{ text: 'forgiveness-text' }} />
        <Choices
          type="radio"
          name="forgiveness-prompt"
          legend={ts('forgiveness.reflection.promptLegend')}
          hint={ts('forgiveness.reflection.promptHint')}
          options={[
            { value: 'none' as const, label: ts('forgiveness.prompt.none') },
            ...reflectionPrompts.map((p) => ({ value: p, label: promptText(p) })),
          ]}
          isChecked={(v) => v === prompt}
          onToggle={(v) => setPrompt(v)}
        />
        <div className="field">
          <label htmlFor="forgiveness-text">
            {prompt === 'none' ? ts('forgiveness.reflection.label') : promptText(prompt)}
          </label>
          <span id="forgiveness-text-hint" className="hint">
            {ts('forgiveness.reflection.hint', { max: formatCount(FORGIVENESS_REFLECTION_MAX) })}
          </span>
          <textarea
            dir="auto"
            id="forgiveness-text"
            rows={6}
            value={text}
            aria-describedby="forgiveness-text-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <p className="visibility">
          <LockIcon />
          <span>{ts('forgiveness.reflection.private')}</span>
        </p>
        <p className="actions">
          <button type="submit" className="button primary" disabled={write.isPending}>
            {ts('forgiveness.reflection.save')}
          </button>
        </p>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <p>{problemOf(list.error).detail}</p>
      ) : items.length > 0 ? (
        <>
          <h3>{ts('forgiveness.reflection.earlier')}</h3>
          <ol className="stack">
            {items.map((r) => (
              <li key={r.id}>
                <article className="card" aria-labelledby={`reflection-${r.id}`}>
                  <h4 id={`reflection-${r.id}`}>{formatWhen(r.createdAt)}</h4>
                  {r.prompt ? <p className="hint">{promptText(r.prompt)}</p> : null}
                  <p className="note-text" dir="auto">
                    {r.text}
                  </p>
                  <DeleteEntry
                    id={r.id}
                    label={ts('forgiveness.reflection.delete')}
                    confirmText={ts('forgiveness.reflection.deleteConfirm')}
                    doneText={ts('forgiveness.reflection.deleted')}
                    remove={() =>
                      call(endpoints.forgiveness.removeReflection, { params: { id: r.id } })
                    }
                  />
                </article>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** The measure's form: each sentence a fieldset of five answers, and an optional private note. */
function MeasureForm() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<readonly string[]>([]);
  const answer = useMutation({
    mutationFn: () => call(endpoints.forgiveness.answer, { body: { answers, note } }),
    onSuccess: async () => {
      setAnswers({});
      setNote('');
      await client.invalidateQueries({ queryKey: forgivenessKeys.mine });
      announce(ts('forgiveness.measure.saved'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const unanswered = forgivenessMeasure.items.filter((i) => answers[i.id] === undefined);
    setMissing(unanswered.map((i) => i.id));
    if (unanswered.length > 0) {
      document.getElementById(`fq-${unanswered[0]?.id ?? ''}-1`)?.focus();
      announce(ts('forgiveness.measure.missing'));
      return;
    }
    answer.mutate();
  };
  const options = forgivenessMeasure.options.map((o) => ({
    value: String(o.value),
    label: `${o.value} · ${o.label}`,
  }));
  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{forgivenessMeasure.prompt}</p>
      <ErrorSummary error={answer.error} />
      {forgivenessMeasure.items.map((item) => (
        <Choices
          key={item.id}
          type="radio"
          name={`fq-${item.id}`}
          legend={item.text}
          error={missing.includes(item.id) ? ts('forgiveness.measure.missingOne') : undefined}
          options={options}
          isChecked={(v) => answers[item.id] === Number(v)}
          onToggle={(v) => {
            setAnswers((a) => ({ ...a, [item.id]: Number(v) }));
            setMissing((m) => m.filter((id) => id !== item.id));
          }}
          compact
        />
      ))}
      <div className="field">
        <label htmlFor="forgiveness-note">{ts('forgiveness.measure.noteLabel')}</label>
        <span id="forgiveness-note-hint" className="hint">
          {ts('forgiveness.measure.noteHint', { max: formatCount(FORGIVENESS_NOTE_MAX) })}
        </span>
        <textarea
          dir="auto"
          id="forgiveness-note"
          rows={3}
          value={note}
          aria-describedby="forgiveness-note-hint"
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <p className="actions">
        <button type="submit" className="button primary" disabled={answer.isPending}>
          {ts('forgiveness.measure.save')}
        </button>
      </p>
    </form>
  );
}

function MyAnswers({ entries }: { entries: readonly ForgivenessEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details>
      <summary>{ts('forgiveness.measure.myAnswers')}</summary>
      <ol className="stack">
        {entries.toReversed().map((e) => (
          <li key={e.id}>
            <article className="card" aria-labelledby={`entry-${e.id}`}>
              <h3 id={`entry-${e.id}`}>{formatWhen(e.createdAt)}</h3>
              <ul>
                {(['avoidance', 'resentment', 'goodwill'] as const).map((s) => (
                  <li key={s}>
                    {subscaleLabel(s)}: {meanLabel(e.means[s])}
                  </li>
                ))}
              </ul>
              {e.note ? (
                <p className="note-text" dir="auto">
                  {e.note}
                </p>
              ) : null}
              <DeleteEntry
                id={e.id}
                label={ts('forgiveness.measure.delete')}
                confirmText={ts('forgiveness.measure.deleteConfirm')}
                doneText={ts('forgiveness.measure.deleted')}
                remove={() => call(endpoints.forgiveness.removeEntry, { params: { id: e.id } })}
              />
            </article>
          </li>
        ))}
      </ol>
    </details>
  );
}

const span = (points: readonly { at: number }[]) => ({
  from: formatDate(points[0]?.at ?? 0),
  to: formatDate(points.at(-1)?.at ?? 0),
});

/** Sharing my chart with my partner: off unless I turn it on; I can turn it off at any time. */
function Sharing({
  shared,
  partner,
  safetyMode,
}: {
  shared: boolean;
  partner: string;
  safetyMode: boolean;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const share = useMutation({
    mutationFn: (next: boolean) => call(endpoints.forgiveness.share, { body: { shared: next } }),
    onSuccess: async ({ shared: now }) => {
      await client.invalidateQueries({ queryKey: forgivenessKeys.mine });
      announce(
        now
          ? ts('forgiveness.share.on', { name: partner })
          : ts('forgiveness.share.off', { name: partner }),
      );
    },
  });
  // In safety mode nothing offers to share with the partner; a share already on can still end.
  if (safetyMode && !shared) return null;
  return (
    <div className="field">
      <Choices
        type="checkbox"
        name="forgiveness-share"
        legend={ts('forgiveness.share.legend')}
        hint={ts('forgiveness.share.hint', { name: partner })}
        options={[{ value: 'share', label: ts('forgiveness.share.label', { name: partner }) }]}
        isChecked={() => shared}
        onToggle={(_, checked) => share.mutate(checked)}
        disabled={share.isPending}
      />
      {share.isError ? (
        <p role="alert">
          {problemOf(share.error).detail}{' '}
          {problemOf(share.error).code === 'safety.check_needed' ? (
            <Link to="/app/safety">{t('program.safetyFirst')}</Link>
          ) : null}
        </p>
      ) : null}
      <p className="visibility">
        {shared ? <PeopleIcon /> : <LockIcon />}
        <span>
          {shared
            ? ts('forgiveness.share.visibleTo', { name: partner })
            : ts('forgiveness.share.onlyYou')}
        </span>
      </p>
    </div>
  );
}

function PartnerChart({ partner }: { partner: string }) {
  const chart = usePartnerForgiveness(true);
  const points = chart.data?.points ?? [];
  if (chart.isPending) return <Loading />;
  if (chart.isError) return <p>{problemOf(chart.error).detail}</p>;
  // Not shared and never answered look the same here, on purpose.
  if (points.length === 0) {
    return <p className="hint">{ts('forgiveness.partner.none', { name: partner })}</p>;
  }
  return (
    <Chart
      title={ts('forgiveness.partner.chartTitle', { name: partner })}
      description={ts('forgiveness.chart.description', span(points))}
      series={meansSeries(points, 'partner-')}
      yDomain={[1, 5]}
      yLabel={ts('forgiveness.chart.yLabel')}
      valueLabel={meanLabel}
      tableCaption={ts('forgiveness.partner.tableCaption', { name: partner })}
    />
  );
}

function Measure({ partner, safetyMode }: { partner: string | null; safetyMode: boolean }) {
  const mine = useMyForgiveness();
  let chart;
  if (mine.isPending) chart = <Loading />;
  else if (mine.isError) chart = <p>{problemOf(mine.error).detail}</p>;
  else {
    const points = mine.data.entries.map((e) => ({ at: e.createdAt, means: e.means }));
    chart = (
      <>
        <div className="chart-even">
          <Chart
            title={ts('forgiveness.chart.title')}
            description={points.length > 0 ? ts('forgiveness.chart.description', span(points)) : ''}
            series={meansSeries(points)}
            yDomain={[1, 5]}
            yLabel={ts('forgiveness.chart.yLabel')}
            valueLabel={meanLabel}
            tableCaption={ts('forgiveness.chart.tableCaption')}
            emptyText={ts('forgiveness.chart.empty')}
          />
        </div>
        <MyAnswers entries={mine.data.entries} />
        {partner ? (
          <Sharing shared={mine.data.shared} partner={partner} safetyMode={safetyMode} />
        ) : (
          <p className="hint">{ts('forgiveness.share.noPartner')}</p>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="forgiveness-measure">
      <h2 id="forgiveness-measure">{ts('forgiveness.measure.title')}</h2>
      <p className="small">{forgivenessMeasure.source}</p>
      <p>{ts('forgiveness.measure.intro')}</p>
      {chart}
      <h3>{ts('forgiveness.measure.answerTitle')}</h3>
      <MeasureForm />
      {partner ? (
        <>
          <h3>{ts('forgiveness.partner.title', { name: partner })}</h3>
          <div className="chart-even">
            <PartnerChart partner={partner} />
          </div>
        </>
      ) : null}
    </section>
  );
}

/** /app/forgiveness: step 7's reading, private reflection, letter and reflection chart. */
export function Forgiveness() {
  const journey = useJourney();
  const safety = useSafety();
  const current = journey.data?.journey ?? null;
  const partner = current?.partner?.displayName ?? null;

  let body;
  if (journey.isPending) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = (
      <EmptyState text={ts('forgiveness.noJourney')} to="/app/start" action={t('today.begin')} />
    );
  } else {
    body = (
      <>
        <p className="panel">
          <strong>{ts('forgiveness.completeAnswer')}</strong>
        </p>
        <section aria-labelledby="forgiveness-reading">
          <h2 id="forgiveness-reading">{ts('forgiveness.reading.title')}</h2>
          <p>{ts('forgiveness.reading.text')}</p>
          <p>
            <Link to="/app/program/forgiveness">{ts('forgiveness.reading.link')}</Link>
          </p>
        </section>
        <Reflections />
        <section aria-labelledby="forgiveness-letter">
          <h2 id="forgiveness-letter">{ts('forgiveness.letter.title')}</h2>
          <p>{ts('forgiveness.letter.text')}</p>
          <p className="actions">
            <Link className="button" to="/app/letters/new?kind=forgiveness">
              {ts('forgiveness.letter.write')}
            </Link>
          </p>
        </section>
        <Measure partner={partner} safetyMode={safety.data?.safetyMode ?? false} />
      </>
    );
  }
  return (
    <Page title={ts('forgiveness.title')} lede={ts('forgiveness.lede')}>
      {body}
    </Page>
  );
}
