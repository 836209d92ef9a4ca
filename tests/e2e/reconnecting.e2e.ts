import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { checkPage, heading, useCouple } from './support.js';

const baseUrl = inject('baseUrl');

// Alex (hurt, on a phone) and Sam (broke trust, on a desktop) share a together journey.
const couple = useCouple(baseUrl);

describe('steps 4 to 7, as a couple', () => {
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
      const groups = who.getByRole('group');
      const count = await groups.count();
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
});
