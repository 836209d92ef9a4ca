import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type {
  ClientSummary as Summary,
  PersonSummary,
  SuggestBody,
} from '../../../shared/api/caseload.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { Chart, type ChartSeries } from '../../components/chart/Chart.js';
import { ErrorLine, problemOf, TextField } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { useMutation } from '@tanstack/react-query';
import { feelingLabel, formatDate } from '../labels.js';
import { reportHref, useSuggestOptions, useSummary } from './api.js';
import { categoryList, changeLabel, isoDay } from './words.js';

const percent = (v: number) => `${Math.round(v * 100)}%`;
const instrumentName = (id: string) => (id === 'phq9' ? 'PHQ-9' : id === 'gad7' ? 'GAD-7' : id);

/** Feelings week by week, one line per feeling (the chart's table carries the same numbers). */
function feelingSeries(p: PersonSummary): ChartSeries[] {
  const checkins = p.checkins;
  if (!checkins) return [];
  return checkins.feelings.map((f) => ({
    id: f.feeling,
    label: feelingLabel(f.feeling),
    points: checkins.weeks.map((w) => ({
      t: w.start,
      value: w.feelings.find((x) => x.feeling === f.feeling)?.averageIntensity ?? null,
    })),
  }));
}

function Person({ p, headingId }: { p: PersonSummary; headingId: string }) {
  const top = p.checkins?.feelings
    .slice()
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((f) =>
      t('caseload.summary.feelingWords', {
        feeling: feelingLabel(f.feeling),
        times: f.count,
        average: f.averageIntensity,
      }),
    )
    .join(', ');
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{p.name}</h2>
      <p>
        {p.notShared.length > 0
          ? t('caseload.summary.notShared', { categories: categoryList(p.notShared) })
          : t('caseload.summary.allShared')}
      </p>
      {p.checkins ? (
        <>
          <h3>{t('caseload.report.checkins')}</h3>
          <p>
            {p.checkins.count === 0
              ? t('caseload.summary.checkinsNone')
              : t('caseload.summary.checkinsWords', { count: p.checkins.count, top: top ?? '' })}
          </p>
          {p.checkins.count > 0 ? (
            <Chart
              title={t('caseload.summary.chartTitle')}
              description={t('caseload.summary.checkinsWords', {
                count: p.checkins.count,
                top: top ?? '',
              })}
              series={feelingSeries(p)}
              yDomain={[0, 10]}
              yLabel={t('caseload.summary.chartY')}
            />
          ) : null}
        </>
      ) : null}
      {p.screens ? (
        <>
          <h3>{t('caseload.report.screens')}</h3>
          {p.screens.results.length === 0 ? (
            <p>{t('caseload.summary.screensNone')}</p>
          ) : (
            <ul>
              {p.screens.results.map((r) => (
                <li key={r.id}>
                  {t('caseload.summary.screenWords', {
                    instrument: instrumentName(r.instrumentId),
                    date: formatDate(r.createdAt),
                    total: r.total,
                    max: r.max,
                    band: r.band.label,
                    previous: changeLabel(r.changeSincePrevious),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {p.commitments ? (
        <>
          <h3>{t('caseload.report.commitments')}</h3>
          {p.commitments.items.length === 0 ? (
            <p>{t('caseload.summary.commitmentsNone')}</p>
          ) : (
            <ul>
              {p.commitments.items.map((c) => (
                <li key={c.id}>
                  {t('caseload.summary.commitmentWords', {
                    category: t(`agreements.category.${c.category}`),
                    rhythm: t(`caseload.rhythm.${c.rhythm}`),
                    mean: percent(c.reliability.mean),
                    lower: percent(c.reliability.lower),
                    upper: percent(c.reliability.upper),
                    kept: c.reliability.kept,
                    missed: c.reliability.missed,
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {p.exercises ? (
        <>
          <h3>{t('caseload.report.exercises')}</h3>
          {p.exercises.length === 0 ? (
            <p>{t('caseload.summary.exercisesNone')}</p>
          ) : (
            <ul>
              {p.exercises.map((e) => (
                <li key={`${e.exerciseId}-${e.at}`}>
                  {formatDate(e.at)}: {e.title}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {p.letters ? (
        <>
          <h3>{t('caseload.report.letters')}</h3>
          {p.letters.items.length === 0 ? (
            <p>{t('caseload.summary.lettersNone')}</p>
          ) : (
            <ul>
              {p.letters.items.map((l) => (
                <li key={l.id}>
                  {t('caseload.report.letterLine', {
                    kind: t(`caseload.letterKind.${l.kind}`),
                    date: formatDate(l.sharedAt),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {p.safety ? (
        <>
          <h3>{t('caseload.report.safety')}</h3>
          <p>
            {p.safety.checkedAt === null
              ? t('caseload.safety.notTaken')
              : p.safety.anyYes
                ? t('caseload.safety.yes', { date: formatDate(p.safety.checkedAt) })
                : t('caseload.safety.no', { date: formatDate(p.safety.checkedAt) })}
          </p>
        </>
      ) : null}
    </section>
  );
}

function Joint({ joint }: { joint: NonNullable<Summary['joint']> }) {
  if (!joint.program && !joint.agreements && joint.notShared.length === 0) return null;
  const steps = joint.program ? [...joint.program.done, ...joint.program.revisited] : [];
  return (
    <section aria-labelledby="summary-together">
      <h2 id="summary-together">{t('caseload.summary.together')}</h2>
      {joint.notShared.length > 0 ? (
        <p>{t('caseload.report.jointNotShared', { categories: categoryList(joint.notShared) })}</p>
      ) : null}
      {joint.program ? (
        <>
          <h3>{t('caseload.report.steps')}</h3>
          {steps.length === 0 ? (
            <p>{t('caseload.summary.stepsNone')}</p>
          ) : (
            <ul>
              {joint.program.done.map((s) => (
                <li key={`done-${s.stepId}`}>
                  {t('caseload.report.stepDone', { step: s.title, date: formatDate(s.at) })}
                </li>
              ))}
              {joint.program.revisited.map((s) => (
                <li key={`revisit-${s.stepId}-${s.at}`}>
                  {t('caseload.report.stepRevisited', { step: s.title, date: formatDate(s.at) })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {joint.agreements ? (
        <>
          <h3>{t('caseload.report.agreements')}</h3>
          {joint.agreements.items.length === 0 ? (
            <p>{t('caseload.summary.agreementsNone')}</p>
          ) : (
            <ul>
              {joint.agreements.items.map((a) => (
                <li key={`${a.id}-${a.version}`}>
                  {t('caseload.report.agreementLine', {
                    category: t(`agreements.category.${a.category}`),
                    status: t(`agreements.status.${a.status}`),
                    date: formatDate(a.at),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function SuggestForm({ clientId, couple }: { clientId: string; couple: boolean }) {
  const options = useSuggestOptions();
  const announce = useAnnounce();
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [both, setBoth] = useState(couple);
  const send = useMutation({
    mutationFn: (body: SuggestBody) =>
      call(endpoints.caseload.suggest, { params: { id: clientId }, body }),
    onSuccess: () => {
      setNote('');
      announce(t('caseload.suggest.sent'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [kind, ...ref] = choice.split(':');
    if (kind !== 'step' && kind !== 'exercise' && kind !== 'tool') return;
    send.mutate({ kind, ref: ref.join(':'), note, ...(couple ? { couple: both } : {}) });
  };
  return (
    <section aria-labelledby="summary-suggest">
      <h2 id="summary-suggest">{t('caseload.suggest.title')}</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="suggest-what">{t('caseload.suggest.what')}</label>
          <select
            id="suggest-what"
            required
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="" />
            {(['step', 'exercise', 'tool'] as const).map((kind) => (
              <optgroup key={kind} label={t(`caseload.suggest.kind.${kind}`)}>
                {(options.data?.options ?? [])
                  .filter((o) => o.kind === kind)
                  .map((o) => (
                    <option key={`${o.kind}:${o.ref}`} value={`${o.kind}:${o.ref}`}>
                      {o.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="suggest-note">{t('caseload.suggest.note')}</label>
          <textarea
            id="suggest-note"
            required
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {couple ? (
          <div className="field checkbox">
            <input
              id="suggest-couple"
              type="checkbox"
              checked={both}
              onChange={(e) => setBoth(e.target.checked)}
            />
            <label htmlFor="suggest-couple">{t('caseload.suggest.couple')}</label>
          </div>
        ) : null}
        <ErrorLine error={send.error} />
        <p className="actions">
          <button type="submit" className="button primary" disabled={send.isPending}>
            {t('caseload.suggest.send')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** /app/clients/:id — what changed since a date in what this client (or couple) shares. */
export function ClientSummary() {
  const { id = '' } = useParams();
  const [since, setSince] = useState<string | undefined>(undefined);
  const [field, setField] = useState('');
  const summary = useSummary(id, since);
  const title = t('caseload.summary.title');

  let body;
  if (summary.isPending) body = <Loading />;
  else if (summary.isError) body = <p>{problemOf(summary.error).detail}</p>;
  else {
    const s = summary.data;
    body = (
      <>
        <p>{t('caseload.summary.period', { from: formatDate(s.since), to: formatDate(s.to) })}</p>
        {s.people.map((p, i) => (
          <Person key={p.clientId} p={p} headingId={`summary-person-${i}`} />
        ))}
        {s.joint ? <Joint joint={s.joint} /> : null}
        <p className="actions">
          <a className="button" href={reportHref(id, since ?? isoDay(s.since))} download>
            {t('caseload.summary.report')}
          </a>
        </p>
        <SuggestForm clientId={id} couple={s.kind === 'couple'} />
      </>
    );
  }
  const names = summary.data?.people.map((p) => p.name).join(' & ');
  return (
    <Page title={title} heading={names ? `${title}: ${names}` : title}>
      <p>
        <Link to="/app">{t('caseload.summary.back')}</Link>
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSince(field || undefined);
        }}
      >
        <TextField
          id="summary-since"
          label={t('caseload.summary.sinceLabel')}
          type="date"
          value={field || (summary.data ? isoDay(summary.data.since) : '')}
          onChange={(e) => setField(e.target.value)}
        />
        <p className="actions">
          <button type="submit" className="button">
            {t('caseload.summary.show')}
          </button>
        </p>
      </form>
      {body}
    </Page>
  );
}
