import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../../shared/api/auth.js';
import type { Journey, JourneyUpdateBody } from '../../../shared/api/journeys.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import type { SafetySettingsBody } from '../../../shared/api/safety.js';
import {
  keys,
  useCrisisLines,
  useJourney,
  useSafety,
  type SessionState,
} from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading, useMe } from '../../app/Shell.js';
import { CountrySelect } from '../../components/CountrySelect.js';
import { ErrorSummary, fieldErrorsOf, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import {
  bodyOf,
  draftOf,
  JourneyFields,
  journeyFieldIds,
  type JourneyDraft,
} from '../journeys/JourneyFields.js';
import { pathLabel } from '../labels.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TwoFactorSettings } from './TwoFactor.js';

function JourneySettings({ journey }: { journey: Journey }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<JourneyDraft>(() => draftOf(journey));
  const partner = journey.partner?.displayName;

  const update = useMutation({
    mutationFn: (body: JourneyUpdateBody) => call(endpoints.journeys.change, { body }),
    onSuccess: (next) => {
      client.setQueryData(keys.journey, { journey: next });
      setDraft(draftOf(next));
      announce(t('settings.saved'));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // With a partner on board the path stays "together"; the server would refuse a change anyway.
    const { path, ...rest } = bodyOf(draft);
    update.mutate(partner ? rest : { path, ...rest });
  };

  return (
    <section aria-labelledby="settings-journey">
      <h2 id="settings-journey">{t('settings.journeyTitle')}</h2>
      <p>{t('settings.journeyText')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={update.error} fieldIds={journeyFieldIds} />
        <JourneyFields
          draft={draft}
          errors={fieldErrorsOf(update.error)}
          onChange={setDraft}
          pathLocked={
            partner
              ? t('settings.pathLocked', { name: partner, path: pathLabel('together') })
              : undefined
          }
        />
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={update.isPending}>
            {update.isPending ? t('settings.saving') : t('settings.save')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** Discreet mode, safety mode, the safety questions and the country for crisis lines: the person's own. */
function PrivacyAndSafety({ me }: { me: Me }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const safety = useSafety();
  const crisis = useCrisisLines();
  const [confirmLeave, setConfirmLeave] = useState(false);

  const change = useMutation({
    mutationFn: (body: SafetySettingsBody) => call(endpoints.safety.settings, { body }),
    onSuccess: (status) => {
      client.setQueryData(keys.safety, status);
      client.setQueryData<SessionState>(keys.session, (s) =>
        s ? { ...s, idleMinutes: status.idleMinutes, discreet: status.discreet } : s,
      );
      setConfirmLeave(false);
      announce(t('settings.saved'));
    },
  });
  const country = useMutation({
    mutationFn: (code: string | null) =>
      call(endpoints.safety.country, { body: { country: code } }),
    onSuccess: (_r, code) => {
      client.setQueryData<SessionState>(keys.session, (s) =>
        s?.user ? { ...s, user: { ...s.user, country: code } } : s,
      );
      announce(t('settings.countrySaved'));
    },
  });

  if (safety.isPending) return <Loading />;
  if (safety.isError) return <p>{problemOf(safety.error).detail}</p>;
  const status = safety.data;
  const error = change.error ?? country.error;

  return (
    <section aria-labelledby="settings-safety">
      <h2 id="settings-safety">{t('settings.safetyTitle')}</h2>
      {error ? <p className="field-error">{problemOf(error).detail}</p> : null}
      <div className="field">
        <label className="check" htmlFor="discreet">
          <input
            id="discreet"
            type="checkbox"
            checked={status.discreet}
            disabled={change.isPending}
            aria-describedby="discreet-hint"
            onChange={(e) => change.mutate({ discreet: e.target.checked })}
          />
          {t('settings.discreet')}
        </label>
        <span id="discreet-hint" className="hint">
          {t('settings.discreetHint', {
            count: status.discreet ? status.idleMinutes : 5,
          })}
        </span>
      </div>
      {status.safetyMode ? (
        <div className="panel">
          <p>{t('settings.safetyModeOn')}</p>
          {confirmLeave ? (
            <>
              <p>{t('settings.leaveSafetyConfirm')}</p>
              <p className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={change.isPending}
                  onClick={() => change.mutate({ safetyMode: false })}
                >
                  {t('settings.leaveSafetyYes')}
                </button>
                <button
                  type="button"
                  className="button primary"
                  onClick={() => setConfirmLeave(false)}
                >
                  {t('settings.keepSafetyMode')}
                </button>
              </p>
            </>
          ) : (
            <p className="actions">
              <button type="button" className="button" onClick={() => setConfirmLeave(true)}>
                {t('settings.leaveSafetyMode')}
              </button>
            </p>
          )}
        </div>
      ) : null}
      <p>
        <Link to="/app/safety">
          {status.checked ? t('settings.retakeSafety') : t('settings.takeSafety')}
        </Link>
      </p>
      <CountrySelect
        id="country"
        label={t('settings.country')}
        hint={t('settings.countryHint')}
        noneLabel={t('settings.countryNone')}
        countries={crisis.data?.countries ?? []}
        value={me.country ?? ''}
        disabled={country.isPending}
        onChange={(code) => country.mutate(code || null)}
      />
    </section>
  );
}

function Account({ me }: { me: Me }) {
  const signOut = useMutation({
    mutationFn: () => call(endpoints.auth.signOut, { body: {} }),
    // A full page load leaves nothing of this session in memory, and Back does not return here.
    onSuccess: () => window.location.replace('/signin'),
  });
  return (
    <section aria-labelledby="settings-account">
      <h2 id="settings-account">{t('settings.accountTitle')}</h2>
      <p>{t('settings.signedInAs', { name: me.displayName, email: me.email })}</p>
      {signOut.error ? <p className="field-error">{problemOf(signOut.error).detail}</p> : null}
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t('settings.signOut')}
        </button>
      </p>
    </section>
  );
}

/** Settings: the journey's details (all changeable at any time) and the account. */
export function Settings() {
  const me = useMe();
  const journey = useJourney({ enabled: me.role === 'member' });

  let journeyPart = null;
  if (me.role === 'member') {
    if (journey.isPending) journeyPart = <Loading />;
    else if (journey.isError) journeyPart = <p>{problemOf(journey.error).detail}</p>;
    else if (journey.data.journey) journeyPart = <JourneySettings journey={journey.data.journey} />;
    else {
      journeyPart = (
        <EmptyState text={t('together.noJourney')} to="/app/start" action={t('today.begin')} />
      );
    }
  }

  return (
    <Page title={t('nav.settings')}>
      {journeyPart}
      <PrivacyAndSafety me={me} />
      {me.role === 'member' ? (
        <section aria-labelledby="settings-reads">
          <h2 id="settings-reads">{t('audit.readsTitle')}</h2>
          <p>{t('audit.settingsText')}</p>
          <p>
            <Link to="/app/privacy/reads">{t('audit.settingsLink')}</Link>
          </p>
        </section>
      ) : null}
      <TwoFactorSettings />
      <Account me={me} />
    </Page>
  );
}
