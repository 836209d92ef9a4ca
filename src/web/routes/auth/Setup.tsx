import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SignUpBody } from '../../../shared/api/auth.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { startSession, useSetupStatus } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { ErrorSummary, fieldErrorsOf, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { AccountFields, accountFieldIds, emptyAccount } from './AccountFields.js';

/** First run: create the practice's administrator. The page disappears once one exists. */
export function Setup() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const status = useSetupStatus();
  const [values, setValues] = useState<SignUpBody>(emptyAccount);

  const create = useMutation({
    mutationFn: (body: SignUpBody) => call(endpoints.setup.createAdmin, { body }),
    onSuccess: (data) => {
      startSession(client, data);
      announce(t('setup.done'), { navigating: true });
      void navigate('/app', { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(values);
  };

  let body;
  if (status.isPending) body = <Loading />;
  else if (status.isError) body = <p>{problemOf(status.error).detail}</p>;
  else if (!status.data.needed && !create.isSuccess) {
    body = (
      <>
        <p>{t('setup.complete')}</p>
        <p className="actions">
          <Link className="button primary" to="/signin">
            {t('chrome.signIn')}
          </Link>
        </p>
      </>
    );
  } else {
    body = (
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={create.error} fieldIds={accountFieldIds('setup')} />
        <AccountFields
          prefix="setup"
          values={values}
          errors={fieldErrorsOf(create.error)}
          onChange={setValues}
          nameHint={t('setup.nameHint')}
        />
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={create.isPending}>
            {create.isPending ? t('setup.submitting') : t('setup.submit')}
          </button>
        </p>
      </form>
    );
  }

  return (
    <Page title={t('setup.title')} lede={t('setup.lede')}>
      {body}
    </Page>
  );
}
