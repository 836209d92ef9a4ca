import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RecoveryCodes, TwoFactorSetup } from '../../../shared/api/two-factor.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys, type SessionState } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { ErrorLine, ErrorSummary, fieldErrorsOf, TextField } from '../../components/form.js';
import { Page } from '../../components/Page.js';

const statusKey = ['two-factor'] as const;

/** In settings the steps sit under the section's h2; on the required screen, under the page's h1. */
type HeadingLevel = 2 | 3;

const useTwoFactorStatus = () =>
  useQuery({ queryKey: statusKey, queryFn: () => call(endpoints.twoFactor.status) });

/** Marks two-factor sign-in on or off in the session, which the app shell reads. */
function useSessionTwoFactor() {
  const client = useQueryClient();
  return (enabled: boolean) => {
    client.setQueryData<SessionState>(keys.session, (s) =>
      s ? { ...s, twoFactor: { required: s.twoFactor?.required ?? false, enabled } } : s,
    );
    void client.invalidateQueries({ queryKey: statusKey });
  };
}

/** A 6-digit code field, as phones fill it from an authenticator app. */
function CodeField({
  id,
  value,
  onChange,
  error,
  label = t('twoFactor.code'),
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  label?: string;
}) {
  return (
    <TextField
      id={id}
      label={label}
      hint={t('twoFactor.codeHint')}
      error={error}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      spellCheck={false}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * Recovery codes, shown this once: a list to copy or download, and a clear "I have saved these"
 * before the screen moves on.
 */
export function ShowRecoveryCodes({
  codes,
  onDone,
  level = 3,
}: {
  codes: readonly string[];
  onDone: () => void;
  level?: HeadingLevel;
}) {
  const H = level === 2 ? 'h2' : 'h3';
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = `${t('twoFactor.fileHeading')}\n\n${codes.join('\n')}\n`;
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="panel" role="region" aria-labelledby="two-factor-codes">
      <H id="two-factor-codes">{t('twoFactor.codesTitle')}</H>
      <p>{t('twoFactor.codesText')}</p>
      <ul className="recovery-codes" aria-label={t('twoFactor.codesListLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="actions">
        <button type="button" className="button" onClick={copy}>
          {t('twoFactor.copy')}
        </button>
        <a className="button" href={href} download="steadfast-recovery-codes.txt">
          {t('twoFactor.download')}
        </a>
      </p>
      <p role="status">
        {copied === 'yes' ? t('twoFactor.copied') : null}
        {copied === 'failed' ? t('twoFactor.copyFailed') : null}
      </p>
      <div className="field">
        <label className="check" htmlFor="two-factor-saved">
          <input
            id="two-factor-saved"
            type="checkbox"
            checked={saved}
            onChange={(e) => setSaved(e.target.checked)}
          />
          {t('twoFactor.saved')}
        </label>
      </div>
      <p className="actions">
        <button type="button" className="button primary" disabled={!saved} onClick={onDone}>
          {t('twoFactor.done')}
        </button>
      </p>
    </div>
  );
}

/** Setting it up: a new secret as a QR code and as text, then a code from the app to confirm. */
function SetUp({ onDone, level = 3 }: { onDone: () => void; level?: HeadingLevel }) {
  const H = level === 2 ? 'h2' : 'h3';
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<RecoveryCodes['recoveryCodes'] | null>(null);
  const markSession = useSessionTwoFactor();
  const start = useMutation({
    mutationFn: (): Promise<TwoFactorSetup> => call(endpoints.twoFactor.start, { body: {} }),
  });
  const confirm = useMutation({
    mutationFn: (body: { code: string }) => call(endpoints.twoFactor.confirm, { body }),
    onSuccess: (data) => setCodes(data.recoveryCodes),
  });

  if (codes) {
    return (
      <ShowRecoveryCodes
        codes={codes}
        level={level}
        onDone={() => {
          // Only now: the shell would otherwise leave the required setup before the codes are saved.
          markSession(true);
          onDone();
        }}
      />
    );
  }
  if (!start.data) {
    return (
      <>
        <ErrorLine error={start.error} />
        <p className="actions">
          <button
            type="button"
            className="button primary"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            {start.isPending ? t('twoFactor.starting') : t('twoFactor.start')}
          </button>
        </p>
      </>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate({ code });
  };
  return (
    <>
      <H>{t('twoFactor.scanTitle')}</H>
      <p>{t('twoFactor.scanText')}</p>
      <p>
        <img
          className="qr-code"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
          alt={t('twoFactor.qrAlt')}
          width={200}
          height={200}
        />
      </p>
      <p>{t('twoFactor.manual')}</p>
      <p>
        <code className="totp-secret">{start.data.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <p>
        <a href={start.data.uri}>{t('twoFactor.manualLink')}</a>
      </p>
      <H>{t('twoFactor.confirmTitle')}</H>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={confirm.error} fieldIds={{ code: 'two-factor-confirm-code' }} />
        <CodeField
          id="two-factor-confirm-code"
          value={code}
          onChange={setCode}
          error={fieldErrorsOf(confirm.error).code}
        />
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={confirm.isPending}>
            {confirm.isPending ? t('twoFactor.confirming') : t('twoFactor.confirm')}
          </button>
        </p>
      </form>
    </>
  );
}

function Regenerate() {
  const [code, setCode] = useState('');
  const client = useQueryClient();
  const regenerate = useMutation({
    mutationFn: (body: { code: string }) => call(endpoints.twoFactor.recoveryCodes, { body }),
    onSuccess: () => setCode(''),
  });
  if (regenerate.data) {
    return (
      <ShowRecoveryCodes
        codes={regenerate.data.recoveryCodes}
        onDone={() => {
          regenerate.reset();
          void client.invalidateQueries({ queryKey: statusKey });
        }}
      />
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    regenerate.mutate({ code });
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="two-factor-regenerate">
      <h3 id="two-factor-regenerate">{t('twoFactor.regenerateTitle')}</h3>
      <p>{t('twoFactor.regenerateText')}</p>
      <ErrorSummary error={regenerate.error} fieldIds={{ code: 'two-factor-regenerate-code' }} />
      <CodeField
        id="two-factor-regenerate-code"
        value={code}
        onChange={setCode}
        error={fieldErrorsOf(regenerate.error).code}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={regenerate.isPending}>
          {regenerate.isPending ? t('twoFactor.regenerating') : t('twoFactor.regenerate')}
        </button>
      </p>
    </form>
  );
}

function TurnOff() {
  const [values, setValues] = useState({ password: '', code: '' });
  const announce = useAnnounce();
  const markSession = useSessionTwoFactor();
  const turnOff = useMutation({
    mutationFn: (body: { password: string; code: string }) =>
      call(endpoints.twoFactor.turnOff, { body }),
    onSuccess: () => {
      setValues({ password: '', code: '' });
      markSession(false);
      announce(t('twoFactor.turnedOff'));
    },
  });
  const errors = fieldErrorsOf(turnOff.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    turnOff.mutate(values);
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="two-factor-off">
      <h3 id="two-factor-off">{t('twoFactor.turnOffTitle')}</h3>
      <p>{t('twoFactor.turnOffText')}</p>
      <ErrorSummary
        error={turnOff.error}
        fieldIds={{ password: 'two-factor-off-password', code: 'two-factor-off-code' }}
      />
      <TextField
        id="two-factor-off-password"
        label={t('twoFactor.password')}
        error={errors.password}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={values.password}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
      />
      <CodeField
        id="two-factor-off-code"
        value={values.code}
        onChange={(code) => setValues({ ...values, code })}
        error={errors.code}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={turnOff.isPending}>
          {turnOff.isPending ? t('twoFactor.turningOff') : t('twoFactor.turnOff')}
        </button>
      </p>
    </form>
  );
}

/** The settings section: set it up, make new recovery codes, or turn it off (when allowed). */
export function TwoFactorSettings() {
  const status = useTwoFactorStatus();
  const announce = useAnnounce();
  let body = null;
  if (status.isError) body = <ErrorLine error={status.error} />;
  else if (status.data) {
    const s = status.data;
    body = s.enabled ? (
      <>
        <p>{t('twoFactor.on')}</p>
        <p>{t('twoFactor.codesLeft', { count: s.recoveryCodesLeft })}</p>
        {s.required ? <p>{t('twoFactor.requiredNote')}</p> : null}
        <Regenerate />
        {s.required ? null : <TurnOff />}
      </>
    ) : (
      <>
        <p>{t('twoFactor.off')}</p>
        <SetUp onDone={() => announce(t('twoFactor.turnedOn'))} />
      </>
    );
  }
  return (
    <section aria-labelledby="settings-two-factor">
      <h2 id="settings-two-factor">{t('twoFactor.title')}</h2>
      <p>{t('twoFactor.intro')}</p>
      {body}
    </section>
  );
}

/**
 * What a therapist or administrator sees instead of anything else until their two-factor sign-in
 * is on (the server refuses everything else meanwhile).
 */
export function TwoFactorRequired() {
  const announce = useAnnounce();
  const signOut = useMutation({
    mutationFn: () => call(endpoints.auth.signOut, { body: {} }),
    onSuccess: () => window.location.replace('/signin'),
  });
  return (
    <Page title={t('twoFactor.requiredTitle')} lede={t('twoFactor.requiredText')}>
      <SetUp level={2} onDone={() => announce(t('twoFactor.turnedOn'))} />
      <p>
        <button
          type="button"
          className="link-button"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t('twoFactor.signOutInstead')}
        </button>
      </p>
    </Page>
  );
}
