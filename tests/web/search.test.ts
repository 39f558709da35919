import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import type { Page } from 'playwright-core';
import { startHarness, waitForMap, type Harness, shot } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

async function open(viewport: { width: number; height: number }, lang: 'zh' | 'en'): Promise<Page> {
  const page = await h.newPage(viewport);
  await page.goto(`${h.baseUrl}/?lang=${lang}`);
  await waitForMap(page);
  return page;
}

const center = (page: Page) => page.evaluate(() => {
  const c = window.__map!.getCenter();
  return { lng: c.lng, lat: c.lat };
});
const settled = (page: Page) => page.waitForFunction(() => !window.__map!.isMoving());

describe('the search box', () => {
  it('finds a site by name with the keyboard (/ then arrows and Enter) and opens its details (zh, 1366)', async () => {
    const page = await open(LAPTOP, 'zh');
    const placed = (await (await h.client.api.sites.$get({ query: { placed: 'true' } })).json()).features;
    const site = placed[3];
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type(site.properties.name);
    const results = page.getByTestId('search-results');
    await results.waitFor();
    expect(await results.innerText()).toContain('站点');
    const ids = await page.getByTestId('search-result').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-id')}`));
    const k = ids.indexOf(`site:${site.id}`);
    expect(k).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown');
    await shot(page, 'search-site-zh-1366');
    await page.keyboard.press('Enter');
    await page.getByTestId('right-panel').waitFor();
    expect(await page.getByTestId('right-panel').innerText()).toContain(site.properties.name);
    await settled(page);
    const c = await center(page);
    const [lng, lat] = site.geometry!.coordinates;
    expect(Math.abs(c.lng - lng)).toBeLessThan(0.01);
    expect(Math.abs(c.lat - lat)).toBeLessThan(0.01);
    await shot(page, 'search-site-opened-zh-1366');
    await page.close();
  });

  it('finds a village and flies to it (or, not placed yet, to its township seat) with a popup (en, 390 phone)', async () => {
    const page = await open(PHONE, 'en');
    const villages = (await (await h.client.api.villages.$get({ query: {} })).json()).villages;
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    const v = villages.find((x) => x.lng === null && townships.find((t) => t.code === x.townshipCode)?.seat)!;
    const seat = townships.find((t) => t.code === v.townshipCode)!.seat!;
    await page.getByTestId('search-input').fill(v.shortName);
    await page.getByTestId('search-results').waitFor();
    expect(await page.getByTestId('search-results').innerText()).toContain('Villages / communities');
    await page.locator(`[data-testid=search-result][data-kind=village][data-id="${v.code}"]`).click();
    const popup = page.getByTestId('search-popup');
    await popup.waitFor();
    expect(await popup.innerText()).toContain(v.name);
    expect(await popup.innerText()).toContain('not placed yet');
    await settled(page);
    const c = await center(page);
    expect(Math.abs(c.lng - seat.lng)).toBeLessThan(0.01);
    expect(Math.abs(c.lat - seat.lat)).toBeLessThan(0.01);
    await shot(page, 'search-village-en-390');
    await page.close();
  });

  it('goes to typed coordinates, WGS-84 and GCJ-02 (converted back to WGS-84)', async () => {
    for (const [viewport, lang] of [[LAPTOP, 'en'], [PHONE, 'zh']] as const) {
      const page = await open(viewport, lang);
      const wgs: [number, number] = [105.95, 32.65];
      await page.getByTestId('search-input').fill(`${wgs[0]},${wgs[1]}`);
      await page.getByTestId('search-input').press('Enter');
      await page.getByTestId('search-popup').waitFor();
      await settled(page);
      let c = await center(page);
      expect(c.lng).toBeCloseTo(wgs[0], 5);
      expect(c.lat).toBeCloseTo(wgs[1], 5);

      const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
      await page.getByTestId('search-input').fill(`${gcj[0].toFixed(6)}，${gcj[1].toFixed(6)}`);
      await page.getByTestId('search-datum').selectOption('gcj02');
      await page.getByTestId('search-input').press('Enter');
      await settled(page);
      c = await center(page);
      // gcoord's inverse is approximate (metres): well under 0.0001° here.
      expect(Math.abs(c.lng - wgs[0])).toBeLessThan(1e-4);
      expect(Math.abs(c.lat - wgs[1])).toBeLessThan(1e-4);
      await shot(page, `search-coords-${lang}-${viewport.width}`);
      await page.close();
    }
  });
});

describe('the gap list', () => {
  it('flies to a gap on click and opens its popup; nearest-site time is from the gap centre', async () => {
    const page = await open(LAPTOP, 'zh');
    await page.getByTestId('tab-coverage').click();
    await page.waitForSelector('[data-testid=coverage-headline][data-state=ready]', { timeout: 60_000 });
    const api = await (await h.client.api.coverage.$get({ query: { mode: 'walk', minutes: '15' } })).json();
    const gaps = api.gaps.features as { properties: { rank: number; nearestMinutes: number | null; centerLng: number; centerLat: number } }[];
    // Measured from the centre, a gap's nearest site is more than the tier away (not 15–17 min from its edge for all).
    const minutes = gaps.slice(0, 8).map((g) => g.properties.nearestMinutes).filter((m): m is number => m !== null);
    expect(Math.max(...minutes)).toBeGreaterThan(17);
    const second = page.locator('[data-testid=gap-item][data-rank="2"]');
    await second.click();
    const popup = page.getByTestId('gap-popup');
    await popup.waitFor();
    expect(await popup.getAttribute('data-rank')).toBe('2');
    await settled(page);
    const g = gaps[1].properties;
    const inView = await page.evaluate((p) => window.__map!.getBounds().contains(p), [g.centerLng, g.centerLat] as [number, number]);
    expect(inView).toBe(true);
    await shot(page, 'gap-list-click-zh-1366');
    await page.close();
  });
});
