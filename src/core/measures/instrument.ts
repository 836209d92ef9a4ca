import { z } from 'zod';

/**
 * A validated questionnaire stored as data (content/instruments/*.json). Scoring, bands, thresholds
 * and the rules' parameters all come from the file, each with the source it rests on; the code never
 * holds a clinical number of its own. A file that breaks any rule below stops start-up.
 */

const idPattern = /^[a-z][a-z0-9]*$/;
const slugId = z
  .string()
  .regex(/^[a-z]+(?:_[a-z]+)*$/, 'must be lowercase words joined by underscores, like mild');
const text = z.string().trim().min(1);
const score = z.number().int().min(0).max(1000);
/** Where a rule or number comes from, so a result can say which rule produced it. */
const source = text;

/** Makes "unknown rule type" errors say which types we know rather than a bare "invalid input". */
const unknownType = (kind: string, known: readonly string[]) => (issue: { code: string }) =>
  issue.code === 'invalid_union'
    ? `unknown ${kind} rule type; the types Steadfast knows are: ${known.join(', ')}`
    : undefined;

export const AnswerOption = z.strictObject({ score, label: text });
export type AnswerOption = z.infer<typeof AnswerOption>;

export const InstrumentItem = z.strictObject({
  /** Stable forever, like phq9.9: stored answers refer to it. */
  id: z.string(),
  text,
  options: z.array(AnswerOption).min(2),
});
export type InstrumentItem = z.infer<typeof InstrumentItem>;

/** Asked after the items and never scored (the PHQ screeners' "how difficult" question). */
export const FollowUp = z.strictObject({
  id: z.string(),
  text,
  scored: z.literal(false),
  options: z.array(z.strictObject({ id: slugId, label: text })).min(2),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const SeverityBand = z.strictObject({ id: slugId, label: text, min: score, max: score });
export type SeverityBand = z.infer<typeof SeverityBand>;

export const CrisisRule = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      /** Fires when the answer to `item` is greater than `above`, whatever the total. */
      type: z.literal('item_above'),
      item: z.string(),
      above: score,
      response: z.literal('immediate'),
      meaning: text,
      source,
    }),
  ],
  { error: unknownType('crisis', ['item_above']) },
);
export type CrisisRule = z.infer<typeof CrisisRule>;

export const ReliableChangeRule = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      /** Reliable when the score moves by at least `points` (a published convention). */
      type: z.literal('threshold'),
      points: z.number().int().positive(),
      convention: text,
      source,
    }),
    z.strictObject({
      /** Jacobson & Truax (1991): reliable when |RC| > 1.96, from a norm SD and a reliability. */
      type: z.literal('jacobson_truax'),
      sd: z.number().positive(),
      reliability: z.number().min(0).lt(1),
      source,
    }),
  ],
  { error: unknownType('reliable change', ['threshold', 'jacobson_truax']) },
);
export type ReliableChangeRule = z.infer<typeof ReliableChangeRule>;

const Scoring = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('sum'),
      /** Both PHQ-9 and GAD-7: a higher score means more distress. */
      direction: z.literal('lower_is_better'),
      /** Every item scores each whole number from itemMin to itemMax through exactly one option. */
      itemMin: score,
      itemMax: score,
      /** The lowest and highest totals. */
      min: score,
      max: score,
      source,
    }),
  ],
  { error: unknownType('scoring', ['sum']) },
);

const InstrumentShape = z.strictObject({
  id: z.string().regex(idPattern, 'must be lowercase letters and digits, like phq9'),
  /** The version of our data file; bump it when wording or a rule changes. */
  version: z.number().int().positive(),
  title: text,
  shortName: text,
  measures: text,
  source: z.strictObject({
    citation: text,
    /** The line shown under the questionnaire: the licence asks for the source on screen. */
    attribution: text,
  }),
  licence: z.strictObject({
    terms: text,
    grant: text.optional(),
    nameSourceOnScreen: z.literal(true),
    note: text,
  }),
  prompt: text,
  items: z.array(InstrumentItem).min(1),
  followUp: FollowUp.optional(),
  scoring: Scoring,
  bands: z.array(SeverityBand).min(1),
  bandsSource: source,
  /** At or above this total a person is likely to benefit from professional help. */
  guidance: z.strictObject({ atLeast: score, meaning: text, advice: text, source }),
  /** Only where a published caseness threshold exists (GAD-7); never invented for the others. */
  caseness: z.strictObject({ atLeast: score, convention: text, source }).optional(),
  crisisRules: z.array(CrisisRule),
  reliableChange: ReliableChangeRule,
});

type Shape = z.infer<typeof InstrumentShape>;
type Report = (message: string, path: PropertyKey[]) => void;

function checkItems(i: Shape, report: Report): void {
  const seen = new Set<string>();
  i.items.forEach((item, n) => {
    if (item.id !== `${i.id}.${n + 1}`) {
      report(`item ${n + 1} must have the id ${i.id}.${n + 1}, not ${item.id}`, ['items', n, 'id']);
    }
    if (seen.has(item.id)) report(`item id ${item.id} is used twice`, ['items', n, 'id']);
    seen.add(item.id);
    // Every item must score each value of the range exactly once, so every total between min and
    // max stays reachable and no answer is ambiguous.
    const { itemMin, itemMax } = i.scoring;
    const where = ['items', n, 'options'];
    for (let s = itemMin; s <= itemMax; s += 1) {
      const count = item.options.filter((o) => o.score === s).length;
      if (count === 0) report(`item ${item.id} has no option scoring ${s}`, where);
      if (count > 1) report(`item ${item.id} has ${count} options scoring ${s}`, where);
    }
    for (const o of item.options) {
      if (o.score < itemMin || o.score > itemMax) {
        report(
          `item ${item.id} has an option scoring ${o.score}, outside ${itemMin}–${itemMax}`,
          where,
        );
      }
    }
  });
  if (i.followUp && i.followUp.id !== `${i.id}.difficulty`) {
    report(`the follow-up question must have the id ${i.id}.difficulty`, ['followUp', 'id']);
  }
}

function checkRange(i: Shape, report: Report): void {
  const { itemMin, itemMax, min, max } = i.scoring;
  if (itemMin >= itemMax)
    report(`itemMin ${itemMin} must be below itemMax ${itemMax}`, ['scoring']);
  const n = i.items.length;
  if (min !== n * itemMin || max !== n * itemMax) {
    report(
      `scoring range ${min}–${max} does not match ${n} items scoring ${itemMin}–${itemMax}, which sum to ${n * itemMin}–${n * itemMax}`,
      ['scoring'],
    );
  }
}

const span = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);

function checkBands(i: Shape, report: Report): void {
  const { min, max } = i.scoring;
  const ids = new Set<string>();
  let expected = min;
  i.bands.forEach((band, n) => {
    if (ids.has(band.id)) report(`band id ${band.id} is used twice`, ['bands', n, 'id']);
    ids.add(band.id);
    if (band.min > band.max) {
      report(`band ${band.id} starts at ${band.min}, after its end ${band.max}`, ['bands', n]);
    }
    if (band.min > expected) {
      report(`bands leave a gap: no band covers ${span(expected, band.min - 1)}`, [
        'bands',
        n,
        'min',
      ]);
    } else if (band.min < expected) {
      report(
        n === 0
          ? `bands start at ${band.min}, below the lowest score ${min}`
          : `bands overlap: band ${band.id} starts at ${band.min}, inside the band before it`,
        ['bands', n, 'min'],
      );
    }
    expected = band.max + 1;
  });
  if (expected - 1 < max) {
    report(`bands leave a gap: no band covers ${span(expected, max)}`, ['bands']);
  } else if (expected - 1 > max) {
    report(`bands end at ${expected - 1}, above the highest score ${max}`, ['bands']);
  }
}

function checkThresholds(i: Shape, report: Report): void {
  const { min, max } = i.scoring;
  const within = (value: number, what: string, path: PropertyKey[]) => {
    if (value <= min || value > max) {
      report(`${what} ${value} must lie above ${min} and at most ${max}`, path);
    }
  };
  within(i.guidance.atLeast, 'the guidance threshold', ['guidance', 'atLeast']);
  if (i.caseness) within(i.caseness.atLeast, 'the caseness threshold', ['caseness', 'atLeast']);
  if (i.reliableChange.type === 'threshold' && i.reliableChange.points > max - min) {
    report(`a reliable change of ${i.reliableChange.points} points can never happen`, [
      'reliableChange',
      'points',
    ]);
  }
  i.crisisRules.forEach((rule, n) => {
    const item = i.items.find((it) => it.id === rule.item);
    if (!item) {
      report(`crisis rule ${n + 1} names item ${rule.item}, which does not exist`, [
        'crisisRules',
        n,
        'item',
      ]);
    } else if (rule.above >= i.scoring.itemMax) {
      report(
        `crisis rule ${n + 1} can never fire: no answer to ${rule.item} is above ${rule.above}`,
        ['crisisRules', n, 'above'],
      );
    }
  });
}

export const Instrument = InstrumentShape.superRefine((i, ctx) => {
  const report: Report = (message, path) => ctx.addIssue({ code: 'custom', message, path });
  checkItems(i, report);
  checkRange(i, report);
  checkBands(i, report);
  checkThresholds(i, report);
});
export type Instrument = z.infer<typeof Instrument>;

/** The instruments the product promises; start-up fails if one is missing. */
export const requiredInstruments = ['phq9', 'gad7'] as const;
