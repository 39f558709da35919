import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';
import { solidPng } from '../fixtures/tiny-tiles.ts';

/** Screenshots for the change note go here as well as to test-results/. */
const SHOTS = '/tmp/shots-i10';
const note = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await shot(page, name);
};

/** A local tile server: answers every tile request with a generated PNG and records the query. */
let tiles: Server;
const requests: URL[] = [];
const TILE = solidPng([120, 170, 120]);
let h: Harness;
const savedEnv = { token: process.env.TIANDITU_TOKEN, host: process.env.TIANDITU_HOST };

beforeAll(async () => {
  tiles = createServer((req, res) => {
    requests.push(new URL(req.url!, 'http://tiles.local'));
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(TILE);
  });
  await new Promise<void>((ok) => tiles.listen(0, '127.0.0.1', () => ok()));
  // The API reads the basemap configuration per request: a token and our local host stand in for 天地图.
  process.env.TIANDITU_TOKEN = 'test-token-123';
  process.env.TIANDITU_HOST = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  await new Promise((ok) => tiles?.close(ok));
  if (savedEnv.token === undefined) delete process.env.TIANDITU_TOKEN; else process.env.TIANDITU_TOKEN = savedEnv.token;
  if (savedEnv.host === undefined) delete process.env.TIANDITU_HOST; else process.env.TIANDITU_HOST = savedEnv.host;
});

/** Opens a page in Chinese (the language choice is remembered per browser, so each test sets its own). */
async function openPage(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage(viewport);
  await page.goto(h.baseUrl + path + (path.includes('?') ? '&' : '?') + 'lang=zh');
  return page;
}

async function openApp(path = '/'): Promise<Page> {
  const page = await openPage(path);
  await waitForMap(page);
  await page.waitForFunction(() => window.__basemap !== undefined);
  return page;
}

/** Tile x/y range covering the map's view at zoom z (Web Mercator). */
async function tileRange(page: Page, z: number) {
  return page.evaluate((z) => {
    const b = window.__map!.getBounds();
    const n = 2 ** z;
    const x = (lng: number) => Math.floor(((lng + 180) / 360) * n);
    const y = (lat: number) => {
      const r = (lat * Math.PI) / 180;
      return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
    };
    return { x0: x(b.getWest()), x1: x(b.getEast()), y0: y(b.getNorth()), y1: y(b.getSouth()) };
  }, z);
}

describe('basemaps', () => {
  it('offline by default (嘉陵江 with its precision); 天地图 tiles requested with the right z/x/y and token, drawn, and remembered', async () => {
    const page = await openApp();
    expect(await page.evaluate(() => window.__basemap)).toBe('offline');
    expect(await page.getByTestId('basemap-attribution').innerText()).toMatch(/HydroRIVERS.*450 m/);
    await waitForIdle(page);
    const river = await page.evaluate(() => window.__map!.queryRenderedFeatures({ layers: ['basemap-river-line'] }).length);
    expect(river).toBeGreaterThan(0);
    expect(requests).toHaveLength(0); // offline: nothing fetched from a tile server
    await note(page, 'basemap-offline-zh');

    await page.getByTestId('basemap-select').selectOption('tianditu-vec');
    await page.waitForFunction(() => window.__basemap === 'tianditu-vec');
    await waitForIdle(page);
    expect(await page.evaluate(() => window.__map!.isSourceLoaded('basemap-tiles') && window.__map!.isSourceLoaded('basemap-labels'))).toBe(true);
    const zoom = await page.evaluate(() => window.__map!.getZoom());
    const vec = requests.filter((u) => u.pathname === '/vec_w/wmts');
    const cva = requests.filter((u) => u.pathname === '/cva_w/wmts');
    expect(vec.length).toBeGreaterThan(0);
    expect(cva.length).toBeGreaterThan(0);
    for (const u of [...vec, ...cva]) {
      expect(u.searchParams.get('tk')).toBe('test-token-123');
      expect(u.searchParams.get('TILEMATRIXSET')).toBe('w');
      const z = Number(u.searchParams.get('TILEMATRIX'));
      expect(z === Math.floor(zoom) || z === Math.floor(zoom) + 1).toBe(true);
      const r = await tileRange(page, z);
      const x = Number(u.searchParams.get('TILECOL'));
      const y = Number(u.searchParams.get('TILEROW'));
      expect(x).toBeGreaterThanOrEqual(r.x0 - 1);
      expect(x).toBeLessThanOrEqual(r.x1 + 1);
      expect(y).toBeGreaterThanOrEqual(r.y0 - 1);
      expect(y).toBeLessThanOrEqual(r.y1 + 1);
    }
    // Drawn: the raster layers sit under our overlays (below the district mask).
    const order = await page.evaluate(() => window.__map!.getStyle().layers.map((l) => l.id));
    expect(order.indexOf('basemap-tiles')).toBeLessThan(order.indexOf('district-mask'));
    expect(await page.getByTestId('basemap-attribution').innerText()).toContain('天地图');
    await note(page, 'basemap-tianditu-zh');
    await page.close();

    const again = await openApp();
    expect(await again.evaluate(() => window.__basemap)).toBe('tianditu-vec');
    await again.getByTestId('lang-switch').click();
    expect(await again.getByTestId('basemap-select').locator('option:checked').innerText()).toBe('Tianditu map');
    await note(again, 'basemap-switcher-en');
    await again.getByTestId('basemap-select').selectOption('offline');
    await again.close();
  });

  it('the resident page has the same switcher', async () => {
    const page = await openPage('/resident.html', { width: 390, height: 844 });
    await waitForMap(page);
    await page.getByTestId('basemap-switcher').waitFor();
    const options = await page.getByTestId('basemap-select').locator('option').allInnerTexts();
    expect(options).toEqual(['离线底图', '天地图 矢量', '天地图 影像']);
    await page.close();
  });
});

const progress = async (page: Page) => {
  const m = /已定位 (\d+) \/ 139/.exec(await page.getByTestId('villages-progress').innerText());
  return Number(m![1]);
};

describe('placing villages', () => {
  it('places the next unplaced village with one click (approximate, with its station), and undoes it', async () => {
    const page = await openApp();
    await page.getByTestId('tab-villages').click();
    const before = await progress(page);
    await page.getByTestId('villages-next').click();
    const banner = page.getByTestId('village-placing-banner');
    await banner.waitFor();
    const active = page.locator('[data-testid=village-row].active');
    const code = (await active.getAttribute('data-code'))!;
    const { villages } = await (await h.client.api.villages.$get({ query: {} })).json();
    const village = villages.find((v) => v.code === code)!;
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    const seat = townships.find((t) => t.code === village.townshipCode)!.seat!;
    // The map went to the village's township.
    await page.waitForFunction(() => !window.__map!.isMoving());
    const view = await page.evaluate(() => ({ c: window.__map!.getCenter(), z: window.__map!.getZoom() }));
    expect(view.z).toBeGreaterThan(12);
    expect(Math.abs(view.c.lng - seat.lng)).toBeLessThan(0.01);
    await note(page, 'village-placing-zh');

    const box = (await page.getByTestId('map').boundingBox())!;
    const target = await page.evaluate(([x, y]) => window.__map!.unproject([x, y]), [box.width / 2 + 40, box.height / 2 - 30]);
    const saved = page.waitForResponse((r) => r.url().includes(`/api/villages/${code}`) && r.request().method() === 'PATCH');
    await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 - 30);
    const body = await (await saved).json();
    expect(body.village.precision).toBe('approximate');
    expect(Math.abs(body.village.lng - target.lng)).toBeLessThan(1e-4);
    await page.waitForFunction((n) => document.querySelector('[data-testid=villages-progress]')!.textContent!.includes(`已定位 ${n} /`), before + 1);
    expect(await page.locator(`[data-testid=village-row][data-code="${code}"]`).getAttribute('data-placed')).toBe('true');
    expect(await page.locator(`[data-testid=village-label][data-code="${code}"]`).count()).toBe(1);
    const station = `station-${code}`;
    const stationAfter = await (await h.client.api.sites[':id'].$get({ param: { id: station } })).json();
    if (body.stationsPlaced.length) {
      expect(stationAfter.geometry!.coordinates).toEqual([body.village.lng, body.village.lat]);
      expect(stationAfter.properties.locationPrecision).toBe('approximate');
    }
    await note(page, 'village-placed-zh');

    await page.getByTestId('villages-undo').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=villages-progress]')!.textContent!.includes(`已定位 ${n} /`), before);
    const reverted = (await (await h.client.api.villages.$get({ query: {} })).json()).villages.find((v) => v.code === code)!;
    expect(reverted.lng).toBeNull();
    expect((await (await h.client.api.sites[':id'].$get({ param: { id: station } })).json()).geometry).toBeNull();

    // Keyboard: N goes to the next unplaced village, Escape leaves placing.
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await page.keyboard.press('n');
    await banner.waitFor();
    await page.keyboard.press('Escape');
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('villages-next').click();
    await note(page, 'village-placing-en');
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('resident wording from an approximate location', () => {
  it('a village without a point: no verdict, no minutes, its own station first, asks for the home (zh and en)', async () => {
    // 青云村's station exists and has been placed (the village itself has no point).
    const villages = (await (await h.client.api.villages.$get({ query: {} })).json()).villages;
    const qingyun = villages.find((v) => v.shortName === '青云村')!;
    expect(qingyun.lng).toBeNull();
    const stationId = `station-${qingyun.code}`;
    await h.client.api.sites[':id'].$patch({ param: { id: stationId }, json: { lng: 105.93, lat: 32.69, status: 'existing' } });
    const page = await openPage('/resident.html', { width: 390, height: 844 });
    await waitForMap(page);
    await page.getByTestId('place-search').fill('青云村');
    await page.getByTestId('place-option').first().click();
    await page.getByTestId('approximate-message').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('approximate-message').innerText()).toContain('「青云村」还没有精确位置');
    expect(await page.getByTestId('within-message').count()).toBe(0);
    expect(await page.getByTestId('outside-message').count()).toBe(0);
    expect(await page.getByTestId('nearest-minutes').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/约 1 分钟|0 米/);
    expect(await page.getByTestId('own-station').innerText()).toContain('青云村新时代文明实践站');
    expect(await page.getByTestId('approx-locate').isVisible()).toBe(true);
    await note(page, 'resident-approximate-zh');
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('approximate-message').innerText()).toMatch(/has no exact location yet/);
    await note(page, 'resident-approximate-en');
    await page.close();
    await h.client.api.sites[':id'].$patch({ param: { id: stationId }, json: { lng: null, lat: null } });
  });
});
