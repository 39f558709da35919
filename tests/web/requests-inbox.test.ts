/**
 * The inbox as a clerk reads it: requests grouped by status, status chips, due times coloured (overdue in red), clear
 * action buttons; and the leaders' 平台运营 statistics with the masked exports. Screenshots in zh-CN and English.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, waitForMap, type Harness } from './harness.ts';

const SHOTS = process.env.SHOTS_DIR ?? RESULTS_DIR;
const SEAT = { lng: 105.884081, lat: 32.643374 }; // 朝天镇
let h: Harness;
const before = process.env.REQUEST_DISPATCH_HOURS;
beforeAll(async () => {
  // Dispatch within about a second: the requests below are overdue by the time the page opens.
  process.env.REQUEST_DISPATCH_HOURS = '0.0003';
  h = await startHarness();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  if (before === undefined) delete process.env.REQUEST_DISPATCH_HOURS;
  else process.env.REQUEST_DISPATCH_HOURS = before;
  await h?.close();
});

it('groups the inbox by status with chips and overdue colours; the leaders see the monthly statistics and masked exports', async () => {
  const planner = await h.clientAs('planner');
  const ids: string[] = [];
  for (const [i, service] of (['legal', 'health'] as const).entries()) {
    const res = await h.client.api.requests.$post({ json: { service, description: i ? '老人量血压' : '邻里纠纷咨询', name: '王小明', phone: `1391234567${i}`, lng: SEAT.lng + 0.003 * i, lat: SEAT.lat } });
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  expect((await planner.api.requests[':id'].dispatch.$post({ param: { id: ids[1] }, json: {} })).status).toBe(200);
  await new Promise((r) => setTimeout(r, 1500)); // past the (one-second) dispatch limit

  const page = await h.newPage();
  await page.goto(h.baseUrl + '/');
  await waitForMap(page);
  await page.getByTestId('tab-requests').click();
  const waiting = page.getByTestId('inbox-group-toDispatch');
  const item = waiting.locator(`[data-testid="inbox-item"][data-id="${ids[0]}"]`);
  await expect.poll(() => item.getAttribute('data-status')).toBe('submitted');
  expect(await item.getAttribute('class')).toContain('is-overdue');
  expect(await item.getByTestId('inbox-due').getAttribute('class')).toContain('overdue');
  expect(await waiting.locator('h3').innerText()).toContain('1 条超时');
  expect(await page.getByTestId('inbox-group-toAccept').locator(`[data-id="${ids[1]}"]`).count()).toBe(1);
  expect(await item.getByTestId('inbox-dispatch').getAttribute('class')).toContain('primary');
  await page.getByTestId('inbox-map').click();
  await expect.poll(() => page.getByTestId('inbox-map-info').innerText()).toContain('地图上 2 条点单');
  await page.getByTestId('inbox-service').selectOption('health');
  await expect.poll(() => page.locator('[data-testid="inbox-item"]').count()).toBe(1);
  await page.getByTestId('inbox-service').selectOption('');
  await expect.poll(() => page.locator('[data-testid="inbox-item"]').count()).toBe(2);
  await page.screenshot({ path: join(SHOTS, 'inbox-groups-zh.png') });
  await page.getByTestId('lang-switch').click();
  await expect.poll(() => waiting.locator('h3').innerText()).toContain('To dispatch');
  await page.screenshot({ path: join(SHOTS, 'inbox-groups-en.png') });
  await page.getByTestId('lang-switch').click();

  // A leader (viewer) reads 平台运营 in the 评估 tab and may download the masked export.
  await h.loginAs('viewer');
  await page.reload();
  await waitForMap(page);
  expect(await page.getByTestId('tab-requests').count()).toBe(0);
  await page.getByTestId('tab-leaders').click();
  await page.getByTestId('leaders-section-requests').click();
  const row = page.getByTestId('inbox-stats').getByTestId('stats-row');
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.innerText()).toContain('朝天镇');
  await page.getByTestId('stats-by-site').click();
  await expect.poll(() => page.getByTestId('inbox-stats-sites').getByTestId('stats-row').count()).toBeGreaterThanOrEqual(1);
  const csv = await page.request.get(h.baseUrl + (await page.getByTestId('requests-export-csv').getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain('139****5670');
  expect(text).not.toContain('13912345670');
  await page.screenshot({ path: join(SHOTS, 'leaders-requests-zh.png') });
  await page.getByTestId('lang-switch').click();
  await page.screenshot({ path: join(SHOTS, 'leaders-requests-en.png') });
  await page.getByTestId('lang-switch').click();
  expect(h.pageErrors).toEqual([]);
}, 180_000);
