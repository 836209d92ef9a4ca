/**
 * Appreciation notes: short words of thanks, sent at once and kept for both partners to look back
 * on. A note is never edited (the other may already have read it); its author may take it back.
 */
export const APPRECIATION_MAX = 500;

/** Only the author takes a note back; to anyone else it does not exist (the same 404). */
export const mayTakeBack = (note: { readonly authorId: string }, callerId: string): boolean =>
  note.authorId === callerId;
