import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { SignInBody } from '../../../shared/api/auth.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { startSession, useSession } from '../../api/queries.js';
import { pendingInvite } from '../../app/pending-invite.js';
import { privacyLeaveOver } from '../../app/leaving.js';
import { ErrorSummary, fieldErrorsOf, problemOf, TextField } from '../../components/form.js';
import { Page } from '../../components/Page.js';

const fieldIds = { email: 'signin-email', password: 'signin-password', code: 'signin-code' };

/** Where to go after signing in: a pending invitation first, then the page that asked for it. */
function destination(from: unknown): { to: string; accept: boolean } {
  if (pendingInvite.get() !== null) return { to: '/join', accept: true };
  return { to: typeof from === 'string' && from.startsWith('/app') ? from : '/app', accept: false };
}

export function SignIn() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const from = (location.state as { from?: unknown } | null)?.from;
  const [values, setValues] = useState<SignInBody>({ email: '', password: '' });
  /** Once the password matched on an account with two-factor sign-in: the code step. */
  const [codeStep, setCodeStep] = useState<'app' | 'recovery' | null>(null);
  const [code, setCode] = useState('');
  const endedIdle = new URLSearchParams(location.search).get('ended') === 'idle';
  useEffect(privacyLeaveOver, []);

  const signIn = useMutation({
    mutationFn: (body: SignInBody) => call(endpoints.auth.signIn, { body }),
    onSuccess: (data) => {
      startSession(client, data);
      const { to, accept } = destination(from);
      void navigate(to, { replace: true, state: { accept } });
    },
    onError: (error) => {
      // The password matched; the account asks for its second factor (no session yet).
      if (problemOf(error).code === 'auth.two_factor_needed') setCodeStep((s) => s ?? 'app');
    },
  });

  if (session.data?.user && signIn.isIdle) {
    return <Navigate to={destination(from).to} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(codeStep ? { ...values, code } : values);
  };
  const errors = fieldErrorsOf(signIn.error);
  // Being asked for the code is the next step, not a problem to show.
  const shownError =
    problemOf(signIn.error).code === 'auth.two_factor_needed' ? null : signIn.error;

  if (codeStep) {
    const recovery = codeStep === 'recovery';
    return (
      <Page
        title={t('signin.codeTitle')}
        lede={recovery ? t('signin.recoveryText') : t('signin.codeText')}
      >
        <form className="form" noValidate onSubmit={submit}>
          <ErrorSummary error={shownError} fieldIds={fieldIds} />
          <TextField
            key={codeStep}
            id={fieldIds.code}
            label={recovery ? t('signin.recoveryCode') : t('signin.code')}
            error={errors.code}
            name="code"
            autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'}
            spellCheck={false}
            autoCapitalize="none"
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <p className="actions">
            <button type="submit" className="button primary wide" disabled={signIn.isPending}>
              {signIn.isPending ? t('signin.submitting') : t('signin.submit')}
            </button>
          </p>
        </form>
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setCode('');
              signIn.reset();
              setCodeStep(recovery ? 'app' : 'recovery');
            }}
          >
            {recovery ? t('signin.useApp') : t('signin.useRecovery')}
          </button>
        </p>
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setCode('');
              signIn.reset();
              setValues({ email: values.email, password: '' });
              setCodeStep(null);
            }}
          >
            {t('signin.startOver')}
          </button>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('signin.title')} lede={t('signin.lede')}>
      {endedIdle ? (
        <p className="panel" role="status">
          {t('signin.endedIdle')}
        </p>
      ) : null}
      {from && !endedIdle ? <p className="panel">{t('signin.toContinue')}</p> : null}
      {pendingInvite.get() !== null ? <p className="panel">{t('signin.invited')}</p> : null}
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={shownError} fieldIds={fieldIds} />
        <TextField
          id={fieldIds.email}
          label={t('account.email')}
          error={errors.email}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
        />
        <TextField
          id={fieldIds.password}
          label={t('account.password')}
          error={errors.password}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={signIn.isPending}>
            {signIn.isPending ? t('signin.submitting') : t('signin.submit')}
          </button>
        </p>
      </form>
      <p>
        {t('signin.new')} <Link to="/signup">{t('chrome.signUp')}</Link>
      </p>
    </Page>
  );
}
