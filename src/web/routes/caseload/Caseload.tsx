import { Link } from 'react-router';
import type { AlertView, CaseloadEntry } from '../../../shared/api/caseload.js';
import { t } from '../../../shared/i18n/messages.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { ErrorLine, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatDate } from '../labels.js';
import { useCaseload, useMarkSeen } from './api.js';
import { alertWords, categoryList } from './words.js';

function Alert({ alert }: { alert: AlertView }) {
  const markSeen = useMarkSeen();
  const announce = useAnnounce();
  return (
    <li className={alert.seenAt === null ? 'alert unseen' : 'alert'}>
      <p>
        <strong>{alertWords(alert)}</strong> {t('caseload.alertOn', { date: formatDate(alert.at) })}{' '}
        {alert.seenAt !== null
          ? t('caseload.alertSeenOn', { date: formatDate(alert.seenAt) })
          : null}
      </p>
      {alert.seenAt === null ? (
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={markSeen.isPending}
            onClick={() =>
              markSeen.mutate(alert.id, { onSuccess: () => announce(t('caseload.markSeenDone')) })
            }
          >
            {t('caseload.markSeen')}
          </button>
          <Link to={`/app/clients/${alert.clientId}`}>
            {t('caseload.open', { name: alert.clientName })}
          </Link>
        </p>
      ) : null}
      <ErrorLine error={markSeen.error} />
    </li>
  );
}

function Entry({ entry }: { entry: CaseloadEntry }) {
  // The summary opens from someone who shares something; until then there is nothing to read.
  const sharing = entry.clients.find((c) => c.shared.length > 0);
  const names = entry.clients.map((c) => c.name).join(' & ');
  return (
    <li className="panel">
      <h3>{sharing ? <Link to={`/app/clients/${sharing.id}`}>{names}</Link> : names}</h3>
      <p>{entry.kind === 'couple' ? t('caseload.couple') : t('caseload.individual')}</p>
      {entry.unseenAlerts > 0 ? (
        <p>
          <strong>{t('caseload.unseenAlerts', { count: entry.unseenAlerts })}</strong>
          {entry.latestAlert ? ` — ${alertWords(entry.latestAlert)}` : null}
        </p>
      ) : null}
      <ul>
        {entry.clients.map((c) => (
          <li key={c.id}>
            {entry.clients.length > 1 ? <strong>{c.name}: </strong> : null}
            {t('caseload.linkedSince', { date: formatDate(c.linkedSince) })}.{' '}
            {c.shared.length > 0
              ? t('caseload.shares', { categories: categoryList(c.shared) })
              : t('caseload.sharesNothing')}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** A therapist's home: alerts first, then the people linked with them. */
export function Caseload() {
  const caseload = useCaseload();
  let body;
  if (caseload.isPending) body = <Loading />;
  else if (caseload.isError) body = <p>{problemOf(caseload.error).detail}</p>;
  else {
    const { alerts, entries } = caseload.data;
    body = (
      <>
        <section aria-labelledby="caseload-alerts">
          <h2 id="caseload-alerts">{t('caseload.alertsTitle')}</h2>
          {alerts.length === 0 ? (
            <p>{t('caseload.alertsNone')}</p>
          ) : (
            <ul className="plain-list">
              {alerts.map((a) => (
                <Alert key={a.id} alert={a} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="caseload-people">
          <h2 id="caseload-people">{t('caseload.title')}</h2>
          {entries.length === 0 ? (
            <p>{t('caseload.empty')}</p>
          ) : (
            <ul className="plain-list">
              {entries.map((e) => (
                <Entry key={e.clients.map((c) => c.id).join()} entry={e} />
              ))}
            </ul>
          )}
        </section>
      </>
    );
  }
  return (
    <Page title={t('caseload.title')} lede={t('caseload.lede')}>
      {body}
    </Page>
  );
}
