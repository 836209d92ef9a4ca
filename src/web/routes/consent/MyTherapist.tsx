import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { consentCategories } from '../../../core/access/consent.js';
import type { ConsentCategory, MyLink } from '../../../shared/api/consent.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { Choices } from '../../components/choices.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';
import { ErrorLine, ErrorSummary, FieldError, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatDate } from '../labels.js';
import { consentKeys, useMyLinks } from './api.js';

type How = 'code' | 'directory';
type YesNo = 'yes' | 'no';

const categoryLabel = (c: ConsentCategory) => t(`consent.category.${c}` satisfies MessageKey);
const categoryText = (c: ConsentCategory) => t(`consent.category.${c}.text` satisfies MessageKey);

function AskForm() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [how, setHow] = useState<How | undefined>();
  const [code, setCode] = useState('');
  const [slug, setSlug] = useState('');
  const [crisis, setCrisis] = useState<YesNo | undefined>();
  const [missing, setMissing] = useState<{ how?: string; crisis?: string }>({});
  const directory = useQuery({
    queryKey: consentKeys.directory,
    queryFn: () => call(endpoints.consent.directory),
  });
  const ask = useMutation({
    mutationFn: (body: { slug?: string; code?: string; alertCrisis: boolean }) =>
      call(endpoints.consent.request, { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: consentKeys.mine });
      setHow(undefined);
      setCode('');
      setSlug('');
      setCrisis(undefined);
      announce(t('consent.asked'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = how === 'code' ? code.trim() : how === 'directory' ? slug : '';
    const problems = {
      ...(chosen ? {} : { how: t('consent.howNeeded') }),
      ...(crisis ? {} : { crisis: t('consent.crisisNeeded') }),
    };
    setMissing(problems);
    if (!chosen || !crisis) return;
    ask.mutate({
      ...(how === 'code' ? { code: chosen } : { slug: chosen }),
      alertCrisis: crisis === 'yes',
    });
  };
  const therapists = directory.data?.therapists ?? [];
  return (
    <section aria-labelledby="ask-title">
      <h2 id="ask-title">{t('consent.askTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary
          error={ask.error}
          fieldIds={{ code: 'link-code', alertCrisis: 'crisis-yes' }}
        />
        <Choices<How>
          type="radio"
          name="how"
          legend={t('consent.howLegend')}
          error={missing.how}
          options={[
            { value: 'code', label: t('consent.how.code') },
            { value: 'directory', label: t('consent.how.directory') },
          ]}
          isChecked={(v) => how === v}
          onToggle={(v) => setHow(v)}
        />
        {how === 'code' ? (
          <div className="field">
            <label htmlFor="link-code">{t('consent.codeLabel')}</label>
            <span id="link-code-hint" className="hint">
              {t('consent.codeHint')}
            </span>
            <input
              id="link-code"
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              aria-describedby="link-code-hint"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
        ) : null}
        {how === 'directory' ? (
          therapists.length === 0 ? (
            <p>{directory.isPending ? t('common.loading') : t('consent.noDirectory')}</p>
          ) : (
            <div className="field">
              <label htmlFor="link-slug">{t('consent.pickLabel')}</label>
              <select id="link-slug" value={slug} onChange={(e) => setSlug(e.target.value)}>
                <option value="">{t('consent.pickNone')}</option>
                {therapists.map((th) => (
                  <option key={th.slug} value={th.slug}>
                    {th.accepting
                      ? `${th.name}, ${th.title}`
                      : t('consent.notAccepting', { name: th.name })}
                  </option>
                ))}
              </select>
            </div>
          )
        ) : null}
        <Choices<YesNo>
          type="radio"
          name="crisis"
          legend={t('consent.crisisLegend')}
          hint={t('consent.crisisHint')}
          error={missing.crisis}
          options={[
            { value: 'yes', label: t('consent.crisis.yes') },
            { value: 'no', label: t('consent.crisis.no') },
          ]}
          isChecked={(v) => crisis === v}
          onToggle={(v) => setCrisis(v)}
        />
        <p className="actions">
          <button type="submit" className="button primary" disabled={ask.isPending}>
            {ask.isPending ? t('consent.asking') : t('consent.ask')}
          </button>
        </p>
      </form>
    </section>
  );
}

function statusWords(link: MyLink): string {
  if (link.status === 'requested') return t('consent.status.requested');
  if (link.status === 'active')
    return t('consent.status.active', { date: formatDate(link.acceptedAt ?? link.createdAt) });
  const date = formatDate(link.endedAt ?? link.createdAt);
  return link.endedBy === 'me'
    ? t('consent.status.endedByMe', { date })
    : t('consent.status.endedByThem', { date });
}

function LinkCard({ link }: { link: MyLink }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const name = link.therapist.name;
  const saved = (next: MyLink) => {
    client.setQueryData(consentKeys.mine, (old: { links: MyLink[] } | undefined) =>
      old ? { links: old.links.map((l) => (l.id === next.id ? next : l)) } : old,
    );
  };
  const consent = useMutation({
    mutationFn: (v: { category: ConsentCategory; granted: boolean }) =>
      call(endpoints.consent.consent, {
        params: { id: link.id, category: v.category },
        body: { granted: v.granted },
      }),
    onSuccess: (next) => {
      saved(next);
      announce(t('consent.saved'));
    },
  });
  const alerts = useMutation({
    mutationFn: (alertCrisis: boolean) =>
      call(endpoints.consent.alertChoice, { params: { id: link.id }, body: { alertCrisis } }),
    onSuccess: (next) => {
      saved(next);
      announce(t('consent.saved'));
    },
  });
  const end = useMutation({
    mutationFn: () => call(endpoints.consent.endMine, { params: { id: link.id } }),
    onSuccess: (next) => {
      saved(next);
      setConfirming(false);
      void client.invalidateQueries({ queryKey: consentKeys.mine });
      announce(t('consent.ended'));
    },
  });
  const headingId = `link-${link.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p>{statusWords(link)}</p>
      {link.status === 'requested' ? (
        <p className="hint">{t('consent.askedOn', { date: formatDate(link.createdAt) })}</p>
      ) : null}
      <Choices<YesNo>
        type="radio"
        name={`alerts-${link.id}`}
        legend={t('consent.alertsTitle')}
        hint={t('consent.crisisHint')}
        options={[
          { value: 'yes', label: t('consent.crisis.yes') },
          { value: 'no', label: t('consent.crisis.no') },
        ]}
        isChecked={(v) => (v === 'yes') === link.alertCrisis}
        onToggle={(v) => alerts.mutate(v === 'yes')}
        disabled={alerts.isPending}
      />
      <ErrorLine error={alerts.error} />
      <fieldset>
        <legend>{t('consent.seesTitle', { name })}</legend>
        <span className="hint">{t('consent.seesHint')}</span>
        <ul className="switches">
          {consentCategories.map((c) => {
            const id = `consent-${link.id}-${c}`;
            return (
              <li key={c}>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  checked={link.consents[c]}
                  disabled={consent.isPending}
                  aria-describedby={`${id}-text`}
                  onChange={(e) => consent.mutate({ category: c, granted: e.target.checked })}
                />
                <label htmlFor={id}>{categoryLabel(c)}</label>
                <span id={`${id}-text`} className="hint">
                  {categoryText(c)}
                </span>
              </li>
            );
          })}
        </ul>
        <FieldError id={`consent-${link.id}-error`}>
          {consent.error ? problemOf(consent.error).detail : undefined}
        </FieldError>
      </fieldset>
      {confirming ? (
        <ConfirmStep
          ref={confirmRef}
          id={`end-${link.id}`}
          text={t('consent.endConfirm', { name })}
          error={end.error}
          busy={end.isPending}
          confirm={t('consent.endYes')}
          onConfirm={() => end.mutate()}
          decline={t('consent.endNo')}
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
            {link.status === 'requested' ? t('consent.withdraw') : t('consent.end')}
          </button>
        </p>
      )}
    </article>
  );
}

/** /app/therapist: the member's links with therapists, what each may see, and asking for a new one. */
export function MyTherapist() {
  const links = useMyLinks();
  const open = links.data?.links.filter((l) => l.status !== 'ended') ?? [];
  const ended = links.data?.links.filter((l) => l.status === 'ended') ?? [];
  return (
    <Page title={t('consent.title')} lede={t('consent.lede')}>
      <section aria-labelledby="links-title">
        <h2 id="links-title">{t('consent.linksTitle')}</h2>
        {links.error ? (
          <p>{problemOf(links.error).detail}</p>
        ) : !links.data ? (
          <Loading />
        ) : open.length === 0 ? (
          <p>{t('consent.noLinks')}</p>
        ) : (
          open.map((l) => <LinkCard key={l.id} link={l} />)
        )}
      </section>
      <AskForm />
      {ended.length > 0 ? (
        <section aria-labelledby="ended-title">
          <h2 id="ended-title">{t('consent.endedTitle')}</h2>
          <ul>
            {ended.map((l) => (
              <li key={l.id}>
                {l.therapist.name}: {statusWords(l)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
