import type { LetterKind, StatementParts } from '../../../../core/letters/letter.js';
import type { LetterVersion } from '../../../../shared/api/letters.js';

export const emptyParts: StatementParts = { did: '', impact: '', remorse: '', next: '' };

/**
 * A statement's four parts travel through the editor as one string, their JSON, so that saving on a
 * pause, "unsaved" and leaving work the same for every kind; it is taken apart only to show and send.
 */
export const partsOf = (value: string): StatementParts =>
  value ? (JSON.parse(value) as StatementParts) : emptyParts;
export const joinParts = (parts: StatementParts): string =>
  JSON.stringify({
    did: parts.did,
    impact: parts.impact,
    remorse: parts.remorse,
    next: parts.next,
  });
/** What the editor holds for a version: a letter's text, or a statement's parts joined. */
export const editorText = (v: LetterVersion): string =>
  v.kind === 'statement' ? joinParts(v.parts ?? emptyParts) : v.text;
/** What is sent for the editor's content: `text`, or a statement's `parts`. */
export const contentOf = (kind: LetterKind, value: string) =>
  kind === 'statement' ? { parts: partsOf(value) } : { text: value };
