import type { Instrument } from '../../../core/measures/instrument.js';
import type { InstrumentView } from '../../../shared/api/screens.js';

/** The questionnaire as the client shows it: text, options, bands and the source line. */
export function instrumentView(i: Instrument): InstrumentView {
  return {
    id: i.id,
    version: i.version,
    title: i.title,
    shortName: i.shortName,
    measures: i.measures,
    prompt: i.prompt,
    items: i.items.map((item) => ({ id: item.id, text: item.text, options: item.options })),
    followUp: i.followUp
      ? { id: i.followUp.id, text: i.followUp.text, options: i.followUp.options }
      : null,
    scoring: { min: i.scoring.min, max: i.scoring.max },
    bands: i.bands,
    guidanceAtLeast: i.guidance.atLeast,
    reliableChangePoints: i.reliableChange.type === 'threshold' ? i.reliableChange.points : null,
    reliableChangeSource: i.reliableChange.source,
    source: i.source,
    licence: { terms: i.licence.terms, grant: i.licence.grant ?? null },
  };
}
