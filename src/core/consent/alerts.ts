/**
 * Which therapists a client's answer alerts: a plain function over the client's links. Nothing
 * here does I/O. An alert says what kind of answer it was and when, never the answer itself.
 *
 * - A crisis answer (a screen's crisis rule, PHQ-9 item 9 above 0; or a "yes" in the safety check)
 *   alerts every therapist with an ACTIVE link whose client answered "yes" to crisis alerts, with
 *   or without consent to screens or the safety check: the client chose this when linking.
 * - Reliable deterioration against the person's previous result (the instrument's own rule, see
 *   core/measures/scoring.ts) alerts every therapist with an active link and consent to screens.
 * - A link that is only asked for, or that ended, alerts no one.
 */
import type { ConsentCategory, LinkStatus } from '../access/consent.js';
import type { Instrument } from '../measures/instrument.js';
import { reliableChange } from '../measures/scoring.js';

export type AlertKind = 'crisis_item9' | 'crisis_safety' | 'deterioration';

/** One of the client's links, as the rule needs it. */
export interface AlertLink {
  readonly id: string;
  readonly therapistId: string;
  readonly status: LinkStatus;
  readonly alertCrisis: boolean;
  readonly consents: ReadonlySet<ConsentCategory>;
}

/** Something the client just answered that may alert a therapist. */
export type AlertEvent =
  | {
      readonly kind: 'screen';
      /** The result's id. */
      readonly sourceId: string;
      readonly at: number;
      readonly instrument: Instrument;
      readonly total: number;
      /** A crisis rule fired (PHQ-9 item 9 above 0). */
      readonly crisis: boolean;
      /** The total of the person's previous result of this instrument; undefined without one. */
      readonly previousTotal: number | undefined;
    }
  | {
      readonly kind: 'safety_check';
      readonly at: number;
      /** Any "yes" among the answers. */
      readonly anyYes: boolean;
    };

export interface AlertToRaise {
  readonly linkId: string;
  readonly therapistId: string;
  readonly kind: AlertKind;
  readonly sourceId: string | null;
  readonly at: number;
}

/** Whether a screen's result is a reliable deterioration against the previous one. */
export const deteriorated = (
  instrument: Instrument,
  previousTotal: number | undefined,
  total: number,
): boolean =>
  previousTotal !== undefined &&
  reliableChange(instrument, previousTotal, total) === 'reliable_deterioration';

/** The alerts this event raises, one per link and kind. */
export function alertsFor(links: readonly AlertLink[], event: AlertEvent): AlertToRaise[] {
  const kinds: { kind: AlertKind; sourceId: string | null; needs: 'crisis' | 'screens' }[] = [];
  if (event.kind === 'screen') {
    if (event.crisis)
      kinds.push({ kind: 'crisis_item9', sourceId: event.sourceId, needs: 'crisis' });
    if (deteriorated(event.instrument, event.previousTotal, event.total)) {
      kinds.push({ kind: 'deterioration', sourceId: event.sourceId, needs: 'screens' });
    }
  } else if (event.anyYes) {
    kinds.push({ kind: 'crisis_safety', sourceId: null, needs: 'crisis' });
  }
  const out: AlertToRaise[] = [];
  for (const link of links) {
    if (link.status !== 'active') continue;
    for (const k of kinds) {
      const chosen = k.needs === 'crisis' ? link.alertCrisis : link.consents.has('screens');
      if (chosen) {
        out.push({
          linkId: link.id,
          therapistId: link.therapistId,
          kind: k.kind,
          sourceId: k.sourceId,
          at: event.at,
        });
      }
    }
  }
  return out;
}
