import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PASSWORD_MIN } from '../../../core/accounts/password-policy.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { startSession } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { ErrorSummary, fieldErrorsOf, problemOf, TextField } from '../../components/form.js';
import { Page } from '../../components/Page.js';

/**
 * The page a therapist's invitation opens: `/therapist-invite#<token>`. The token lives in the
 * fragment (never sent to a server or in a Referer) and is taken out of the address bar at once.
 */
export function TherapistInvite() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const announce = useAnnounce();
  const [token] = useState(() => location.hash.slice(1));
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    if (token && window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, [token]);

  const check = useQuery({
    queryKey: ['therapist-invite', token],
    queryFn: () => call(endpoints.therapists.check, { body: { token } }),
    enabled: Boolean(token),
    staleTime: Infinity,
    retry: false,
  });

  const accept = useMutation({
    mutationFn: () => call(endpoints.therapists.accept, { body: { token, displayName, password } }),
    onSuccess: (session) => {
      startSession(client, session);
      announce(t('therapistInvite.done'), { navigating: true });
      // The app shows the required two-factor setup first.
      void navigate('/app', { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };

  const problem = (text: string) => (
    <Page title={t('therapistInvite.pageTitle')} heading={t('therapistInvite.problemTitle')}>
      <p>{text}</p>
      <p className="actions">
        <Link className="button" to="/signin">
          {t('therapistInvite.signInInstead')}
        </Link>
      </p>
    </Page>
  );

  if (!token) return problem(t('therapistInvite.noToken'));
  if (check.isPending) {
    return (
      <Page title={t('therapistInvite.pageTitle')}>
        <Loading />
      </Page>
    );
  }
  if (check.isError) return problem(problemOf(check.error).detail);
  const { status, practiceName, email } = check.data;
  if (status !== 'valid') return problem(t(`therapistInvite.status.${status}`));

  const errors = fieldErrorsOf(accept.error);
  return (
    <Page
      title={t('therapistInvite.pageTitle')}
      heading={t('therapistInvite.title', {
        practice: practiceName ?? t('therapistInvite.thisPractice'),
      })}
      lede={t('therapistInvite.lede')}
    >
      {email ? <p>{t('therapistInvite.emailIs', { email })}</p> : null}
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary
          error={accept.error}
          fieldIds={{ displayName: 'therapist-name', password: 'therapist-password' }}
        />
        <TextField
          id="therapist-name"
          label={t('account.name')}
          hint={t('therapistInvite.nameHint')}
          error={errors.displayName}
          type="text"
          name="displayName"
          autoComplete="name"
          dir="auto"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <input
          type="email"
          name="email"
          autoComplete="username"
          value={email ?? ''}
          hidden
          readOnly
        />
        <TextField
          id="therapist-password"
          label={t('account.password')}
          hint={t('account.newPasswordHint', { min: PASSWORD_MIN })}
          error={errors.password}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={accept.isPending}>
            {accept.isPending ? t('therapistInvite.submitting') : t('therapistInvite.submit')}
          </button>
        </p>
      </form>
    </Page>
  );
}
