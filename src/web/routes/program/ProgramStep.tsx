import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ProgramStepView, ProgramView } from '../../../shared/api/program.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { call, isApiError } from '../../api/client.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { isOffered } from '../../../core/program/joint.js';
import { Page } from '../../components/Page.js';
import {
  exerciseIdLink,
  exerciseLink,
  programKeys,
  statusLabel,
  useProgram,
  useProgramStep,
} from './queries.js';

/**
 * Trusted content only: the server renders this HTML at start-up from the Markdown files in
 * content/program, which ship with Steadfast and are reviewed like code; nothing a person types ever
 * reaches it. That is the only reason it may be set as HTML here. Never use this for user text.
 */
function ContentHtml({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Readiness({
  view,
  step,
  partnerName,
}: {
  view: ProgramView;
  step: ProgramStepView;
  partnerName: string;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const progress = view.progress.steps.find((s) => s.stepId === step.id);
  const me = progress?.readiness.me ?? false;
  const partner = progress?.readiness.partner ?? null;

  const mark = useMutation({
    mutationFn: (ready: boolean) =>
      call(endpoints.program.ready, { params: { stepId: step.id }, body: { ready } }),
    onSuccess: async (_progress, ready) => {
      await client.invalidateQueries({ queryKey: programKeys.all });
      announce(t(ready ? 'program.markedReady' : 'program.markedNotReady'));
    },
  });
  const problem = mark.isError ? problemOf(mark.error) : null;

  return (
    <section className="panel" aria-labelledby="step-ready">
      <h2 id="step-ready">{t('program.readyTitle')}</h2>
      <p>{t('program.readyIntro')}</p>
      <blockquote>
        <p>{step.readyPrompt}</p>
      </blockquote>
      <p>{t(me ? 'program.readyMine' : 'program.readyNotMine')}</p>
      {partner !== null && partnerName ? (
        <p>
          {t(partner ? 'program.readyPartner' : 'program.readyPartnerNot', { name: partnerName })}
        </p>
      ) : null}
      {problem ? (
        <div role="alert">
          <p>{problem.detail}</p>
          {problem.code === 'safety.check_needed' ? (
            <p>
              <Link to="/app/safety">{t('program.safetyFirst')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="actions">
        <button
          type="button"
          className={me ? 'button' : 'button primary'}
          disabled={mark.isPending}
          onClick={() => mark.mutate(!me)}
        >
          {t(me ? 'program.notReadyButton' : 'program.readyButton')}
        </button>
      </p>
    </section>
  );
}

/**
 * The step's exercises: a link to where each is done, or, for work done away from the screen, a way
 * to note it. Only my own work is told back to me, in words and without counting.
 */
function Exercises({
  view,
  step,
  safetyMode,
}: {
  view: ProgramView;
  step: ProgramStepView;
  safetyMode: boolean;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const workedOn = new Set(
    view.progress.steps.find((s) => s.stepId === step.id)?.exercisesWorkedOn ?? [],
  );
  // In safety mode the exercises done with the partner are not offered at all.
  const offered = step.exercises.filter((ex) => isOffered(ex.type, safetyMode));
  // Marking, or taking back a mark made by mistake: the same address, POST or DELETE.
  const mark = useMutation({
    mutationFn: ({ exerciseId, worked }: { exerciseId: string; worked: boolean }) =>
      call(worked ? endpoints.program.workedOn : endpoints.program.takeBackWorkedOn, {
        params: { exerciseId },
      }),
    onSuccess: async (_progress, { worked }) => {
      await client.invalidateQueries({ queryKey: programKeys.all });
      announce(t(worked ? 'program.exerciseMarked' : 'program.exerciseUnmarked'));
    },
  });
  return (
    <section aria-labelledby="step-exercises">
      <h2 id="step-exercises">{t('program.exercisesTitle')}</h2>
      {mark.isError ? <p role="alert">{problemOf(mark.error).detail}</p> : null}
      <ul className="program-exercises">
        {offered.map((ex) => {
          const to = exerciseIdLink(ex) ?? (ex.selfMarked ? null : exerciseLink(ex));
          const done = workedOn.has(ex.id);
          return (
            <li key={ex.id}>
              {to ? <Link to={to}>{ex.title}</Link> : <strong>{ex.title}</strong>}
              {done ? <span className="hint"> {t('program.exerciseWorkedOn')}</span> : null}
              {ex.selfMarked ? (
                // In safety mode nothing nudges towards a talk with the partner.
                safetyMode ? null : done ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button"
                      disabled={mark.isPending}
                      onClick={() => mark.mutate({ exerciseId: ex.id, worked: false })}
                    >
                      {t('program.exerciseUnmark', { title: ex.title })}
                    </button>
                  </>
                ) : (
                  <>
                    <span className="hint"> {t('program.exerciseAway')}</span>{' '}
                    <button
                      type="button"
                      className="button"
                      disabled={mark.isPending}
                      onClick={() => mark.mutate({ exerciseId: ex.id, worked: true })}
                    >
                      {t('program.exerciseMark', { title: ex.title })}
                    </button>
                  </>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      {offered.length < step.exercises.length ? (
        <p className="hint">{t('program.jointHidden')}</p>
      ) : null}
    </section>
  );
}

function Revisit({ step }: { step: ProgramStepView }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const revisit = useMutation({
    mutationFn: () => call(endpoints.program.revisit, { params: { stepId: step.id } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: programKeys.all });
      announce(t('program.revisited'));
    },
  });
  return (
    <section aria-labelledby="step-revisit">
      <h2 id="step-revisit">{t('program.revisitTitle')}</h2>
      <p>{t('program.revisitText')}</p>
      {revisit.isError ? <p role="alert">{problemOf(revisit.error).detail}</p> : null}
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={revisit.isPending}
          onClick={() => revisit.mutate()}
        >
          {t('program.revisitButton')}
        </button>
      </p>
    </section>
  );
}

/** One step: why it matters, my role's text, its exercises, and the "ready to move on" reflection. */
export function ProgramStep() {
  const { stepId = '' } = useParams();
  const program = useProgram();
  const journey = useJourney();
  // The texts are read beside the progress, for the role the journey has me in.
  const role = journey.data?.journey?.me.role;
  const texts = useProgramStep(stepId, role);
  const safety = useSafety();
  const unknownStep = isApiError(texts.error) && texts.error.status === 404;

  if (program.isPending || journey.isPending || (role !== undefined && texts.isPending)) {
    return (
      <Page title={t('program.title')}>
        <Loading />
      </Page>
    );
  }
  const failed = program.error ?? journey.error ?? (unknownStep ? null : texts.error);
  if (failed) {
    return (
      <Page title={t('program.title')}>
        <p>{problemOf(failed).detail}</p>
      </Page>
    );
  }
  const view = program.data;
  const step = texts.data;
  if (!view || !step) {
    return (
      <Page title={t('program.title')}>
        <p>{t('program.notFound')}</p>
        <p>
          <Link to="/app/program">{t('program.back')}</Link>
        </p>
      </Page>
    );
  }
  const status = view.progress.steps.find((s) => s.stepId === step.id)?.status ?? 'not_started';
  const partnerName = journey.data?.journey?.partner?.displayName ?? '';
  const isCurrent = view.progress.currentStepId === step.id;

  return (
    <Page
      title={step.title}
      heading={t('program.stepHeading', { order: step.order, title: step.title })}
      lede={step.summary}
    >
      <p>
        <Link to="/app/program">{t('program.back')}</Link>
        {' · '}
        <span className="program-status">
          {t('program.statusLabel', { status: statusLabel(status) })}
        </span>
      </p>
      <section aria-labelledby="step-why">
        <h2 id="step-why">{t('program.whyTitle')}</h2>
        <ContentHtml html={step.whyHtml} />
      </section>
      <section aria-labelledby="step-for-you">
        <h2 id="step-for-you">{t('program.forYouTitle')}</h2>
        {step.roleTexts.map((r) => (
          <section key={r.role} aria-labelledby={`step-role-${r.role}`}>
            <h3 id={`step-role-${r.role}`}>{t(`program.role.${r.role}` satisfies MessageKey)}</h3>
            <ContentHtml html={r.html} />
          </section>
        ))}
      </section>
      {step.more.map((m, n) => (
        <section key={m.heading} aria-labelledby={`step-more-${n}`}>
          <h2 id={`step-more-${n}`}>{m.heading}</h2>
          <ContentHtml html={m.html} />
        </section>
      ))}
      <Exercises view={view} step={step} safetyMode={safety.data?.safetyMode ?? false} />
      <Readiness view={view} step={step} partnerName={partnerName} />
      {isCurrent ? null : <Revisit step={step} />}
    </Page>
  );
}
