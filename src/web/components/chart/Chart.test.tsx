import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n/messages.js';
import { Chart, type ChartBand, type ChartSeries } from './Chart.js';

const day = (d: number) => new Date(2026, 2, d).getTime();

const phq9: ChartSeries = {
  id: 'phq9',
  label: 'PHQ-9 score',
  points: [
    { t: day(1), value: 18 },
    { t: day(15), value: 11, marker: 'reliable_improvement' },
    { t: day(22), value: null },
    { t: day(29), value: 17, marker: 'reliable_deterioration' },
  ],
};

const gad7: ChartSeries = {
  id: 'gad7',
  label: 'GAD-7 score',
  points: [
    { t: day(1), value: 9 },
    { t: day(8), value: 4, marker: 'crisis' },
  ],
};

const bands: ChartBand[] = [
  { from: 0, to: 5, label: 'Minimal', tone: 0 },
  { from: 5, to: 10, label: 'Mild', tone: 1 },
  { from: 10, to: 15, label: 'Moderate', tone: 2 },
  { from: 15, to: 20, label: 'Moderately severe', tone: 3 },
  { from: 20, to: 27, label: 'Severe', tone: 4 },
];

const render = (series: ChartSeries[], extra: Partial<Parameters<typeof Chart>[0]> = {}) =>
  renderToStaticMarkup(
    <Chart
      title="How your mood has changed since March"
      description="Your score went down from 18 to 11, then back up to 17."
      series={series}
      tableCaption="Scores by date"
      {...extra}
    />,
  );

/** The table's body rows as arrays of cell texts (tags stripped). */
function tableRows(html: string): string[][] {
  const body = /<tbody>(.*)<\/tbody>/s.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((cell) =>
      (cell[1] ?? '').replace(/<[^>]+>/g, ''),
    ),
  );
}

describe('<Chart>', () => {
  it('is a figure with the title as its caption and the description as the image name', () => {
    const html = render([phq9]);
    expect(html).toMatch(
      /^<figure class="chart"><figcaption class="chart-title">How your mood has changed since March<\/figcaption>/,
    );
    expect(html).toContain(
      `role="img" aria-label="${t('chart.imageLabel', {
        description: 'Your score went down from 18 to 11, then back up to 17.',
      })}"`,
    );
  });

  it('holds every value in a table: one row per time, one column per series', () => {
    const html = render([phq9, gad7], { bands });
    expect(html).toContain(`<summary>${t('chart.showTable')}</summary>`);
    expect(html).toMatch(/<caption id="[^"]+">Scores by date<\/caption>/);
    expect(html).toMatch(
      /<th scope="col">Date<\/th><th scope="col">PHQ-9 score<\/th><th scope="col">GAD-7 score<\/th>/,
    );
    const none = t('chart.noEntry');
    expect(tableRows(html)).toEqual([
      ['1 March 2026', '18 (Moderately severe)', '9 (Mild)'],
      ['8 March 2026', none, '4 (Minimal) Crisis support offered'],
      ['15 March 2026', '11 (Moderate) Reliable improvement', none],
      ['22 March 2026', none, none],
      ['29 March 2026', '17 (Moderately severe) Reliable deterioration', none],
    ]);
  });

  it('names each marker in words, in the table and in the key', () => {
    const html = render([phq9, gad7]);
    for (const key of [
      'chart.marker.reliable_improvement',
      'chart.marker.reliable_deterioration',
      'chart.marker.crisis',
    ] as const) {
      expect(html).toContain(`<span class="chart-marker-text">${t(key)}</span>`);
      expect(html).toMatch(new RegExp(`<li><svg[^>]*>.*?</svg>${t(key)}</li>`));
    }
    expect(html).toContain(t('chart.reliableNote'));
    expect(
      html.match(/class="chart-marker (reliable_improvement|reliable_deterioration|crisis)"/g),
    ).toHaveLength(
      6, // three on the plot, three in the key
    );
  });

  it('tells the lines apart by dash and point shape as well as colour', () => {
    const html = render([phq9, gad7]);
    const lines = [
      ...html.matchAll(/<g class="chart-s(\d)"><path class="chart-line" d="([^"]*)"([^>]*)>/g),
    ];
    expect(lines.map((m) => m[1])).toEqual(['1', '2']);
    expect(lines[0]?.[3]).not.toContain('stroke-dasharray');
    expect(lines[1]?.[3]).toContain('stroke-dasharray="8 5"');
    // The gap on 22 March splits the PHQ-9 line in two.
    expect(lines[0]?.[2]?.match(/M/g)).toHaveLength(2);
  });

  it('draws the bands with their names and uses the given value formatter', () => {
    const html = render([phq9], {
      bands,
      yDomain: [0, 27],
      yLabel: 'Score (0–27)',
      valueLabel: (v) => `${v} pts`,
    });
    expect(html.match(/<rect class="chart-band"/g)).toHaveLength(5);
    expect(html).toContain('>Moderately severe</text>');
    expect(html).toContain('>Score (0–27)</text>');
    expect(html).toContain('>0 pts</text>');
    expect(tableRows(html)[0]).toEqual(['1 March 2026', '18 pts (Moderately severe)']);
  });

  it('shows a single answer as a point, with a note that a line comes later', () => {
    const html = render([{ id: 'a', label: 'Hurt', points: [{ t: day(3), value: 6 }] }]);
    expect(html).toContain('class="chart-point"');
    expect(html).toContain(t('chart.onePoint'));
    expect(tableRows(html)).toEqual([['3 March 2026', '6']]);
    expect(render([phq9])).not.toContain(t('chart.onePoint'));
  });

  it('says there is nothing yet instead of drawing an empty plot', () => {
    for (const series of [
      [],
      [{ id: 'a', label: 'Hurt', points: [] }],
      [{ id: 'a', label: 'Hurt', points: [{ t: day(1), value: null }] }],
    ]) {
      const html = render(series);
      expect(html).toContain(`<p class="chart-empty">${t('chart.empty')}</p>`);
      expect(html).toContain(
        '<figcaption class="chart-title">How your mood has changed since March</figcaption>',
      );
      expect(html).not.toContain('<svg');
      expect(html).not.toContain('<table');
    }
    expect(render([], { emptyText: 'No check-ins yet.' })).toContain('No check-ins yet.');
  });

  it('shades a likely range behind the line, names it in the key and gives it in the table', () => {
    const estimate: ChartSeries = {
      id: 'estimate',
      label: 'Estimate',
      rangeLabel: 'Likely range',
      points: [
        { t: day(1), value: 0.6, range: [0.3, 0.85] },
        { t: day(8), value: 0.8, range: [0.65, 0.9] },
      ],
    };
    const percent = (v: number) => `${Math.round(v * 100)}%`;
    const html = render([estimate], { valueLabel: percent, yDomain: [0, 1] });
    expect(html).toMatch(/<path class="chart-range" d="M[^"]+Z"/);
    expect(html).toContain('Likely range</li>');
    expect(tableRows(html).map((row) => row[1])).toEqual([
      '60% (likely 30% to 85%)',
      '80% (likely 65% to 90%)',
    ]);
    // Without a range, nothing is shaded and the key says nothing of one.
    const plain = render([phq9]);
    expect(plain).not.toContain('chart-range');
  });
});
