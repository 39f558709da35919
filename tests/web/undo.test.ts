import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForIdle, waitForMap, type Harness, shot } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const getSite = async (id: string) => (await h.client.api.sites[':id'].$get({ param: { id } })).json();
const auditActions = async (id: string) =>
  (await (await h.client.api.audit.$get({ query: { site: id } })).json()).entries.map((e) => e.action);

describe('undo and redo', () => {
  it('undoes and redoes a drag move through the API (zh, 1366): the audit trail records each step', async () => {
    const page = await h.newPage({ width: 1366, height: 768 });
    await page.goto(h.baseUrl + '/?lang=zh');
    await waitForMap(page);
    const id = 'institute-510812102';
    const site = await getSite(id);
    const [lng0, lat0] = site.geometry!.coordinates;
    await page.evaluate((c) => window.__map!.jumpTo({ center: c as [number, number], zoom: 12 }), [lng0, lat0]);
    await page.evaluate((id) => window.__selectSite!(id), id);
    await page.getByTestId('site-panel').waitFor();
    await waitForIdle(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    const from = await page.evaluate((c) => window.__map!.project(c as [number, number]), [lng0, lat0]);
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + from.x + 10 * i, box.y + from.y + 6 * i);
    await page.mouse.up();
    await page.getByTestId('undo-bar').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=undo-what]')?.textContent?.includes('移动'));
    const moved = (await getSite(id)).geometry!.coordinates;
    expect(moved[0]).not.toBeCloseTo(lng0, 4);
    await shot(page, 'undo-move-zh-1366');

    // Ctrl+Z on the map (not typing) undoes.
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=undo-button]') as HTMLButtonElement | null) || (document.querySelector('[data-testid=undo-button]') as HTMLButtonElement).disabled);
    await expect.poll(async () => (await getSite(id)).geometry!.coordinates[0]).toBeCloseTo(lng0, 6);
    expect((await getSite(id)).geometry!.coordinates[1]).toBeCloseTo(lat0, 6);
    // Redo with the button.
    await page.getByTestId('redo-button').click();
    await expect.poll(async () => (await getSite(id)).geometry!.coordinates[0]).toBeCloseTo(moved[0], 6);
    expect((await auditActions(id)).filter((a) => a === 'site.move').length).toBe(3);
    await page.close();
  });

  it('undoes a delete by restoring the site (en, 390 phone), and redo deletes it again', async () => {
    const page = await h.newPage({ width: 390, height: 844 });
    await page.goto(h.baseUrl + '/?lang=en');
    await waitForMap(page);
    const id = 'institute-510812103';
    const name = (await getSite(id)).properties.name;
    await page.evaluate((id) => window.__selectSite!(id), id);
    await page.getByTestId('site-delete').click();
    expect(await page.getByTestId('site-delete-confirm').innerText()).toContain('restore');
    await page.getByTestId('site-delete-yes').click();
    await page.getByTestId('undo-bar').waitFor();
    await expect.poll(async () => (await h.client.api.sites[':id'].$get({ param: { id } })).status).toBe(404);
    expect(await page.getByTestId('undo-what').isVisible()).toBe(false); // hidden on phones; the title names it
    expect(await page.getByTestId('undo-button').getAttribute('title')).toContain(name);
    await shot(page, 'undo-delete-en-390');
    await page.getByTestId('undo-button').click();
    await expect.poll(async () => (await h.client.api.sites[':id'].$get({ param: { id } })).status).toBe(200);
    await page.getByTestId('toast-success').filter({ hasText: 'Undone' }).first().waitFor();
    await page.getByTestId('redo-button').click();
    await expect.poll(async () => (await h.client.api.sites[':id'].$get({ param: { id } })).status).toBe(404);
    const actions = await auditActions(id);
    expect(actions.slice(0, 3)).toEqual(['site.delete', 'site.restore', 'site.delete']);
    await page.close();
  });
});
