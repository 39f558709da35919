import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Page } from 'playwright-core';
import { shot, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';
import { RESIDENT_LAYER } from '../../web/src/resident/layers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const PHONE = { width: 390, height: 844 };
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

async function openResident(): Promise<Page> {
  const page = await h.newPage(PHONE);
  await page.goto(h.baseUrl + '/resident.html');
  await waitForMap(page);
  return page;
}

const nearest = async (lng: number, lat: number, extra: Record<string, string> = {}) =>
  (await h.client.api.nearest.$get({ query: { lng: String(lng), lat: String(lat), limit: '5', ...extra } })).json();

/**
 * Taps the map at the pixel of [lng, lat] and returns the point the page then queried (read from the page:
 * the tap lands on a whole CSS pixel, which at district zoom is a few hundred metres).
 */
async function tapAt(page: Page, at: [number, number]) {
  const { x, y, metersPerPixel } = await page.evaluate(([lng, lat]) => {
    const map = window.__map!;
    const p = map.project([lng, lat]);
    const q = map.unproject([p.x + 1, p.y]);
    return { x: p.x, y: p.y, metersPerPixel: (q.lng - lng) * 111_320 * Math.cos((lat * Math.PI) / 180) };
  }, at);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  const located = page.getByTestId('located');
  await located.waitFor();
  const lng = Number(await located.getAttribute('data-lng'));
  const lat = Number(await located.getAttribute('data-lat'));
  // The queried point is the tapped pixel: within about one pixel of the target.
  const offMeters = Math.hypot((lng - at[0]) * 111_320 * Math.cos((lat * Math.PI) / 180), (lat - at[1]) * 110_574);
  expect(offMeters).toBeLessThan(2 * metersPerPixel + 1);
  return { lng, lat };
}

async function resultsReady(page: Page) {
  await page.getByTestId('nearest-item').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('resident-loading').waitFor({ state: 'detached' });
}

describe('resident page (phone)', () => {
  it('says so when a tapped point is outside every 15-minute circle, and lists the nearest sites like GET /api/nearest', async () => {
    const page = await openResident();
    expect(await page.getByTestId('resident-title').innerText()).toBe('找身边的文明实践站点');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const box = (await page.getByTestId('map').boundingBox())!;
    expect(box.width).toBe(390);

    // A point in the most populous coverage gap is far from every site.
    const cov = await (await h.client.api.coverage.$get({ query: { mode: 'walk', minutes: '15' } })).json();
    const far = pointOnFeature(cov.gaps.features[0] as never).geometry.coordinates as [number, number];
    const tapped = await tapAt(page, far);
    await resultsReady(page);
    const api = await nearest(tapped.lng, tapped.lat);
    expect(api.withinCircle).toBe(false);
    expect(api.results[0].minutes).toBeGreaterThan(15);

    expect(await page.getByTestId('outside-message').innerText()).toBe('您的位置不在任何站点的15分钟服务圈内');
    const names = await page.getByTestId('nearest-name').allInnerTexts();
    expect(names).toEqual(api.results.map((r) => r.name));
    const first = page.getByTestId('nearest-item').first();
    expect(await first.getAttribute('data-site-id')).toBe(api.results[0].id);
    expect(await first.getByTestId('nearest-minutes').innerText()).toContain(String(Math.round(api.results[0].minutes)));
    // Site details of the selected (first) result: kind in Chinese, address and phone (or an honest "none").
    const details = await first.innerText();
    expect(details).toMatch(/新时代文明实践|文明实践/);
    expect(details).toContain(api.results[0].address || '暂无地址');

    // Straight-line method: dashed lines, labelled as estimates.
    expect(api.method).toBe('straight-line');
    expect(await page.getByTestId('resident-method').innerText()).toContain('估算');
    await waitForIdle(page);
    const dashed = await page.evaluate((layer) => window.__map!.queryRenderedFeatures({ layers: [layer] }).length, RESIDENT_LAYER.routeStraight);
    expect(dashed).toBeGreaterThan(0);
    await shot(page, 'resident-outside');
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it('says so when the point is within a circle', async () => {
    const page = await openResident();
    const site = (await (await h.client.api.sites[':id'].$get({ param: { id: 'institute-510812101' } })).json()).geometry!.coordinates as [number, number];
    await page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 15 }), site);
    await waitForIdle(page);
    const tapped = await tapAt(page, [site[0] + 0.002, site[1] + 0.001]);
    await resultsReady(page);
    const api = await nearest(tapped.lng, tapped.lat);
    expect(api.withinCircle).toBe(true);
    expect(await page.getByTestId('within-message').innerText()).toContain(api.results[0].name);
    await shot(page, 'resident-inside');
    await page.close();
  });

  it('shows a station’s opening hours and its activity days from the activity records', async () => {
    const id = 'institute-510812101';
    const hours = '周一至周五 9:00-17:00';
    expect((await h.client.api.sites[':id'].$patch({ param: { id }, json: { openingHours: hours } })).status).toBe(200);
    const monthsAgo = (n: number) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - n);
      return `${d.toISOString().slice(0, 8)}10`;
    };
    for (const n of [1, 2, 3]) expect((await h.client.api.activities.$post({ json: { date: monthsAgo(n), siteId: id, title: `集中活动日 ${n}` } })).status).toBe(201);
    const page = await openResident();
    const site = (await (await h.client.api.sites[':id'].$get({ param: { id } })).json()).geometry!.coordinates as [number, number];
    await page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 15 }), site);
    await waitForIdle(page);
    await tapAt(page, [site[0] + 0.002, site[1] + 0.001]);
    await resultsReady(page);
    const item = page.locator(`[data-testid="nearest-item"][data-site-id="${id}"]`);
    await item.click();
    expect(await item.getByTestId('station-hours').innerText()).toBe(hours);
    const days = await item.getByTestId('station-activity-days').innerText();
    expect(days).toContain('每月10日集中活动（近一年有活动的3个月中，3个月在这一天）');
    expect(days).toContain(`最近一次活动：${monthsAgo(1)}`);
    await shot(page, 'resident-station-hours');
    await page.getByTestId('lang-switch').click();
    expect(await item.innerText()).toContain('Opening hours');
    expect(await item.getByTestId('station-activity-days').innerText()).toContain('Activities on day 10 of each month (3 of the 3 months with activities in the past year)');
    await shot(page, 'resident-station-hours-en');
    await page.getByTestId('lang-switch').click();
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it('finds a village without coordinates at its township seat, labelled approximate, with no verdict and no minutes', async () => {
    const page = await openResident();
    const villages = (await (await h.client.api.villages.$get({ query: {} })).json()).villages;
    const village = villages.find((v) => v.shortName === '明月路社区')!;
    expect(village.lng).toBeNull();
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    const seat = townships.find((t) => t.code === village.townshipCode)!;
    await page.getByTestId('place-search').fill('明月路');
    await page.getByTestId('place-option').first().click();
    await resultsReady(page);
    const located = page.getByTestId('located');
    expect(await located.getAttribute('data-approximate')).toBe('true');
    const note = await page.getByTestId('located-note').innerText();
    expect(note).toContain('暂无精确坐标');
    expect(note).toContain(seat.name);
    expect(await page.getByTestId('approximate-message').innerText()).toContain('还没有精确位置');
    expect(await page.getByTestId('within-message').count()).toBe(0);
    expect(await page.getByTestId('outside-message').count()).toBe(0);
    expect(await page.getByTestId('nearest-minutes').count()).toBe(0);
    const api = await nearest(seat.seat!.lng, seat.seat!.lat);
    expect(await page.getByTestId('nearest-name').first().innerText()).toBe(api.results[0].name);
    await shot(page, 'resident-village');
    await page.close();
  });

  it('uses the device location when allowed and explains when it is refused', async () => {
    const origin = h.baseUrl;
    const site = (await (await h.client.api.sites[':id'].$get({ param: { id: 'center-510812' } })).json()).geometry!.coordinates;
    await h.context.grantPermissions(['geolocation'], { origin });
    await h.context.setGeolocation({ longitude: site[0] + 0.003, latitude: site[1] - 0.002, accuracy: 30 });
    let page = await openResident();
    await page.getByTestId('locate').click();
    await resultsReady(page);
    const api = await nearest(round6(site[0] + 0.003), round6(site[1] - 0.002));
    expect(await page.getByTestId('nearest-name').first().innerText()).toBe(api.results[0].name);
    expect(await page.getByTestId('located').innerText()).toContain('我的位置');
    await page.close();

    await h.context.clearPermissions();
    page = await openResident();
    await page.getByTestId('locate').click();
    const msg = page.getByTestId('geo-message');
    await msg.waitFor({ timeout: 30_000 });
    expect(await msg.innerText()).toMatch(/定位权限|无法获取/);
    await shot(page, 'resident-geo-denied');
    await page.close();
  });

  it('switches to English', async () => {
    const page = await openResident();
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('resident-title').innerText()).toBe('Find a Civilization Practice site near you');
    const cov = await (await h.client.api.coverage.$get({ query: { mode: 'walk', minutes: '15' } })).json();
    const far = pointOnFeature(cov.gaps.features[0] as never).geometry.coordinates as [number, number];
    await tapAt(page, far);
    await resultsReady(page);
    expect(await page.getByTestId('outside-message').innerText()).toMatch(/not within any site.s 15-minute service circle/);
    await shot(page, 'resident-english');
    await page.getByTestId('lang-switch').click();
    await page.close();
  });

  it('is linked from the planner’s top bar', async () => {
    const page = await h.newPage();
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    await page.getByTestId('resident-link').click();
    await page.waitForURL(/resident\.html$/);
    await waitForMap(page);
    expect(await page.getByTestId('resident-title').innerText()).toBe('找身边的文明实践站点');
    await page.close();
  });
});
