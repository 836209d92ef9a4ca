/**
 * Steadfast's own forgiveness reflection (INSTRUMENTS.md): three subscales — avoidance, resentment
 * and goodwill — of three or four items each, every item answered 1–5 for how much the person
 * agrees. It is our own wording and not a validated clinical instrument, and says so wherever it is
 * shown. A result is the mean of each subscale, nothing more: no total, no cut-offs, no bands, no
 * direction that counts as better. "Not forgiving, or not yet, is a complete answer."
 *
 * The measure is data (like the instruments in content/instruments), checked by `ForgivenessMeasureSchema`
 * when the server starts and by the tests (plain data here, so the web bundle carries no Zod); stored answers name the item ids and the version.
 */

export const forgivenessSubscales = ['avoidance', 'resentment', 'goodwill'] as const;
export type ForgivenessSubscale = (typeof forgivenessSubscales)[number];

export const AGREEMENT_MIN = 1;
export const AGREEMENT_MAX = 5;
export const FORGIVENESS_NOTE_MAX = 2_000;

/** The measure's shape; `ForgivenessMeasureSchema` (measure.schema.ts) checks the data below. */
export interface ForgivenessMeasure {
  readonly id: 'forgiveness';
  /** Bump when an item's wording changes; each stored entry keeps the version it answered. */
  readonly version: number;
  readonly title: string;
  /** Shown under the reflection wherever it appears. */
  readonly source: "Steadfast's own reflection, not a validated clinical instrument";
  readonly prompt: string;
  readonly options: readonly { readonly value: number; readonly label: string }[];
  /** Item ids are stable forever, like avoidance.2: stored answers refer to them. */
  readonly items: readonly {
    readonly id: string;
    readonly subscale: ForgivenessSubscale;
    readonly text: string;
  }[];
}

export const forgivenessMeasure: ForgivenessMeasure = {
  id: 'forgiveness',
  version: 1,
  title: 'Resentment, avoidance and goodwill',
  source: "Steadfast's own reflection, not a validated clinical instrument",
  prompt:
    'Thinking about the hurt between you and your partner, how much do you agree with each sentence today? There are no right answers, and your answers may change from one time to the next.',
  options: [
    { value: 1, label: 'Strongly disagree' },
    { value: 2, label: 'Disagree' },
    { value: 3, label: 'Neither agree nor disagree' },
    { value: 4, label: 'Agree' },
    { value: 5, label: 'Strongly agree' },
  ],
  items: [
    { id: 'avoidance.1', subscale: 'avoidance', text: 'I keep some distance from my partner.' },
    {
      id: 'avoidance.2',
      subscale: 'avoidance',
      text: 'I steer away from talking with my partner about what happened.',
    },
    {
      id: 'avoidance.3',
      subscale: 'avoidance',
      text: 'I hold back from being close to my partner.',
    },
    {
      id: 'avoidance.4',
      subscale: 'avoidance',
      text: 'I find reasons not to spend time alone with my partner.',
    },
    {
      id: 'resentment.1',
      subscale: 'resentment',
      text: 'I feel angry when what happened comes to mind.',
    },
    {
      id: 'resentment.2',
      subscale: 'resentment',
      text: 'I go over what happened again and again in my head.',
    },
    {
      id: 'resentment.3',
      subscale: 'resentment',
      text: 'Part of me wants my partner to feel the hurt I felt.',
    },
    {
      id: 'resentment.4',
      subscale: 'resentment',
      text: 'Bitterness about what happened rises in me.',
    },
    { id: 'goodwill.1', subscale: 'goodwill', text: 'I can wish my partner well.' },
    {
      id: 'goodwill.2',
      subscale: 'goodwill',
      text: 'I can see my partner as more than what they did.',
    },
    { id: 'goodwill.3', subscale: 'goodwill', text: 'I feel some warmth towards my partner.' },
  ],
};

export const forgivenessItemIds: readonly string[] = forgivenessMeasure.items.map((i) => i.id);

/** One answer per item, each a whole number 1–5. */
export type ForgivenessAnswers = Readonly<Record<string, number>>;
export type SubscaleMeans = Readonly<Record<ForgivenessSubscale, number>>;

/** What is wrong with a set of answers (a missing, unknown or out-of-range one), or undefined. */
export function answersProblem(answers: ForgivenessAnswers): string | undefined {
  for (const id of forgivenessItemIds) {
    const v = answers[id];
    if (v === undefined) return `missing:${id}`;
    if (!Number.isInteger(v) || v < AGREEMENT_MIN || v > AGREEMENT_MAX) return `range:${id}`;
  }
  const unknown = Object.keys(answers).find((k) => !forgivenessItemIds.includes(k));
  return unknown === undefined ? undefined : `unknown:${unknown}`;
}

/**
 * The mean of each subscale's answers, 1–5. The only result there is: no total, no band, and no
 * reading of which way is "better" — each person decides what their own answers mean to them.
 */
export function subscaleMeans(answers: ForgivenessAnswers): SubscaleMeans {
  const problem = answersProblem(answers);
  if (problem) throw new RangeError(`forgiveness answers are not complete: ${problem}`);
  const mean = (s: ForgivenessSubscale) => {
    const items = forgivenessMeasure.items.filter((i) => i.subscale === s);
    return items.reduce((sum, i) => sum + (answers[i.id] ?? 0), 0) / items.length;
  };
  return {
    avoidance: mean('avoidance'),
    resentment: mean('resentment'),
    goodwill: mean('goodwill'),
  };
}

/** Means as the API gives them: two decimals, so 7/3 is 2.33 and a chart never shows 2.3333333. */
export const roundMean = (v: number): number => Math.round(v * 100) / 100;

/** The optional prompts beside the private forgiveness reflection (their words are in the catalogue). */
export const reflectionPrompts = ['means', 'not_ready', 'need', 'let_go', 'self'] as const;
export type ReflectionPrompt = (typeof reflectionPrompts)[number];
export const FORGIVENESS_REFLECTION_MAX = 10_000;

/**
 * The means of a stored entry, by the subscale each answer's id names. An entry keeps the items of
 * the version it answered, so an older entry still charts after a later version changes the items.
 */
export function storedMeans(answers: ForgivenessAnswers): SubscaleMeans {
  const mean = (s: ForgivenessSubscale) => {
    const values = Object.entries(answers)
      .filter(([id]) => id.startsWith(`${s}.`))
      .map(([, v]) => v);
    return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  };
  return {
    avoidance: mean('avoidance'),
    resentment: mean('resentment'),
    goodwill: mean('goodwill'),
  };
}
