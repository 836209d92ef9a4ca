import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type {
  InstrumentView,
  ScreenAnswersBody,
  ScreenHistoryItem,
  ScreenOutcome,
} from '../../../shared/api/screens.js';
import { t } from '../../../shared/i18n/messages.js';
import { call, isApiError } from '../../api/client.js';
import { useCrisisLines } from '../../api/queries.js';
import { Loading, NotFound, useMe } from '../../app/Shell.js';
import { choiceId, Choices } from '../../components/choices.js';
import { ErrorSummary, problemOf } from '../../components/form.js';
import { LockIcon } from '../../components/icons.js';
import { focusHeading, Page } from '../../components/Page.js';
import { HelpLines, useOpenAtTop } from '../safety/HelpLines.js';
import { formatDate } from '../labels.js';
import { screenKeys, useInstrument, useScreenHistory } from './api.js';
import { Sources } from './Sources.js';

const itemName = (n: number) => `item-${n}`;

/** Moves focus to the new step's heading once it is on screen, so it is read first. */
const focusNextStep = () => requestAnimationFrame(() => focusHeading());

/**
 * Crisis first: shown straight after answers that fired a crisis rule (PHQ-9 question 9 above
 * "Not at all"), before any score, and again whenever the result's page is opened or reloaded.
 * The numbers come before any words, so they are on the first screen of a small phone.
 */
function CrisisStep({ onContinue }: { onContinue: () => void }) {
  const me = useMe();
  useOpenAtTop();
  return (
    <Page title={t('screens.crisisTitle')}>
      <HelpLines country={me.country} first="crisis" />
      <p className="lede">{t('screens.crisisThanks')}</p>
      <p>{t('screens.crisisCommon')}</p>
      <p>{t('screens.crisisHelpNow')}</p>
      <p>
        <strong>{t('screens.crisisDanger')}</strong>
      </p>
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
  onBackToSupport,
}: {
  instrument: InstrumentView;
  outcome: ScreenOutcome;
  onBackToSupport: () => void;
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
        <section className="panel" aria-labelledby="result-support">
          <h2 id="result-support">{t('screens.supportTitle')}</h2>
          <p>{t('screens.crisisReminder')}</p>
          <p className="actions">
            <button type="button" className="button" onClick={onBackToSupport}>
              {t('screens.backToSupport')}
            </button>
          </p>
        </section>
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
  const navigate = useNavigate();
  // Loaded while the person answers, so a crisis screen never waits for its numbers.
  useCrisisLines();

  const save = useMutation({
    mutationFn: (body: ScreenAnswersBody) =>
      call(endpoints.screens.take, { params: { id: instrument.id }, body }),
    onSuccess: async (outcome) => {
      void client.invalidateQueries({ queryKey: screenKeys.history(instrument.id) });
      // The result has its own address, so a reload (or coming back) finds it, crisis screen first.
      // It travels with the navigation, so the crisis screen shows without another request.
      await navigate(`/app/screens/${instrument.id}/results/${outcome.id}`, {
        replace: true,
        state: { outcome },
      });
    },
  });

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

/**
 * A result as the person's history has it, in the shape the result step shows; the baseline is the
 * history's first result (oldest first).
 */
const outcomeOf = (
  instrumentId: string,
  item: ScreenHistoryItem,
  first: ScreenHistoryItem | undefined,
): ScreenOutcome => ({
  id: item.id,
  instrumentId,
  createdAt: item.createdAt,
  total: item.total,
  band: item.band,
  aboveGuidance: item.aboveGuidance,
  crisis: item.crisis,
  reliableChange: item.changeSinceFirst,
  recovery: item.recovery,
  baseline:
    first && first.id !== item.id ? { createdAt: first.createdAt, total: first.total } : null,
  replacedSameDay: false,
});

function Result({ instrument, outcome }: { instrument: InstrumentView; outcome: ScreenOutcome }) {
  // Not kept anywhere: opening or reloading the page shows the crisis screen first again.
  const [crisisSeen, setCrisisSeen] = useState(false);
  if (outcome.crisis && !crisisSeen) {
    return (
      <CrisisStep
        onContinue={() => {
          setCrisisSeen(true);
          focusNextStep();
        }}
      />
    );
  }
  return (
    <ResultStep
      instrument={instrument}
      outcome={outcome}
      onBackToSupport={() => {
        setCrisisSeen(false);
        focusNextStep();
      }}
    />
  );
}

/** /app/screens/:id/results/:resultId: one of the person's own results. */
export function ScreenResult() {
  const { id = '', resultId = '' } = useParams();
  const location = useLocation();
  const instrument = useInstrument(id);
  const history = useScreenHistory(id);
  const passed = (location.state as { outcome?: ScreenOutcome } | null)?.outcome;
  const item = history.data?.results.find((r) => r.id === resultId);
  const outcome =
    passed?.id === resultId
      ? passed
      : item
        ? outcomeOf(id, item, history.data?.results[0])
        : undefined;

  const failed = instrument.error ?? history.error;
  if (failed) {
    if (isApiError(failed) && failed.status === 404) return <NotFound />;
    return (
      <Page title={t('screens.title')}>
        <p>{problemOf(failed).detail}</p>
      </Page>
    );
  }
  if (!instrument.data || (!outcome && history.isPending)) {
    return (
      <Page title={t('screens.title')}>
        <Loading />
      </Page>
    );
  }
  if (!outcome) return <NotFound />;
  return <Result key={outcome.id} instrument={instrument.data} outcome={outcome} />;
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
