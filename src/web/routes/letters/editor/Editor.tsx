import { useState } from 'react';
import type { LetterKind } from '../../../../core/letters/letter.js';
import { t, type MessageKey } from '../../../../shared/i18n/messages.js';
import { LeavePrompt } from '../../../app/leave-guard.js';
import { ErrorSummary, SignInToSave, WordsBack } from '../../../components/form.js';
import { LockIcon } from '../../../components/icons.js';
import { Page } from '../../../components/Page.js';
import { EditorActions, type Step } from './EditorActions.js';
import { LetterFields } from './LetterFields.js';
import { ReflectingOn } from './ReflectingOn.js';
import type { Setup } from './setup.js';
import { useLetterDraft } from './useLetterDraft.js';

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** Each kind's heading and the sentence under it. */
const kindWords = {
  impact: { title: 'letters.editor.impactTitle', lede: 'letters.editor.impactLede' },
  reflection: { title: 'letters.editor.reflectionTitle', lede: 'letters.editor.reflectionLede' },
  statement: { title: 'statement.editorTitle', lede: 'statement.editorLede' },
  unsent: { title: 'letters.editor.unsentTitle', lede: 'letters.editor.unsentLede' },
  forgiveness: { title: 'letters.editor.forgivenessTitle', lede: 'letters.editor.forgivenessLede' },
} as const satisfies Record<LetterKind, { title: MessageKey; lede: MessageKey }>;

/** The editor for one letter, reflection, statement or unsent letter, as its setup describes. */
export function Editor({ setup, partner }: { setup: Setup; partner: string | null }) {
  const { kind } = setup;
  const name = partner ?? t('join.yourPartner');
  const draft = useLetterDraft(setup, name);
  const [step, setStep] = useState<Step>('idle');
  const { save, send, remove } = draft;

  const error = save.error ?? send.error ?? remove.error;
  let status: string | null = null;
  if (save.isPending) status = t('letters.editor.saving');
  else if (draft.savedAt !== null && !draft.unsaved) {
    status = t('letters.editor.savedAt', { time: timeOfDay.format(draft.savedAt) });
  }

  return (
    <Page title={t(kindWords[kind].title)} lede={t(kindWords[kind].lede, { name })}>
      <WordsBack shown={draft.restored !== undefined} />
      <LeavePrompt guard={draft.guard} text={t('letters.editor.leaveConfirm')} />
      {kind === 'reflection' ? (
        <ReflectingOn
          thread={setup.thread}
          respondsTo={draft.respondsTo}
          busy={draft.busy}
          onMove={draft.moveTo}
        />
      ) : null}
      <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
        <ErrorSummary
          error={error}
          title={t('checkin.saveFailed')}
          after={t('checkin.keptText')}
          fieldIds={kind === 'statement' ? { parts: 'statement-did' } : { text: 'letter-text' }}
        />
        <SignInToSave error={error} then={t('letters.editor.signInThenSave')} />
        <LetterFields
          kind={kind}
          draft={draft}
          name={name}
          onChange={(text) => {
            draft.setText(text);
            if (step !== 'idle') setStep('idle');
          }}
        />
        <p className="visibility">
          <LockIcon />
          <span>
            {kind === 'unsent'
              ? t('letters.editor.unsentPrivate')
              : kind === 'forgiveness'
                ? t('letters.editor.forgivenessPrivate', { name })
                : t('letters.editor.private', { name })}
          </span>
        </p>
        {status ? <p className="small">{status}</p> : null}
        <EditorActions
          kind={kind}
          draft={draft}
          partner={partner}
          name={name}
          step={step}
          setStep={setStep}
        />
        {draft.incomplete && partner ? (
          <p id="statement-incomplete">{t('statement.incomplete')}</p>
        ) : null}
        {kind !== 'unsent' && !partner ? <p>{t('letters.editor.noPartner')}</p> : null}
      </form>
    </Page>
  );
}
