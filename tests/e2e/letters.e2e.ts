import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { checkPage, heading, useCouple } from './support.js';

const baseUrl = inject('baseUrl');

const couple = useCouple(baseUrl);

describe('the impact letter loop', () => {
  const letter = `When I found out, the floor went from under me ${randomUUID()}`;
  const first = `I understand that I made you doubt everything ${randomUUID()}`;
  const second = `I see now that the secrecy hurt as much as the act ${randomUUID()}`;

  it('lets Alex draft privately, then send the impact letter', async () => {
    await couple.alex.goto('/app/letters');
    await heading(couple.alex, 'Letters');
    await checkPage(couple.alex);
    await couple.alex.getByRole('link', { name: 'Write an impact letter' }).click();
    await heading(couple.alex, 'Your impact letter');
    await couple.alex.getByRole('textbox', { name: 'Your letter' }).fill(letter);
    await couple.alex.getByRole('button', { name: 'Save draft' }).click();
    await checkPage(couple.alex);

    // A draft is Alex's alone.
    const before = await couple.sam.request.get('/api/letters');
    expect(JSON.stringify(await before.json())).not.toContain(letter);

    await couple.alex.getByRole('button', { name: 'Send my letter' }).click();
    await couple.alex.getByRole('button', { name: 'Send to Sam' }).click();
    await couple.alex.waitForURL(/\/app\/letters$/);
    await couple.alex.getByText('Sent to Sam').first().waitFor();
    await couple.alex.getByText(letter).waitFor();
    await checkPage(couple.alex);
  });

  it('lets Sam read it and send a reflection, which Alex answers "Not yet"', async () => {
    await couple.sam.goto('/app/letters');
    await heading(couple.sam, 'Letters');
    await couple.sam.getByText(letter).waitFor();
    await checkPage(couple.sam);
    await couple.sam.getByRole('link', { name: 'Write your reflection' }).click();
    await heading(couple.sam, 'Your reflection');
    await couple.sam.getByRole('textbox', { name: 'Your reflection' }).fill(first);
    await couple.sam.getByRole('button', { name: 'Send my reflection' }).click();
    await couple.sam.getByRole('button', { name: 'Send to Alex' }).click();
    await couple.sam.waitForURL(/\/app\/letters$/);
    await couple.sam.getByText(first).waitFor();

    await couple.alex.reload();
    await couple.alex.getByText(first).waitFor();
    await couple.alex.getByRole('heading', { name: 'Your answer' }).waitFor();
    await checkPage(couple.alex);
    await couple.alex.getByRole('button', { name: 'Not yet' }).click();
    await couple.alex.getByRole('button', { name: 'Send my answer' }).click();
    await couple.alex.getByText('You answered: “Not yet”').waitFor();
  });

  it('keeps every version as Sam writes again, until Alex feels understood', async () => {
    await couple.sam.reload();
    await couple.sam.getByText('Alex answered: “Not yet”').waitFor();
    await couple.sam.getByRole('link', { name: 'Write a new version of your reflection' }).click();
    await couple.sam.getByRole('textbox', { name: 'Your reflection' }).fill(second);
    await couple.sam.getByRole('button', { name: 'Send my reflection' }).click();
    await couple.sam.getByRole('button', { name: 'Send to Alex' }).click();
    await couple.sam.waitForURL(/\/app\/letters$/);

    await couple.alex.reload();
    await couple.alex.getByText(second).waitFor();
    await couple.alex.getByRole('button', { name: 'I feel understood' }).click();
    await couple.alex.getByRole('button', { name: 'Send my answer' }).click();
    await couple.alex.getByText('You answered: “I feel understood”').waitFor();
    await checkPage(couple.alex);

    await couple.sam.reload();
    await couple.sam.getByText('Alex answered: “I feel understood”').waitFor();
    // Every version is still there for both, oldest first.
    for (const text of [letter, first, second]) {
      await couple.sam.getByText(text).waitFor();
      await couple.alex.getByText(text).waitFor();
    }
    await checkPage(couple.sam);
  });
});
