import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../../../shared/i18n/messages.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { Loading } from '../../app/Shell.js';
import { EmptyState } from '../../components/EmptyState.js';
import { problemOf } from '../../components/form.js';
import { ts } from '../../../shared/i18n/steps.js';

/**
 * What step 5's joint screens need before they offer anything: a journey, the person's own safety
 * check, not safety mode (then nothing joint is offered or nudged), and a partner on the journey.
 * `children` gets the partner's name once all of that holds.
 */
export function JointGate({ children }: { children: (partner: string) => ReactNode }) {
  const journey = useJourney();
  const safety = useSafety();
  if (journey.isPending || safety.isPending) return <Loading />;
  if (journey.isError) return <p>{problemOf(journey.error).detail}</p>;
  if (safety.isError) return <p>{problemOf(safety.error).detail}</p>;
  const current = journey.data.journey;
  if (!current) {
    return (
      <EmptyState text={ts('reconnection.noJourney')} to="/app/start" action={t('today.begin')} />
    );
  }
  if (!safety.data.checked) {
    return (
      <EmptyState
        text={t('today.safetyFirstText')}
        to="/app/safety"
        action={t('today.safetyFirstAction')}
      />
    );
  }
  if (safety.data.safetyMode) {
    return (
      <p>
        {ts('reconnection.safetyMode')} <Link to="/app">{ts('reconnection.safetyModeLink')}</Link>
      </p>
    );
  }
  if (!current.partner) {
    return (
      <EmptyState
        text={ts('reconnection.noPartner')}
        to="/app/together"
        action={ts('reconnection.invite')}
      />
    );
  }
  return <>{children(current.partner.displayName)}</>;
}

/** A read refused because the person's own safety check comes first: the way to it. */
export function ReadProblem({ error }: { error: unknown }) {
  const problem = problemOf(error);
  return (
    <p>
      {problem.detail}{' '}
      {problem.code === 'safety.check_needed' ? (
        <Link to="/app/safety">{ts('reconnection.safetyCheck')}</Link>
      ) : null}
    </p>
  );
}
