/**
 * Service requests in the browser: a resident submits (点单) and later rates (评单) on the resident page; a dispatcher
 * dispatches to a team, accepts and completes in the inbox (派单、接单); the planner's request layer shows the point.
 * Screenshots in zh-CN and English go to SHOTS_DIR (default test-results/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';

let h: Harness;
const SHOTS = process.env.SHOTS_DIR ?? RESULTS_DIR;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const SEAT: [number, number] = [105.884081, 32.643374]; // 朝天镇

async function tap(page: Page, at: [number, number]) {
  const { x, y } = await page.evaluate(([lng, lat]) => window.__map!.project([lng, lat]), at);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  await page.getByTestId('located').waitFor();
}

it('a resident submits, a dispatcher dispatches, accepts and completes, the resident rates, the planner sees it on the map', async () => {
  // 点单 on the resident page (phone-sized), with the place tapped on the map.
  const page = await h.newPage({ width: 390, height: 844 });
  await page.goto(`${h.baseUrl}/resident.html`);
  await waitForMap(page);
  await tap(page, SEAT);
  await page.getByTestId('request-service').selectOption('legal');
  await page.getByTestId('request-description').fill('邻里纠纷，想咨询法律问题');
  await page.getByTestId('request-name').fill('王小明');
  await page.getByTestId('request-phone').fill('13912345678');
  await page.getByTestId('request-form').scrollIntoViewIfNeeded();
  await shot(page, 'request-form-zh');
  await page.getByTestId('request-submit').click();
  await page.locator('[data-testid="request-done"], [data-testid="request-error"]').first().waitFor();
  expect(await page.getByTestId('request-error').count(), (await page.getByTestId('request-error').textContent().catch(() => '')) ?? '').toBe(0);
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  await page.getByTestId('request-done').scrollIntoViewIfNeeded();
  await shot(page, 'request-submitted-zh');
  await page.getByTestId('lang-switch').click();
  await shot(page, 'request-submitted-en');

  // The dispatcher of the site it was routed to.
  const planner = await h.clientAs('planner');
  const listed = (await (await planner.api.requests.$get({ query: {} })).json()) as { requests: { id: string; siteId: string; trackingCode: string }[] };
  const mine = listed.requests.find((r) => r.trackingCode === code)!;
  expect(mine.siteId).toBeTruthy();
  await h.user('dispatcher');
  const admin = await h.clientAs('admin');
  const users = (await (await admin.api.users.$get()).json()) as { users: { id: string; username: string }[] };
  const dispatcherId = users.users.find((u) => u.username === 'test-dispatcher')!.id;
  expect((await admin.api.users[':id'].sites.$put({ param: { id: dispatcherId }, json: { siteIds: [mine.siteId] } })).status).toBe(200);
  await h.loginAs('dispatcher');
  const inbox = await h.newPage();
  inbox.on('dialog', (d) => void d.accept('已上门解答'));
  await inbox.goto(h.baseUrl + '/');
  await inbox.getByTestId('tab-requests').click();
  const item = inbox.locator(`[data-testid="inbox-item"][data-id="${mine.id}"]`);
  await expect.poll(() => item.getAttribute('data-status')).toBe('submitted');
  await expect.poll(() => item.textContent()).toContain('13912345678'); // the dispatching site sees the contact
  await item.getByTestId('inbox-team').selectOption('detachment-05');
  await shot(inbox, 'inbox-zh'); // the language chosen on the resident page carries over (English)
  await item.getByTestId('inbox-dispatch').click();
  await expect.poll(() => item.getAttribute('data-status')).toBe('dispatched');
  await item.getByTestId('inbox-accept').click();
  await expect.poll(() => item.getAttribute('data-status')).toBe('accepted');
  await item.getByTestId('inbox-done').click();
  await expect.poll(() => item.getAttribute('data-status')).toBe('done');
  await inbox.getByTestId('lang-switch').click().catch(() => {});
  await shot(inbox, 'inbox-zh');

  // 评单 with the tracking link: no name or phone on the page.
  const track = await h.newPage({ width: 390, height: 844 });
  await track.goto(`${h.baseUrl}/resident.html?track=${code}`);
  await expect.poll(() => track.getByTestId('track-result').getAttribute('data-status')).toBe('done');
  expect(await track.content()).not.toContain('13912345678');
  await track.getByTestId('star-4').click();
  await track.getByTestId('rating-comment').fill('很及时');
  await track.getByTestId('track-panel').scrollIntoViewIfNeeded();
  await shot(track, 'tracking-zh');
  await track.getByTestId('rating-submit').click();
  await expect.poll(() => track.getByTestId('track-result').getAttribute('data-status')).toBe('rated');
  await track.getByTestId('lang-switch').click();
  await shot(track, 'tracking-en');

  // The planner's request layer shows the point.
  await h.loginAs('planner');
  const map = await h.newPage();
  await map.goto(h.baseUrl + '/');
  await waitForMap(map);
  await map.getByTestId('tab-requests').click();
  await map.getByTestId('inbox-map').click();
  await expect.poll(() => map.evaluate(() => window.__map!.getLayer('service-requests-points') !== undefined)).toBe(true);
  await waitForIdle(map);
  const n = await map.evaluate(() => window.__map!.querySourceFeatures('service-requests').length);
  expect(n).toBeGreaterThanOrEqual(1);
  await shot(map, 'planner-request-layer');
  expect(h.pageErrors).toEqual([]);
}, 240_000);
