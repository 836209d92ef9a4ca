import { Link, useLocation } from 'react-router';
import type { Me } from '../../../shared/api/auth.js';
import type { Journey } from '../../../shared/api/journeys.js';
import { t } from '../../../shared/i18n/messages.js';
import { Isolated } from '../../components/bidi.js';
import type { SafetyStatus } from '../../../shared/api/safety.js';
import { useJourney, useLatestCheckin, useSafety } from '../../api/queries.js';
import { Loading, useMe } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { CheckinSummary } from '../checkins/CheckinSummary.js';
import { pathLabel } from '../labels.js';
import { EmptyState } from '../../components/EmptyState.js';
import { HelpLines } from '../safety/HelpLines.js';
import { RetakeCard } from '../screens/RetakeCard.js';
import { TimeoutStatus } from '../timeouts/Timeout.js';
import { Caseload } from '../caseload/Caseload.js';
import { TherapistSuggestions } from '../caseload/Suggestions.js';

function AdminHome({ me }: { me: Me }) {
  return (
    <Page title={t('nav.today')} lede={t('admin.welcome', { name: me.displayName })}>
      <div className="panel">
        <p>{t('admin.intro')}</p>
        <p>{t('admin.privacy')}</p>
      </div>
      <p className="actions">
        <a className="button" href="/">
          {t('admin.publicSite')}
        </a>
        <a className="button" href="/api/docs">
          {t('admin.apiDocs')}
        </a>
      </p>
    </Page>
  );
}

function Partner({ journey, safetyMode }: { journey: Journey; safetyMode: boolean }) {
  if (journey.partner) {
    return (
      <p>
        <Isolated k="today.together" vars={{ name: journey.partner.displayName }} />
      </p>
    );
  }
  // In safety mode nothing nudges towards joint work: the invitation stays in Together, unprompted.
  if (journey.path === 'together' && !safetyMode) {
    return (
      <p>
        {t('today.partnerNotYet')} <Link to="/app/together">{t('today.invite')}</Link>
      </p>
    );
  }
  return <p>{t('today.ownPath', { path: pathLabel(journey.path) })}</p>;
}

/** Before joint work: the private safety check. In safety mode: the person's own path, first. */
function SafetyCard({ safety, country }: { safety: SafetyStatus; country: string | null }) {
  if (!safety.checked) {
    return (
      <section className="panel" aria-labelledby="today-safety">
        <h2 id="today-safety">{t('today.safetyFirstTitle')}</h2>
        <p>{t('today.safetyFirstText')}</p>
        <p className="actions">
          <Link className="button primary" to="/app/safety">
            {t('today.safetyFirstAction')}
          </Link>
        </p>
      </section>
    );
  }
  if (!safety.safetyMode) return null;
  return (
    <>
      <section className="panel" aria-labelledby="today-safety">
        <h2 id="today-safety">{t('today.safetyModeTitle')}</h2>
        <p>{t('today.safetyModeText')}</p>
        <ul className="link-list">
          <li>
            <a href={country ? `/help?country=${country}` : '/help'}>
              {t('today.safetyHelplines')}
            </a>
          </li>
          <li>
            <a href="/tools">{t('today.safetyTools')}</a>
          </li>
          <li>
            <Link to="/app/checkins/new">{t('today.safetyWrite')}</Link>
          </li>
        </ul>
      </section>
      <HelpLines country={country} first="abuse" />
    </>
  );
}

function Latest({ journey }: { journey: Journey }) {
  const latest = useLatestCheckin();
  if (latest.isPending) return <Loading />;
  if (latest.isError) return <p>{problemOf(latest.error).detail}</p>;
  if (!latest.data) return <p>{t('today.noCheckins')}</p>;
  return (
    <>
      <CheckinSummary checkin={latest.data} journey={journey} headingLevel={3} />
      <p>
        <Link to="/app/checkins">{t('today.allCheckins')}</Link>
      </p>
    </>
  );
}

/** What is waiting, gently: the journey at a glance and one next step. */
export function Today() {
  // Someone who has just joined their partner is new here: "welcome back" would be wrong.
  const joinedJustNow = (useLocation().state as { welcome?: string } | null)?.welcome === 'new';
  const me = useMe();
  const journey = useJourney({ enabled: me.role === 'member' });
  const safety = useSafety({ enabled: me.role === 'member' });

  if (me.role === 'admin') return <AdminHome me={me} />;
  // A therapist's home is their caseload.
  if (me.role === 'therapist') return <Caseload />;

  if (journey.isPending) {
    return (
      <Page title={t('nav.today')}>
        <Loading />
      </Page>
    );
  }
  if (journey.isError) {
    return (
      <Page title={t('nav.today')}>
        <p>{problemOf(journey.error).detail}</p>
      </Page>
    );
  }

  const current = journey.data.journey;
  if (!current) {
    return (
      <Page title={t('nav.today')} lede={t('today.welcomeNew', { name: me.displayName })}>
        <EmptyState
          title={t('today.beginTitle')}
          text={t('today.beginText')}
          to="/app/start"
          action={t('today.begin')}
        />
      </Page>
    );
  }

  return (
    <Page
      title={t('nav.today')}
      lede={t(joinedJustNow ? 'today.welcomeJoined' : 'today.welcomeBack', {
        name: me.displayName,
      })}
    >
      {safety.data ? <SafetyCard safety={safety.data} country={me.country} /> : null}
      {current.partner ? <TimeoutStatus /> : null}
      <section className="panel" aria-labelledby="today-checkin">
        <h2 id="today-checkin">{t('today.checkinTitle')}</h2>
        <p>{t('today.checkinText')}</p>
        <p className="actions">
          <Link className="button primary" to="/app/checkins/new">
            {t('today.checkIn')}
          </Link>
        </p>
      </section>
      <TherapistSuggestions />
      <section aria-labelledby="today-latest">
        <h2 id="today-latest">{t('today.latestTitle')}</h2>
        <Latest journey={current} />
      </section>
      <RetakeCard />
      <section aria-labelledby="today-journey">
        <h2 id="today-journey">{t('today.journeyTitle')}</h2>
        <Partner journey={current} safetyMode={safety.data?.safetyMode ?? false} />
        {/* The steps are joint work: in safety mode they stay in Together, unprompted. */}
        {safety.data && !safety.data.safetyMode ? (
          <p>
            <Link to="/app/program">{t('program.link')}</Link>
          </p>
        ) : null}
        <p>
          <Link to="/app/letters">{t('letters.todayLink')}</Link>
        </p>
      </section>
    </Page>
  );
}
