import type { ReactNode } from 'react';
import { en } from '../../shared/i18n/en.js';
import type { MessageKey, MessageVars } from '../../shared/i18n/messages.js';

/**
 * A catalog message whose values (names, notes people wrote) are each in a <bdi>: an Arabic or
 * Hebrew name reads right to left without reordering the English sentence around it.
 */
export function Isolated({
  k,
  template,
  vars,
}: { vars: MessageVars } & (
  { k: MessageKey; template?: never } | { k?: never; template: string }
)): ReactNode {
  const pieces = (template ?? en[k]).split(/\{(\w+)\}/);
  return pieces.map((piece, i) =>
    i % 2 === 0 ? piece : <bdi key={i}>{piece in vars ? String(vars[piece]) : `{${piece}}`}</bdi>,
  );
}
