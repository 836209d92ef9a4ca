import { Link } from 'react-router';
import type { ProgramView } from '../../../shared/api/program.js';
import { t } from '../../../shared/i18n/messages.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { statusLabel, stepById, useProgram } from './queries.js';

function WhereWeAre({ view, safetyMode }: { view: ProgramView; safetyMode: boolean }) {
  const { progress } = view;
  const current = stepById(view, progress.currentStepId);
  return (
    <section className="panel" aria-labelledby="program-where">
      <h2 id="program-where">{t('program.whereTitle')}</h2>
      {current ? (
        <>
          <p>
            {t(progress.revisitStepId ? 'program.currentRevisit' : 'program.current', {
              order: current.order,
              title: current.title,
            })}
          </p>
          <p>{current.summary}</p>
          {/* In safety mode the step is there to open, but nothing calls for it. */}
          {safetyMode ? null : (
            <p className="actions">
              <Link className="button primary" to={`/app/program/${current.id}`}>
                {t('program.openStep', { order: current.order, title: current.title })}
              </Link>
            </p>
          )}
        </>
      ) : (
        <p>{t(view.hasPartner ? 'program.allDone' : 'program.allDoneSolo')}</p>
      )}
    </section>
  );
}

/** Only readiness is ever waited on; the partner's is said without pressure, and never counted. */
function Waiting({ view, partnerName }: { view: ProgramView; partnerName: string }) {
  const mine = view.progress.waitingFor.filter((w) => w.on === 'you');
  const theirs = view.progress.waitingFor.filter((w) => w.on === 'partner');
  return (
    <section aria-labelledby="program-waiting">
      <h2 id="program-waiting">{t('program.waitingTitle')}</h2>
      {mine.length === 0 ? <p>{t('program.waitingNone')}</p> : null}
      {mine.length > 0 ? (
        <ul className="link-list">
          {mine.map((w) => {
            const step = stepById(view, w.stepId);
            return step ? (
              <li key={w.stepId}>
                <Link to={`/app/program/${step.id}`}>
                  {t('program.waitingMine', { order: step.order, title: step.title })}
                </Link>
              </li>
            ) : null;
          })}
        </ul>
      ) : null}
      {theirs.map((w) => {
        const step = stepById(view, w.stepId);
        return step ? (
          <p key={w.stepId}>
            {t('program.waitingPartner', { name: partnerName, order: step.order })}
          </p>
        ) : null;
      })}
    </section>
  );
}

/**
 * What the partner has shared, said in words with a link to each, never counted. In safety mode
 * nothing that asks for an answer (a statement, an agreement, entries to look at) is put forward;
 * the places where shared things live stay one tap away.
 */
function Shared({
  view,
  partnerName,
  safetyMode,
}: {
  view: ProgramView;
  partnerName: string;
  safetyMode: boolean;
}) {
  const from = view.fromPartner;
  const name = { name: partnerName };
  const items = [
    !safetyMode &&
      from?.statement && { to: '/app/letters', text: t('program.fromStatement', name) },
    !safetyMode &&
      from?.agreement && { to: '/app/agreements', text: t('program.fromAgreement', name) },
    !safetyMode &&
      from?.entries && { to: '/app/commitments', text: t('program.fromEntries', name) },
    from?.checkins && { to: '/app/checkins', text: t('program.fromCheckins', name) },
  ].filter((item): item is { to: string; text: string } => Boolean(item));
  return (
    <section aria-labelledby="program-shared">
      <h2 id="program-shared">{t('program.sharedTitle', name)}</h2>
      {items.length > 0 ? (
        <ul className="link-list">
          {items.map((item) => (
            <li key={item.to}>
              <Link to={item.to}>{item.text}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>{t('program.sharedText', name)}</p>
          <ul className="link-list">
            <li>
              <Link to="/app/letters">{t('program.sharedLetters')}</Link>
            </li>
            <li>
              <Link to="/app/checkins">{t('program.sharedCheckins')}</Link>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

function Steps({ view }: { view: ProgramView }) {
  return (
    <section aria-labelledby="program-steps">
      <h2 id="program-steps">{t('program.stepsTitle')}</h2>
      <ol className="program-steps">
        {view.steps.map((step) => {
          const status =
            view.progress.steps.find((s) => s.stepId === step.id)?.status ?? 'not_started';
          return (
            <li key={step.id} className={`program-step program-step-${status}`}>
              <Link to={`/app/program/${step.id}`}>
                {t('program.stepLink', { order: step.order, title: step.title })}
              </Link>{' '}
              <span className="program-status">
                {t('program.statusLabel', { status: statusLabel(status) })}
              </span>
              <p className="hint">{step.summary}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The journey dashboard: where we are, what waits for me, what my partner shared, the seven steps. */
export function Program() {
  const program = useProgram();
  const journey = useJourney();
  const safety = useSafety();

  if (program.isPending) {
    return (
      <Page title={t('program.title')}>
        <Loading />
      </Page>
    );
  }
  if (program.isError) {
    return (
      <Page title={t('program.title')}>
        <p>{problemOf(program.error).detail}</p>
      </Page>
    );
  }
  const view = program.data;
  const partnerName = journey.data?.journey?.partner?.displayName ?? '';
  // In safety mode nothing prompts joint work; the steps stay open to read.
  const safetyMode = safety.data?.safetyMode ?? false;
  return (
    <Page title={t('program.title')} lede={t('program.lede')}>
      <WhereWeAre view={view} safetyMode={safetyMode} />
      {safetyMode ? null : <Waiting view={view} partnerName={partnerName} />}
      {view.hasPartner && partnerName ? (
        <Shared view={view} partnerName={partnerName} safetyMode={safetyMode} />
      ) : null}
      <Steps view={view} />
    </Page>
  );
}
