import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForMap, type Harness, shot } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});


/**
 * The real server keeps running; the browser's requests to one route are refused (as when the server is stopped) or
 * answered 500 by the page's network layer, and the browser is put offline with Chromium's own network emulation.
 */
describe('waiting and failing', () => {
  it('first load with the server not answering: says so in words, with Retry that recovers (zh, 1366)', async () => {
    const page = await h.newPage({ width: 1366, height: 768 });
    await page.route('**/api/boundary', (r) => r.abort('connectionrefused'));
    await page.goto(`${h.baseUrl}/?lang=zh`);
    const err = page.getByTestId('load-error');
    await err.waitFor();
    expect(await err.getAttribute('data-kind')).toBe('server-down');
    const text = await err.innerText();
    expect(text).toContain('连不上服务器');
    expect(text).toContain('重试');
    expect(text).not.toMatch(/^Failed to fetch$/m);
    await shot(page, 'error-server-down-zh-1366');
    await page.unroute('**/api/boundary');
    await err.getByRole('button').click();
    await waitForMap(page);
    expect(await page.getByTestId('load-error').count()).toBe(0);
    await page.close();
  });

  it('coverage: a 500 and offline are told apart, in English, and Retry recovers (en, 390)', async () => {
    const page = await h.newPage({ width: 390, height: 844 });
    await page.goto(`${h.baseUrl}/?lang=en`);
    await waitForMap(page);
    await page.route('**/api/coverage?**', (r) =>
      r.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Internal server error' } }) }));
    await page.getByTestId('tab-coverage').click();
    const err = page.getByTestId('coverage-error');
    await err.waitFor({ timeout: 30_000 });
    expect(await err.getAttribute('data-kind')).toBe('server-error');
    expect(await err.innerText()).toContain('The server hit an error');
    expect(await err.innerText()).not.toContain('HTTP 500');
    await shot(page, 'error-server-500-en-390');

    await page.unroute('**/api/coverage?**');
    await h.context.setOffline(true);
    try {
      await err.getByRole('button').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=coverage-error]')?.getAttribute('data-kind') === 'offline', null, { timeout: 30_000 });
      expect(await page.getByTestId('coverage-error').innerText()).toContain('You are offline');
      await shot(page, 'error-offline-en-390');
    } finally {
      await h.context.setOffline(false);
    }
    await page.getByTestId('coverage-error').getByRole('button').click();
    await page.waitForSelector('[data-testid=coverage-headline][data-state=ready]', { timeout: 60_000 });
    await page.close();
  });

  it('shows a loading state with a spinner while the first data is on its way (zh, 390)', async () => {
    const page = await h.newPage({ width: 390, height: 844 });
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    // The first load's site list (with or without a query string) waits until the test lets it go.
    await page.route((url) => url.pathname === '/api/sites', async (r) => {
      await held;
      await r.continue();
    });
    await page.goto(`${h.baseUrl}/?lang=zh`);
    const loading = page.getByTestId('loading');
    await loading.waitFor();
    expect(await loading.innerText()).toContain('正在加载');
    expect(await loading.locator('.spinner').count()).toBe(1);
    await shot(page, 'loading-zh-390');
    release();
    await waitForMap(page);
    await loading.waitFor({ state: 'detached' });
    await page.close();
  });
});
