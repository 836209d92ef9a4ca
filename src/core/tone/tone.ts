/**
 * The tone helper: points out phrasing that may land as criticism, contempt or defensiveness, so a
 * person can read their words once more before sending them. Pure and local: it runs in the browser,
 * sends nothing anywhere, and never blocks sending. The rules are Steadfast's own.
 *
 * (Placeholder until the rules land: finds nothing.)
 */
export type ToneKind = 'criticism' | 'contempt' | 'defensiveness';

export interface ToneFinding {
  readonly kind: ToneKind;
  /** Where in the text the phrase is, in UTF-16 code units, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The words as the person wrote them. */
  readonly phrase: string;
}

export function reviewTone(_text: string): ToneFinding[] {
  return [];
}
