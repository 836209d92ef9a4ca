import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import type { JourneyStartBody } from '../../../shared/api/journeys.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys, useJourney } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import { ErrorSummary, fieldErrorsOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import {
  bodyOf,
  emptyDraft,
  JourneyFields,
  journeyFieldIds,
  type JourneyDraft,
} from './JourneyFields.js';

/** The first questions: which path, one's part, what happened and when. All can change later. */
export function Start() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const journey = useJourney();
  const [draft, setDraft] = useState<JourneyDraft>(emptyDraft);

  const start = useMutation({
    // An unfinished form is sent as it is: the server's messages say what is still to choose.
    mutationFn: (body: Partial<JourneyStartBody>) =>
      call(endpoints.journeys.start, { body: body as JourneyStartBody }),
    onSuccess: (created) => {
      client.setQueryData(keys.journey, { journey: created });
      announce(t('start.done'), { navigating: true });
      // The private safety check comes first (it can wait: Today offers it until it is done).
      void navigate('/app/safety', { replace: true });
    },
  });

  if (journey.data?.journey && start.isIdle) return <Navigate to="/app" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(bodyOf(draft));
  };

  return (
    <Page title={t('start.title')} lede={t('start.lede')}>
      {journey.isPending ? (
        <Loading />
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <ErrorSummary error={start.error} fieldIds={journeyFieldIds} />
          <p className="panel">{t('start.changeLater')}</p>
          <JourneyFields draft={draft} errors={fieldErrorsOf(start.error)} onChange={setDraft} />
          <p className="actions">
            <button type="submit" className="button primary wide" disabled={start.isPending}>
              {start.isPending ? t('start.submitting') : t('start.submit')}
            </button>
          </p>
        </form>
      )}
    </Page>
  );
}
