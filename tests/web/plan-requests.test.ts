/** "Plan with requests" in the planner tab: the demand select, the request it sends, and the answer's demand method in zh-CN and English. */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, waitForMap, type Harness } from './harness.ts';

const SHOTS = process.env.SHOTS_DIR ?? RESULTS_DIR;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => { await h?.close(); });

it('plans with observed requests, blended with residents, and says so in the UI language', async () => {
  // Three requests far out in 曾家镇, outside every circle.
  for (let i = 0; i < 3; i++) {
    const res = await h.client.api.requests.$post({ json: { service: 'health', description: '健康讲座', name: '李四', phone: `1370000000${i}`, lng: 106.05 + i * 0.0008, lat: 32.6 } });
    expect(res.status).toBe(201);
  }
  const page = await h.newPage();
  await page.goto(h.baseUrl + '/');
  await waitForMap(page);
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('plan-k').fill('1');
  await page.getByTestId('plan-demand').selectOption('blend');
  await page.getByTestId('plan-requests-share').fill('70');
  const response = page.waitForResponse((r) => r.url().endsWith('/api/plan') && r.request().method() === 'POST');
  await page.getByTestId('plan-run').click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(JSON.parse(res.request().postData()!)).toMatchObject({ k: 1, demand: 'blend', requestsShare: 0.7 });
  const method = page.getByTestId('plan-demand-method');
  await expect.poll(() => method.innerText()).toContain('依据群众点单');
  expect(await method.innerText()).toContain('共 3 条');
  expect(await method.innerText()).toContain('点单占权重 70%');
  expect(await method.innerText()).toMatch(/服务圈内点单：0 → 3/);
  expect(await page.getByTestId('plan-bound').innerText()).toContain('人口与点单加权');
  await page.getByTestId('plan-results').screenshot({ path: join(SHOTS, 'plan-requests-zh.png') });
  await page.getByTestId('lang-switch').click();
  await expect.poll(() => method.innerText()).toContain('Observed requests: 3 from');
  await page.screenshot({ path: join(SHOTS, 'plan-requests-en.png') });
  expect(h.pageErrors).toEqual([]);
}, 180_000);
