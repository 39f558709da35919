import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderedSiteIds, shot, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack));
  await page.goto(h.baseUrl + '/');
  await waitForMap(page);
});
afterAll(async () => {
  await h?.close();
});

/** Whole numbers as the panels print them (thousands separated by commas). */
const int = (x: number) => Math.round(x).toLocaleString('en-US');
/** Latin-letter words left in a Chinese line, beyond the solver's name and units. */
const englishWords = (s: string) => s.replace(/HiGHS|MILP|\bms\b|\bkm\b/g, '').match(/[A-Za-z]{2,}/g) ?? [];
const text = async (testId: string) => (await page.getByTestId(testId).innerText()).trim();
const markerRanks = () => page.locator('[data-testid=planner-marker]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.rank)));

async function markerCenter(rank: number) {
  const box = (await page.locator(`[data-testid=planner-marker][data-rank="${rank}"]`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('the planner tab', () => {
  let scenarioId = '';

  it('runs the optimiser for k = 3: three ranked markers and the API\'s before/after numbers', async () => {
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('plan-k').fill('3');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/plan') && r.request().method() === 'POST');
    await page.getByTestId('plan-run').click();
    const res = await response;
    expect(res.status()).toBe(200);
    const plan = await res.json();
    expect(JSON.parse(res.request().postData()!)).toMatchObject({ k: 3, kind: 'point', mode: 'walk', minutes: 15 });
    await page.getByTestId('plan-results').waitFor();

    expect(plan.proposed).toHaveLength(3);
    expect((await markerRanks()).sort()).toEqual([1, 2, 3]);
    expect(plan.after.covered).toBeGreaterThan(plan.before.covered);
    expect(await text('plan-before-covered')).toBe(int(plan.before.covered));
    expect(await text('plan-after-covered')).toBe(int(plan.after.covered));
    const gains = await page.getByTestId('plan-row-gain').allInnerTexts();
    expect(gains).toEqual(plan.proposed.map((p: { marginalGain: number }) => int(p.marginalGain)));
    // The optimality note and the solver line are worded in Chinese from the API's codes and numbers.
    expect(await text('plan-note')).toContain(int(plan.optimality.noteParams.reference));
    expect(englishWords(await text('plan-optimality'))).toEqual([]);
    // Bound, its method and the gap, as the API gives them.
    expect(await text('plan-bound')).toContain(int(plan.optimality.bound));
    expect(await text('plan-bound')).toMatch(/上界|拉格朗日|贪心|可覆盖/);
    expect(await text('plan-gap')).toContain('差距');
    await page.getByTestId('plan-results').screenshot({ path: '/tmp/shots-i8/plan-results-zh.png' });
    await page.getByTestId('lang-switch').click();
    expect(await text('plan-bound')).toMatch(/upper bound .* people \((Lagrangian relaxation|greedy online bound|all reachable people)\)/);
    expect(await text('plan-gap')).toContain('gap');
    expect(await text('plan-method')).toContain(plan.solver);
    expect(await text('plan-note')).toContain(int(plan.optimality.noteParams.reference));
    await page.getByTestId('plan-results').screenshot({ path: '/tmp/shots-i8/plan-results-en.png' });
    await page.getByTestId('lang-switch').click();
    // Each marker sits where the API put its site.
    for (const p of plan.proposed) {
      const at = await page.evaluate(([lng, lat]) => window.__map!.project([lng, lat]), [p.lng, p.lat]);
      const mapBox = (await page.getByTestId('map').boundingBox())!;
      const c = await markerCenter(p.rank);
      expect(Math.abs(c.x - (mapBox.x + at.x))).toBeLessThan(2);
      expect(Math.abs(c.y - (mapBox.y + at.y))).toBeLessThan(2);
    }
    await shot(page, 'planner-results');
  });

  it('saves the result as a scenario, which appears in the list and opens its comparison', async () => {
    await page.getByTestId('plan-save-name').fill('测试方案 k3');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/scenarios') && r.request().method() === 'POST');
    await page.getByTestId('plan-save').click();
    const s = await (await created).json();
    scenarioId = s.id;
    await page.locator(`[data-testid=scenario-item][data-scenario-id="${scenarioId}"]`).waitFor();
    expect(await page.locator(`[data-testid=scenario-item][data-scenario-id="${scenarioId}"]`).innerText()).toContain('测试方案 k3');
    const list = (await (await h.client.api.scenarios.$get()).json()).scenarios;
    expect(list.map((x) => x.id)).toContain(scenarioId);
    expect(list.find((x) => x.id === scenarioId)!.sites).toHaveLength(3);
    await page.getByTestId('scenario-panel').waitFor();
  });

  it('shows the comparison numbers GET compare returns', async () => {
    const cmp = await (await h.client.api.scenarios[':id'].compare.$get({ param: { id: scenarioId }, query: {} })).json();
    await page.getByTestId('compare-totals').waitFor();
    expect(await text('compare-before-covered')).toBe(int(cmp.before.covered));
    expect(await text('compare-after-covered')).toBe(int(cmp.after.covered));
    expect(await text('compare-gain-covered')).toBe(`+${int(cmp.gain.covered)}`);
    expect(await text('compare-gaps-closed')).toContain(String(cmp.gaps.closed));
    const rows = page.getByTestId('compare-proposal');
    expect(await rows.count()).toBe(cmp.proposed.length);
    for (let i = 0; i < cmp.proposed.length; i++) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-site-id')).toBe(cmp.proposed[i].id);
      expect((await row.getByTestId('proposal-newly').innerText()).trim()).toBe(int(cmp.proposed[i].newlyCovered));
      expect((await row.getByTestId('proposal-gain').innerText()).trim()).toBe(int(cmp.proposed[i].marginalGain));
    }
    const townshipGains = await page.getByTestId('township-gain').allInnerTexts();
    expect(townshipGains.filter((g) => g.startsWith('+')).length).toBe(cmp.townships.filter((t) => t.gain > 0).length);
    // The live (browser-side, straight-line) total starts at the API's after-total: same demand, same radius.
    if (cmp.method === 'straight-line') {
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=live-covered]')!.textContent!));
      const live = Number((await text('live-covered')).replace(/,/g, ''));
      expect(Math.abs(live - cmp.after.covered)).toBeLessThanOrEqual(1);
    }
    await waitForIdle(page);
    await shot(page, 'planner-scenario-compare');
  });

  it('accepts one proposal: it becomes a planned site on the map', async () => {
    const before = await (await h.client.api.scenarios[':id'].$get({ param: { id: scenarioId } })).json();
    const first = before.sites[0];
    const plannedBefore = (await (await h.client.api.sites.$get({ query: { status: 'planned' } })).json()).features.length;
    const accepted = page.waitForResponse((r) => r.url().includes(`/api/scenarios/${scenarioId}/accept`));
    // Proposals on modelled demand ask for a confirmation that says so.
    const dialog = page.waitForEvent('dialog').then(async (d) => {
      expect(d.type()).toBe('confirm');
      expect(d.message()).toMatch(/模拟人口|modelled/);
      await d.accept();
    });
    await page.locator(`[data-testid=compare-proposal][data-site-id="${first.id}"]`).getByTestId('accept-one').click();
    await dialog;
    const body = await (await accepted).json();
    expect(body.accepted).toHaveLength(1);
    const siteId = body.accepted[0];
    const planned = (await (await h.client.api.sites.$get({ query: { status: 'planned' } })).json()).features;
    expect(planned.length).toBe(plannedBefore + 1);
    expect(planned.map((f) => f.properties.id)).toContain(siteId);
    // The map's site layer reloads and draws the new site as planned.
    await page.waitForFunction(
      (id) => window.__map!.querySourceFeatures('sites').some((f) => f.properties.id === id && f.properties.status === 'planned'),
      siteId,
      { timeout: 20_000 },
    );
    await page.evaluate(([lng, lat]) => window.__map!.jumpTo({ center: [lng, lat], zoom: 12 }), [first.lng, first.lat]);
    await waitForIdle(page);
    expect(await renderedSiteIds(page)).toContain(siteId);
    await page.getByTestId('compare-accepted').first().waitFor();
    expect(await page.getByTestId('compare-proposal').count()).toBe(2);
    expect(await page.locator('[data-testid=planner-marker]').count()).toBe(2);
  });

  it('drags a proposal: live numbers change during the drag, and the scenario is saved on drop', async () => {
    const s = await (await h.client.api.scenarios[':id'].$get({ param: { id: scenarioId } })).json();
    const open = s.sites.filter((x) => !x.acceptedSiteId);
    const moving = open[open.length - 1];
    const rank = moving.rank!;
    // A populated demand point 2–4 km west of the proposal: inside the district, and away from its current cover.
    const demand = (await (await h.client.api.demand.$get()).json()).features;
    const km = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * 93.6, (a[1] - b[1]) * 111.2);
    const target = demand
      .filter((f) => f.properties.population > 0 && f.geometry.coordinates[0] < moving.lng)
      .map((f) => f.geometry.coordinates as [number, number])
      .filter((c) => km(c, [moving.lng, moving.lat]) > 2 && km(c, [moving.lng, moving.lat]) < 4)[0];
    expect(target).toBeDefined();

    await page.evaluate(([lng, lat]) => window.__map!.jumpTo({ center: [lng, lat], zoom: 12 }), [moving.lng, moving.lat]);
    await waitForIdle(page);
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const from = await markerCenter(rank);
    const toPx = await page.evaluate(([lng, lat]) => window.__map!.project([lng, lat]), target);
    const to = { x: mapBox.x + toPx.x, y: mapBox.y + toPx.y };
    const liveBefore = await text('live-covered');
    await page.waitForFunction(() => !document.querySelector('.toast')); // notices over the map would catch the pointer

    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const steps = 12;
    const during: string[] = [];
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
      if (i % 4 === 0) during.push(await text('live-covered'));
    }
    expect(await page.getByTestId('live-box').getAttribute('class')).toContain('active');
    expect(during.some((v) => v !== liveBefore)).toBe(true);
    expect((await page.getByTestId('township-after').allInnerTexts()).some((v) => v.startsWith('≈'))).toBe(true);
    await shot(page, 'planner-dragging');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${scenarioId}`) && r.request().method() === 'PATCH');
    await page.mouse.up();
    expect((await saved).status()).toBe(200);
    await page.waitForFunction(() => !document.querySelector('[data-testid=live-box]')!.classList.contains('active'));

    // The marker is dragged by the point under the pointer (its centre), so the site lands where the pointer went.
    const after = await (await h.client.api.scenarios[':id'].$get({ param: { id: scenarioId } })).json();
    const moved = after.sites.find((x) => !x.acceptedSiteId && x.rank === rank)!;
    expect(km([moved.lng, moved.lat], [moving.lng, moving.lat])).toBeGreaterThan(1.9);
    expect(km([moved.lng, moved.lat], target)).toBeLessThan(0.05);
    // The comparison is fetched again for the new position and shown.
    const cmp = await (await h.client.api.scenarios[':id'].compare.$get({ param: { id: scenarioId }, query: {} })).json();
    await page.waitForFunction((v) => document.querySelector('[data-testid=compare-after-covered]')!.textContent!.trim() === v, int(cmp.after.covered));
    await waitForIdle(page);
    await shot(page, 'planner-dropped');
  });

  it('renames and discards the scenario (after a confirmation)', async () => {
    await page.getByTestId('planner-view-scenarios').click();
    const item = page.locator(`[data-testid=scenario-item][data-scenario-id="${scenarioId}"]`);
    await item.getByTestId('scenario-rename').click();
    await item.getByTestId('scenario-rename-input').fill('改名后的方案');
    await item.getByTestId('scenario-rename-save').click();
    await page.waitForFunction((id) => document.querySelector(`[data-scenario-id="${id}"]`)?.textContent?.includes('改名后的方案'), scenarioId);
    expect((await (await h.client.api.scenarios[':id'].$get({ param: { id: scenarioId } })).json()).name).toBe('改名后的方案');
    await shot(page, 'planner-scenario-list');
    await item.getByTestId('scenario-delete').click();
    expect((await (await h.client.api.scenarios[':id'].$get({ param: { id: scenarioId } })).status)).toBe(200);
    await item.getByTestId('scenario-delete-confirm').click();
    await item.waitFor({ state: 'detached' });
    expect((await h.client.api.scenarios[':id'].$get({ param: { id: scenarioId } })).status).toBe(404);
    expect(await page.getByTestId('scenario-panel').count()).toBe(0);
    expect(await page.locator('[data-testid=planner-marker]').count()).toBe(0);
  });

  it('reports an unreachable coverage target with the largest reachable share', async () => {
    await page.getByTestId('planner-view-optimise').click();
    await page.getByTestId('plan-objective-target').click();
    await page.getByTestId('plan-target').fill('100');
    // Only this list of two candidates: no two points can cover the whole district.
    const csv = '经度,纬度,名称\n105.8900,32.6500,候选甲\n105.9600,32.6800,候选乙\n';
    await page.getByTestId('plan-candidates-file').setInputFiles({ name: 'candidates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    expect(await page.getByTestId('plan-run').isDisabled()).toBe(true); // the coordinate system is not chosen yet
    await page.getByTestId('plan-crs-wgs84').check();
    await page.getByTestId('plan-candidates-summary').waitFor();
    const response = page.waitForResponse((r) => r.url().endsWith('/api/plan'));
    await page.getByTestId('plan-run').click();
    const res = await response;
    const plan = await res.json();
    const sent = JSON.parse(res.request().postData()!);
    expect(sent.targetShare).toBe(1);
    expect(sent.candidates).toEqual([{ lng: 105.89, lat: 32.65, name: '候选甲' }, { lng: 105.96, lat: 32.68, name: '候选乙' }]);
    expect(plan.reachable).toBe(false);
    await page.getByTestId('plan-unreachable').waitFor();
    expect(await text('plan-max-share')).toContain(`${(plan.maxShare * 100).toFixed(1)}%`);
    await shot(page, 'planner-unreachable');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('plan-form').evaluate((el) => el.scrollIntoView());
    expect(await page.getByTestId('plan-run').innerText()).toBe('Find sites');
    await shot(page, 'planner-english');
    await page.getByTestId('lang-switch').click();
    expect(h.pageErrors).toEqual([]);
  });
});
