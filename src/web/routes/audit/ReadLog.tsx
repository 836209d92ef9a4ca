import { endpoints } from '../../api/endpoints.js';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReadLogEntry } from '../../../shared/api/audit.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatWhen } from '../labels.js';
import { categoryWords } from './words.js';

/** One entry in plain words: "Dr. Lee looked at your check-ins (12)". */
export function readLogSentence(e: ReadLogEntry): string {
  const name = e.mine ? t('audit.you') : e.actor.name || t('audit.someone');
  const category = categoryWords(e.category);
  switch (e.action) {
    case 'read':
      return t('audit.did.read', { name, category, count: e.count });
    case 'export':
      return t('audit.did.export', { name, category, count: e.count });
    case 'consent':
      return e.mine
        ? t('audit.did.consentMine', { category })
        : t('audit.did.consent', { name, category });
    case 'link':
      return e.mine ? t('audit.did.linkMine') : t('audit.did.link', { name });
    default:
      return t('audit.did.other', { name, action: e.action, category });
  }
}

/** /app/privacy/reads: every time someone read or changed what the person shared, newest first. */
export function ReadLog() {
  const log = useInfiniteQuery({
    queryKey: ['audit', 'reads'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      call(endpoints.audit.reads, { query: { cursor: pageParam || undefined } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Reads happen elsewhere, at any time: look again whenever the screen is opened.
    staleTime: 0,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  let content;
  if (log.isPending) content = <Loading />;
  else if (log.isError) content = <p>{problemOf(log.error).detail}</p>;
  else if (entries.length === 0) {
    content = (
      <div className="empty">
        <h2>{t('audit.readsEmpty')}</h2>
        <p>{t('audit.readsEmptyText')}</p>
      </div>
    );
  } else {
    content = (
      <>
        <ul className="read-log" aria-label={t('audit.listLabel')}>
          {entries.map((e) => (
            <li key={e.id}>
              {readLogSentence(e)}{' '}
              <time dateTime={new Date(e.at).toISOString()}>
                {t('audit.on', { when: formatWhen(e.at) })}
              </time>
            </li>
          ))}
        </ul>
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
    <Page title={t('audit.readsTitle')} lede={t('audit.readsLede')}>
      {content}
    </Page>
  );
}
