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

async function located(page: Page) {
  const townships = (await (await h.client.api.townships.$get()).json()).townships;
  const seat = townships.find((t) => t.seat)!.seat!;
  const p = await page.evaluate(([lng, lat]) => window.__map!.project([lng, lat]), [seat.lng + 0.003, seat.lat + 0.002]);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + p.x, box.y + p.y);
  await page.getByTestId('nearest-item').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('resident-loading').waitFor({ state: 'detached' });
}

describe('resident page: 导航 links, legend, page scroll', () => {
  for (const [lang, viewport] of [['zh', { width: 390, height: 844 }], ['en', { width: 1366, height: 768 }]] as const) {
    it(`opens each station in 高德/百度/腾讯 with the point in that app's datum (${lang}, ${viewport.width})`, async () => {
      const page = await h.newPage(viewport);
      await page.goto(`${h.baseUrl}/resident.html?lang=${lang}`);
      await waitForMap(page);
      await located(page);
      expect(await page.getByTestId('resident-legend').isVisible()).toBe(true);
      const lng = Number(await page.getByTestId('located').getAttribute('data-lng'));
      const lat = Number(await page.getByTestId('located').getAttribute('data-lat'));
      const api = await (await h.client.api.nearest.$get({ query: { lng: String(lng), lat: String(lat), limit: '5' } })).json();
      const first = api.results[0];
      const item = page.getByTestId('nearest-item').first();
      expect(await item.getByTestId('nearest-name').innerText()).toBe(first.name);
      await item.getByTestId('nav-button').click();
      const gcj = gcoord.transform([first.lng, first.lat], gcoord.WGS84, gcoord.GCJ02) as number[];
      const bd = gcoord.transform([first.lng, first.lat], gcoord.WGS84, gcoord.BD09) as number[];
      const amap = new URL((await item.getByTestId('nav-amap').getAttribute('href'))!);
      const [aLng, aLat] = amap.searchParams.get('position')!.split(',').map(Number);
      expect(aLng).toBeCloseTo(gcj[0], 5);
      expect(aLat).toBeCloseTo(gcj[1], 5);
      expect(amap.searchParams.get('name')).toBe(first.name);
      const baidu = new URL((await item.getByTestId('nav-baidu').getAttribute('href'))!);
      const [bLat, bLng] = baidu.searchParams.get('location')!.split(',').map(Number);
      expect(bLng).toBeCloseTo(bd[0], 5);
      expect(bLat).toBeCloseTo(bd[1], 5);
      expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
      const qq = decodeURIComponent((await item.getByTestId('nav-tencent').getAttribute('href'))!);
      const m = /coord:([\d.]+),([\d.]+)/.exec(qq)!;
      expect(Number(m[2])).toBeCloseTo(gcj[0], 5);
      expect(Number(m[1])).toBeCloseTo(gcj[1], 5);
      // The GCJ-02 point differs from WGS-84 by hundreds of metres here: the conversion is not a no-op.
      expect(Math.abs(aLng - first.lng)).toBeGreaterThan(0.001);
      expect(await item.getByTestId('nav-amap').isVisible()).toBe(true);
      expect(await item.getByTestId('nav-amap').getAttribute('target')).toBe('_blank');
      if (viewport.width < 900) {
        // Results use the page's scroll, not a small box of their own.
        const r = await page.getByTestId('resident-results').evaluate((el) => ({ own: el.scrollHeight - el.clientHeight }));
        expect(r.own).toBeLessThanOrEqual(1);
        expect(await page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight)).toBe(true);
      }
      await shot(page, `resident-nav-${lang}-${viewport.width}`, { fullPage: true });
      await page.close();
    });
  }
});
