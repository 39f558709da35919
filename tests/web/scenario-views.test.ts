/**
 * Scenarios in everyday use: un-accepting a proposal (and the worded refusal once its site was touched), comparing
 * scenario A with scenario B, the open scenario in the address bar (a copied URL reopens it; Back/Forward), the
 * visible wait while the optimiser runs, and the phone header. zh-CN and English; 1366×768 and 390×844.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForMap, type Harness, shot, RESULTS_DIR } from './harness.ts';

let h: Harness;
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function open(path: string, viewport = LAPTOP): Promise<Page> {
  const page = await h.newPage(viewport);
  await page.goto(h.baseUrl + path);
  await waitForMap(page);
  return page;
}

/** A saved scenario of `n` proposals near township seats (inside the district), made through the API. */
async function scenario(name: string, n: number, kind: 'point' | 'square' = 'point', minutes = 15) {
  const townships = (await (await h.client.api.townships.$get()).json()).townships.filter((t) => t.seat);
  const sites = townships.slice(0, n).map((t, i) => ({ name: `${name}-${i + 1}`, kind, lng: t.seat!.lng + 0.004, lat: t.seat!.lat + 0.003 }));
  const r = await h.client.api.scenarios.$post({ json: { name, minutes, sites } });
  expect(r.status).toBe(201);
  return r.json();
}

const roles = (page: Page) =>
  page.locator('[data-testid=planner-marker]').evaluateAll((els) => els.map((e) => e.className.match(/role-(\w+)/)?.[1]).sort());

describe('un-accepting a proposal', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`takes an accepted proposal back while its planned site is untouched, and says why not once it was edited (${lang})`, async () => {
      const s = await scenario(`撤回-${lang}`, 2);
      const [first] = s.sites;
      const acc = await (await h.client.api.scenarios[':id'].accept.$post({ param: { id: s.id }, json: { siteIds: [first.id] } })).json();
      const planned = acc.accepted[0];

      const page = await open(`/?lang=${lang}&tab=plan&scn=${s.id}`);
      const panel = page.getByTestId('scenario-panel');
      await panel.waitFor();
      expect(await panel.getAttribute('data-scenario-id')).toBe(s.id);
      await page.getByTestId('compare-accepted').waitFor();
      const back = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${s.id}/unaccept`));
      await page.getByTestId('unaccept-one').click();
      expect((await back).status()).toBe(200);
      // The proposal is open again (row and marker) and its planned site is gone.
      await page.locator(`[data-testid=compare-proposal][data-site-id="${first.id}"]`).waitFor();
      expect(await page.getByTestId('compare-accepted').count()).toBe(0);
      expect((await h.client.api.sites[':id'].$get({ param: { id: planned } })).status).toBe(404);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=planner-marker]').length === 2);
      await shot(page, `unaccept-done-${lang}-1366`);

      // Accepted again and then edited: the refusal is worded in the page's language, and nothing changes.
      const again = (await (await h.client.api.scenarios[':id'].accept.$post({ param: { id: s.id }, json: { siteIds: [first.id] } })).json()).accepted[0];
      await h.client.api.sites[':id'].$patch({ param: { id: again }, json: { name: '已核实的规划点' } });
      await page.reload();
      await waitForMap(page);
      await page.getByTestId('compare-accepted').waitFor();
      const refused = page.waitForResponse((r) => r.url().endsWith(`/api/scenarios/${s.id}/unaccept`));
      await page.getByTestId('unaccept-one').click();
      expect((await refused).status()).toBe(409);
      const toast = page.locator('.toast').last();
      await toast.waitFor();
      expect(await toast.innerText()).toContain(lang === 'zh' ? '采纳后已被修改' : 'was changed after it was accepted');
      expect((await h.client.api.sites[':id'].$get({ param: { id: again } })).status).toBe(200);
      await shot(page, `unaccept-refused-${lang}-1366`);
      await page.close();
    });
  }
});

describe('scenario A against scenario B', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`shows both scenarios' coverage, township shares and quota shortfalls side by side, with both sets of circles (${lang})`, async () => {
      const a = await scenario(`A-${lang}`, 3);
      const b = await scenario(`B-${lang}`, 1, 'square');
      const page = await open(`/?lang=${lang}&tab=plan&scn=${a.id}`);
      await page.getByTestId('scenario-panel').waitFor();
      await page.locator('[data-testid=compare-totals]').waitFor();
      await page.getByTestId('versus-select').selectOption(b.id);
      await page.getByTestId('scenario-versus').waitFor();
      await page.waitForFunction((id) => new URLSearchParams(location.search).get('vs') === id, b.id);

      const [ca, cb] = await Promise.all([a.id, b.id].map(async (id) => (await h.client.api.scenarios[':id'].compare.$get({ param: { id }, query: {} })).json()));
      const row = page.getByTestId('versus-covered');
      const int = (x: number) => Math.round(x).toLocaleString('en-US');
      expect(await row.getByTestId('versus-a').innerText()).toBe(int(ca.after.covered));
      expect(await row.getByTestId('versus-b').innerText()).toBe(int(cb.after.covered));
      const diff = ca.after.covered - cb.after.covered;
      expect((await row.getByTestId('versus-diff').innerText()).replace('−', '-')).toBe(`${diff > 0 ? '+' : diff < 0 ? '-' : '±'}${int(Math.abs(diff))}`);
      expect(await page.getByTestId('versus-township').count()).toBe(ca.townships.length);
      // Quota shortfalls after each scenario, per township, as the API computes them.
      // B's square closes a square shortfall A leaves open in B's township (or both leave the same), as the API says.
      for (const tw of ca.townships) {
        const other = cb.townships.find((x) => x.code === tw.code)!;
        const cell = await page.locator(`[data-testid=versus-township][data-code="${tw.code}"]`).getByTestId('versus-quota').innerText();
        const same = tw.quotaShort.after.join() === other.quotaShort.after.join();
        expect(cell.startsWith(lang === 'zh' ? '相同' : 'same') || cell.startsWith(lang === 'zh' ? '均达标' : 'both met')).toBe(same);
      }
      // Both sets of circles: A's three proposals and B's one, each in its own colour.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=planner-marker]').length === 4);
      expect(await roles(page)).toEqual(['against', 'scenario', 'scenario', 'scenario']);
      await shot(page, `versus-${lang}-1366`);

      // Back: compared with the current network again; Forward: B again.
      await page.goBack();
      await page.waitForFunction(() => !new URLSearchParams(location.search).has('vs'));
      await page.waitForFunction(() => !document.querySelector('[data-testid=scenario-versus]'));
      expect(await page.getByTestId('versus-select').inputValue()).toBe('');
      await page.goForward();
      await page.getByTestId('scenario-versus').waitFor();
      await page.close();
    });
  }

  it('reopens the same view from a copied address on a phone (zh, 390)', async () => {
    const a = await scenario('手机A', 2);
    const b = await scenario('手机B', 2);
    const page = await open(`/?tab=plan&scn=${a.id}&vs=${b.id}`, PHONE);
    await page.getByTestId('scenario-versus').waitFor();
    expect(await page.getByTestId('scenario-title').innerText()).toBe('手机A');
    expect(await page.getByTestId('versus-select').inputValue()).toBe(b.id);
    await shot(page, 'versus-zh-390');
    await page.close();
  });
});

describe('the open scenario in the address bar', () => {
  it('is written when a scenario is opened; the copied URL reopens it; Back closes it (en)', async () => {
    const s = await scenario('URL scenario', 2);
    const page = await open('/?lang=en&tab=plan');
    await page.getByTestId('planner-view-scenarios').click();
    await page.locator(`[data-testid=scenario-item][data-scenario-id="${s.id}"]`).getByTestId('scenario-open').click();
    await page.getByTestId('scenario-panel').waitFor();
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('scn') === id, s.id);
    await page.waitForFunction(() => /map=/.test(location.search));
    const url = page.url();

    const again = await open(new URL(url).pathname + new URL(url).search);
    await again.getByTestId('scenario-panel').waitFor();
    expect(await again.getByTestId('scenario-title').innerText()).toBe('URL scenario');
    expect(await again.getByTestId('tab-plan').getAttribute('aria-selected')).toBe('true');
    await again.waitForFunction(() => document.querySelectorAll('[data-testid=planner-marker]').length === 2);
    await shot(again, 'scenario-url-reopened-en-1366');
    await again.close();

    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('scn'));
    await page.waitForFunction(() => !document.querySelector('[data-testid=scenario-panel]'));
    await page.close();
  });
});

describe('waiting for the optimiser', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`shows what it is waiting for while a plan is computed (${lang})`, async () => {
      const page = await open(`/?lang=${lang}&tab=plan`);
      // Hold the plan request by its path until the waiting state has been seen.
      let release: () => void = () => {};
      const held = new Promise<void>((ok) => (release = ok));
      await page.route((u) => u.pathname === '/api/plan', async (route) => {
        await held;
        await route.continue();
      });
      await page.getByTestId('plan-k').fill('2');
      await page.getByTestId('plan-run').click();
      const chip = page.locator('[data-testid=map-busy][data-what~=plan]');
      await chip.waitFor();
      expect(await chip.innerText()).toContain(lang === 'zh' ? '正在优化选址' : 'Optimising sites');
      expect(await page.getByTestId('plan-run').isDisabled()).toBe(true);
      await shot(page, `plan-waiting-${lang}-1366`);
      release();
      await page.getByTestId('plan-results').waitFor({ timeout: 120_000 });
      await page.locator('[data-testid=map-busy][data-what~=plan]').waitFor({ state: 'detached' });
      await page.close();
    });
  }
});

describe('the phone header', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`keeps every header control whole inside 390 px (${lang})`, async () => {
      const page = await open(`/?lang=${lang}`, PHONE);
      const boxes = await page.locator('.topbar button, .topbar a, .topbar select').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { id: e.getAttribute('data-testid') ?? e.textContent, left: r.left, right: r.right, width: r.width, scroll: e.scrollWidth, client: e.clientWidth };
        }),
      );
      expect(boxes.find((b) => b.id === 'lang-switch')).toBeDefined();
      for (const b of boxes) {
        expect(b.left, String(b.id)).toBeGreaterThanOrEqual(0);
        expect(b.right, String(b.id)).toBeLessThanOrEqual(390);
        expect(b.scroll, String(b.id)).toBeLessThanOrEqual(b.client + 1);
      }
      // No two controls overlap.
      const sorted = boxes.filter((b) => b.width > 0).sort((x, y) => x.left - y.left);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i].left, String(sorted[i].id)).toBeGreaterThanOrEqual(sorted[i - 1].right - 0.5);
      await page.locator('.topbar').screenshot({ path: `${RESULTS_DIR}/phone-header-${lang}-390.png` });
      await shot(page, `phone-${lang}-390`);
      // The short language button works.
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang === 'zh' ? 'en' : 'zh');
      await page.close();
    });
  }
});

describe('a wide panel', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`refits the district into the part of the map it leaves (1366, ${lang})`, async () => {
      const boundary = await (await h.client.api.boundary.$get()).json();
      const coords = JSON.stringify(boundary.features[0].geometry).match(/-?\d+\.\d+,-?\d+\.\d+/g)!.map((p) => p.split(',').map(Number));
      const box = [Math.min(...coords.map((c) => c[0])), Math.min(...coords.map((c) => c[1])), Math.max(...coords.map((c) => c[0])), Math.max(...coords.map((c) => c[1]))];
      const page = await open(`/?lang=${lang}`);
      // Looking at the east of the district, zoomed in: the wide report panel would hide most of it.
      await page.evaluate(() => window.__map!.jumpTo({ center: [106.25, 32.6], zoom: 11 }));
      await page.getByTestId('tab-townships').click();
      await page.getByTestId('left-panel').locator('.township-table').first().waitFor();
      // Every corner of the district's box ends up inside the map that is still visible.
      await page.waitForFunction((b) => {
        const map = window.__map!;
        const { width, height } = map.getContainer().getBoundingClientRect();
        return [[b[0], b[1]], [b[2], b[3]], [b[0], b[3]], [b[2], b[1]]].every(([lng, lat]) => {
          const p = map.project([lng, lat]);
          return p.x >= -1 && p.y >= -1 && p.x <= width + 1 && p.y <= height + 1;
        });
      }, box, { timeout: 30_000 });
      await shot(page, `wide-panel-refit-${lang}-1366`);
      await page.close();
    });
  }
});
