import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Instrument } from './instrument.js';

// The facts in INSTRUMENTS.md, written out by hand so the data files are checked against them.
const options = [
  { score: 0, label: 'Not at all' },
  { score: 1, label: 'Several days' },
  { score: 2, label: 'More than half the days' },
  { score: 3, label: 'Nearly every day' },
];
const followUpText =
  'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?';
const followUpLabels = [
  'Not difficult at all',
  'Somewhat difficult',
  'Very difficult',
  'Extremely difficult',
];

const facts = {
  phq9: {
    shortName: 'PHQ-9',
    citation: /Kroenke, Spitzer & Williams \(2001\), J Gen Intern Med 16:606–613/,
    published: 'Kroenke, Spitzer & Williams (2001)',
    prompt:
      'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ],
    max: 27,
    bands: [
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['moderately severe', 15, 19],
      ['severe', 20, 27],
    ],
    guidance: 10,
    caseness: undefined,
    reliableChange: 6,
  },
  gad7: {
    shortName: 'GAD-7',
    citation: /Spitzer, Kroenke, Williams & Löwe \(2006\), Arch Intern Med 166:1092–1097/,
    published: 'Spitzer, Kroenke, Williams & Löwe (2006)',
    prompt: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    items: [
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid, as if something awful might happen',
    ],
    max: 21,
    bands: [
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['severe', 15, 21],
    ],
    guidance: 10,
    caseness: 8,
    reliableChange: 4,
  },
} as const;

const nhsManual = 'NHS Talking Therapies for anxiety and depression Manual (NHS England)';

const load = (id: string): Instrument => {
  const url = new URL(`../../../content/instruments/${id}.json`, import.meta.url);
  return Instrument.parse(JSON.parse(fs.readFileSync(url, 'utf8')));
};

describe.each(Object.entries(facts))('the %s data file', (id, fact) => {
  const instrument = load(id);

  it('names itself, its source and the Pfizer terms, and asks for the source on screen', () => {
    expect(instrument.id).toBe(id);
    expect(instrument.shortName).toBe(fact.shortName);
    expect(instrument.title).toContain(fact.shortName);
    expect(instrument.source.citation).toMatch(fact.citation);
    expect(instrument.source.attribution).toContain(fact.shortName);
    expect(instrument.licence.terms).toBe(
      'no permission required to reproduce, translate, display or distribute',
    );
    expect(instrument.licence.grant).toMatch(/Pfizer/);
    expect(instrument.licence.nameSourceOnScreen).toBe(true);
    expect(instrument.prompt).toBe(fact.prompt);
  });

  it('holds the exact items, in order, with stable ids and the four answers scored 0 to 3', () => {
    expect(instrument.items.map((i) => i.text)).toEqual(fact.items);
    expect(instrument.items.map((i) => i.id)).toEqual(fact.items.map((_, n) => `${id}.${n + 1}`));
    for (const item of instrument.items) expect(item.options, item.id).toEqual(options);
  });

  it('asks the unscored follow-up with its four answers', () => {
    expect(instrument.followUp?.text).toBe(followUpText);
    expect(instrument.followUp?.scored).toBe(false);
    expect(instrument.followUp?.options.map((o) => o.label)).toEqual(followUpLabels);
  });

  it('sums to 0..max, with the published bands and thresholds and nothing invented', () => {
    expect(instrument.scoring).toMatchObject({ type: 'sum', min: 0, max: fact.max });
    expect(instrument.bands.map((b) => [b.label, b.min, b.max])).toEqual(fact.bands);
    expect(instrument.guidance.atLeast).toBe(fact.guidance);
    expect(instrument.guidance.meaning).toBe('likely to benefit from professional help');
    expect(instrument.caseness?.atLeast).toBe(fact.caseness);
    expect(instrument.reliableChange).toMatchObject({
      type: 'threshold',
      points: fact.reliableChange,
      convention: 'NHS Talking Therapies convention',
    });
  });

  it('rests each rule on its published source, never on an internal note', () => {
    expect(instrument.scoring.source).toBe(fact.published);
    expect(instrument.bandsSource).toBe(instrument.scoring.source);
    expect(instrument.guidance.source).toBe(instrument.scoring.source);
    expect(instrument.reliableChange.source).toBe(nhsManual);
    if (instrument.caseness) expect(instrument.caseness.source).toBe(nhsManual);
    expect(JSON.stringify(instrument)).not.toMatch(/INSTRUMENTS|\.md\b/);
  });
});

describe('the crisis rule', () => {
  it('is on PHQ-9 item 9 only: any answer above 0 gets an immediate response', () => {
    expect(load('phq9').crisisRules).toEqual([
      expect.objectContaining({
        type: 'item_above',
        item: 'phq9.9',
        above: 0,
        response: 'immediate',
      }),
    ]);
    expect(load('gad7').crisisRules).toEqual([]);
  });
});
