import { useRef } from 'react';
import { Link } from 'react-router';
import type { LetterKind } from '../../../../core/letters/letter.js';
import { t } from '../../../../shared/i18n/messages.js';
import { useAnnounce } from '../../../app/announcer.js';
import { ConfirmStep } from '../../../components/ConfirmStep.js';
import type { LetterDraft } from './useLetterDraft.js';

/** Sending and deleting each ask once more before they happen. */
export type Step = 'idle' | 'send' | 'delete';

/**
 * What may be done with the words: send (when there is a partner), save, delete the draft or go
 * back; or, while one of them is asked about, its second step.
 */
export function EditorActions({
  kind,
  draft,
  partner,
  name,
  step,
  setStep,
}: {
  kind: LetterKind;
  draft: LetterDraft;
  partner: string | null;
  name: string;
  step: Step;
  setStep: (step: Step) => void;
}) {
  const announce = useAnnounce();
  const confirmRef = useRef<HTMLDivElement>(null);
  const { text, save, send, remove, busy, over, blank, incomplete } = draft;
  const statement = kind === 'statement';

  const open = (next: 'send' | 'delete') => {
    send.reset();
    remove.reset();
    setStep(next);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };

  if (step === 'send') {
    return (
      <ConfirmStep
        ref={confirmRef}
        id="send-confirm"
        text={t(
          kind === 'reflection'
            ? 'letters.editor.sendReflectionConfirm'
            : statement
              ? 'statement.sendConfirm'
              : 'letters.editor.sendLetterConfirm',
          { name },
        )}
        error={send.error}
        busy={busy || over || blank || incomplete}
        confirm={t('letters.editor.sendYes', { name })}
        onConfirm={() => send.mutate()}
        decline={t('common.notNow')}
        onDecline={() => setStep('idle')}
      />
    );
  }
  if (step === 'delete') {
    return (
      <ConfirmStep
        ref={confirmRef}
        id="delete-confirm"
        text={t('letters.editor.deleteConfirm')}
        error={remove.error}
        busy={busy}
        confirm={t('checkins.deleteYes')}
        onConfirm={() => remove.mutate()}
        decline={t('checkins.keep')}
        onDecline={() => setStep('idle')}
      />
    );
  }
  return (
    <p className="actions">
      {kind !== 'unsent' && partner ? (
        <button
          type="button"
          // A forgiveness letter is never pressed towards sending: keeping it is the first choice.
          className={kind === 'forgiveness' ? 'button' : 'button primary'}
          disabled={busy || over || blank || incomplete}
          aria-describedby={incomplete ? 'statement-incomplete' : undefined}
          onClick={() => open('send')}
        >
          {kind === 'reflection'
            ? t('letters.editor.sendReflection')
            : statement
              ? t('statement.send')
              : t('letters.editor.sendLetter')}
        </button>
      ) : null}
      <button
        type="button"
        className={kind === 'unsent' || kind === 'forgiveness' ? 'button primary' : 'button'}
        disabled={busy || over || blank}
        onClick={() => {
          save.mutate(text, { onSuccess: () => announce(t('letters.editor.savedDone')) });
        }}
      >
        {t('letters.editor.save')}
      </button>
      {draft.hasDraft ? (
        <button type="button" className="button quiet" onClick={() => open('delete')}>
          {t('letters.editor.delete')}
        </button>
      ) : null}
      <Link className="button quiet" to="/app/letters">
        {t('letters.editor.back')}
      </Link>
    </p>
  );
}
