import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Checkin, Visibility } from '../../../shared/api/checkins.js';
import type { Journey } from '../../../shared/api/journeys.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys, removeCheckin, replaceCheckin, useCheckins, useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { focusHeading, Page } from '../../components/Page.js';
import { CheckinSummary } from './CheckinSummary.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ConfirmStep } from '../../components/ConfirmStep.js';

const itemId = (id: string) => `checkin-${id}`;
const focusItem = (id: string) => document.getElementById(itemId(id))?.focus();

type Step = 'idle' | 'share' | 'delete';

/**
 * What the author can do with a check-in. Sharing and deleting take a second, explicit step that
 * says exactly what will happen; taking a share back is one step.
 */
function Actions({ checkin, partner }: { checkin: Checkin; partner: string | null }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [step, setStep] = useState<Step>('idle');
  const confirmRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  const settle = () => void client.invalidateQueries({ queryKey: keys.latestCheckin });
  const visibility = useMutation({
    mutationFn: (v: Visibility) =>
      call(endpoints.checkins.setVisibility, {
        params: { id: checkin.id },
        body: { visibility: v },
      }),
    onSuccess: (next) => {
      replaceCheckin(client, next);
      settle();
      setStep('idle');
      announce(
        next.visibility === 'partner'
          ? t('checkins.sharedDone', { name: partner ?? t('join.yourPartner') })
          : t('checkins.unsharedDone'),
      );
      focusItem(checkin.id);
    },
  });
  const remove = useMutation({
    mutationFn: () => call(endpoints.checkins.remove, { params: { id: checkin.id } }),
    onSuccess: () => {
      removeCheckin(client, checkin.id);
      settle();
      announce(t('checkins.deletedDone'));
      focusHeading();
    },
  });

  const open = (next: Step) => {
    visibility.reset();
    remove.reset();
    setStep(next);
    // The confirmation renders on the next frame; focus it so its words are read first.
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const cancel = () => {
    setStep('idle');
    requestAnimationFrame(() => openerRef.current?.focus());
  };
  const error = visibility.error ?? remove.error;
  const busy = visibility.isPending || remove.isPending;
  const confirmTextId = `${itemId(checkin.id)}-confirm`;

  if (step === 'share' && partner) {
    return (
      <ConfirmStep
        ref={confirmRef}
        id={confirmTextId}
        text={t('checkins.shareConfirm', { name: partner })}
        error={error}
        busy={busy}
        confirm={t('checkins.shareYes', { name: partner })}
        onConfirm={() => visibility.mutate('partner')}
        decline={t('common.notNow')}
        onDecline={cancel}
      />
    );
  }
  if (step === 'delete') {
    return (
      <ConfirmStep
        ref={confirmRef}
        id={confirmTextId}
        text={
          checkin.visibility === 'partner' && partner
            ? t('checkins.deleteConfirmShared', { name: partner })
            : t('checkins.deleteConfirm')
        }
        error={error}
        busy={busy}
        confirm={t('checkins.deleteYes')}
        onConfirm={() => remove.mutate()}
        decline={t('checkins.keep')}
        onDecline={cancel}
      />
    );
  }

  return (
    <div className="item-actions">
      {checkin.visibility === 'private' && partner ? (
        <button
          ref={openerRef}
          type="button"
          className="button"
          aria-describedby={itemId(checkin.id) + '-when'}
          onClick={() => open('share')}
        >
          {t('checkins.share', { name: partner })}
        </button>
      ) : null}
      {checkin.visibility === 'partner' ? (
        <button
          type="button"
          className="button"
          aria-describedby={itemId(checkin.id) + '-when'}
          disabled={busy}
          onClick={() => visibility.mutate('private')}
        >
          {t('checkins.unshare')}
        </button>
      ) : null}
      <button
        ref={checkin.visibility === 'private' && partner ? undefined : openerRef}
        type="button"
        className="button quiet"
        aria-describedby={itemId(checkin.id) + '-when'}
        onClick={() => open('delete')}
      >
        {t('checkins.delete')}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {problemOf(error).detail}
        </p>
      ) : null}
    </div>
  );
}

function Item({ checkin, journey }: { checkin: Checkin; journey: Journey | null }) {
  return (
    <li>
      <article id={itemId(checkin.id)} tabIndex={-1} aria-labelledby={`${itemId(checkin.id)}-when`}>
        <CheckinSummary
          checkin={checkin}
          journey={journey}
          headingLevel={2}
          headingId={`${itemId(checkin.id)}-when`}
        >
          {checkin.mine ? (
            <Actions checkin={checkin} partner={journey?.partner?.displayName ?? null} />
          ) : null}
        </CheckinSummary>
      </article>
    </li>
  );
}

/** My space: my check-ins and the ones my partner shared with me, newest first. */
export function Checkins() {
  const journey = useJourney();
  const list = useCheckins();
  const announce = useAnnounce();

  const current = journey.data?.journey ?? null;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const showOlder = async () => {
    const before = items.length;
    const result = await list.fetchNextPage();
    const added = result.data?.pages.flatMap((p) => p.items)[before];
    if (added) {
      announce(t('checkins.olderLoaded'));
      requestAnimationFrame(() => focusItem(added.id));
    }
  };

  let body;
  if (journey.isPending || (current && list.isPending)) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = <EmptyState text={t('checkins.noJourney')} to="/app/start" action={t('today.begin')} />;
  } else if (list.isError) body = <p>{problemOf(list.error).detail}</p>;
  else if (items.length === 0) {
    body = (
      <EmptyState
        title={t('checkins.emptyTitle')}
        text={t('checkins.emptyText')}
        to="/app/checkins/new"
        action={t('checkins.first')}
      />
    );
  } else {
    body = (
      <>
        <p className="actions">
          <Link className="button primary" to="/app/checkins/new">
            {t('today.checkIn')}
          </Link>
        </p>
        <ul className="stack">
          {items.map((c) => (
            <Item key={c.id} checkin={c} journey={current} />
          ))}
        </ul>
        {list.hasNextPage ? (
          <p>
            <button
              type="button"
              className="button"
              disabled={list.isFetchingNextPage}
              onClick={() => void showOlder()}
            >
              {list.isFetchingNextPage ? t('common.loading') : t('checkins.showOlder')}
            </button>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <Page title={t('nav.mySpace')} lede={t('checkins.lede')}>
      {body}
      <ul className="link-list" aria-label={t('screens.mySpaceTitle')}>
        <li>
          <Link to="/app/screens">{t('screens.mySpaceLink')}</Link>
        </li>
        <li>
          <Link to="/app/checkins/trends">{t('screens.trends.link')}</Link>
        </li>
      </ul>
    </Page>
  );
}
