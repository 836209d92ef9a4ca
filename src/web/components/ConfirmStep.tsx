import type { Ref } from 'react';
import { problemOf } from './form.js';

/**
 * The second, explicit step before something is sent or removed: says exactly what will happen and
 * who will see what, then asks (the same pattern as sharing a check-in).
 */
export function ConfirmStep({
  ref,
  ...props
}: {
  ref: Ref<HTMLDivElement>;
  id: string;
  text: string;
  error: unknown;
  busy: boolean;
  confirm: string;
  onConfirm: () => void;
  decline: string;
  onDecline: () => void;
}) {
  return (
    <div ref={ref} tabIndex={-1} className="confirm" role="group" aria-labelledby={props.id}>
      <p id={props.id}>{props.text}</p>
      {props.error ? (
        <p className="field-error" role="alert">
          {problemOf(props.error).detail}
        </p>
      ) : null}
      <p className="actions">
        <button
          type="button"
          className="button primary"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirm}
        </button>
        <button type="button" className="button quiet" onClick={props.onDecline}>
          {props.decline}
        </button>
      </p>
    </div>
  );
}
