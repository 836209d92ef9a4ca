import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type {
  Therapist,
  TherapistInvite,
  TherapistInviteCreated,
} from '../../../shared/api/therapists.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import {
  ErrorLine,
  ErrorSummary,
  fieldErrorsOf,
  problemOf,
  TextField,
} from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatDate } from '../labels.js';

const invitesKey = ['therapists', 'invites'] as const;
const therapistsKey = ['therapists', 'list'] as const;
const outboxKey = ['outbox'] as const;

function InviteForm() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<TherapistInviteCreated | null>(null);
  const [smtp, setSmtp] = useState<boolean | null>(null);
  const invite = useMutation({
    mutationFn: (body: { email: string }) => call(endpoints.therapists.invite, { body }),
    onSuccess: async (answer, body) => {
      setCreated(answer);
      setEmail('');
      void client.invalidateQueries({ queryKey: invitesKey });
      void client.invalidateQueries({ queryKey: outboxKey });
      const outbox = await call(endpoints.mail.outbox).catch(() => null);
      setSmtp(outbox ? outbox.smtp : null);
      announce(t('therapists.invited', { email: body.email }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    invite.mutate({ email });
  };
  let linkNote: string | null = null;
  if (created && !created.emailed) linkNote = t('therapists.invitedNotEmailed');
  else if (created && smtp === false) linkNote = t('therapists.invitedOutbox');
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t('therapists.inviteTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={invite.error} fieldIds={{ email: 'therapist-email' }} />
        <TextField
          id="therapist-email"
          label={t('therapists.email')}
          hint={t('therapists.emailHint')}
          error={fieldErrorsOf(invite.error).email}
          type="email"
          name="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <p className="actions">
          <button type="submit" className="button primary" disabled={invite.isPending}>
            {invite.isPending ? t('therapists.inviting') : t('therapists.invite')}
          </button>
        </p>
      </form>
      {created && linkNote ? (
        <div className="panel" role="status">
          <p>{linkNote}</p>
          <p>
            <code className="invite-link">{created.url}</code>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function statusText(invite: TherapistInvite): string {
  return invite.status === 'valid'
    ? t('therapists.status.valid', { date: formatDate(invite.expiresAt) })
    : t(`therapists.status.${invite.status}`);
}

function Invites() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const invites = useQuery({
    queryKey: invitesKey,
    queryFn: () => call(endpoints.therapists.invites),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => call(endpoints.therapists.revoke, { params: { id } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: invitesKey });
      announce(t('therapists.withdrawn'));
    },
  });
  let body;
  if (invites.isPending) body = <Loading />;
  else if (invites.isError) body = <p>{problemOf(invites.error).detail}</p>;
  else if (invites.data.items.length === 0) body = <p>{t('therapists.noInvites')}</p>;
  else {
    body = (
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('therapists.emailColumn')}</th>
            <th scope="col">{t('therapists.sentColumn')}</th>
            <th scope="col">{t('therapists.statusColumn')}</th>
            <th scope="col">{t('therapists.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {invites.data.items.map((invite) => (
            <tr key={invite.id}>
              <td>{invite.email}</td>
              <td>{formatDate(invite.createdAt)}</td>
              <td>{statusText(invite)}</td>
              <td>
                {invite.status === 'valid' ? (
                  <button
                    type="button"
                    className="button"
                    aria-label={t('therapists.withdrawLabel', { email: invite.email })}
                    disabled={withdraw.isPending}
                    onClick={() => withdraw.mutate(invite.id)}
                  >
                    {t('therapists.withdraw')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <section aria-labelledby="invites-title">
      <h2 id="invites-title">{t('therapists.invitesTitle')}</h2>
      <ErrorLine error={withdraw.error} />
      {body}
    </section>
  );
}

function TherapistList() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState<Therapist | null>(null);
  const therapists = useQuery({
    queryKey: therapistsKey,
    queryFn: () => call(endpoints.therapists.list),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(endpoints.therapists.remove, { params: { id } }),
    onSuccess: (_, id) => {
      const name = therapists.data?.items.find((x) => x.id === id)?.displayName ?? '';
      setConfirming(null);
      void client.invalidateQueries({ queryKey: therapistsKey });
      announce(t('therapists.removed', { name }));
    },
  });
  let body;
  if (therapists.isPending) body = <Loading />;
  else if (therapists.isError) body = <p>{problemOf(therapists.error).detail}</p>;
  else if (therapists.data.items.length === 0) body = <p>{t('therapists.none')}</p>;
  else {
    body = (
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('therapists.nameColumn')}</th>
            <th scope="col">{t('therapists.emailColumn')}</th>
            <th scope="col">{t('therapists.joinedColumn')}</th>
            <th scope="col">{t('therapists.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {therapists.data.items.map((therapist) => (
            <tr key={therapist.id}>
              <td dir="auto">{therapist.displayName}</td>
              <td>{therapist.email}</td>
              <td>{formatDate(therapist.joinedAt)}</td>
              <td>
                {therapist.removedAt !== null ? (
                  t('therapists.accessRemoved', { date: formatDate(therapist.removedAt) })
                ) : (
                  <button
                    type="button"
                    className="button"
                    aria-label={t('therapists.removeLabel', { name: therapist.displayName })}
                    onClick={() => setConfirming(therapist)}
                  >
                    {t('therapists.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <section aria-labelledby="therapists-title">
      <h2 id="therapists-title">{t('therapists.listTitle')}</h2>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="remove-question">
          <p id="remove-question">
            {t('therapists.removeQuestion', { name: confirming.displayName })}
          </p>
          <ErrorLine error={remove.error} />
          <p className="actions">
            <button
              type="button"
              className="button primary"
              disabled={remove.isPending}
              onClick={() => remove.mutate(confirming.id)}
            >
              {t('therapists.removeConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('therapists.removeCancel')}
            </button>
          </p>
        </div>
      ) : null}
      {body}
    </section>
  );
}

/** /app/therapists: the administrator invites therapists and sees who has joined. */
export function Therapists() {
  return (
    <Page title={t('therapists.title')} lede={t('therapists.lede')}>
      <InviteForm />
      <Invites />
      <TherapistList />
    </Page>
  );
}
