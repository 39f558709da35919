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


describe('乡镇报表 at a glance', () => {
  beforeAll(async () => {
    // A square in one township, so that township meets its square quota (the shipped data has none).
    const tw = (await (await h.client.api.townships.$get()).json()).townships.find((t) => t.seat)!;
    const res = await h.client.api.sites.$post({ json: { kind: 'square', name: '报表测试广场', townshipCode: tw.code, lng: tw.seat!.lng + 0.002, lat: tw.seat!.lat } });
    expect(res.status).toBe(201);
  });

  for (const [lang, viewport] of [['zh', { width: 1366, height: 768 }], ['en', { width: 1366, height: 768 }], ['en', { width: 390, height: 844 }]] as const) {
    it(`shows share bars coloured against the district share, met and short quotas by kind, and says what 全区 is (${lang}, ${viewport.width})`, async () => {
      const page = await h.newPage(viewport);
      await page.goto(`${h.baseUrl}/?lang=${lang}&tab=townships`);
      await waitForMap(page);
      if (viewport.width <= 800) await page.getByTestId('panel-toggle').click();
      const rows = page.getByTestId('township-row');
      await rows.first().waitFor({ timeout: 60_000 });
      const report = await (await h.client.api.coverage.$get({ query: { mode: 'walk', minutes: '15' } })).json();
      const levels = await page.getByTestId('township-share').evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
      expect(levels).toHaveLength(report.townships.length);
      const expected = report.townships.map((t) => (t.share !== null && t.share >= report.totals.share! ? 'good' : t.share !== null && t.share >= report.totals.share! / 2 ? 'warn' : 'bad'));
      expect([...levels].sort()).toEqual([...expected].sort());
      expect(await page.locator('.share-bar').count()).toBe(report.townships.length + 1);
      // Met items are listed per kind, not only what is short.
      expect(await page.getByTestId('quota-met-items').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('quota-met-items').first().innerText()).toMatch(lang === 'zh' ? /广场/ : /square/i);
      expect(await page.getByTestId('quota-short').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('district-what').innerText()).toContain(lang === 'zh' ? '区级指标' : 'district-level quotas');
      expect(await page.getByTestId('township-legend').innerText()).toContain(lang === 'zh' ? '全区行' : 'District row');
      // No clipped columns: in the 640 px desktop panel every column fits (zh and English); wherever the table is
      // wider than its box it scrolls sideways with the township column kept in view.
      const box = await page.locator('.township-report .table-scroll').evaluate((e) => ({
        overflow: e.scrollWidth - e.clientWidth, scrolls: getComputedStyle(e).overflowX,
        sticky: getComputedStyle(e.querySelector('th')!).position === 'sticky' && getComputedStyle(e.querySelector('td.name')!).position === 'sticky',
      }));
      expect(box.scrolls).toBe('auto');
      expect(box.sticky).toBe(true);
      if (viewport.width >= 1366) expect(box.overflow).toBeLessThanOrEqual(0);
      await shot(page, `township-report-${lang}-${viewport.width}`);
      await page.close();
    });
  }
});
