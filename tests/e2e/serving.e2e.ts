import { describe, expect, it } from 'vitest';
import { phoneContext, watch } from './support.js';

const phoneTab = phoneContext();

describe('the sign-in page as a phone receives it', () => {
  it('arrives compressed and does not move when the app replaces the placeholder', async () => {
    const page = watch(await phoneTab.context.newPage());
    // Sums every layout shift from the first paint on (the CLS that Lighthouse reports).
    await page.addInitScript(`
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    `);
    const scripts: { url: string; encoding: string | undefined }[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) {
        scripts.push({ url: response.url(), encoding: response.headers()['content-encoding'] });
      }
    });
    await page.goto('/signin');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Layout shifts are reported in the frame they happen; one more frame lets the last one in.
    await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
    );
    expect(await page.evaluate<number>('window.__shift')).toBeLessThan(0.01);
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts) expect(script.encoding, script.url).toBe('br');
  });
});
