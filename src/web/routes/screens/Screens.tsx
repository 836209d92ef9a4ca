import { Link } from 'react-router';
import type { InstrumentView } from '../../../shared/api/screens.js';
import { t } from '../../../shared/i18n/messages.js';
import { Loading } from '../../app/Shell.js';
import { Chart } from '../../components/chart/Chart.js';
import { problemOf } from '../../components/form.js';
import { LockIcon } from '../../components/icons.js';
import { Page } from '../../components/Page.js';
import { formatDate } from '../labels.js';
import { useInstruments, useScreenHistory } from './api.js';
import { chartBands, describeScores, scoreSeries } from './chart-data.js';
import { Sources } from './Sources.js';

/** One questionnaire: what it is, the latest answer, the chart over time, and taking it. */
function InstrumentSection({ instrument }: { instrument: InstrumentView }) {
  const history = useScreenHistory(instrument.id);
  const name = instrument.shortName;
  const headingId = `screen-${instrument.id}`;
  const { min, max } = instrument.scoring;

  let body;
  if (history.isPending) body = <Loading />;
  else if (history.isError) body = <p>{problemOf(history.error).detail}</p>;
  else {
    const results = history.data.results;
    const last = results.at(-1);
    body = (
      <>
        {last ? (
          <p>
            {t('screens.latest', {
              date: formatDate(last.createdAt),
              total: last.total,
              max,
              band: last.band.label,
            })}
          </p>
        ) : null}
        {/* While the newest answers say the person may be in crisis, the way back to support stays here. */}
        {last?.crisis ? (
          <p>
            <Link to={`/app/screens/${instrument.id}/results/${last.id}`}>
              {t('screens.backToSupport')}
            </Link>
          </p>
        ) : null}
        <Chart
          title={t('screens.chartTitle', { name })}
          description={describeScores(name, results)}
          series={[scoreSeries(instrument.id, t('screens.seriesLabel', { name }), results)]}
          yDomain={[min, max]}
          yLabel={t('screens.yLabel', { min, max })}
          bands={chartBands(history.data.bands)}
          tableCaption={t('screens.tableCaption', { name })}
          emptyText={t('screens.chartEmpty', { name })}
        />
        <p className="actions">
          <Link className="button primary" to={`/app/screens/${instrument.id}/take`}>
            {results.length > 0
              ? t('screens.takeAgain', { name })
              : t('screens.takeFirst', { name })}
          </Link>
        </p>
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p>
        {t('screens.about', {
          name,
          count: instrument.items.length,
          measures: instrument.measures,
        })}
      </p>
      {body}
      <Sources
        instrument={instrument}
        withRule={history.isSuccess && history.data.results.length > 1}
      />
    </section>
  );
}

/** How I'm doing: PHQ-9 and GAD-7 over time, each with its chart and table. */
export function Screens() {
  const instruments = useInstruments();
  return (
    <Page title={t('screens.title')} lede={t('screens.lede')}>
      <section className="panel" aria-labelledby="screens-what">
        <h2 id="screens-what">{t('screens.whatTitle')}</h2>
        <p>{t('screens.whatText')}</p>
        <p>{t('screens.notDiagnosis')}</p>
        <p>{t('screens.lowerIsBetter')}</p>
        <p className="visibility">
          <LockIcon />
          <span>{t('screens.private')}</span>
        </p>
      </section>
      {instruments.isPending ? <Loading /> : null}
      {instruments.isError ? <p>{problemOf(instruments.error).detail}</p> : null}
      {instruments.data?.instruments.map((i) => (
        <InstrumentSection key={i.id} instrument={i} />
      ))}
      <p>
        <Link to="/app/checkins/trends">{t('screens.trends.link')}</Link>
      </p>
    </Page>
  );
}
