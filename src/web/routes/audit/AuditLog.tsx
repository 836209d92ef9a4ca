import { endpoints } from '../../api/endpoints.js';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { AuditVerdict } from '../../../shared/api/audit.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatCount, formatWhen } from '../labels.js';
import { actionWords, categoryWords } from './words.js';

function verdictWords(verdict: AuditVerdict): string {
  if (verdict.ok) return t('audit.verifyOk', { count: verdict.count });
  return t('audit.verifyBroken', {
    seq: verdict.event.seq,
    id: verdict.event.id,
    when: formatWhen(verdict.event.at),
    reason: t(`audit.reason.${verdict.reason}` satisfies MessageKey),
  });
}

/** Checks the whole chain on request and says what it found. */
function Verify() {
  const check = useMutation({ mutationFn: () => call(endpoints.audit.verify) });
  return (
    <section aria-labelledby="audit-verify">
      <h2 id="audit-verify">{t('audit.verifyTitle')}</h2>
      <p>{t('audit.verifyText')}</p>
      <p className="actions">
        <button
          type="button"
          className="button primary"
          disabled={check.isPending}
          onClick={() => check.mutate()}
        >
          {check.isPending ? t('audit.verifying') : t('audit.verify')}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {check.error ? <p className="field-error">{problemOf(check.error).detail}</p> : null}
        {check.data ? (
          <p className={check.data.ok ? undefined : 'field-error'}>{verdictWords(check.data)}</p>
        ) : null}
      </div>
    </section>
  );
}

/** /app/audit: the practice's log for the administrator, without content or clients' names. */
export function AuditLog() {
  const log = useInfiniteQuery({
    queryKey: ['audit', 'practice'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      call(endpoints.audit.log, { query: { cursor: pageParam || undefined, limit: 50 } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  let content;
  if (log.isPending) content = <Loading />;
  else if (log.isError) content = <p>{problemOf(log.error).detail}</p>;
  else if (entries.length === 0) content = <p>{t('audit.logEmpty')}</p>;
  else {
    content = (
      <>
        {/* Wider than a phone: it scrolls sideways, so a keyboard must be able to reach it. */}
        <div
          className="table-scroll"
          role="region"
          aria-labelledby="audit-log-caption"
          tabIndex={0}
        >
          <table>
            <caption id="audit-log-caption">{t('audit.logCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.when')}</th>
                <th scope="col">{t('audit.col.who')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.category')}</th>
                <th scope="col">{t('audit.col.items')}</th>
                <th scope="col">{t('audit.col.subject')}</th>
                <th scope="col">{t('audit.col.request')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <time dateTime={new Date(e.at).toISOString()}>{formatWhen(e.at)}</time>
                  </th>
                  <td>{e.actor.role === 'member' ? t('audit.aClient') : e.actor.name}</td>
                  <td>{actionWords(e.action)}</td>
                  <td>{e.category ? categoryWords(e.category) : ''}</td>
                  <td>{formatCount(e.count)}</td>
                  <td>
                    <code>{e.subjectRef ?? ''}</code>
                  </td>
                  <td>
                    <code>{e.requestId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {log.hasNextPage ? (
          <p className="actions">
            <button
              type="button"
              className="button"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.more')}
            </button>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <Page title={t('audit.logTitle')} lede={t('audit.logLede')}>
      <Verify />
      <section aria-labelledby="audit-entries">
        <h2 id="audit-entries">{t('audit.entriesTitle')}</h2>
        {content}
      </section>
    </Page>
  );
}
