import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type {
  PracticeSettingsBody,
  PracticeSettings as Settings,
} from '../../../shared/api/practice.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys, useCrisisLines } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { CountrySelect } from '../../components/CountrySelect.js';
import { ErrorSummary, fieldErrorsOf, problemOf, TextField } from '../../components/form.js';
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
    mutationFn: (body: PracticeSettingsBody) => call(endpoints.practice.change, { body }),
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
    <section aria-labelledby="practice-country">
      <h2 id="practice-country">{t('practice.countryTitle')}</h2>
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
    </section>
  );
}

const detailIds = {
  name: 'practice-name',
  contactEmail: 'practice-email',
  phone: 'practice-phone',
  address: 'practice-address',
  timeZone: 'practice-time-zone',
  intakeOpen: 'practice-intake',
};

/** The practice's name, contact details, address, time zone and whether intake is open. */
function DetailsForm({ settings }: { settings: Settings }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [values, setValues] = useState({
    name: settings.name ?? '',
    contactEmail: settings.contactEmail ?? '',
    phone: settings.phone ?? '',
    address: settings.address ?? '',
    timeZone: settings.timeZone,
    intakeOpen: settings.intakeOpen,
  });
  const save = useMutation({
    mutationFn: (body: PracticeSettingsBody) => call(endpoints.practice.change, { body }),
    onSuccess: (saved) => {
      client.setQueryData(practiceKey, saved);
      announce(t('practice.detailsSaved'));
    },
  });
  const errors = fieldErrorsOf(save.error);
  const text = (key: 'name' | 'contactEmail' | 'phone' | 'timeZone') => ({
    id: detailIds[key],
    error: errors[key],
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <section aria-labelledby="practice-details">
      <h2 id="practice-details">{t('practice.detailsTitle')}</h2>
      <p className="hint">{t('practice.detailsHint')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={save.error} fieldIds={detailIds} />
        <TextField
          label={t('practice.name')}
          type="text"
          autoComplete="organization"
          dir="auto"
          {...text('name')}
        />
        <TextField
          label={t('practice.contactEmail')}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          {...text('contactEmail')}
        />
        <TextField label={t('practice.phone')} type="tel" autoComplete="tel" {...text('phone')} />
        <div className="field">
          <label htmlFor={detailIds.address}>{t('practice.address')}</label>
          {errors.address ? (
            <span id={`${detailIds.address}-error`} className="field-error">
              {errors.address}
            </span>
          ) : null}
          <textarea
            id={detailIds.address}
            name="address"
            rows={3}
            dir="auto"
            autoComplete="street-address"
            aria-invalid={errors.address ? true : undefined}
            aria-describedby={errors.address ? `${detailIds.address}-error` : undefined}
            value={values.address}
            onChange={(e) => setValues({ ...values, address: e.target.value })}
          />
        </div>
        <TextField
          label={t('practice.timeZone')}
          hint={t('practice.timeZoneHint')}
          type="text"
          spellCheck={false}
          autoComplete="off"
          {...text('timeZone')}
        />
        <div className="field">
          <label className="check" htmlFor={detailIds.intakeOpen}>
            <input
              id={detailIds.intakeOpen}
              type="checkbox"
              name="intakeOpen"
              checked={values.intakeOpen}
              aria-describedby={`${detailIds.intakeOpen}-hint`}
              onChange={(e) => setValues({ ...values, intakeOpen: e.target.checked })}
            />
            {t('practice.intakeOpen')}
          </label>
          <span id={`${detailIds.intakeOpen}-hint`} className="hint">
            {t('practice.intakeOpenHint')}
          </span>
        </div>
        <p className="actions">
          <button type="submit" className="button primary" disabled={save.isPending}>
            {save.isPending ? t('settings.saving') : t('practice.save')}
          </button>
        </p>
      </form>
    </section>
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
        <>
          <DetailsForm settings={settings.data} />
          <DefaultCountryForm settings={settings.data} countries={crisis.data.countries} />
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
