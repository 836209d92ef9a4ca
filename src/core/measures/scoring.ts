import { DomainError } from '../errors.js';
import type { Instrument } from './instrument.js';

/** Answers keyed by item id (phq9.1 …), each the score of the option chosen. */
export type Answers = Readonly<Record<string, number>>;

export interface Score {
  readonly total: number;
  readonly band: { readonly id: string; readonly label: string };
  /** At or above the guidance threshold: likely to benefit from professional help. */
  readonly aboveGuidance: boolean;
  /** A crisis rule fired (PHQ-9 item 9 above 0): show the crisis response before anything else. */
  readonly crisis: boolean;
}

export type ReliableChange =
  'reliable_improvement' | 'reliable_deterioration' | 'no_reliable_change';

/**
 * Recovery needs a caseness threshold: "recovery" moves from at or above caseness to below it;
 * "reliable_recovery" is recovery with a reliable improvement (the more specific label wins);
 * "no_recovery" is still at or above caseness; "below_caseness_at_start" means recovery does not apply.
 */
export type Recovery = 'reliable_recovery' | 'recovery' | 'no_recovery' | 'below_caseness_at_start';

/** Jacobson & Truax (1991): |RC| above this is unlikely to be measurement error alone (p < .05). */
export const JACOBSON_TRUAX_CRITICAL = 1.96;

const answerOf = (answers: Answers, id: string): number | undefined =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

/**
 * Scores a complete set of answers from the instrument's data. Every scored item needs exactly one
 * of its own option scores, and nothing else may be present; otherwise `measure.answers_invalid`.
 */
export function scoreAnswers(instrument: Instrument, answers: Answers): Score {
  const known = new Set(instrument.items.map((i) => i.id));
  const unknown = Object.keys(answers).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new DomainError('measure.answers_invalid', { reason: 'unknown_items', items: unknown });
  }
  let total = 0;
  for (const item of instrument.items) {
    const value = answerOf(answers, item.id);
    if (value === undefined) {
      throw new DomainError('measure.answers_invalid', { reason: 'missing', item: item.id });
    }
    if (!item.options.some((o) => o.score === value)) {
      throw new DomainError('measure.answers_invalid', { reason: 'not_an_option', item: item.id });
    }
    total += value;
  }
  const band = bandFor(instrument, total);
  const crisis = instrument.crisisRules.some((rule) => {
    switch (rule.type) {
      case 'item_above':
        return (answerOf(answers, rule.item) ?? 0) > rule.above;
    }
  });
  return {
    total,
    band: { id: band.id, label: band.label },
    aboveGuidance: total >= instrument.guidance.atLeast,
    crisis,
  };
}

/** The severity band holding a total; the schema guarantees the bands tile min..max. */
export function bandFor(instrument: Instrument, total: number): Instrument['bands'][number] {
  const band = instrument.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) {
    throw new RangeError(
      `${instrument.id}: ${total} is outside ${instrument.scoring.min}–${instrument.scoring.max}`,
    );
  }
  return band;
}

function checkTotal(instrument: Instrument, total: number): void {
  const { min, max } = instrument.scoring;
  if (!Number.isInteger(total) || total < min || total > max) {
    throw new RangeError(`${instrument.id}: ${total} is not a total between ${min} and ${max}`);
  }
}

/**
 * Jacobson & Truax (1991) reliable change index:
 *   S_E = SD·√(1 − r),  S_diff = √2·S_E,  RC = (x2 − x1) / S_diff.
 * A change is reliable when |RC| > 1.96. `sd` is the norm group's standard deviation and `r` the
 * measure's reliability (0 ≤ r < 1). Used for labels only when an instrument's data carries both.
 */
export function jacobsonTruaxIndex(sd: number, r: number, x1: number, x2: number): number {
  if (!(sd > 0) || !Number.isFinite(sd)) throw new RangeError('sd must be a positive number');
  if (!(r >= 0 && r < 1)) throw new RangeError('r must be at least 0 and below 1');
  if (!Number.isFinite(x1) || !Number.isFinite(x2)) throw new RangeError('scores must be numbers');
  const standardError = sd * Math.sqrt(1 - r);
  const standardErrorOfDifference = Math.SQRT2 * standardError;
  return (x2 - x1) / standardErrorOfDifference;
}

/**
 * Labels the change between two totals by the instrument's own rule (PHQ-9: at least 6 points;
 * GAD-7: at least 4, the NHS Talking Therapies convention). Lower scores are better.
 */
export function reliableChange(
  instrument: Instrument,
  before: number,
  after: number,
): ReliableChange {
  checkTotal(instrument, before);
  checkTotal(instrument, after);
  const rule = instrument.reliableChange;
  let reliable: boolean;
  switch (rule.type) {
    case 'threshold':
      reliable = Math.abs(after - before) >= rule.points;
      break;
    case 'jacobson_truax':
      reliable =
        Math.abs(jacobsonTruaxIndex(rule.sd, rule.reliability, before, after)) >
        JACOBSON_TRUAX_CRITICAL;
      break;
  }
  if (!reliable) return 'no_reliable_change';
  return after < before ? 'reliable_improvement' : 'reliable_deterioration';
}

/** Recovery labels, only for an instrument with a caseness threshold (GAD-7); otherwise undefined. */
export function recovery(
  instrument: Instrument,
  before: number,
  after: number,
): Recovery | undefined {
  const change = reliableChange(instrument, before, after);
  if (!instrument.caseness) return undefined;
  const caseness = instrument.caseness.atLeast;
  if (before < caseness) return 'below_caseness_at_start';
  if (after >= caseness) return 'no_recovery';
  return change === 'reliable_improvement' ? 'reliable_recovery' : 'recovery';
}
