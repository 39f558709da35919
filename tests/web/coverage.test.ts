import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Page } from 'playwright-core';
import { shot, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';
import { COVERAGE_LAYER } from '../../web/src/coverage/layers.ts';
import { LAYER } from '../../web/src/map/ids.ts';
import { demandMethodText } from '../../api/src/schemas/messages.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Query = { mode?: 'walk' | 'bike' | 'car'; minutes?: string; older?: 'true' | 'false' };
const coverage = async (query: Query) => (await h.client.api.coverage.$get({ query })).json();

/** Digits of a displayed number ("7,966" → 7966, "6.3%" → 6.3). */
const num = (text: string) => Number(text.replace(/[^\d.]/g, ''));
const pct = (share: number) => Math.round(share * 1000) / 10;

async function openCoverage(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage(viewport);
  await page.goto(h.baseUrl + '/');
  await waitForMap(page);
  if (viewport && viewport.width < 800) await page.getByTestId('panel-toggle').click();
  await page.getByTestId('tab-coverage').click();
  return page;
}

/** Waits until the headline answers the given tier/mode/older and is no longer loading. */
async function headlineReady(page: Page, minutes: number, mode = 'walk', older = false) {
  await page.waitForSelector(
    `[data-testid=coverage-headline][data-state=ready][data-minutes="${minutes}"][data-mode="${mode}"][data-older="${older}"]`,
    { timeout: 60_000 },
  );
}

async function headline(page: Page) {
  const text = async (id: string) => page.getByTestId(id).innerText();
  return {
    covered: num(await text('cov-covered')),
    share: num(await text('cov-share')),
    olderShare: num(await text('cov-older-share')),
    uncovered: num(await text('cov-uncovered')),
    gaps: num(await text('cov-gaps')),
  };
}

const expected = (r: Awaited<ReturnType<typeof coverage>>) => ({
  covered: r.totals.covered,
  share: pct(r.totals.share),
  olderShare: pct(r.totals.olderShare),
  uncovered: r.totals.uncovered,
  gaps: r.gaps.features.length,
});

describe('coverage view', () => {
  it('shows the 15-minute walking headline equal to GET /api/coverage, with method and modelled-population badge', async () => {
    const page = await openCoverage();
    await headlineReady(page, 15);
    const api = await coverage({ mode: 'walk', minutes: '15' });
    expect(await headline(page)).toEqual(expected(api));
    // Covered + uncovered add up to the population the API reports (a check independent of the display).
    expect(api.totals.covered + api.totals.uncovered).toBe(api.totals.population);

    // Method and provenance are on screen.
    const method = page.getByTestId('coverage-method');
    expect(await method.getAttribute('data-method')).toBe(api.method);
    if (api.method === 'straight-line') expect(await method.innerText()).toContain(String(Math.round(api.radiusMeters!)));
    expect(api.demand.modelled).toBe(true);
    const badge = page.getByTestId('demand-badge');
    expect(await badge.innerText()).toContain('模拟人口');
    // The method in Chinese, worded from the API's code and parameters (the API's `method` is the English text).
    const zhMethod = demandMethodText(api.demand, 'zh');
    expect(zhMethod).toContain(`已定位 ${api.demand.anchors!.placed} / ${api.demand.anchors!.total}`);
    expect(await badge.getAttribute('title')).toBe(zhMethod);
    await badge.click();
    expect(await page.getByTestId('demand-method').innerText()).toContain(zhMethod.slice(0, 40));

    // The straight-line circles of the first view are replaced by the coverage layers.
    await waitForIdle(page);
    const vis = await page.evaluate(
      (ids) => ids.map((id) => window.__map!.getLayoutProperty(id, 'visibility') ?? 'visible'),
      [LAYER.circlesFill, COVERAGE_LAYER.gapFill, COVERAGE_LAYER.coveredFill],
    );
    expect(vis).toEqual(['none', 'visible', 'visible']);
    const gapRanks = await page.evaluate(
      (layer) => [...new Set(window.__map!.queryRenderedFeatures({ layers: [layer] }).map((f) => Number(f.properties.rank)))],
      COVERAGE_LAYER.gapFill,
    );
    expect(gapRanks.length).toBeGreaterThan(0);
    expect(Math.max(...gapRanks)).toBeLessThanOrEqual(api.gaps.features.length);
    expect(await page.getByTestId('coverage-card').isVisible()).toBe(true);
    await shot(page, 'coverage-15min');
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it('switches tier, mode and the older-residents speed, each time matching the API', async () => {
    const page = await openCoverage();
    await headlineReady(page, 15);
    const at15 = await headline(page);

    await page.getByTestId('tier-5').click();
    await headlineReady(page, 5);
    const api5 = await coverage({ mode: 'walk', minutes: '5' });
    const at5 = await headline(page);
    expect(at5).toEqual(expected(api5));
    expect(at5.covered).toBeLessThan(at15.covered);
    await shot(page, 'coverage-5min');

    await page.getByTestId('tier-15').click();
    await page.getByTestId('coverage-older').check();
    await headlineReady(page, 15, 'walk', true);
    const older = await coverage({ mode: 'walk', minutes: '15', older: 'true' });
    expect(await headline(page)).toEqual(expected(older));
    expect(older.totals.covered).toBeLessThan(at15.covered);

    await page.getByTestId('mode-bike').click();
    await headlineReady(page, 15, 'bike', false);
    expect(await page.getByTestId('coverage-older').isDisabled()).toBe(true);
    expect(await headline(page)).toEqual(expected(await coverage({ mode: 'bike', minutes: '15' })));
    await shot(page, 'coverage-bike');
    await page.close();
  });

  it('shows a gap’s population, area, township and nearest site when clicked', async () => {
    const page = await openCoverage();
    await headlineReady(page, 15);
    const api = await coverage({ mode: 'walk', minutes: '15' });
    const gap = api.gaps.features[0];
    const inside = pointOnFeature(gap as never).geometry.coordinates as [number, number];
    await page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 11 }), inside);
    await waitForIdle(page);
    const pt = await page.evaluate((c) => window.__map!.project(c), inside);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    const popup = page.getByTestId('gap-popup');
    await popup.waitFor();
    expect(Number(await popup.getAttribute('data-rank'))).toBe(gap.properties.rank);
    expect(num((await page.getByTestId('gap-population').innerText()).split('·')[0])).toBe(Math.round(gap.properties.population));
    const text = await popup.innerText();
    expect(text).toContain(`${gap.properties.areaKm2.toFixed(1)} km²`);
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    expect(text).toContain(townships.find((t) => t.code === gap.properties.townshipCode)!.name);
    const nearest = (await (await h.client.api.sites[':id'].$get({ param: { id: gap.properties.nearestSiteId! } })).json()).properties;
    expect(await page.getByTestId('gap-nearest').innerText()).toContain(nearest.name);
    await shot(page, 'coverage-gap-popup');
    await page.close();
  });

  it('recomputes after a site is placed on the map', async () => {
    const page = await openCoverage();
    await headlineReady(page, 15);
    const before = await coverage({ mode: 'walk', minutes: '15' });
    // Place an unplaced site inside the largest gap through the UI.
    const gap = before.gaps.features[0];
    const inside = pointOnFeature(gap as never).geometry.coordinates as [number, number];
    await page.getByTestId('tab-unplaced').click();
    await page.getByTestId('unplaced-item').first().getByTestId('place-button').click();
    await page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 12 }), inside);
    await waitForIdle(page);
    const pt = await page.evaluate((c) => window.__map!.project(c), inside);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    await page.getByTestId('placing-banner').waitFor({ state: 'detached' });
    await page.getByTestId('tab-coverage').click();
    const after = await coverage({ mode: 'walk', minutes: '15' });
    expect(after.totals.sites).toBe(before.totals.sites + 1);
    expect(after.totals.covered).toBeGreaterThan(before.totals.covered);
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid=cov-covered]')?.textContent?.replace(/\D/g, '') === String(want),
      after.totals.covered,
      { timeout: 30_000 },
    );
    expect(await headline(page)).toEqual(expected(after));
    await page.close();
  });
});

describe('township report', () => {
  it('lists the 12 townships and a district row, sorts, and zooms the map to a clicked township', async () => {
    const page = await h.newPage();
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    await page.getByTestId('tab-townships').click();
    const rows = page.getByTestId('township-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(12);
    const api = await coverage({ mode: 'walk', minutes: '15' });
    expect(api.townships).toHaveLength(12);
    const district = await page.getByTestId('district-row').innerText();
    expect(district).toContain(api.totals.population.toLocaleString('en-US'));

    // Sort by coverage share, highest first: shares on screen are non-increasing and match the API's.
    await page.getByTestId('sort-share').click();
    const shares = (await page.getByTestId('township-share').allInnerTexts()).map(num);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect([...shares].sort((a, b) => a - b)).toEqual(api.townships.map((t) => pct(t.share ?? 0)).sort((a, b) => a - b));
    // Short quota items are listed (the shipped data has no squares, bases or points placed yet).
    expect(await page.getByTestId('quota-short').count()).toBeGreaterThan(0);
    await shot(page, 'township-report');

    const boundsBefore = await page.evaluate(() => window.__map!.getBounds().toArray());
    const row = rows.nth(3);
    const code = (await row.getAttribute('data-code'))!;
    await row.click();
    const focus = page.getByTestId('township-focus');
    await focus.waitFor();
    await page.waitForFunction(() => !window.__map!.isMoving(), null, { timeout: 10_000 });
    await waitForIdle(page);
    const boundsAfter = await page.evaluate(() => window.__map!.getBounds().toArray());
    expect(boundsAfter).not.toEqual(boundsBefore);
    // The focused township's area (from /api/township-areas) fills the view, and its outline is drawn.
    const areas = await (await h.client.api['township-areas'].$get()).json();
    const area = areas.features.find((f) => f.properties.code === code)!;
    const inside = pointOnFeature(area as never).geometry.coordinates as [number, number];
    const [[w, s], [e, n]] = boundsAfter;
    expect(inside[0]).toBeGreaterThan(w);
    expect(inside[0]).toBeLessThan(e);
    expect(inside[1]).toBeGreaterThan(s);
    expect(inside[1]).toBeLessThan(n);
    expect((e - w) * (n - s)).toBeLessThan((boundsBefore[1][0] - boundsBefore[0][0]) * (boundsBefore[1][1] - boundsBefore[0][1]));
    const outlined = await page.evaluate(
      (ids) => window.__map!.queryRenderedFeatures({ layers: ids }).map((f) => String(f.properties.code)),
      [COVERAGE_LAYER.focusLine, COVERAGE_LAYER.focusLineApproximate],
    );
    expect(new Set(outlined)).toEqual(new Set([code]));
    expect(await focus.getAttribute('data-approximate')).toBe(String(area.properties.approximate));
    if (area.properties.approximate) expect(await focus.innerText()).toContain('近似');
    expect(await row.getAttribute('class')).toContain('focused');
    await shot(page, 'township-focus');
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await openCoverage({ width: 390, height: 844 });
    await headlineReady(page, 15);
    await shot(page, 'mobile-coverage-panel');
    await page.getByTestId('tab-townships').click();
    await page.getByTestId('township-row').first().waitFor();
    const panel = (await page.getByTestId('left-panel').boundingBox())!;
    expect(panel.width).toBeLessThanOrEqual(390);
    await shot(page, 'mobile-township-report');
    await page.getByTestId('township-row').first().click();
    await page.getByTestId('township-focus').waitFor();
    await page.waitForTimeout(900);
    await shot(page, 'mobile-township-focus');
    await page.close();
  });
});
