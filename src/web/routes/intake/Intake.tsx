import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import type { Me } from '../../../shared/api/auth.js';
import type {
  ContactMethod,
  IntakeDetail,
  IntakeStatus,
  IntakeSummary,
  LookingFor,
} from '../../../shared/api/intake.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading, useMe } from '../../app/Shell.js';
import { ErrorLine, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatWhen } from '../labels.js';

const statuses: readonly IntakeStatus[] = ['new', 'contacted', 'closed'];
const intakeKeys = { all: ['intake'] as const };

const statusLabel = (s: IntakeStatus) => t(`intake.status.${s}` satisfies MessageKey);
const lookingForLabel = (l: LookingFor) => t(`intake.lookingFor.${l}` satisfies MessageKey);
const contactLabel = (c: ContactMethod) => t(`intake.contact.${c}` satisfies MessageKey);

/**
 * The administrator reads the whole inbox; a therapist only the requests that chose them. The
 * server decides; the screen only picks the matching endpoints.
 */
const inboxOf = (me: Me) =>
  me.role === 'admin'
    ? {
        list: (status: IntakeStatus | undefined, cursor: string | undefined) =>
          call(endpoints.intake.list, { query: { status, cursor } }),
        get: (id: string) => call(endpoints.intake.get, { params: { id } }),
        setStatus: (id: string, status: IntakeStatus) =>
          call(endpoints.intake.setStatus, { params: { id }, body: { status } }),
      }
    : {
        list: (status: IntakeStatus | undefined, cursor: string | undefined) =>
          call(endpoints.intake.mine, { query: { status, cursor } }),
        get: (id: string) => call(endpoints.intake.mineGet, { params: { id } }),
        setStatus: (id: string, status: IntakeStatus) =>
          call(endpoints.intake.mineSetStatus, { params: { id }, body: { status } }),
      };

function RequestItem({ r }: { r: IntakeSummary }) {
  return (
    <li className="card">
      <h2>
        <Link to={`/app/intake/${r.id}`}>{r.name}</Link>
      </h2>
      <p className="small">
        {statusLabel(r.status)} · {t('intake.received', { when: formatWhen(r.createdAt) })}
      </p>
      <p>
        {lookingForLabel(r.lookingFor)} · {contactLabel(r.contactMethod)} ·{' '}
        {r.therapist ? t('intake.chose', { name: r.therapist.name }) : t('intake.choseAnyone')}
      </p>
    </li>
  );
}

/** /app/intake: the requests people sent, newest first, by status. */
export function Intake() {
  const me = useMe();
  const [status, setStatus] = useState<IntakeStatus | ''>('');
  const inbox = inboxOf(me);
  const list = useInfiniteQuery({
    queryKey: [...intakeKeys.all, me.role, 'list', status],
    queryFn: ({ pageParam }) => inbox.list(status || undefined, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: me.role !== 'member',
  });
  if (me.role === 'member') return <Navigate to="/app" replace />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title={t('intake.inboxTitle')}
      lede={me.role === 'admin' ? t('intake.inboxLede') : t('intake.inboxLedeTherapist')}
    >
      <div className="field">
        <label htmlFor="intake-filter">{t('intake.filterLabel')}</label>
        <select
          id="intake-filter"
          value={status}
          onChange={(e) => setStatus(e.target.value as IntakeStatus | '')}
        >
          <option value="">{t('intake.filterAll')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      {list.isError ? (
        <p role="alert">{problemOf(list.error).detail}</p>
      ) : list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <div className="empty">
          <p>{t('intake.empty')}</p>
        </div>
      ) : (
        <ul className="stack">
          {items.map((r) => (
            <RequestItem key={r.id} r={r} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('intake.more')}
          </button>
        </p>
      ) : null}
    </Page>
  );
}

function StatusForm({ request }: { request: IntakeDetail }) {
  const me = useMe();
  const client = useQueryClient();
  const announce = useAnnounce();
  const [status, setStatus] = useState<IntakeStatus>(request.status);
  const save = useMutation({
    mutationFn: (next: IntakeStatus) => inboxOf(me).setStatus(request.id, next),
    onSuccess: (saved) => {
      client.setQueryData([...intakeKeys.all, me.role, 'get', request.id], saved);
      void client.invalidateQueries({ queryKey: [...intakeKeys.all, me.role, 'list'] });
      announce(t('intake.statusSaved', { status: statusLabel(saved.status).toLowerCase() }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(status);
  };
  return (
    <form className="form" onSubmit={submit}>
      <fieldset>
        <legend>{t('intake.statusLabel')}</legend>
        <div className="choices">
          {statuses.map((s) => (
            <label key={s} className="choice" htmlFor={`intake-status-${s}`}>
              <input
                type="radio"
                id={`intake-status-${s}`}
                name="status"
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
              />
              <span className="choice-title">{statusLabel(s)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorLine error={save.error} />
      <p className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {t('intake.saveStatus')}
        </button>
      </p>
    </form>
  );
}

export function Details({ r }: { r: IntakeDetail }) {
  const row = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <dl className="summary-list">
      {row(t('intake.field.status'), statusLabel(r.status))}
      {row(t('intake.field.lookingFor'), lookingForLabel(r.lookingFor))}
      {row(
        t('intake.field.therapist'),
        r.therapist ? r.therapist.name : t('intake.therapistAnyone'),
      )}
      {row(t('intake.field.contact'), contactLabel(r.contactMethod))}
      {row(t('intake.field.detail'), r.contactDetail)}
      {row(
        t('intake.field.safe'),
        r.safeToLeaveMessage ? t('intake.safe.yes') : t('intake.safe.no'),
      )}
      {row(t('intake.field.times'), r.times || t('intake.none'))}
      <dt>{t('intake.field.message')}</dt>
      <dd className="note-text">{r.message || t('intake.none')}</dd>
    </dl>
  );
}

/** /app/intake/:id: one request, how to reply, and where it stands. */
export function IntakeRequest() {
  const me = useMe();
  const { id = '' } = useParams();
  const request = useQuery({
    queryKey: [...intakeKeys.all, me.role, 'get', id],
    queryFn: () => inboxOf(me).get(id),
    enabled: me.role !== 'member',
  });
  if (me.role === 'member') return <Navigate to="/app" replace />;
  return (
    // The window title stays general: a name would stay in the browser's history.
    <Page title={t('intake.inboxTitle')} {...(request.data ? { heading: request.data.name } : {})}>
      <p>
        <Link to="/app/intake">{t('intake.detailBack')}</Link>
      </p>
      {request.isError ? (
        <p role="alert">{problemOf(request.error).detail}</p>
      ) : request.data ? (
        <>
          <p className="small">
            {t('intake.received', { when: formatWhen(request.data.createdAt) })}
          </p>
          <Details r={request.data} />
          <StatusForm key={request.data.status} request={request.data} />
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
