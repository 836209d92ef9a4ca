import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatWhen } from '../labels.js';

/** /app/outbox: the emails the app kept because no mail server is set up. */
export function Outbox() {
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => call(endpoints.mail.outbox) });
  let body;
  if (outbox.isPending) body = <Loading />;
  else if (outbox.isError) body = <p>{problemOf(outbox.error).detail}</p>;
  else if (outbox.data.items.length === 0) body = <p>{t('outbox.empty')}</p>;
  else {
    body = (
      <ol className="outbox">
        {outbox.data.items.map((mail) => (
          <li key={mail.id}>
            <article aria-labelledby={`mail-${mail.id}`} className="panel">
              <h2 id={`mail-${mail.id}`}>{mail.subject}</h2>
              <p>
                {t('outbox.to', { to: mail.to })} ·{' '}
                {t('outbox.when', { date: formatWhen(mail.createdAt) })}
              </p>
              <pre className="mail-body">{mail.text}</pre>
            </article>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <Page
      title={t('outbox.title')}
      lede={outbox.data?.smtp ? t('outbox.ledeSmtp') : t('outbox.lede')}
    >
      {body}
    </Page>
  );
}
