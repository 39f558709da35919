import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../helpers/gbk.ts';
import gcoord from 'gcoord';
import type { Page } from 'playwright-core';
import { shot, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(h.baseUrl + '/');
  await waitForMap(page);
  await page.getByTestId('tab-data').click();
});
afterAll(async () => {
  await h?.close();
});

/** Metres between two WGS-84 points (equirectangular; fine at a few metres). */
const meters = (a: number[], b: number[]) =>
  Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_574);

describe('the data tab', () => {
  it('imports a GBK site register with GCJ-02 coordinates: CRS required, mapping edited, problems listed, commit', async () => {
    // Two places inside the district (populated demand cells far from each other), in WGS-84, given to the importer as GCJ-02 (Amap).
    const demand = (await (await h.client.api.demand.$get()).json()).features.filter((f) => f.properties.population > 0);
    const wgs = [demand[0].geometry.coordinates, demand[Math.floor(demand.length / 2)].geometry.coordinates] as [number, number][];
    const gcj = wgs.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number]);
    // GCJ-02 is offset from WGS-84 by hundreds of metres here: a wrong CRS would show.
    expect(meters(gcj[0], wgs[0])).toBeGreaterThan(100);
    const csv = [
      '站点名称,类型,X坐标,Y坐标,备注',
      `测试导入实践点甲,文明实践点,${gcj[0][0].toFixed(7)},${gcj[0][1].toFixed(7)},GBK 编码测试`,
      `测试导入实践点乙,文明实践点,${gcj[1][0].toFixed(7)},${gcj[1][1].toFixed(7)},`,
      `测试坏行丙,不存在的类型,${gcj[1][0].toFixed(7)},${gcj[1][1].toFixed(7)},`,
    ].join('\r\n');
    const bytes = Buffer.from(encodeGbk(csv));
    expect(bytes.includes(Buffer.from('站点名称', 'utf8'))).toBe(false); // really not UTF-8

    await page.getByTestId('site-import-file').setInputFiles({ name: '站点名册.csv', mimeType: 'text/csv', buffer: bytes });
    // No coordinate system chosen yet: preview is not possible, and the choice is explained.
    expect(await page.getByTestId('site-import-preview').isDisabled()).toBe(true);
    const crsText = await page.getByTestId('site-import-crs').innerText();
    expect(crsText).toContain('高德');
    expect(crsText).toContain('百度');
    await page.getByTestId('site-import-crs-gcj02').check();

    let preview = page.waitForResponse((r) => r.url().endsWith('/api/import/sites'));
    await page.getByTestId('site-import-preview').click();
    let body = await (await preview).json();
    await page.getByTestId('site-import-result').waitFor();
    expect(body.encoding).toBe('GB18030');
    expect(await page.getByTestId('site-import-format').innerText()).toContain('GB18030');
    // "X坐标"/"Y坐标" are not known headers: the preview says the file has no coordinates.
    expect(body.mapping.lng).toBeNull();
    expect(await page.getByTestId('mapping-lng').inputValue()).toBe('');
    expect(await page.getByTestId('mapping-name').inputValue()).toBe('站点名称');

    await page.getByTestId('mapping-lng').selectOption('X坐标');
    await page.getByTestId('mapping-lat').selectOption('Y坐标');
    expect(await page.getByTestId('site-import-commit').isDisabled()).toBe(true); // preview again first
    preview = page.waitForResponse((r) => r.url().endsWith('/api/import/sites'));
    await page.getByTestId('site-import-preview').click();
    const req = await preview;
    body = await req.json();
    // The API read the file the way the form said: the chosen CRS and the edited mapping.
    expect(body.crs).toBe('gcj02');
    expect(body.mapping).toMatchObject({ lng: 'X坐标', lat: 'Y坐标', name: '站点名称', kind: '类型' });
    expect(body.summary).toMatchObject({ valid: 2, invalid: 1 });
    // The problem row is listed by its row number (header = row 1) and column.
    await page.locator('[data-testid=import-issue][data-row="4"]').waitFor();
    const issueText = await page.locator('[data-testid=import-issue][data-row="4"]').innerText();
    expect(issueText).toContain('类型');
    expect(issueText).toContain('不存在的类型');
    await shot(page, 'import-preview');

    // One row has an error: commit needs "skip rows with problems".
    expect(await page.getByTestId('site-import-commit').isDisabled()).toBe(true);
    await page.getByTestId('site-import-skip').check();
    const commit = page.waitForResponse((r) => r.url().endsWith('/api/import/sites'));
    await page.getByTestId('site-import-commit').click();
    const done = await (await commit).json();
    expect(done.mapping).toMatchObject({ lng: 'X坐标', lat: 'Y坐标' }); // the commit reads the file as previewed
    expect(done.committed).toMatchObject({ created: 2, updated: 0 });
    expect(done.committed.skipped.map((s: { row: number }) => s.row)).toEqual([4]);
    await page.getByTestId('site-import-done').waitFor();

    // The sites exist, converted back to WGS-84, and the map draws them.
    const all = (await (await h.client.api.sites.$get({ query: {} })).json()).features;
    const imported = ['测试导入实践点甲', '测试导入实践点乙'].map((n) => all.find((f) => f.properties.name === n)!);
    expect(all.some((f) => f.properties.name === '测试坏行丙')).toBe(false);
    imported.forEach((f, i) => {
      expect(f.properties.kind).toBe('point');
      expect(meters(f.geometry!.coordinates, wgs[i])).toBeLessThan(0.5);
    });
    expect(imported[0].properties.notes).toBe('GBK 编码测试');
    await page.waitForFunction(
      (ids) => ids.every((id) => window.__map!.querySourceFeatures('sites').some((f) => f.properties.id === id)),
      imported.map((f) => f.properties.id),
      { timeout: 20_000 },
    );
    await page.evaluate((c) => window.__map!.jumpTo({ center: c as [number, number], zoom: 13 }), imported[0].geometry!.coordinates);
    await waitForIdle(page);
    await shot(page, 'import-committed');
  });

  it('offers the exports as download links with the coverage query', async () => {
    for (const group of ['sites', 'townships', 'gaps'])
      for (const fmt of ['geojson', 'csv', 'xlsx']) {
        const href = await page.getByTestId(`export-${group}-${fmt}`).getAttribute('href');
        expect(href).toMatch(new RegExp(`^/api/export/${group}\\.${fmt}`));
        if (group !== 'sites') expect(href).toContain('minutes=15');
      }
    // A link downloads the file the API serves.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-townships-csv').click();
    const file = await download;
    const text = readFileSync((await file.path())!, 'utf8');
    const townships = (await (await h.client.api.townships.$get()).json()).townships;
    for (const t of townships) expect(text).toContain(t.name);
  });

  it('exports the map as a PNG with title, legend, scale bar and attribution', async () => {
    await page.getByTestId('png-title').fill('朝天区 15 分钟服务圈（测试导出）');
    const download = page.waitForEvent('download');
    await page.getByTestId('png-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: larger than the map canvas (title above, legend beside, attribution below).
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const canvas = await page.evaluate(() => ({ w: window.__map!.getCanvas().width, h: window.__map!.getCanvas().height }));
    expect(width).toBeGreaterThan(canvas.w);
    expect(height).toBeGreaterThan(canvas.h);
    expect(bytes.length).toBeGreaterThan(20_000);
    const { writeFileSync } = await import('node:fs');
    writeFileSync('test-results/export-map.png', bytes);
    expect(h.pageErrors).toEqual([]);
  });
});
