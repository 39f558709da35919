/**
 * Issue 14 in the browser: the header's district switcher opens another county (the address carries it as ?d=),
 * with its boundary, townships and title; the city overview shows the seven counties on one map and table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, waitForMap, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Guests read every county when the planner views are public (an account reads only its own county).
  const admin = await h.clientAs('admin');
  expect((await admin.api.settings.$patch({ json: { publicPlannerViews: true } })).status).toBe(200);
  await h.loginAs(null);
});
afterAll(async () => {
  await h?.close();
});

describe('seven counties', () => {
  it('the switcher opens 苍溪县: its title, boundary and townships, and ?d=510824 in the address (zh)', async () => {
    const page = await h.newPage({ width: 1366, height: 800 });
    await page.goto(`${h.baseUrl}/?lang=zh`);
    await waitForMap(page);
    const switcher = page.getByTestId('district-switcher');
    await switcher.locator('option[value="510824"]').waitFor({ state: 'attached' });
    await Promise.all([page.waitForURL(/d=510824/), switcher.selectOption('510824')]);
    await waitForMap(page);
    await page.waitForFunction(() => document.title.includes('苍溪县'));
    expect(await page.getByTestId('app-title').innerText()).toContain('苍溪县');
    expect(await switcher.inputValue()).toBe('510824');
    // The map is fitted to 苍溪县's boundary (around 31.7°N), not 朝天区's (32.6°N).
    const center = await page.evaluate(() => window.__map!.getCenter());
    expect(center.lat).toBeGreaterThan(31.4);
    expect(center.lat).toBeLessThan(32.1);
    await shot(page, 'district-cangxi-zh');
    await page.close();
  });

  it('the city overview lists the seven counties with population and modelled coverage; no data where there is none (en)', async () => {
    const page = await h.newPage({ width: 1366, height: 800 });
    await page.goto(`${h.baseUrl}/?city=1&lang=en`);
    const table = page.getByTestId('city-table');
    await table.waitFor({ timeout: 120_000 });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    expect(codes).toEqual(['510802', '510811', '510812', '510821', '510822', '510823', '510824']);
    const cangxi = await table.locator('tr[data-code="510824"]').innerText();
    expect(cangxi).toContain('Cangxi');
    expect(cangxi).toContain('512,617');
    expect(cangxi).toContain('no data');
    await shot(page, 'city-overview-en');
    await page.close();
  });
});
