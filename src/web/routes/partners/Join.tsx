import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { memberRoles, type MemberRole } from '../../../core/journeys/journey.js';
import { t } from '../../../shared/i18n/messages.js';
import { call, isApiError } from '../../api/client.js';
import { keys, useSession } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { pendingInvite } from '../../app/pending-invite.js';
import { Loading } from '../../app/Shell.js';
import { Choices } from '../../components/choices.js';
import { ErrorSummary, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { roleLabel } from '../labels.js';

/** What a person can still do when a link does not work: nothing is their fault. */
function WayForward({ signedIn, newLink = true }: { signedIn: boolean; newLink?: boolean }) {
  return (
    <>
      {newLink ? <p>{t('join.wayForward')}</p> : null}
      <p className="actions">
        {signedIn ? (
          <Link className="button primary" to="/app">
            {t('chrome.openApp')}
          </Link>
        ) : (
          <Link className="button primary" to="/signup">
            {t('learn.startCta')}
          </Link>
        )}
        <a className="button" href="/learn">
          {t('chrome.learn')}
        </a>
      </p>
    </>
  );
}

/**
 * The page an invitation link opens: `/join#<token>`. The token lives in the fragment (never sent
 * to a server or in a Referer); it is taken out of the address bar at once and kept for this tab only.
 */
export function Join() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const announce = useAnnounce();
  const session = useSession();
  const [token] = useState(() => location.hash.slice(1) || pendingInvite.get());
  // The joiner's own part: asked here, never assumed for them.
  const [role, setRole] = useState<MemberRole | ''>('');
  const [roleError, setRoleError] = useState<string | undefined>();

  useEffect(() => {
    if (!token) return;
    pendingInvite.set(token);
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, [token]);

  const preview = useQuery({
    queryKey: ['invite-preview', token],
    // Asked only with a token (`enabled`); the page says what to do without one.
    queryFn: () => call(endpoints.partners.preview, { body: { token: token ?? '' } }),
    enabled: Boolean(token),
    staleTime: Infinity,
    retry: false,
  });

  const accept = useMutation({
    mutationFn: (chosen: MemberRole) =>
      call(endpoints.partners.accept, { body: { token: token ?? '', role: chosen } }),
    onSuccess: (journey) => {
      pendingInvite.clear();
      client.setQueryData(keys.journey, { journey });
      void client.invalidateQueries({ queryKey: keys.checkins });
      announce(t('join.joined', { name: journey.partner?.displayName ?? t('join.yourPartner') }), {
        navigating: true,
      });
      // Today greets them as someone new here, not as someone coming back.
      void navigate('/app', { replace: true, state: { welcome: 'new' } });
    },
    // An answer from the server is final for this link; a dropped connection is worth another try.
    onError: (error) => {
      if (isApiError(error) && error.status !== 0) pendingInvite.clear();
    },
  });

  const user = session.data?.user ?? null;
  const usable = preview.data?.status === 'valid';
  const unusable = preview.isError || (preview.isSuccess && !usable);

  const onJoin = (event: FormEvent) => {
    event.preventDefault();
    if (role === '') {
      setRoleError(t('join.roleMissing'));
      return;
    }
    setRoleError(undefined);
    accept.mutate(role);
  };

  useEffect(() => {
    if (unusable) pendingInvite.clear();
  }, [unusable]);

  if (!token) {
    return (
      <Page title={t('join.pageTitle')} heading={t('join.problemTitle')}>
        <p>{t('join.noToken')}</p>
        <WayForward signedIn={Boolean(user)} />
      </Page>
    );
  }
  if (preview.isPending || session.isPending) {
    return (
      <Page title={t('join.pageTitle')}>
        <Loading />
      </Page>
    );
  }
  const status = preview.isError ? null : preview.data.status;
  if (status !== 'valid') {
    const text = status === null ? problemOf(preview.error).detail : t(`join.status.${status}`);
    return (
      <Page title={t('join.pageTitle')} heading={t('join.problemTitle')}>
        <p>{text}</p>
        <WayForward signedIn={Boolean(user)} />
      </Page>
    );
  }

  const inviter = preview.data?.inviterName ?? t('join.someone');
  let action;
  if (accept.isPending || accept.isSuccess) {
    action = <p className="loading">{t('join.joining')}</p>;
  } else if (user?.role === 'member') {
    action = (
      <form onSubmit={onJoin} noValidate>
        <Choices
          type="radio"
          name="role"
          legend={t('start.roleLegend')}
          hint={t('join.roleHint')}
          error={roleError}
          options={memberRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
          isChecked={(r) => role === r}
          onToggle={(r) => {
            setRole(r);
            setRoleError(undefined);
          }}
        />
        <p className="actions">
          <button type="submit" className="button primary wide">
            {t('join.accept', { name: inviter })}
          </button>
        </p>
      </form>
    );
  } else if (user) {
    action = <p>{t('join.adminAccount')}</p>;
  } else {
    action = (
      <p className="actions">
        <Link className="button primary" to="/signup">
          {t('join.signUp')}
        </Link>
        <Link className="button" to="/signin">
          {t('join.signIn')}
        </Link>
      </p>
    );
  }

  return (
    <Page
      title={t('join.pageTitle')}
      heading={t('join.title')}
      lede={t('join.invitedBy', { name: inviter })}
    >
      <p>{t('join.privacy')}</p>
      <ErrorSummary error={accept.error} />
      {accept.isError ? (
        <WayForward
          signedIn={Boolean(user)}
          newLink={problemOf(accept.error).code.startsWith('invite.')}
        />
      ) : (
        action
      )}
    </Page>
  );
}
