import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { checkPage, CSRF, heading, useCouple } from './support.js';

const baseUrl = inject('baseUrl');

const couple = useCouple(baseUrl);

describe('steps 1 to 3, as a couple', () => {
  const did = `I kept a second phone for months ${randomUUID()}`;
  const agreement = `We share our phones openly when either of us asks ${randomUUID()}`;
  const revised = `We share our phones openly whenever either of us asks ${randomUUID()}`;

  it('step 1: Sam shares an accountability statement and Alex answers it', async () => {
    await couple.sam.goto('/app/letters');
    await couple.sam
      .getByRole('link', { name: 'Write an accountability statement' })
      .first()
      .click();
    await heading(couple.sam, 'Your accountability statement');
    await couple.sam.getByRole('textbox', { name: 'What I did' }).fill(did);
    await couple.sam
      .getByRole('textbox', { name: 'The impact, as I understand it' })
      .fill('You stopped trusting your own memory of those months.');
    await couple.sam.getByRole('textbox', { name: 'My remorse' }).fill('I am deeply sorry.');
    await couple.sam
      .getByRole('textbox', { name: 'What I will do now' })
      .fill('Answer every question you have, for as long as you need.');
    await checkPage(couple.sam);
    await couple.sam.getByRole('button', { name: 'Send my statement' }).click();
    await couple.sam.getByRole('button', { name: 'Send to Alex' }).click();
    await couple.sam.waitForURL(/\/app\/letters$/);

    await couple.alex.goto('/app/letters');
    await couple.alex.getByText(did).waitFor();
    await couple.alex.getByRole('button', { name: 'I need more' }).click();
    await couple.alex.getByRole('button', { name: 'Send my answer' }).click();
    await couple.alex.getByText('You answered: “I need more”').waitFor();
    await checkPage(couple.alex);
  });

  it('step 2: Alex proposes an agreement, Sam suggests a change, Alex accepts it', async () => {
    await couple.alex.goto('/app/agreements');
    await couple.alex.getByRole('textbox', { name: 'The agreement' }).fill(agreement);
    await couple.alex.getByLabel('Kind of agreement').selectOption('transparency');
    await couple.alex.getByRole('button', { name: 'Propose to my partner' }).click();
    await couple.alex.getByText(agreement).first().waitFor();

    await couple.sam.goto('/app/agreements');
    const proposal = couple.sam.getByRole('article').filter({ hasText: agreement });
    await proposal.getByRole('button', { name: 'Suggest a change' }).click();
    await proposal.getByRole('textbox').fill(revised);
    await proposal.getByRole('button', { name: 'Send my version' }).click();
    await couple.sam.getByText(revised).first().waitFor();
    await checkPage(couple.sam);

    await couple.alex.reload();
    const current = couple.alex.getByRole('article').filter({ hasText: revised });
    await current.getByRole('button', { name: 'Accept' }).click();
    await current.getByText('History of this agreement').click();
    // The history shows what changed between versions.
    await current.locator('ins').first().waitFor();
    await checkPage(couple.alex);
  });

  it('step 3: Sam commits and logs follow-through; Alex confirms one entry and questions another', async () => {
    await couple.sam.goto('/app/agreements');
    const accepted = couple.sam.getByRole('article').filter({ hasText: revised });
    await accepted.getByLabel('How often you will log it').selectOption('daily');
    await accepted.getByRole('button', { name: 'Commit to this' }).click();

    await couple.sam.goto('/app/commitments');
    await couple.sam.getByRole('heading', { name: 'My commitments' }).waitFor();
    await couple.sam.getByRole('button', { name: 'I did this today' }).click();
    await couple.sam.getByRole('button', { name: 'I did this today' }).click();
    await checkPage(couple.sam);

    await couple.alex.goto('/app/commitments');
    await couple.alex.getByRole('button', { name: 'Confirm' }).first().click();
    // The list re-renders once the answer lands; the next click must find the entry still open.
    await couple.alex
      .getByText(/· Confirmed$/)
      .first()
      .waitFor();
    await couple.alex.getByRole('button', { name: 'Raise a question' }).first().click();
    await couple.alex
      .getByRole('textbox', { name: 'A note about this entry (optional)' })
      .fill('I did not see it that evening.');
    await couple.alex.getByRole('button', { name: 'Send the question' }).click();
    await couple.alex.getByRole('heading', { name: 'Overall follow-through' }).waitFor();
    await checkPage(couple.alex, { dark: true });
    // The estimate comes with how sure it is: shaded on the chart, in words in the table.
    const commitment = couple.alex.getByRole('article').filter({ hasText: revised });
    await commitment.getByText('Show the numbers as a table').click();
    await commitment.getByRole('cell', { name: /^\d+% \(likely \d+% to \d+%\)$/ }).waitFor();
    expect(await commitment.locator('path.chart-range').count()).toBe(1);

    // What each did counts as work on the step's exercise, told to each of them only.
    for (const page of [couple.sam, couple.alex]) {
      await page.goto('/app/program/commitment');
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Commitments and follow-through' })
        .getByText('You have worked on this.')
        .waitFor();
    }
  });

  it('step 3: a year of entries stays a screenful; earlier ones page in to answer', async () => {
    const list = (await (await couple.sam.request.get('/api/commitments')).json()) as {
      mine: { id: string }[];
    };
    const id = list.mine[0]?.id ?? '';
    for (let i = 0; i < 12; i++) {
      expect(
        (await couple.sam.request.post(`/api/commitments/${id}/logs`, { headers: CSRF })).status(),
      ).toBe(201);
    }
    // The dashboard says what Sam has shared and what waits for a look, in words, not numbers.
    await couple.alex.goto('/app/program');
    await couple.alex
      .getByRole('link', { name: 'Sam has shared an accountability statement with you' })
      .waitFor();
    await checkPage(couple.alex);
    await couple.alex
      .getByRole('link', { name: /^Sam has logged follow-through for you to look at/ })
      .click();
    await couple.alex.waitForURL(/\/app\/commitments$/);
    const commitment = couple.alex.getByRole('article').filter({ hasText: revised });
    const entries = commitment.getByText(/^Logged /);
    await commitment.getByRole('button', { name: 'Show earlier entries' }).waitFor();
    expect(await entries.count()).toBe(10);
    await commitment.getByRole('button', { name: 'Show earlier entries' }).click();
    // All fourteen, the first two (answered in the test before) at the end.
    await expect.poll(() => entries.count()).toBe(14);
    expect(await commitment.getByRole('button', { name: 'Show earlier entries' }).count()).toBe(0);
    await commitment.getByText('A question was raised').last().waitFor();
    await checkPage(couple.alex);
  });

  it('both mark steps 1 and 2 ready, and step 2 can be revisited without losing its history', async () => {
    for (const step of ['responsibility', 'plan']) {
      for (const page of [couple.alex, couple.sam]) {
        await page.goto(`/app/program/${step}`);
        await page.getByRole('button', { name: 'I’m ready to move on' }).click();
        await page.getByRole('button', { name: 'Not yet after all' }).waitFor();
      }
    }
    await couple.sam.goto('/app/program/plan');
    await couple.sam.getByText('Status: Done').first().waitFor();
    // A talk away from the screen is marked by hand; only Sam is told.
    await couple.sam
      .getByRole('button', { name: 'Mark “Talking about what you each need” as worked on' })
      .click();
    await couple.sam
      .getByRole('listitem')
      .filter({ hasText: 'Talking about what you each need' })
      .getByText('You have worked on this.')
      .waitFor();
    await checkPage(couple.sam);
    // A mistaken tap is taken back, and can be made again.
    await couple.sam
      .getByRole('button', { name: 'Take back the mark on “Talking about what you each need”' })
      .click();
    await couple.sam
      .getByRole('button', { name: 'Mark “Talking about what you each need” as worked on' })
      .click();
    await couple.sam
      .getByRole('button', { name: 'Take back the mark on “Talking about what you each need”' })
      .waitFor();

    await couple.alex.goto('/app/program/plan');
    await heading(couple.alex, /^Step 2: /);
    await couple.alex.getByRole('button', { name: 'Revisit this step' }).click();
    await couple.alex
      .getByRole('button', { name: 'Revisit this step' })
      .waitFor({ state: 'detached' });
    await couple.alex.getByText('Status: Done').first().waitFor();
    await checkPage(couple.alex);
    // Revisiting kept everything: the step stays done and the agreement's history is all there.
    const progress = (await (await couple.sam.request.get('/api/program')).json()) as {
      progress: { currentStepId: string | null };
    };
    expect(progress.progress.currentStepId).toBe('plan');
    await couple.alex.goto('/app/agreements');
    await couple.alex.getByText(revised).first().waitFor();
  });
});
