import type { ReactNode } from 'react';
import { describedBy, FieldError } from './form.js';

export interface Option<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly text?: string;
}

export const choiceId = (name: string, value: string) => `${name}-${value}`;

/** A group of radio buttons or checkboxes drawn as cards, with one legend, hint and error. */
export function Choices<V extends string>({
  type,
  name,
  legend,
  hint,
  error,
  options,
  isChecked,
  onToggle,
  disabled = false,
  compact = false,
  children,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly Option<V>[];
  isChecked: (value: V) => boolean;
  onToggle: (value: V, checked: boolean) => void;
  disabled?: boolean;
  /** Short labels: several to a row on wider screens. */
  compact?: boolean;
  children?: ReactNode;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={describedBy(hint && hintId, error && errorId)}>
      <legend>{legend}</legend>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
      <div className={compact ? 'choices compact' : 'choices'}>
        {options.map((o) => {
          const id = choiceId(name, o.value);
          return (
            <label key={o.value} className="choice" htmlFor={id}>
              <input
                id={id}
                type={type}
                name={name}
                value={o.value}
                checked={isChecked(o.value)}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onToggle(o.value, e.target.checked)}
              />
              <span>
                <span className="choice-title">{o.label}</span>
                {o.text ? <span className="choice-text">{o.text}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
