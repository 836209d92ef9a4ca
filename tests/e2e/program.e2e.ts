import { describe, expect, inject, it } from 'vitest';
import { checkPage, heading, useCouple } from './support.js';

const baseUrl = inject('baseUrl');

const couple = useCouple(baseUrl);

describe('the program', () => {
  it('shows the journey and a step, and a step is done only once both are ready', async () => {
    await couple.alex.goto('/app/program');
    await heading(couple.alex, 'Your journey');
    await checkPage(couple.alex);
    await couple.alex.getByRole('link', { name: /^Step 1: / }).click();
    await heading(couple.alex, /^Step 1: /);
    await couple.alex.getByRole('heading', { name: 'If you were hurt' }).waitFor();
    expect(await couple.alex.getByRole('heading', { name: 'If you broke trust' }).count()).toBe(0);
    await checkPage(couple.alex);
    await couple.alex.getByRole('button', { name: 'I’m ready to move on' }).click();
    await couple.alex.getByText('Status: In progress').first().waitFor();

    await couple.sam.goto('/app/program/responsibility');
    await heading(couple.sam, /^Step 1: /);
    await couple.sam.getByRole('heading', { name: 'If you broke trust' }).waitFor();
    await couple.sam.getByRole('button', { name: 'I’m ready to move on' }).click();
    await couple.sam.getByText('Status: Done').first().waitFor();
    await checkPage(couple.sam);
  });

  it('serves the agreements and commitments screens accessibly to both', async () => {
    await couple.alex.goto('/app/agreements');
    await couple.alex.getByRole('heading', { name: 'Propose an agreement' }).waitFor();
    await checkPage(couple.alex);
    await couple.sam.goto('/app/commitments');
    await couple.sam.getByRole('heading', { name: 'My commitments' }).waitFor();
    await checkPage(couple.sam, { dark: true });
  });
});
