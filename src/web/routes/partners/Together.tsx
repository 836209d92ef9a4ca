import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type {
  InviteCreateBody,
  InviteCreated,
  Journey,
  PendingInvite,
} from '../../../shared/api/journeys.js';
import { t } from '../../../shared/i18n/messages.js';
import { Isolated } from '../../components/bidi.js';
import { call } from '../../api/client.js';
import { keys, useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { ErrorSummary, fieldErrorsOf, problemOf, TextField } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { cameToLightLabel, formatDate, kindLabel, pathLabel, roleLabel } from '../labels.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TimeoutPanel } from '../timeouts/Timeout.js';

function Summary({ journey }: { journey: Journey }) {
  return (
    <section aria-labelledby="journey-summary">
      <h2 id="journey-summary">{t('together.summaryTitle')}</h2>
      <dl className="summary-list">
        <dt>{t('together.path')}</dt>
        <dd>{pathLabel(journey.path)}</dd>
        <dt>{t('together.role')}</dt>
        <dd>{roleLabel(journey.me.role)}</dd>
        <dt>{t('together.kinds')}</dt>
        <dd>{journey.kinds.map(kindLabel).join(', ')}</dd>
        <dt>{t('together.when')}</dt>
        <dd>{cameToLightLabel(journey.cameToLight)}</dd>
      </dl>
      <p>
        <Link to="/app/settings">{t('together.change')}</Link>
      </p>
    </section>
  );
}

/** The link just created: shown once, since the server keeps only a hash of its token. */
function CreatedLink({ invite }: { invite: InviteCreated }) {
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invite.url);
      announce(t('together.copied'));
    } catch {
      input.current?.select();
      announce(t('together.copyByHand'));
    }
  };
  return (
    <div className="panel">
      <div className="field">
        <label htmlFor="invite-url">{t('together.linkLabel')}</label>
        <span id="invite-url-hint" className="hint">
          {t('together.linkHint')}
        </span>
        <div className="invite-link">
          <input
            ref={input}
            id="invite-url"
            type="text"
            readOnly
            value={invite.url}
            aria-describedby="invite-url-hint"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button primary" onClick={() => void copy()}>
            {t('together.copy')}
          </button>
        </div>
      </div>
      {invite.emailed ? <p>{t('together.emailed')}</p> : null}
    </div>
  );
}

function Pending({
  invites,
  onWithdrawn,
}: {
  invites: readonly PendingInvite[];
  onWithdrawn: (id: string) => void;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const withdraw = useMutation({
    mutationFn: (id: string) => call(endpoints.partners.withdraw, { params: { id } }),
    onSuccess: async (_data, id) => {
      onWithdrawn(id);
      await client.invalidateQueries({ queryKey: keys.journey });
      announce(t('together.withdrawn'));
      document.getElementById('invite-heading')?.focus();
    },
  });
  if (invites.length === 0) return null;
  return (
    <section aria-labelledby="pending-heading">
      <h3 id="pending-heading">{t('together.pendingTitle')}</h3>
      {withdraw.error ? <p className="field-error">{problemOf(withdraw.error).detail}</p> : null}
      <ul className="stack">
        {invites.map((i) => (
          <li key={i.id} className="card">
            <p id={`invite-${i.id}`}>
              {i.email
                ? t('together.pendingTo', { email: i.email, date: formatDate(i.expiresAt) })
                : t('together.pendingLink', { date: formatDate(i.expiresAt) })}
            </p>
            <button
              type="button"
              className="button quiet"
              aria-describedby={`invite-${i.id}`}
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate(i.id)}
            >
              {t('together.withdraw')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Invite({ journey }: { journey: Journey }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const create = useMutation({
    mutationFn: (body: InviteCreateBody) => call(endpoints.partners.invite, { body }),
    onSuccess: async () => {
      setEmail('');
      await client.invalidateQueries({ queryKey: keys.journey });
      announce(t('together.created'));
      document.getElementById('invite-url')?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    create.mutate(trimmed ? { email: trimmed } : {});
  };
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" tabIndex={-1}>
        {t('together.inviteTitle')}
      </h2>
      <p>{t('together.inviteText')}</p>
      {create.data ? <CreatedLink invite={create.data} /> : null}
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={create.error} fieldIds={{ email: 'invite-email' }} />
        <TextField
          id="invite-email"
          label={t('together.emailLabel')}
          hint={t('together.emailHint')}
          error={fieldErrorsOf(create.error).email}
          type="email"
          name="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <p className="actions">
          <button
            type="submit"
            className={create.data ? 'button' : 'button primary'}
            disabled={create.isPending}
          >
            {create.data ? t('together.createAnother') : t('together.create')}
          </button>
        </p>
      </form>
      <Pending
        invites={journey.pendingInvites}
        onWithdrawn={(id) => {
          if (id === create.data?.id) create.reset();
        }}
      />
    </section>
  );
}

/** Together: the shared journey, and inviting the partner on the together path. */
export function Together() {
  const journey = useJourney();

  let body;
  if (journey.isPending) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!journey.data.journey) {
    body = <EmptyState text={t('together.noJourney')} to="/app/start" action={t('today.begin')} />;
  } else {
    const j = journey.data.journey;
    body = (
      <>
        {j.partner ? (
          <div className="panel">
            <p>
              <strong>
                <Isolated k="today.together" vars={{ name: j.partner.displayName }} />
              </strong>
            </p>
            <p>{t('together.sharedSpace')}</p>
          </div>
        ) : j.path === 'together' ? (
          <Invite journey={j} />
        ) : (
          <div className="panel">
            <p>{t('together.ownPath', { path: pathLabel(j.path) })}</p>
            <p>{t('together.switchLater')}</p>
          </div>
        )}
        {j.partner ? <TimeoutPanel partner={j.partner.displayName} /> : null}
        {j.path === 'together' ? (
          <section aria-labelledby="together-letters">
            <h2 id="together-letters">{t('letters.togetherTitle')}</h2>
            <p>{t('letters.togetherText')}</p>
            <p>
              <Link to="/app/letters">{t('letters.togetherLink')}</Link>
            </p>
          </section>
        ) : null}
        <section aria-labelledby="together-program">
          <h2 id="together-program">{t('program.togetherTitle')}</h2>
          <p>
            <Link to="/app/program">{t('program.link')}</Link>
          </p>
        </section>
        <Summary journey={j} />
      </>
    );
  }

  return (
    <Page title={t('nav.together')} lede={t('together.lede')}>
      {body}
    </Page>
  );
}
