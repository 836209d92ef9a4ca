import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { safetyQuestionIds, type SafetyQuestionId } from '../../../core/safety/safety.js';
import type { SafetyCheckBody } from '../../../shared/api/safety.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys, useCrisisLines, type SessionState } from '../../api/queries.js';
import { useMe } from '../../app/Shell.js';
import { Choices } from '../../components/choices.js';
import { ErrorSummary } from '../../components/form.js';
import { focusHeading, Page } from '../../components/Page.js';
import { HelpLines, useOpenAtTop } from './HelpLines.js';

type Draft = Partial<Record<SafetyQuestionId, boolean>>;
const yesNo = [
  { value: 'yes', label: t('safety.yes') },
  { value: 'no', label: t('safety.no') },
] as const;

/** After a "yes": the numbers first, on the first screen of a small phone; the explanation after. */
function SafetyModeOn({ country }: { country: string | null }) {
  useOpenAtTop();
  return (
    <Page title={t('safety.modeTitle')}>
      <HelpLines country={country} first="abuse" />
      <p>{t('safety.talkText')}</p>
      <p>{t('safety.modeText')}</p>
      <p className="panel">{t('safety.modePrivate')}</p>
      <p>{t('safety.quickExitTip')}</p>
      <p className="actions">
        <Link className="button primary" to="/app" replace>
          {t('safety.continue')}
        </Link>
      </p>
    </Page>
  );
}

/** The private safety check: a few yes/no questions; any "yes" turns on safety mode. */
export function SafetyCheck() {
  const me = useMe();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState(false);
  // Loaded while the person answers, so the numbers after a "yes" never wait.
  useCrisisLines();

  const save = useMutation({
    mutationFn: (body: SafetyCheckBody) => call(endpoints.safety.check, { body }),
    onSuccess: (status) => {
      client.setQueryData(keys.safety, status);
      // The shell's idle time and discreet title follow the new settings at once.
      client.setQueryData<SessionState>(keys.session, (s) =>
        s ? { ...s, idleMinutes: status.idleMinutes, discreet: status.discreet } : s,
      );
      // The result replaces the form: its heading takes focus and is read once (announcing the
      // same words as well showed them twice on screen).
      requestAnimationFrame(() => focusHeading());
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (safetyQuestionIds.some((id) => draft[id] === undefined)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const answers = Object.fromEntries(
      safetyQuestionIds.map((id) => [id, draft[id] === true]),
    ) as SafetyCheckBody['answers'];
    save.mutate({ answers });
  };

  if (save.data?.safetyMode) return <SafetyModeOn country={me.country} />;
  if (save.data) {
    return (
      <Page title={t('safety.calmTitle')}>
        <p>{t('safety.calmText')}</p>
        <p className="actions">
          <Link className="button primary" to="/app" replace>
            {t('safety.continue')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('safety.title')} lede={t('safety.intro')}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={save.error} fieldIds={{}} />
        {missing ? (
          <p className="field-error" role="alert">
            {t('safety.unanswered')}
          </p>
        ) : null}
        <p>{t('safety.question')}</p>
        {safetyQuestionIds.map((id) => (
          <Choices
            key={id}
            type="radio"
            name={`safety-${id}`}
            legend={t(`safety.q.${id}`)}
            options={yesNo}
            compact
            error={missing && draft[id] === undefined ? t('safety.unanswered') : undefined}
            isChecked={(v) => (draft[id] === undefined ? false : (v === 'yes') === draft[id])}
            onToggle={(v) => setDraft((d) => ({ ...d, [id]: v === 'yes' }))}
          />
        ))}
        <p>{t('safety.quickExitTip')}</p>
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={save.isPending}>
            {save.isPending ? t('safety.saving') : t('safety.submit')}
          </button>
        </p>
      </form>
    </Page>
  );
}
