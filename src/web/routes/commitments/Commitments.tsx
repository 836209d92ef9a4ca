import { endpoints } from '../../api/endpoints.js';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type {
  CommitmentLogView,
  CommitmentView,
  LogAnswerBody,
  Reliability,
  ReliabilityTrend,
} from '../../../shared/api/commitments.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { Isolated } from '../../components/bidi.js';
import { call } from '../../api/client.js';
import { useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
import { Chart } from '../../components/chart/Chart.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorLine, problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { formatWhen } from '../labels.js';
import { categoryLabel } from '../agreements/queries.js';
import { commitmentKeys, rhythmLabel, useCommitments, useCommitmentTrends } from './queries.js';

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Where the charts' weekly points stand: their own read, a moment behind the page. */
interface TrendState {
  readonly points: ReliabilityTrend | undefined;
  readonly failed: boolean;
}

/**
 * The estimate as a line (its mean) with the likely range shaded and said in words, and the table.
 * The words come with the page, so they are there while the points load, or if they cannot.
 */
function ReliabilityChart({
  title,
  reliability,
  trend,
}: {
  title: string;
  reliability: Reliability;
  trend: TrendState;
}) {
  const answered = reliability.kept + reliability.missed > 0;
  const words = answered
    ? t('commitments.estimate', {
        mean: percent(reliability.mean),
        lower: percent(reliability.lower),
        upper: percent(reliability.upper),
      })
    : t('commitments.noEstimate');
  const waiting = answered && trend.points === undefined;
  return (
    <Chart
      title={title}
      description={words}
      series={[
        {
          id: 'estimate',
          label: t('commitments.seriesLabel'),
          rangeLabel: t('commitments.rangeLabel'),
          points: (trend.points ?? []).map((p) => ({
            t: p.at,
            value: p.mean,
            range: [p.lower, p.upper] as const,
          })),
        },
      ]}
      yDomain={[0, 1]}
      yLabel={t('commitments.yLabel')}
      valueLabel={percent}
      tableCaption={t('commitments.tableCaption')}
      emptyText={
        waiting
          ? `${words} ${t(trend.failed ? 'commitments.trendUnavailable' : 'common.loading')}`
          : t('commitments.noEstimate')
      }
    />
  );
}

/** The partner's answer to one entry: confirm, or raise a question with an optional note. */
function LogAnswer({ logId, status }: { logId: string; status: string }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [disputing, setDisputing] = useState(false);
  const me = useMe();
  const [note, setNote] = useKeptText(`commitment-entry-answer:${logId}`, me.id);
  const answer = useMutation({
    mutationFn: (body: LogAnswerBody) =>
      call(endpoints.commitments.answer, { params: { id: logId }, body }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setDisputing(false);
      await client.invalidateQueries({ queryKey: commitmentKeys.all });
      announce(t('commitments.answered'));
    },
  });
  if (status === 'disputed') {
    return (
      <>
        <ErrorLine error={answer.error} />
        <button
          type="button"
          className="button"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ answer: 'resolve' })}
        >
          {t('commitments.resolve')}
        </button>
      </>
    );
  }
  if (status !== 'pending') return null;
  return disputing ? (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate(note.trim() ? { answer: 'dispute', note } : { answer: 'dispute' });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('commitments.disputeNoteLabel')}</label>
        <textarea
          dir="auto"
          id={`${id}-note`}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <ErrorLine error={answer.error} />
      <p className="actions">
        <button type="submit" className="button" disabled={answer.isPending}>
          {t('commitments.sendDispute')}
        </button>
        <button type="button" className="button" onClick={() => setDisputing(false)}>
          {t('agreements.cancel')}
        </button>
      </p>
    </form>
  ) : (
    <>
      <ErrorLine error={answer.error} />
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ answer: 'confirm' })}
        >
          {t('commitments.confirm')}
        </button>
        <button type="button" className="button" onClick={() => setDisputing(true)}>
          {t('commitments.dispute')}
        </button>
      </p>
    </>
  );
}

function Entry({ entry: l, mine }: { entry: CommitmentLogView; mine: boolean }) {
  return (
    <li>
      <p>
        <time dateTime={new Date(l.at).toISOString()}>
          {t('commitments.entry', { when: formatWhen(l.at) })}
        </time>
        {' · '}
        {t(`commitments.status.${l.status}` as MessageKey)}
      </p>
      {l.note ? (
        <p className="note-text">
          <Isolated k="commitments.noteFrom" vars={{ note: l.note }} />
        </p>
      ) : null}
      {mine ? null : <LogAnswer logId={l.id} status={l.status} />}
    </li>
  );
}

/**
 * Entries older than the newest few, a page at a time when asked for: a year of daily entries is
 * there to look back on, or to answer one that was missed, without filling the screen.
 */
function EarlierEntries({ c, cursor }: { c: CommitmentView; cursor: string }) {
  const [open, setOpen] = useState(false);
  const earlier = useInfiniteQuery({
    // Keyed by where the newest entries end, so a new entry starts the earlier ones afresh.
    queryKey: [...commitmentKeys.all, c.id, 'earlier', cursor],
    queryFn: ({ pageParam }) =>
      call(endpoints.commitments.logs, { params: { id: c.id }, query: { cursor: pageParam } }),
    initialPageParam: cursor,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: open,
    staleTime: 0,
  });
  const entries = earlier.data?.pages.flatMap((p) => p.items) ?? [];
  const more = !open || earlier.hasNextPage;
  return (
    <>
      {entries.length > 0 ? (
        <ul className="stack">
          {entries.map((l) => (
            <Entry key={l.id} entry={l} mine={c.mine} />
          ))}
        </ul>
      ) : null}
      {earlier.isError ? <p role="alert">{problemOf(earlier.error).detail}</p> : null}
      {more ? (
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={earlier.isFetching}
            onClick={() => (open ? void earlier.fetchNextPage() : setOpen(true))}
          >
            {t('commitments.earlierEntries')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function CommitmentItem({
  c,
  partner,
  trend,
}: {
  c: CommitmentView;
  partner: string;
  trend: TrendState;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const refresh = () => client.invalidateQueries({ queryKey: commitmentKeys.all });
  const log = useMutation({
    mutationFn: () => call(endpoints.commitments.log, { params: { id: c.id } }),
    onSuccess: async () => {
      await refresh();
      announce(t('commitments.logged', { name: partner }));
    },
  });
  const end = useMutation({
    mutationFn: () => call(endpoints.commitments.end, { params: { id: c.id } }),
    onSuccess: async () => {
      await refresh();
      announce(t('commitments.endedDone'));
    },
  });
  const headingId = `${id}-heading`;
  const running = c.endedAt === null;
  return (
    <li>
      {/* Named by the agreement's words, so each commitment can be found by them. */}
      <article className="checkin stack" aria-labelledby={`${id}-text`}>
        <h3 id={headingId}>{categoryLabel(c.category)}</h3>
        <p id={`${id}-text`} className="note-text" dir="auto">
          {c.agreementText}
        </p>
        <p className="small">
          {t('commitments.rhythmLine', { rhythm: rhythmLabel(c.rhythm) })}
          {c.endedAt !== null
            ? ` · ${t('commitments.ended', { when: formatWhen(c.endedAt) })}`
            : ''}
        </p>
        {c.mine && running ? (
          <>
            <ErrorLine error={log.error ?? end.error} />
            <p className="actions">
              <button
                type="button"
                className="button primary"
                disabled={log.isPending}
                onClick={() => log.mutate()}
              >
                {t('commitments.logToday')}
              </button>
              <button
                type="button"
                className="button"
                disabled={end.isPending}
                onClick={() => end.mutate()}
              >
                {t('commitments.end')}
              </button>
            </p>
          </>
        ) : null}
        {c.logs.length > 0 ? (
          <section aria-labelledby={`${id}-entries`}>
            <h4 id={`${id}-entries`}>{t('commitments.entriesTitle')}</h4>
            <ul className="stack">
              {c.logs.map((l) => (
                <Entry key={l.id} entry={l} mine={c.mine} />
              ))}
            </ul>
            {c.moreLogs ? <EarlierEntries c={c} cursor={c.moreLogs} /> : null}
          </section>
        ) : null}
        <ReliabilityChart
          title={t(c.mine ? 'commitments.reliabilityMine' : 'commitments.reliabilityTheirs', {
            name: partner,
          })}
          reliability={c.reliability}
          trend={trend}
        />
      </article>
    </li>
  );
}

/** Commitments: mine to log, my partner's to confirm, and how reliably each is kept. */
export function Commitments() {
  const journey = useJourney();
  const commitments = useCommitments();
  const trends = useCommitmentTrends();
  const trendOf = (points: ReliabilityTrend | undefined): TrendState => ({
    points,
    failed: trends.isError,
  });
  const current = journey.data?.journey ?? null;
  const partner = current?.partner?.displayName ?? t('join.yourPartner');
  const listOf = (items: readonly CommitmentView[]) => (
    <ul className="stack">
      {items.map((c) => (
        <CommitmentItem
          key={c.id}
          c={c}
          partner={partner}
          trend={trendOf(trends.data?.commitments.find((x) => x.id === c.id)?.trend)}
        />
      ))}
    </ul>
  );

  let body;
  if (journey.isPending || (current && commitments.isPending)) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = (
      <EmptyState text={t('commitments.noJourney')} to="/app/start" action={t('today.begin')} />
    );
  } else if (commitments.isError) body = <p>{problemOf(commitments.error).detail}</p>;
  else if (commitments.data) {
    const { mine, partner: theirs, overallReliability } = commitments.data;
    body = (
      <>
        <ErrorLine error={trends.error} />
        <section className="stack" aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('commitments.mineTitle')}</h2>
          {mine.length === 0 ? (
            <EmptyState
              text={t('commitments.mineEmpty')}
              to="/app/agreements"
              action={t('commitments.toAgreements')}
            />
          ) : (
            listOf(mine)
          )}
        </section>
        <section className="stack" aria-labelledby="partner-heading">
          <h2 id="partner-heading">{t('commitments.partnerTitle', { name: partner })}</h2>
          {theirs.length === 0 ? (
            <p>{t('commitments.partnerEmpty', { name: partner })}</p>
          ) : (
            listOf(theirs)
          )}
        </section>
        <section className="stack" aria-labelledby="overall-heading">
          <h2 id="overall-heading">{t('commitments.overallTitle')}</h2>
          {mine.length > 0 ? (
            <ReliabilityChart
              title={t('commitments.overallMine')}
              reliability={overallReliability.mine}
              trend={trendOf(trends.data?.overall.mine)}
            />
          ) : null}
          {theirs.length > 0 ? (
            <ReliabilityChart
              title={t('commitments.overallPartner', { name: partner })}
              reliability={overallReliability.partner}
              trend={trendOf(trends.data?.overall.partner)}
            />
          ) : null}
        </section>
      </>
    );
  }

  return (
    <Page title={t('commitments.title')} lede={t('commitments.lede')}>
      {body}
      <p className="note">{t('commitments.therapy')}</p>
    </Page>
  );
}
