import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { PracticeSettings as Settings } from '../../../shared/api/practice.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys, useCrisisLines } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { CountrySelect } from '../../components/CountrySelect.js';
import { ErrorSummary, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';

const practiceKey = ['practice', 'settings'] as const;

function DefaultCountryForm({
  settings,
  countries,
}: {
  settings: Settings;
  countries: readonly { code: string; name: string }[];
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [country, setCountry] = useState(settings.defaultCountry ?? '');
  const save = useMutation({
    mutationFn: (body: Settings) => call(endpoints.practice.change, { body }),
    onSuccess: (saved) => {
      client.setQueryData(practiceKey, saved);
      // Crisis screens in this tab show the new default at once.
      void client.invalidateQueries({ queryKey: keys.crisis });
      announce(t('practice.saved'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ defaultCountry: country || null });
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary error={save.error} fieldIds={{ defaultCountry: 'default-country' }} />
      <CountrySelect
        id="default-country"
        label={t('practice.defaultCountry')}
        hint={t('practice.defaultCountryHint')}
        noneLabel={t('practice.anywhereElse')}
        countries={countries}
        value={country}
        onChange={setCountry}
      />
      <p className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('settings.saving') : t('practice.save')}
        </button>
      </p>
    </form>
  );
}

/** /app/practice: what the administrator sets for everyone on this instance. */
export function PracticeSettings() {
  const settings = useQuery({
    queryKey: practiceKey,
    queryFn: () => call(endpoints.practice.settings),
  });
  const crisis = useCrisisLines();
  // Both first: a select whose options are still loading would show "anywhere else" for a moment.
  const failed = settings.error ?? crisis.error;
  return (
    <Page title={t('practice.title')} lede={t('practice.lede')}>
      {failed ? (
        <p>{problemOf(failed).detail}</p>
      ) : settings.data && crisis.data ? (
        <DefaultCountryForm settings={settings.data} countries={crisis.data.countries} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
