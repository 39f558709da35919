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

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function open(path: string, viewport = LAPTOP): Promise<Page> {
  const page = await h.newPage(viewport);
  await page.goto(h.baseUrl + path);
  await waitForMap(page);
  return page;
}

const tabTops = (page: Page) => page.locator('[role=tab]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));

describe('tabs', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`are ARIA tabs on one row at 1366 px (${lang}), with arrow keys`, async () => {
      const page = await open(`/?lang=${lang}`);
      expect(await page.getByRole('tablist').count()).toBe(1);
      expect(new Set(await tabTops(page)).size).toBe(1);
      // None is clipped: each tab lies inside the window.
      const rights = await page.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
      expect(Math.max(...rights)).toBeLessThanOrEqual(1366);
      expect(await page.getByTestId('tab-layers').getAttribute('aria-selected')).toBe('true');
      await page.getByTestId('tab-layers').focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('tab-unplaced').getAttribute('aria-selected')).toBe('true');
      expect(await page.getByTestId('tab-layers').getAttribute('aria-selected')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-unplaced');
      const panel = page.getByRole('tabpanel');
      expect(await panel.getAttribute('aria-labelledby')).toBe('tab-button-unplaced');
      await shot(page, `tabs-one-row-${lang}-1366`);
      await page.close();
    });
  }
});

describe('the address bar', () => {
  it('holds tab, coverage settings, filters, selection and map; a copied URL reopens the same view; Back/Forward move between views', async () => {
    const page = await open('/?lang=en');
    const site = (await (await h.client.api.sites.$get({ query: { placed: 'true' } })).json()).features[2];
    await page.getByTestId('tab-coverage').click();
    await page.waitForSelector('[data-testid=coverage-headline][data-state=ready]', { timeout: 60_000 });
    await page.getByTestId('tier-10').click();
    await page.getByTestId('mode-bike').click();
    await page.evaluate((id) => window.__selectSite!(id), site.id);
    await page.getByTestId('right-panel').waitFor();
    await page.evaluate(() => window.__map!.jumpTo({ center: [106.1, 32.7], zoom: 11.5 }));
    await page.waitForFunction(() => /map=106\.1/.test(location.search));
    const url = page.url();
    const q = new URL(url).searchParams;
    expect(q.get('tab')).toBe('coverage');
    expect(q.get('tier')).toBe('10');
    expect(q.get('mode')).toBe('bike');
    expect(q.get('site')).toBe(site.id);
    expect(q.get('map')).toBe('106.10000,32.70000,11.50');

    const again = await open(new URL(url).pathname + new URL(url).search);
    expect(await again.getByTestId('tab-coverage').getAttribute('aria-selected')).toBe('true');
    await again.waitForSelector('[data-testid=coverage-headline][data-state=ready][data-minutes="10"][data-mode="bike"]', { timeout: 60_000 });
    expect(await again.getByTestId('right-panel').innerText()).toContain(site.properties.name);
    // Times are Beijing time, labelled as such.
    expect(await again.getByTestId('right-panel').innerText()).toContain('(Beijing time)');
    const view = await again.evaluate(() => ({ c: window.__map!.getCenter(), z: window.__map!.getZoom() }));
    expect(view.c.lng).toBeCloseTo(106.1, 4);
    expect(view.c.lat).toBeCloseTo(32.7, 4);
    expect(view.z).toBeCloseTo(11.5, 2);
    await shot(again, 'url-reopened-en-1366');

    // Back: the previous view (tier 10, walk), then Forward again.
    await again.getByTestId('mode-car').click();
    await again.waitForFunction(() => new URLSearchParams(location.search).get('mode') === 'car');
    await again.goBack();
    await again.waitForFunction(() => new URLSearchParams(location.search).get('mode') === 'bike');
    await again.waitForSelector('[data-testid=coverage-headline][data-state=ready][data-mode="bike"]', { timeout: 60_000 });
    await again.goForward();
    await again.waitForSelector('[data-testid=coverage-headline][data-state=ready][data-mode="car"]', { timeout: 60_000 });
    await page.close();
    await again.close();
  });

  it('reopens a filtered township view on a phone (zh, 390)', async () => {
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    const tw = townships.find((t) => t.seat)!;
    const page = await open(`/?tw=${tw.code}&kinds=center,institute`, PHONE);
    await page.getByTestId('panel-toggle').click();
    expect(await page.getByTestId('filter-kind-station').isChecked()).toBe(false);
    expect(await page.getByTestId('filter-kind-institute').isChecked()).toBe(true);
    expect(await page.getByTestId('filter-township').inputValue()).toBe(tw.code);
    await shot(page, 'url-filtered-zh-390');
    await page.close();
  });
});
