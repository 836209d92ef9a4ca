import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { describe, expect, inject, it } from 'vitest';
import { checkPage, heading, useCouple } from './support.js';

const baseUrl = inject('baseUrl');

// Alex (hurt, on a phone) and Sam (broke trust, on a desktop) share a together journey.
const couple = useCouple(baseUrl);

describe('steps 4 to 7, as a couple', () => {
  it('step 4: a weekly meeting is set, and its private feed holds the right dates', async () => {
    await couple.alex.goto('/app/meetings');
    await heading(couple.alex, 'Check-in meetings');
    await couple.alex.getByLabel('Day of the week').selectOption('4'); // Thursday
    await couple.alex.getByLabel('Time', { exact: true }).fill('19:30');
    await couple.alex.getByLabel('Time zone').selectOption('Europe/Berlin');
    await couple.alex.getByRole('button', { name: 'Save the meeting time' }).click();
    await couple.alex.getByText('Every Thursday at 19:30', { exact: false }).waitFor();
    await couple.alex.getByRole('button', { name: 'Make my calendar address' }).click();
    const address = couple.alex.getByLabel('Your private calendar address');
    await address.waitFor();
    await checkPage(couple.alex);

    // The feed needs no session: a calendar app reads it by its secret address.
    const feed = await fetch(await address.inputValue());
    expect(feed.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    }
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.summary).toBe('Check-in meeting');
    const iterator = event.iterator();
    const berlin = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    // Twenty weeks from December reach past the clock change at the end of March.
    const starts: Date[] = [];
    for (let next = iterator.next(); next && starts.length < 20; next = iterator.next()) {
      starts.push(next.toJSDate());
    }
    expect(starts).toHaveLength(20);
    for (const start of starts) expect(berlin.format(start)).toBe('Thursday 19:30');
    for (let i = 1; i < starts.length; i++) {
      const days = ((starts[i]?.getTime() ?? 0) - (starts[i - 1]?.getTime() ?? 0)) / 86_400_000;
      expect([6 + 23 / 24, 7, 7 + 1 / 24]).toContain(days);
    }

    // Sam sees the same meeting on his own screen.
    await couple.sam.goto('/app/meetings');
    await couple.sam.getByText('Every Thursday at 19:30', { exact: false }).waitFor();
    await checkPage(couple.sam);
  });

  it('step 4: Alex opens questions and asks; the tone helper notes "you always" and lets it go; Sam answers; Alex needs more', async () => {
    const question = `You always change the subject when I ask where you were ${randomUUID()}`;
    const answer = `I was at a bar with colleagues, and I should have told you ${randomUUID()}`;
    await couple.alex.goto('/app/questions');
    await heading(couple.alex, 'Questions and honest answers');
    await couple.alex.getByRole('radio', { name: 'Open now' }).check();
    await couple.alex.getByRole('button', { name: 'Save', exact: true }).click();
    await couple.alex.getByText('Your questions are open', { exact: false }).first().waitFor();

    await couple.alex.getByRole('textbox', { name: 'Your question' }).fill(question);
    // A gentle note, never a block: the send button stays there and works.
    const note = couple.alex.getByRole('group', { name: 'A gentle note before you send' });
    await note.waitFor();
    await note.getByText('May land as criticism').waitFor();
    await checkPage(couple.alex);
    await couple.alex.getByRole('button', { name: 'Send the question' }).click();
    await couple.alex.getByText(question).waitFor();

    await couple.sam.goto('/app/questions');
    await couple.sam.getByText(question).waitFor();
    await couple.sam.getByRole('textbox', { name: 'Your answer' }).fill(answer);
    await couple.sam.getByRole('button', { name: 'Send the answer' }).click();
    await couple.sam.getByText(answer).waitFor();
    await checkPage(couple.sam);

    await couple.alex.reload();
    await couple.alex.getByText(answer).waitFor();
    const needMore = couple.alex.getByRole('button', { name: 'I need more' });
    await needMore.click();
    await expect.poll(() => needMore.getAttribute('aria-pressed')).toBe('true');
    await checkPage(couple.alex);
  });

  it('step 5: a connection prompt shows both answers only once both have answered', async () => {
    const prompt = 'Where do you feel most like yourself?';
    const alexAnswer = `By the sea in the early morning ${randomUUID()}`;
    const samAnswer = `In the kitchen with music on ${randomUUID()}`;

    await couple.alex.goto('/app/prompts');
    await heading(couple.alex, 'Connection prompts');
    const alexCard = couple.alex.getByRole('article').filter({ hasText: prompt });
    await alexCard.getByRole('button', { name: 'Write my answer' }).click();
    await alexCard.getByRole('textbox', { name: `Your answer to: ${prompt}` }).fill(alexAnswer);
    await alexCard.getByRole('button', { name: 'Save my answer' }).click();
    await alexCard.getByText('Waiting for Sam', { exact: false }).waitFor();
    await checkPage(couple.alex);

    // Sam sees that the prompt is there, never Alex's words, until Sam has answered too.
    await couple.sam.goto('/app/prompts');
    const samCard = couple.sam.getByRole('article').filter({ hasText: prompt });
    await samCard.waitFor();
    expect(await couple.sam.getByText(alexAnswer).count()).toBe(0);
    await samCard.getByRole('button', { name: 'Write my answer' }).click();
    await samCard.getByRole('textbox', { name: `Your answer to: ${prompt}` }).fill(samAnswer);
    await samCard.getByRole('button', { name: 'Save my answer' }).click();
    await samCard.getByText(alexAnswer).waitFor();
    await samCard.getByText('You have both answered.').waitFor();
    await checkPage(couple.sam);

    await couple.alex.reload();
    await couple.alex
      .getByRole('article')
      .filter({ hasText: prompt })
      .getByText(samAnswer)
      .waitFor();
  });

  it('step 6: each marks closeness privately, and only what both marked "ready" is shown', async () => {
    const both = 'Holding hands';
    const onlyAlex = 'A long hug'; // Sam: maybe later
    const onlySam = 'Saying “I love you”'; // Alex: not now
    const mark = async (who: typeof couple.alex, ready: string[], maybe: string[]) => {
      await who.goto('/app/closeness');
      await heading(who, 'What I feel ready for');
      // The form comes with the saved marks: count its groups once it is there.
      await who.getByRole('button', { name: 'Save my marks' }).waitFor();
      const groups = who.getByRole('group');
      const count = await groups.count();
      expect(count).toBe(18);
      for (let i = 0; i < count; i++) {
        const group = groups.nth(i);
        const name = (await group.locator('legend').first().textContent())?.trim() ?? '';
        const choice = ready.includes(name)
          ? 'Ready'
          : maybe.includes(name)
            ? 'Maybe later'
            : 'Not now';
        await group.getByRole('radio', { name: choice, exact: true }).check();
      }
      await checkPage(who);
      await who.getByRole('button', { name: 'Save my marks' }).click();
      await who.getByText('Your marks are saved; you can change them at any time.').waitFor();
    };
    await mark(couple.alex, [both, onlyAlex], []);
    // Alex has finished a round, Sam has not: nothing is shown yet.
    await couple.alex.reload();
    const waiting = couple.alex.locator('[aria-labelledby="closeness-matches"]');
    await waiting.getByRole('heading', { name: 'What you are both ready for' }).waitFor();
    expect(await waiting.getByRole('listitem').count()).toBe(0);

    await mark(couple.sam, [both, onlySam], [onlyAlex]);
    const matches = couple.sam.locator('[aria-labelledby="closeness-matches"]');
    await matches.getByText(both).waitFor();
    expect(await matches.getByText(onlyAlex).count()).toBe(0);
    expect(await matches.getByText(onlySam).count()).toBe(0);

    await couple.alex.reload();
    const alexMatches = couple.alex.locator('[aria-labelledby="closeness-matches"]');
    await alexMatches.getByText(both).waitFor();
    expect(await alexMatches.getByRole('listitem').count()).toBe(1);
    await checkPage(couple.alex);
  });

  it('step 7: a private forgiveness reflection, charted with its table', async () => {
    await couple.alex.goto('/app/forgiveness');
    await heading(couple.alex, 'Working through forgiveness');
    await couple.alex
      .getByText('Not forgiving, or not yet, is a complete answer.')
      .first()
      .waitFor();
    await couple.alex
      .getByText('not a validated clinical instrument', { exact: false })
      .first()
      .waitFor();
    const middle = couple.alex.locator('input[type="radio"][id^="fq-"][id$="-3"]');
    await middle.first().waitFor();
    const items = await middle.count();
    expect(items).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < items; i++) await middle.nth(i).check();
    await checkPage(couple.alex);
    await couple.alex.getByRole('button', { name: 'Keep my answers' }).click();
    // The chart's table folds away on a phone: open it as a person would.
    await couple.alex.locator('details.chart-table summary').first().click();
    const table = couple.alex.getByRole('table', { name: 'Your averages for each theme, by date' });
    await table.waitFor();
    // One row of answers: each theme's average of all-threes is 3.
    expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await table.getByRole('cell', { name: '3' }).first().waitFor();
    await checkPage(couple.alex);

    // Not shared: Sam's screen has no chart of Alex's.
    await couple.sam.goto('/app/forgiveness');
    await heading(couple.sam, 'Working through forgiveness');
    expect(await couple.sam.getByRole('table', { name: /Alex/ }).count()).toBe(0);
    await checkPage(couple.sam);
  });

  it('the other screens of steps 4–7 and the step pages pass axe, on both devices', async () => {
    await couple.sam.goto('/app/activities');
    await heading(couple.sam, 'Time together');
    await couple.sam
      .getByRole('textbox', { name: 'What would you like to do?' })
      .fill('A walk by the river');
    await couple.sam.getByRole('button', { name: 'Add to our list' }).click();
    await couple.sam.getByText('A walk by the river').first().waitFor();
    await checkPage(couple.sam);
    await couple.alex.goto('/app/activities');
    await couple.alex.getByText('A walk by the river').first().waitFor();
    await checkPage(couple.alex);

    const thanks = `Thank you for cooking tonight ${randomUUID()}`;
    await couple.alex.goto('/app/appreciations');
    await couple.alex.getByRole('textbox', { name: 'Your note to Sam' }).fill(thanks);
    await couple.alex.getByRole('button', { name: 'Send to Sam' }).click();
    await couple.alex.getByText(thanks).waitFor();
    await checkPage(couple.alex);
    await couple.sam.goto('/app/appreciations');
    await couple.sam.getByText(thanks).waitFor();
    await checkPage(couple.sam);

    for (const step of ['communication', 'reconnection', 'intimacy', 'forgiveness']) {
      await couple.alex.goto(`/app/program/${step}`);
      await couple.alex.getByRole('heading', { name: 'Exercises' }).waitFor();
      // Every exercise of these steps leads somewhere or is the step's own reading.
      await checkPage(couple.alex);
    }
  });
});
