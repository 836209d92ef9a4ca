import { describe, expect, it } from 'vitest';
import { checkPage, heading, phoneContext, watch } from './support.js';

const phoneTab = phoneContext();

describe('problem type pages', () => {
  it('the `type` link of a refused request opens a page that passes every check', async () => {
    const page = watch(await phoneTab.context.newPage());
    const refused = await page.request.get('/api/journey');
    expect(refused.status()).toBe(401);
    const { type } = (await refused.json()) as { type: string };
    await page.goto(type);
    await heading(page, 'Please sign in');
    await checkPage(page, { dark: true });
  });
});
