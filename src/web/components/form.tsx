import { useEffect, useId, useRef } from 'react';
import type { InputHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { t } from '../../shared/i18n/messages.js';
import { isApiError } from '../api/client.js';

export const topField = (field: string): string => field.split(/[.[]/)[0] ?? field;

/** What went wrong, in the server's words when it sent some (problem details), else our own. */
export function problemOf(error: unknown) {
  if (isApiError(error)) return { ...error.problem, errors: error.problem.errors ?? [] };
  return { title: t('error.unexpectedTitle'), detail: t('error.unexpected'), code: '', errors: [] };
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return isApiError(error) ? error.fieldErrors : {};
}

/** Joins the ids that describe a control, skipping the empty ones. */
export const describedBy = (...ids: (string | false | null | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;

/**
 * The problem after a failed submit, at the top of the form. It takes focus so that screen
 * readers read it and keyboard users can follow its links to each field that needs attention.
 */
export function ErrorSummary({
  error,
  title,
  after,
  fieldIds = {},
}: {
  error: unknown;
  title?: string;
  /** A sentence added after the detail, e.g. "Your text is still here." */
  after?: string;
  /** Field name → id of its control, so each message can lead to its field. */
  fieldIds?: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const problem = problemOf(error);
  const several = problem.errors.length > 1;
  const go = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
  return (
    <div ref={ref} tabIndex={-1} className="error-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{title ?? problem.title}</h2>
      <p>
        {several ? t('form.severalProblems') : problem.detail}
        {after ? ` ${after}` : ''}
      </p>
      {several ? (
        <ul>
          {problem.errors.map((e) => {
            const id = fieldIds[topField(e.field)];
            return (
              <li key={`${e.field}:${e.message}`}>
                {id ? (
                  <a href={`#${id}`} onClick={go(id)}>
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

export function FieldError({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <span id={id} className="field-error">
      {children}
    </span>
  ) : null;
}

/** A failed action's problem in one line, where the action is (it has no field of its own). */
export function ErrorLine({ error }: { error: unknown }) {
  return error ? (
    <p className="field-error" role="alert">
      {problemOf(error).detail}
    </p>
  ) : null;
}

/**
 * After a save failed because the session ended: signing in again in another tab keeps this one,
 * and the words in it. `then` says what to do back here.
 */
export function SignInToSave({ error, then }: { error: unknown; then: string }) {
  return problemOf(error).code === 'auth.unauthenticated' ? (
    <p className="panel">
      <a href="/signin" target="_blank" rel="noopener">
        {t('checkin.signInNewTab')}
      </a>{' '}
      {then}
    </p>
  ) : null;
}

/** Says that the words typed before the screen was cleared for privacy are back in the form. */
export function WordsBack({ shown }: { shown: boolean }) {
  return shown ? (
    <p className="panel" role="status">
      {t('idle.wordsBack')}
    </p>
  ) : null;
}

/** A labelled text input with its hint and its error, both tied to it by aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
      <input
        id={id}
        // A plain text field unless told otherwise (the stylesheet styles inputs by their type).
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
        {...input}
      />
    </div>
  );
}
