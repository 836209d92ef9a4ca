import { Component, lazy, Suspense } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useOutletContext } from 'react-router';
import type { Me } from '../../shared/api/auth.js';
import { t } from '../../shared/i18n/messages.js';
import { useSession } from '../api/queries.js';
import { useDiscreetTitle } from './discreet.js';
import { NOTICE_ATTRIBUTE, useIdleSignOut } from './idle.js';
import { SettingsIcon, SpaceIcon, PeopleIcon, TodayIcon } from '../components/icons.js';
import { Page } from '../components/Page.js';
import { leaving } from './leaving.js';

function SkipLink() {
  // Focus main directly: following "#main" would add a fragment to the address and a history entry.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById('main');
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('chrome.skipToContent')}
    </a>
  );
}

/**
 * A full page load to the server-rendered crisis page, which works even when the app does not. It
 * names the person's country, so their lines come first (the page also reads it from the session).
 */
const HelpNow = ({ country }: { country?: string | null | undefined }) => (
  <a
    className="help-now"
    href={country ? `/help?country=${encodeURIComponent(country)}` : '/help'}
    aria-label={t('chrome.getHelpNowLabel')}
    onClick={(e) => {
      // Only when this tab is the one going to the crisis page (not a new tab or window).
      if (!e.metaKey && !e.ctrlKey && !e.shiftKey && e.button === 0) leaving.forHelp = true;
    }}
  >
    {t('chrome.getHelpNow')}
  </a>
);

/** Handled by /quick-exit.js (loaded by index.html) on every page; a plain link to /exit without it. */
const QuickExit = () => (
  <a className="quick-exit" href="/exit" data-quick-exit title={t('chrome.quickExitHint')}>
    {t('chrome.quickExit')}
  </a>
);

// Its own chunk: only a therapist or administrator without two-factor sign-in ever needs it here.
const TwoFactorRequired = lazy(() =>
  import('../routes/settings/TwoFactor.js').then((m) => ({ default: m.TwoFactorRequired })),
);

export const Loading = () => <p className="loading">{t('common.loading')}</p>;

/** A screen's code could not be loaded (offline, or the app was updated meanwhile). */
class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Page title={t('error.screenTitle')}>
        <p>{t('error.screen')}</p>
        <p className="actions">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </button>
        </p>
      </Page>
    );
  }
}

function Screen() {
  const { pathname } = useLocation();
  return (
    <ScreenBoundary key={pathname}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </ScreenBoundary>
  );
}

/** Sign-in, sign-up, setup and invitations: the same frame as the server-rendered public pages. */
export function PublicShell() {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <a className="brand" href="/">
          {t('app.name')}
        </a>
        <nav className="site-nav" aria-label={t('chrome.mainNav')}>
          <a href="/learn">{t('chrome.learn')}</a>
          <a href="/directory">{t('chrome.directory')}</a>
          <a href="/groups">{t('chrome.groups')}</a>
          <a href="/tools">{t('chrome.tools')}</a>
          <NavLink to="/signin">{t('chrome.signIn')}</NavLink>
        </nav>
        <HelpNow />
        <QuickExit />
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Screen />
      </main>
      <footer className="site-footer">
        <p>{t('chrome.footerTherapy')}</p>
        <p>{t('chrome.footerPrivacy')}</p>
      </footer>
    </>
  );
}

export const useMe = () => useOutletContext<Me>();

function AppNav({ me }: { me: Me }) {
  const item = (to: string, label: string, icon: ReactNode, end = false) => (
    <li>
      <NavLink to={to} end={end}>
        {icon}
        <span>{label}</span>
      </NavLink>
    </li>
  );
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {item(
          '/app',
          me.role === 'therapist' ? t('nav.caseload') : t('nav.today'),
          me.role === 'therapist' ? <PeopleIcon /> : <TodayIcon />,
          true,
        )}
        {me.role === 'member' ? item('/app/checkins', t('nav.mySpace'), <SpaceIcon />) : null}
        {me.role === 'member' ? item('/app/together', t('nav.together'), <PeopleIcon />) : null}
        {me.role === 'member' ? item('/app/therapist', t('nav.myTherapist'), <PeopleIcon />) : null}
        {me.role === 'therapist'
          ? item('/app/requests', t('nav.linkRequests'), <PeopleIcon />)
          : null}
        {me.role === 'admin' ? item('/app/practice', t('nav.practice'), <SettingsIcon />) : null}
        {me.role === 'admin' ? item('/app/audit', t('audit.nav'), <SettingsIcon />) : null}
        {me.role === 'admin' || me.role === 'therapist'
          ? item('/app/intake', t('nav.intake'), <PeopleIcon />)
          : null}
        {me.role === 'admin' ? item('/app/groups', t('nav.groups'), <PeopleIcon />) : null}
        {me.role === 'therapist' ? item('/app/profile', t('nav.profile'), <PeopleIcon />) : null}
        {me.role === 'admin' ? item('/app/therapists', t('nav.therapists'), <PeopleIcon />) : null}
        {me.role === 'admin' ? item('/app/outbox', t('nav.outbox'), <SettingsIcon />) : null}
        {item('/app/settings', t('nav.settings'), <SettingsIcon />)}
      </ul>
    </nav>
  );
}

/** Every signed-in screen: the crisis link in a header that stays in view, and the sections. */
export function AppShell() {
  const session = useSession();
  const location = useLocation();
  const me = session.data?.user;
  const idle = useIdleSignOut(me ? session.data?.idleMinutes : undefined, me?.id);
  useDiscreetTitle(me ? session.data?.discreet === true : false);
  if (session.isSuccess && !me && !leaving.forPrivacy) {
    return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  }

  // A therapist or administrator sees only the two-factor setup until theirs is on (the server
  // refuses them everything else meanwhile).
  const setupFirst =
    me !== undefined &&
    me !== null &&
    session.data?.twoFactor?.required === true &&
    !session.data.twoFactor.enabled;

  let content: ReactNode = <Loading />;
  if (session.isError) {
    content = (
      <Page title={t('error.networkTitle')}>
        <p>{session.error.message}</p>
        <p className="actions">
          <button type="button" className="button primary" onClick={() => void session.refetch()}>
            {t('common.tryAgain')}
          </button>
        </p>
      </Page>
    );
  } else if (setupFirst) {
    content = (
      <ScreenBoundary key="two-factor">
        <Suspense fallback={<Loading />}>
          <TwoFactorRequired />
        </Suspense>
      </ScreenBoundary>
    );
  } else if (me) {
    content = (
      <ScreenBoundary key={location.pathname}>
        <Suspense fallback={<Loading />}>
          <Outlet context={me} />
        </Suspense>
      </ScreenBoundary>
    );
  }

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <Link className="brand" to="/app">
          {t('app.name')}
        </Link>
        <HelpNow country={me?.country} />
        <QuickExit />
      </header>
      {/* Always mounted, so that the notice is read out when it appears; focus stays where it is. */}
      <div className="idle-notice" aria-live="polite" {...{ [NOTICE_ATTRIBUTE]: '' }}>
        {idle.notice ? (
          <div className="confirm">
            <p>{t('idle.notice')}</p>
            <p className="actions">
              <button type="button" className="button primary" onClick={idle.stay}>
                {t('idle.stay')}
              </button>
            </p>
          </div>
        ) : null}
      </div>
      <div className="app-layout">
        {me && !setupFirst ? <AppNav me={me} /> : null}
        <main id="main" tabIndex={-1} className="page">
          {content}
        </main>
      </div>
    </>
  );
}

/** Journey screens are for people on the program; administrators never see journey content. */
export function MembersOnly() {
  const me = useMe();
  return me.role === 'member' ? <Outlet context={me} /> : <Navigate to="/app" replace />;
}

/** A therapist's screens (the server refuses anyone else too). */
export function TherapistsOnly() {
  const me = useMe();
  return me.role === 'therapist' ? <Outlet context={me} /> : <Navigate to="/app" replace />;
}

/** The practice's settings are the administrator's alone (the server refuses anyone else too). */
export function AdminOnly() {
  const me = useMe();
  return me.role === 'admin' ? <Outlet context={me} /> : <Navigate to="/app" replace />;
}

export function NotFound() {
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p className="actions">
        <a className="button" href="/">
          {t('notFound.home')}
        </a>
      </p>
    </Page>
  );
}
