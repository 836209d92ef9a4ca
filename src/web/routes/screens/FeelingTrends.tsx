import { useState } from 'react';
import { Link } from 'react-router';
import type { Feeling } from '../../../core/checkins/checkin.js';
import { TRENDS_DAYS_DEFAULT } from '../../../core/checkins/checkin.js';
import { t } from '../../../shared/i18n/messages.js';
import { Loading } from '../../app/Shell.js';
import { Chart } from '../../components/chart/Chart.js';
import { Choices } from '../../components/choices.js';
import { problemOf } from '../../components/form.js';
import { LockIcon } from '../../components/icons.js';
import { Page } from '../../components/Page.js';
import { feelingLabel } from '../labels.js';
import { useCheckinTrends } from './api.js';
import { checkinCount, feelingSeries } from './chart-data.js';

/** /app/checkins/trends: how strongly each feeling came up in the person's own check-ins. */
export function FeelingTrends() {
  const days = TRENDS_DAYS_DEFAULT;
  const trends = useCheckinTrends(days);
  const period = t('screens.trends.lastDays', { count: days });
  // Every feeling is shown until the person picks some; a chart of ten lines can be a lot.
  const [hidden, setHidden] = useState<ReadonlySet<Feeling>>(new Set());

  let body;
  if (trends.isPending) body = <Loading />;
  else if (trends.isError) body = <p>{problemOf(trends.error).detail}</p>;
  else {
    const data = trends.data;
    const present = data.feelings.map((f) => f.feeling);
    const shown = new Set(present.filter((f) => !hidden.has(f)));
    const count = checkinCount(data);
    body = (
      <>
        {present.length > 1 ? (
          <Choices
            type="checkbox"
            name="trend-feelings"
            legend={t('screens.trends.showLegend')}
            options={present.map((f) => ({ value: f, label: feelingLabel(f) }))}
            isChecked={(f) => shown.has(f)}
            onToggle={(f, checked) =>
              setHidden((h) => {
                const next = new Set(h);
                if (checked) next.delete(f);
                else next.add(f);
                return next;
              })
            }
            compact
          />
        ) : null}
        <Chart
          title={t('screens.trends.chartTitle', { period })}
          description={t('screens.trends.description', {
            checkins: t('screens.trends.checkins', { count }),
            period,
          })}
          series={feelingSeries(data, shown)}
          yDomain={[0, 10]}
          yLabel={t('screens.trends.yLabel')}
          tableCaption={t('screens.trends.tableCaption', { period })}
          emptyText={
            present.length > 0
              ? t('screens.trends.noneChosen')
              : t('screens.trends.empty', { period })
          }
        />
        {data.truncated ? <p className="note">{t('screens.trends.truncated')}</p> : null}
      </>
    );
  }

  return (
    <Page title={t('screens.trends.title')} lede={t('screens.trends.lede', { period })}>
      {body}
      <p className="visibility">
        <LockIcon />
        <span>{t('screens.trends.private')}</span>
      </p>
      <p className="actions">
        <Link className="button primary" to="/app/checkins/new">
          {t('today.checkIn')}
        </Link>
        <Link className="button quiet" to="/app/checkins">
          {t('screens.trends.back')}
        </Link>
      </p>
    </Page>
  );
}
