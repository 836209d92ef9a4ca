import { useEffect, useRef, type RefObject } from 'react';
import { useBlocker, type Blocker } from 'react-router';
import { t } from '../../shared/i18n/messages.js';
import { leaving } from './leaving.js';

export interface LeaveGuard {
  readonly blocker: Blocker;
  readonly promptRef: RefObject<HTMLDivElement | null>;
  /** Once the words are saved, sent or deleted: the move that follows needs no asking. */
  readonly allowLeaving: () => void;
}

/**
 * Nothing is discarded without asking: leaving a page with unsaved words needs a second, explicit
 * step, in the app (see LeavePrompt) and on a reload or closing the tab. Not when the screen is
 * cleared for privacy (the words are kept for after signing in again), nor on the way to help.
 */
export function useLeaveGuard(unsaved: boolean): LeaveGuard {
  const allowed = useRef(false);
  const blocker = useBlocker(() => unsaved && !allowed.current && !leaving.forPrivacy);
  const promptRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (blocker.state === 'blocked') promptRef.current?.focus();
  }, [blocker.state]);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!leaving.forHelp && !leaving.forPrivacy) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const allowLeaving = () => {
    allowed.current = true;
  };
  return { blocker, promptRef, allowLeaving };
}

/** The "leave this page?" question while a move away is held back; it takes focus when it shows. */
export function LeavePrompt({ guard, text }: { guard: LeaveGuard; text: string }) {
  const { blocker, promptRef } = guard;
  if (blocker.state !== 'blocked') return null;
  return (
    <div
      ref={promptRef}
      tabIndex={-1}
      className="confirm"
      role="group"
      aria-labelledby="leave-text"
    >
      <p id="leave-text">{text}</p>
      <p className="actions">
        <button type="button" className="button primary" onClick={() => blocker.reset()}>
          {t('checkin.stay')}
        </button>
        <button type="button" className="button quiet" onClick={() => blocker.proceed()}>
          {t('checkin.leave')}
        </button>
      </p>
    </div>
  );
}
