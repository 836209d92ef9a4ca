import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { consentCategories } from '../../../core/access/consent.js';
import type { ClientLink, LinkCode } from '../../../shared/api/consent.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import { ErrorLine, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatDate, formatWhen } from '../labels.js';
import { consentKeys, joinNames } from './api.js';

function CodeMaker() {
  const [made, setMade] = useState<LinkCode | undefined>();
  const make = useMutation({
    mutationFn: () => call(endpoints.consent.code),
    onSuccess: setMade,
  });
  return (
    <section aria-labelledby="code-title">
      <h2 id="code-title">{t('requests.codeTitle')}</h2>
      <p>{t('requests.codeText')}</p>
      {made ? (
        <p role="status">
          {t('requests.codeIs', { code: made.code, date: formatWhen(made.expiresAt) })}
        </p>
      ) : null}
      <ErrorLine error={make.error} />
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={make.isPending}
          onClick={() => make.mutate()}
        >
          {make.isPending ? t('requests.making') : t('requests.makeCode')}
        </button>
      </p>
    </section>
  );
}

const shared = (link: ClientLink): string => {
  const on = consentCategories.filter((c) => link.consents[c]);
  return on.length === 0
    ? t('requests.seesNothing')
    : t('requests.sees', {
        list: joinNames(on.map((c) => t(`consent.category.${c}` satisfies MessageKey))),
      });
};

function ClientCard({ link }: { link: ClientLink }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const name = link.client.name;
  const done = (message: string) => () => {
    void client.invalidateQueries({ queryKey: consentKeys.clients });
    announce(message);
  };
  const accept = useMutation({
    mutationFn: () => call(endpoints.consent.accept, { params: { id: link.id } }),
    onSuccess: done(t('requests.accepted', { name })),
  });
  const decline = useMutation({
    mutationFn: () => call(endpoints.consent.decline, { params: { id: link.id } }),
    onSuccess: done(t('requests.declined')),
  });
  const end = useMutation({
    mutationFn: () => call(endpoints.consent.endTheirs, { params: { id: link.id } }),
    onSuccess: done(t('requests.ended')),
  });
  const headingId = `client-${link.id}`;
  return (
    <li className="card">
      <h3 id={headingId}>{name}</h3>
      {link.status === 'requested' ? (
        <>
          <p>{t('requests.askedOn', { date: formatDate(link.createdAt) })}</p>
          <ErrorLine error={accept.error ?? decline.error} />
          <p className="actions">
            <button
              type="button"
              className="button primary"
              disabled={accept.isPending || decline.isPending}
              onClick={() => accept.mutate()}
            >
              {t('requests.accept')}
            </button>
            <button
              type="button"
              className="button quiet"
              disabled={accept.isPending || decline.isPending}
              onClick={() => decline.mutate()}
            >
              {t('requests.decline')}
            </button>
          </p>
        </>
      ) : (
        <>
          <p>
            {t('requests.linkedSince', { date: formatDate(link.acceptedAt ?? link.createdAt) })}
          </p>
          <p>{shared(link)}</p>
          <p>{link.alertCrisis ? t('requests.alertsOn') : t('requests.alertsOff')}</p>
          {confirming ? (
            <ConfirmStep
              ref={confirmRef}
              id={`end-${link.id}`}
              text={t('requests.endConfirm', { name })}
              error={end.error}
              busy={end.isPending}
              confirm={t('requests.endYes')}
              onConfirm={() => end.mutate()}
              decline={t('requests.endNo')}
              onDecline={() => setConfirming(false)}
            />
          ) : (
            <p className="actions">
              <button
                type="button"
                className="button quiet"
                onClick={() => {
                  setConfirming(true);
                  requestAnimationFrame(() => confirmRef.current?.focus());
                }}
              >
                {t('requests.end')}
              </button>
            </p>
          )}
        </>
      )}
    </li>
  );
}

/** /app/requests: the therapist's link requests and linked clients, and codes to give clients. */
export function LinkRequests() {
  const links = useQuery({
    queryKey: consentKeys.clients,
    queryFn: () => call(endpoints.consent.clients),
  });
  const pending = links.data?.links.filter((l) => l.status === 'requested') ?? [];
  const active = links.data?.links.filter((l) => l.status === 'active') ?? [];
  const list = (items: ClientLink[], empty: string) =>
    items.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ul className="cards">
        {items.map((l) => (
          <ClientCard key={l.id} link={l} />
        ))}
      </ul>
    );
  return (
    <Page title={t('requests.title')} lede={t('requests.lede')}>
      {links.error ? (
        <p>{problemOf(links.error).detail}</p>
      ) : !links.data ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="pending-title">
            <h2 id="pending-title">{t('requests.pendingTitle')}</h2>
            {list(pending, t('requests.noPending'))}
          </section>
          <section aria-labelledby="active-title">
            <h2 id="active-title">{t('requests.activeTitle')}</h2>
            {list(active, t('requests.noActive'))}
          </section>
        </>
      )}
      <CodeMaker />
    </Page>
  );
}
