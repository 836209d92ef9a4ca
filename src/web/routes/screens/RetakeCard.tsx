import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/announcer.js';
import { problemOf } from '../../components/form.js';
import { focusHeading } from '../../components/Page.js';
import { historyQuery, screenIds, screenKeys } from './api.js';

/**
 * On Today, a gentle suggestion to look at how the person is doing: only when a questionnaire has
 * not been answered for two weeks or more (or never), and never again after "Not now" until the
 * next answers. It never counts anything, and says nothing when there is nothing to suggest.
 */
export function RetakeCard() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const histories = useQueries({ queries: screenIds.map(historyQuery) });
  const due = screenIds.filter((_, i) => histories[i]?.data?.suggestRetake === true);
  const answeredBefore = histories.some((h) => (h.data?.results.length ?? 0) > 0);

  const dismiss = useMutation({
    mutationFn: () =>
      Promise.all(
        due.map((instrument) => call(endpoints.screens.dismiss, { body: { instrument } })),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: screenKeys.all });
      announce(t('screens.retakeDismissed'));
      focusHeading();
    },
  });

  if (due.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="today-screens">
      <h2 id="today-screens">{t('screens.retakeTitle')}</h2>
      <p>{answeredBefore ? t('screens.retakeText') : t('screens.retakeFirstText')}</p>
      <p className="actions">
        <Link className="button" to="/app/screens">
          {t('screens.retakeAction')}
        </Link>
        <button
          type="button"
          className="button quiet"
          disabled={dismiss.isPending}
          onClick={() => dismiss.mutate()}
        >
          {t('common.notNow')}
        </button>
      </p>
      {dismiss.error ? (
        <p className="field-error" role="alert">
          {problemOf(dismiss.error).detail}
        </p>
      ) : null}
    </section>
  );
}
