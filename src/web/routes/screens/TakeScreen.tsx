import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type {
  InstrumentView,
  ScreenAnswersBody,
  ScreenOutcome,
} from '../../../shared/api/screens.js';
import { t } from '../../../shared/i18n/messages.js';
import { api, isApiError } from '../../api/client.js';
import { Loading, NotFound, useMe } from '../../app/Shell.js';
import { choiceId, Choices } from '../../components/choices.js';
import { ErrorSummary, problemOf } from '../../components/form.js';
import { LockIcon } from '../../components/icons.js';
import { focusHeading, Page } from '../../components/Page.js';
import { HelpLines } from '../safety/HelpLines.js';
import { formatDate } from '../labels.js';
import { screenKeys, useInstrument } from './api.js';
import { Sources } from './Sources.js';

const itemName = (n: number) => `item-${n}`;

/** Moves focus to the new step's heading once it is on screen, so it is read first. */
const focusNextStep = () => requestAnimationFrame(() => focusHeading());

/**
 * Crisis first: shown straight after answers that fired a crisis rule (PHQ-9 question 9 above
 * "Not at all"), before any score. Calm words, the person's own country's numbers, all helplines,
 * and only then the way on to the results.
 */
function CrisisStep({ onContinue }: { onContinue: () => void }) {
  const me = useMe();
  return (
    <Page title={t('screens.crisisTitle')}>
      <p className="lede">{t('screens.crisisThanks')}</p>
      <p>{t('screens.crisisCommon')}</p>
      <p>{t('screens.crisisHelpNow')}</p>
      <p>
        <strong>{t('screens.crisisDanger')}</strong>
      </p>
      <HelpLines country={me.country} />
      {me.country ? null : (
        <p>
          {t('screens.crisisNoCountry')}{' '}
          <Link to="/app/settings">{t('screens.crisisChooseCountry')}</Link>
        </p>
      )}
      <p className="actions">
        <button type="button" className="button primary" onClick={onContinue}>
          {t('screens.continueToResults')}
        </button>
      </p>
    </Page>
  );
}

const changeText = {
  reliable_improvement: 'screens.changeImproved',
  reliable_deterioration: 'screens.changeWorse',
  no_reliable_change: 'screens.changeSame',
} as const;

/** The score, said plainly; at or above the guidance threshold, plainly that a professional can help. */
function ResultStep({
  instrument,
  outcome,
}: {
  instrument: InstrumentView;
  outcome: ScreenOutcome;
}) {
  const name = instrument.shortName;
  return (
    <Page title={t('screens.resultTitle', { name })}>
      <p className="lede">
        {t('screens.resultScore', {
          total: outcome.total,
          max: instrument.scoring.max,
          band: outcome.band.label,
        })}
      </p>
      {outcome.aboveGuidance ? (
        <section className="panel" aria-labelledby="result-guidance">
          <h2 id="result-guidance">{t('screens.guidanceTitle')}</h2>
          <p>{t('screens.guidanceText')}</p>
          <p>{t('screens.guidanceTherapist')}</p>
        </section>
      ) : (
        <p>{t('screens.belowGuidance')}</p>
      )}
      {outcome.replacedSameDay ? <p>{t('screens.replacedToday')}</p> : null}
      {outcome.baseline && outcome.reliableChange ? (
        <p>
          {t('screens.changeSince', {
            date: formatDate(outcome.baseline.createdAt),
            first: outcome.baseline.total,
            total: outcome.total,
          })}{' '}
          {t(changeText[outcome.reliableChange])}
        </p>
      ) : (
        <p>{t('screens.changeFirst')}</p>
      )}
      {outcome.recovery === 'recovery' || outcome.recovery === 'reliable_recovery' ? (
        <p>{t('screens.recovered')}</p>
      ) : null}
      {outcome.crisis ? (
        <p>
          {t('screens.crisisReminder')} <a href="/help">{t('safety.allLines')}</a>
        </p>
      ) : null}
      <p>{t('screens.notDiagnosis')}</p>
      <p className="actions">
        <Link className="button primary" to="/app/screens">
          {t('screens.seeOverTime')}
        </Link>
        <Link className="button quiet" to="/app">
          {t('screens.backToToday')}
        </Link>
      </p>
      <Sources instrument={instrument} withRule={outcome.baseline !== null} />
    </Page>
  );
}

/** The questionnaire itself: the prompt, one radio group per question, the unscored follow-up. */
function Questionnaire({ instrument }: { instrument: InstrumentView }) {
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [followUp, setFollowUp] = useState<string | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  const [crisisSeen, setCrisisSeen] = useState(false);

  const save = useMutation({
    mutationFn: (body: ScreenAnswersBody) =>
      api.post<ScreenOutcome>(`/api/screens/${instrument.id}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: screenKeys.history(instrument.id) });
      focusNextStep();
    },
  });

  if (save.data) {
    if (save.data.crisis && !crisisSeen) {
      return (
        <CrisisStep
          onContinue={() => {
            setCrisisSeen(true);
            focusNextStep();
          }}
        />
      );
    }
    return <ResultStep instrument={instrument} outcome={save.data} />;
  }

  const unanswered = instrument.items.findIndex((item) => answers[item.id] === undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unanswered >= 0) {
      setMissing(true);
      const first = instrument.items[unanswered];
      const value = first?.options[0]?.score;
      if (value !== undefined) {
        document.getElementById(choiceId(itemName(unanswered + 1), String(value)))?.focus();
      }
      return;
    }
    setMissing(false);
    // The device's time zone decides what "earlier today" means for a retake; it is not stored.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    save.mutate({ answers, timeZone, ...(followUp ? { followUp } : {}) });
  };

  const name = instrument.shortName;
  return (
    <Page
      title={t('screens.takeTitle', { name })}
      lede={t('screens.takeLede', { count: instrument.items.length })}
    >
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={save.error} title={t('screens.saveFailed')} />
        {missing && unanswered >= 0 ? (
          <p className="field-error" role="alert">
            {t('screens.unanswered')}
          </p>
        ) : null}
        <p className="panel">
          <strong>{instrument.prompt}</strong>
        </p>
        {instrument.items.map((item, i) => (
          <Choices
            key={item.id}
            type="radio"
            name={itemName(i + 1)}
            legend={t('screens.itemLegend', { n: i + 1, text: item.text })}
            options={item.options.map((o) => ({ value: String(o.score), label: o.label }))}
            error={missing && answers[item.id] === undefined ? t('screens.needsAnswer') : undefined}
            isChecked={(v) => answers[item.id] === Number(v)}
            onToggle={(v) => setAnswers((a) => ({ ...a, [item.id]: Number(v) }))}
          />
        ))}
        {instrument.followUp ? (
          <Choices
            type="radio"
            name="follow-up"
            legend={instrument.followUp.text}
            hint={t('screens.followUpHint')}
            options={instrument.followUp.options.map((o) => ({ value: o.id, label: o.label }))}
            isChecked={(v) => followUp === v}
            onToggle={(v) => setFollowUp(v)}
          />
        ) : null}
        <p className="visibility">
          <LockIcon />
          <span>{t('screens.private')}</span>
        </p>
        <p>{t('screens.notDiagnosis')}</p>
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={save.isPending}>
            {save.isPending ? t('screens.saving') : t('screens.submit')}
          </button>
          <Link className="button quiet" to="/app/screens">
            {t('common.cancel')}
          </Link>
        </p>
        <Sources instrument={instrument} withRule={false} />
      </form>
    </Page>
  );
}

/** /app/screens/:id/take */
export function TakeScreen() {
  const { id = '' } = useParams();
  const instrument = useInstrument(id);
  if (instrument.isPending) {
    return (
      <Page title={t('screens.title')}>
        <Loading />
      </Page>
    );
  }
  if (instrument.isError) {
    if (isApiError(instrument.error) && instrument.error.status === 404) return <NotFound />;
    return (
      <Page title={t('screens.title')}>
        <p>{problemOf(instrument.error).detail}</p>
      </Page>
    );
  }
  // A new questionnaire starts empty whichever one was open before.
  return <Questionnaire key={instrument.data.id} instrument={instrument.data} />;
}
