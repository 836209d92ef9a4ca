import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import type { SignUpBody } from '../../../shared/api/auth.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { startSession, useSession } from '../../api/queries.js';
import { pendingInvite } from '../../app/pending-invite.js';
import { ErrorSummary, fieldErrorsOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { AccountFields, accountFieldIds, emptyAccount } from './AccountFields.js';

export function SignUp() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const session = useSession();
  const [values, setValues] = useState<SignUpBody>(emptyAccount);
  const invited = pendingInvite.get() !== null;
  const next = invited ? '/join' : '/app';

  const signUp = useMutation({
    mutationFn: (body: SignUpBody) => call(endpoints.auth.signUp, { body }),
    onSuccess: (data) => {
      startSession(client, data);
      void navigate(next, { replace: true, state: { accept: invited } });
    },
  });

  if (session.data?.user && signUp.isIdle) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate(values);
  };

  return (
    <Page title={t('signup.title')} lede={t('signup.lede')}>
      {invited ? <p className="panel">{t('signup.invited')}</p> : null}
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={signUp.error} fieldIds={accountFieldIds('signup')} />
        <AccountFields
          prefix="signup"
          values={values}
          errors={fieldErrorsOf(signUp.error)}
          onChange={setValues}
          nameHint={t('signup.nameHint')}
        />
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={signUp.isPending}>
            {signUp.isPending ? t('signup.submitting') : t('signup.submit')}
          </button>
        </p>
      </form>
      <p>
        {t('signup.haveAccount')} <Link to="/signin">{t('chrome.signIn')}</Link>
      </p>
    </Page>
  );
}
