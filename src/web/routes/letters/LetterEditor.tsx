import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { t } from '../../../shared/i18n/messages.js';
import { useJourney } from '../../api/queries.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { Editor } from './editor/Editor.js';
import { setupFrom, type Setup } from './editor/setup.js';
import { useLetters } from './queries.js';

/**
 * Writing a letter, a reflection, an accountability statement (`?kind=statement`, in four guided
 * parts) or a letter for oneself, saved as a private draft as one writes. */
export function LetterEditor() {
  const [params] = useSearchParams();
  const letters = useLetters();
  const journey = useJourney();
  // Worked out once: later reloads of the list (after each save) must not reset what is typed.
  const [setup, setSetup] = useState<Setup | null | undefined>(undefined);
  if (setup === undefined && letters.data) setSetup(setupFrom(params, letters.data));

  if (letters.isError || journey.isError) {
    return (
      <Page title={t('letters.title')}>
        <p>{problemOf(letters.error ?? journey.error).detail}</p>
      </Page>
    );
  }
  if (setup === undefined || journey.isPending) {
    return (
      <Page title={t('letters.title')}>
        <Loading />
      </Page>
    );
  }
  if (setup === null) {
    return (
      <Page title={t('letters.editor.goneTitle')}>
        <p>{t('letters.editor.gone')}</p>
        <p className="actions">
          <Link className="button primary" to="/app/letters">
            {t('letters.editor.back')}
          </Link>
        </p>
      </Page>
    );
  }
  return <Editor setup={setup} partner={journey.data.journey?.partner?.displayName ?? null} />;
}
