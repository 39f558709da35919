import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderedSiteIds, shot, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const placedIds = async () => {
  const fc = await (await h.client.api.sites.$get({ query: { placed: 'true' } })).json();
  return fc.features.map((f) => f.properties.id).sort();
};

async function openApp(path = '/'): Promise<Page> {
  const page = await h.newPage();
  await page.goto(h.baseUrl + path);
  await waitForMap(page);
  return page;
}

describe('the district map', () => {
  it('loads the page, fires the map load event and shows the title, legend and township names', async () => {
    const page = await openApp();
    await expect(page.getByTestId('app-title').innerText()).resolves.toContain('朝天区');
    expect(await page.evaluate(() => window.__map!.loaded())).toBe(true);
    expect(await page.getByTestId('legend').locator('li').count()).toBe(8);
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    expect(await page.getByTestId('township-label').count()).toBe(townships.filter((t) => t.seat).length);
    // Attribution comes from /api/sources.
    const sources = (await (await h.client.api.sources.$get()).json()).sources;
    const attribution = await page.locator('.maplibregl-ctrl-attrib-inner').innerText();
    for (const s of sources) expect(attribution).toContain(s.attribution);
    await shot(page, 'map-initial');
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it('draws exactly the placed sites the API lists, and filters them by kind', async () => {
    const page = await openApp();
    const api = await placedIds();
    expect(api.length).toBeGreaterThan(0);
    expect(await renderedSiteIds(page)).toEqual(api);

    const placedInstitutes = api.filter((id) => id.startsWith('institute-')).length;
    expect(placedInstitutes).toBeGreaterThan(0);
    await page.getByTestId('filter-kind-institute').uncheck();
    await waitForIdle(page);
    expect(await renderedSiteIds(page)).toHaveLength(api.length - placedInstitutes);
    await page.getByTestId('filter-kind-institute').check();
    await waitForIdle(page);
    expect(await renderedSiteIds(page)).toEqual(api);
    await page.close();
  });

  it('places an unplaced site by clicking the map, and it stays placed after a reload', async () => {
    const page = await openApp();
    const before = await placedIds();
    await page.getByTestId('tab-unplaced').click();
    const item = page.getByTestId('unplaced-item').first();
    const siteId = (await item.getAttribute('data-site-id'))!;
    expect(before).not.toContain(siteId);
    const unplacedBefore = await page.getByTestId('unplaced-item').count();
    await item.getByTestId('place-button').click();
    await expect(page.getByTestId('placing-banner').isVisible()).resolves.toBe(true);
    await shot(page, 'placing-mode');

    // Placing zooms to the site's village (or township): wait for the move, then click a pixel near the centre,
    // which is the township seat and so inside the district.
    await page.waitForFunction(() => !window.__map!.isMoving() && window.__map!.getZoom() > 12);
    const { x, y, lng, lat } = await page.evaluate(() => {
      const map = window.__map!;
      const c = map.getCanvas();
      const px = { x: Math.round(c.clientWidth / 2) + 20, y: Math.round(c.clientHeight / 2) + 20 };
      const ll = map.unproject([px.x, px.y]);
      return { ...px, lng: ll.lng, lat: ll.lat };
    });
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await page.getByTestId('placing-banner').waitFor({ state: 'detached' });

    // Open the planner afresh (a reload would now restore the zoomed-in view the address bar holds).
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    const saved = await (await h.client.api.sites[':id'].$get({ param: { id: siteId } })).json();
    expect(saved.properties.placed).toBe(true);
    expect(saved.properties.lng).toBeCloseTo(lng, 5);
    expect(saved.properties.lat).toBeCloseTo(lat, 5);
    expect(saved.properties.locationPrecision).toBe('approximate');
    // The UI after reload: drawn on the map, gone from the unplaced list.
    expect(await renderedSiteIds(page)).toEqual([...before, siteId].sort());
    await page.getByTestId('tab-unplaced').click();
    expect(await page.getByTestId('unplaced-item').count()).toBe(unplacedBefore - 1);
    expect(await page.locator(`[data-testid=unplaced-item][data-site-id="${siteId}"]`).count()).toBe(0);
    await page.close();
  });

  it('opens a site by clicking it, saves the 五有 checklist, and shows API errors', async () => {
    const page = await openApp();
    const id = 'center-510812';
    const center = await (await h.client.api.sites[':id'].$get({ param: { id } })).json();
    // Zoom in so that no neighbouring symbol (the 朝天镇 institute is ~1.3 km away) overlaps the click.
    await page.evaluate((c) => window.__map!.jumpTo({ center: c as [number, number], zoom: 13 }), center.geometry!.coordinates);
    await waitForIdle(page);
    const pt = await page.evaluate((c) => window.__map!.project(c as [number, number]), center.geometry!.coordinates);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    const panel = page.getByTestId('site-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-site-id')).toBe(id);
    expect(await page.getByTestId('site-title').innerText()).toBe(center.properties.name);

    expect(center.properties.hasSign).toBe(false);
    await page.getByTestId('site-hasSign').check();
    await page.getByTestId('site-hasStaff').check();
    await page.getByTestId('site-phone').fill('0839-1234567');
    expect(await page.getByTestId('site-openingHours').getAttribute('maxlength')).toBe('200');
    await page.getByTestId('site-openingHours').fill('周一至周五 9:00-17:00');
    expect(await page.getByTestId('wuyou-count').innerText()).toBe('2/5');
    await page.getByTestId('site-save').click();
    await page.getByTestId('toast-success').first().waitFor();
    const saved = (await (await h.client.api.sites[':id'].$get({ param: { id } })).json()).properties;
    expect(saved).toMatchObject({ hasSign: true, hasStaff: true, hasActivities: false, phone: '0839-1234567', openingHours: '周一至周五 9:00-17:00' });
    await shot(page, 'site-panel');

    // A blank name is refused by the API; the panel shows its message and the field's issue.
    await page.getByTestId('site-name').fill('   ');
    await page.getByTestId('site-save').click();
    const error = page.getByTestId('site-error');
    await error.waitFor();
    const text = await error.innerText();
    // Said in the UI's language (zh) from the API's error and issue codes, with the field it concerns.
    expect(text).toContain('提交的内容有误');
    expect(text).toMatch(/name\s*必填/);
    await shot(page, 'site-panel-error');
    const unchanged = (await (await h.client.api.sites[':id'].$get({ param: { id } })).json()).properties;
    expect(unchanged.name).toBe(center.properties.name);
    await page.close();
  });

  it('moves the selected site by dragging it', async () => {
    const page = await openApp();
    const id = 'institute-510812101';
    const site = await (await h.client.api.sites[':id'].$get({ param: { id } })).json();
    expect(site.geometry).not.toBeNull();
    await page.evaluate(() => window.__map!.zoomTo(12, { duration: 0 }));
    await page.evaluate((c) => window.__map!.setCenter(c as [number, number]), site.geometry!.coordinates);
    await waitForIdle(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    const pixel = async () => {
      const p = await page.evaluate((c) => window.__map!.project(c as [number, number]), site.geometry!.coordinates);
      return { x: Math.round(p.x), y: Math.round(p.y) };
    };
    const at = await pixel();
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.getByTestId('site-panel').waitFor();
    await waitForIdle(page);
    const from = await pixel(); // the panel may have panned the map to keep the site in view
    const to = { x: from.x + 60, y: from.y + 40 };
    const target = await page.evaluate((t) => window.__map!.unproject([t.x, t.y]), to);
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + from.x + (60 * i) / 6, box.y + from.y + (40 * i) / 6);
    await page.mouse.up();
    await page.getByTestId('toast-success').first().waitFor();
    const moved = (await (await h.client.api.sites[':id'].$get({ param: { id } })).json()).properties;
    expect(moved.lng).toBeCloseTo(target.lng, 5);
    expect(moved.lat).toBeCloseTo(target.lat, 5);
    // The map did not pan while dragging the site: its old pixel now maps to the old coordinates.
    const stay = await page.evaluate((f) => window.__map!.unproject([f.x, f.y]), from);
    expect(stay.lng).toBeCloseTo(site.geometry!.coordinates[0], 4);
    await shot(page, 'site-dragged');
    await page.close();
  });

  it('switches to English', async () => {
    const page = await openApp();
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('app-title').innerText()).resolves.toMatch(/Chaotian/);
    await expect(page.getByTestId('tab-unplaced').innerText()).resolves.toMatch(/Unplaced/);
    await shot(page, 'map-english');
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('app-title').innerText()).resolves.toContain('朝天区');
    await page.close();
  });

  it('fits a phone screen: panel behind a toggle, map full width', async () => {
    const page = await h.newPage({ width: 390, height: 844 });
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    expect(mapBox.width).toBe(390);
    await shot(page, 'mobile-map');
    await page.getByTestId('panel-toggle').click();
    await page.waitForTimeout(400);
    await shot(page, 'mobile-panel');
    await page.getByTestId('panel-toggle').click();
    await page.waitForTimeout(400); // the panel slides away
    // Details open as a bottom sheet over the map.
    const c = (await (await h.client.api.sites[':id'].$get({ param: { id: 'center-510812' } })).json()).geometry!.coordinates;
    const pt = await page.evaluate((c) => window.__map!.project(c as [number, number]), c);
    await page.mouse.click(mapBox.x + pt.x, mapBox.y + pt.y);
    const sheet = (await page.getByTestId('right-panel').boundingBox())!;
    expect(sheet.width).toBe(390);
    expect(sheet.y + sheet.height).toBeCloseTo(844, 0);
    await shot(page, 'mobile-details');
    await page.close();
  });
});
