import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForMap, TEST_PASSWORD, type Harness } from './harness.ts';

const SHOTS = '/tmp/shots-i11';
const OWN = '510812100'; // 朝天镇
let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

/** Logs in through the login page (the context has no session). */
async function loginThroughForm(page: Page, username: string) {
  await page.goto(h.baseUrl + '/');
  await page.getByTestId('login-page').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(TEST_PASSWORD);
  await page.getByTestId('login-submit').click();
  await waitForMap(page);
}

describe('accounts in the browser', () => {
  it('shows the login page without a session, refuses a wrong password, logs in and out', async () => {
    await h.loginAs(null);
    const admin = await h.user('admin');
    const page = await h.newPage();
    await page.goto(h.baseUrl + '/');
    await page.getByTestId('login-page').waitFor();
    await shot(page, 'login-zh');
    await page.getByTestId('login-username').fill(admin);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('登录失败');
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await waitForMap(page);
    expect(await page.getByTestId('account-name').textContent()).toContain(admin);
    expect(await page.getByTestId('account-role').textContent()).toBe('管理员');
    await shot(page, 'header-admin-zh');
    await page.getByTestId('logout').click();
    await page.getByTestId('login-page').waitFor();
    // The resident page needs no login.
    await page.goto(h.baseUrl + '/resident.html');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid]').length > 3);
    expect(await page.getByTestId('login-page').count()).toBe(0);
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it('hides write controls by role: a viewer reads only; a township editor edits only their township', async () => {
    await h.loginAs(null);
    const page = await h.newPage();
    await loginThroughForm(page, await h.user('viewer'));
    expect(await page.getByTestId('account-role').textContent()).toBe('查看者（领导）');
    expect(await page.getByTestId('new-site-button').count()).toBe(0);
    expect(await page.getByTestId('tab-plan').count()).toBe(0);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    const sites = (await (await h.client.api.sites.$get({ query: {} })).json()).features;
    const own = sites.find((f) => f.properties.townshipCode === OWN && f.geometry)!;
    const other = sites.find((f) => f.properties.townshipCode && f.properties.townshipCode !== OWN && f.geometry)!;
    await page.getByTestId('tab-unplaced').click();
    expect(await page.getByTestId('place-button').count()).toBe(0);
    await page.evaluate((id) => window.__selectSite?.(id), own.id);
    await page.getByTestId('tab-data').click();
    expect(await page.getByTestId('import-townships-toggle').count()).toBe(0);
    await shot(page, 'viewer-zh');
    await page.close();

    await h.loginAs(null);
    const editorPage = await h.newPage();
    await loginThroughForm(editorPage, await h.user('township_editor', [OWN]));
    expect(await editorPage.getByTestId('new-site-button').count()).toBe(1);
    expect(await editorPage.getByTestId('tab-plan').count()).toBe(0);
    expect(editorPage.url()).toContain(h.baseUrl);
    // The API agrees with the UI: own township yes, other no.
    const editor = await h.clientAs('township_editor', [OWN]);
    expect((await editor.api.sites[':id'].$patch({ param: { id: own.id }, json: { notes: 'editor was here' } })).status).toBe(200);
    expect((await editor.api.sites[':id'].$patch({ param: { id: other.id }, json: { notes: 'nope' } })).status).toBe(403);
    await shot(editorPage, 'township-editor-zh');
    await editorPage.close();
    await h.loginAs('planner');
  });

  it('audit view: filters by site, shows who changed what, restores a deleted site; the site panel shows its history', async () => {
    await h.loginAs('planner');
    const created = await (await h.client.api.sites.$post({ json: { kind: 'square', name: '浏览器恢复测试广场', townshipCode: OWN, lng: 105.8855, lat: 32.6445 } })).json();
    const id = created.properties.id;
    await h.client.api.sites[':id'].$patch({ param: { id }, json: { phone: '0839-5550000' } });
    await h.client.api.sites[':id'].$delete({ param: { id } });
    const page = await h.newPage();
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-view').waitFor();
    await page.getByTestId('audit-site').fill(id);
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(
      ['site.delete', 'site.update', 'site.create'],
    );
    expect(await page.getByTestId('audit-table').textContent()).toContain('phone: ∅ → 0839-5550000');
    expect(await page.getByTestId('audit-export-csv').getAttribute('href')).toBe(`/api/audit/export.csv?site=${id}`);
    await shot(page, 'audit-view-zh');
    await page.getByTestId('audit-restore').click();
    await expect.poll(() => page.getByTestId('audit-message').textContent()).toContain('浏览器恢复测试广场');
    const back = await h.client.api.sites[':id'].$get({ param: { id } });
    expect(back.status).toBe(200);
    expect((await back.json()).properties.phone).toBe('0839-5550000');
    await expect.poll(async () => page.getByTestId('audit-row').count()).toBe(4);
    await shot(page, 'audit-restored-zh');

    await page.getByTestId('nav-audit').click(); // back to the map
    await page.evaluate((sid) => window.__selectSite?.(sid), id);
    await page.getByTestId('site-history').click();
    await expect.poll(async () => page.getByTestId('site-history-entry').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(
      ['site.restore', 'site.delete', 'site.update', 'site.create'],
    );
    await shot(page, 'site-history-zh');
    await page.close();
  });

  it('users page: an admin adds a township editor (in English)', async () => {
    await h.loginAs('admin');
    const page = await h.newPage();
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-page').waitFor();
    await page.getByTestId('new-user-name').fill('zhangsan');
    await page.getByTestId('new-user-password').fill('a-good-password');
    await page.getByTestId('new-user-role').selectOption('township_editor');
    await page.getByTestId('new-user-townships').selectOption([OWN]);
    await page.getByTestId('new-user-submit').click();
    await expect.poll(() => page.getByTestId('users-message').textContent()).toBe('User zhangsan added');
    const row = page.locator('[data-testid="user-row"][data-username="zhangsan"]');
    expect(await row.getByTestId('user-role').inputValue()).toBe('township_editor');
    expect(await page.getByTestId('account-role').textContent()).toBe('Admin');
    await shot(page, 'users-page-en');
    const users = (await (await (await h.clientAs('admin')).api.users.$get()).json()).users;
    expect(users.find((u) => u.username === 'zhangsan')).toMatchObject({ role: 'township_editor', townships: [OWN] });
    await page.getByTestId('lang-switch').click();
    await page.close();
    await h.loginAs('planner');
  });
  it('users page: an admin adds a 苍溪县 planner, the list shows the county; editing gives them 苍溪县 townships', async () => {
    await h.loginAs('admin');
    const page = await h.newPage();
    await page.goto(h.baseUrl + '/');
    await waitForMap(page);
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-page').waitFor();
    // The seven counties and the city scope; the open county (朝天区) is preselected.
    await expect.poll(() => page.getByTestId('new-user-district').locator('option').count()).toBe(8);
    expect(await page.getByTestId('new-user-district').inputValue()).toBe('510812');
    await page.getByTestId('new-user-name').fill('cangxi-planner');
    await page.getByTestId('new-user-password').fill('a-good-password');
    await page.getByTestId('new-user-role').selectOption('planner');
    await page.getByTestId('new-user-district').selectOption('510824');
    await page.getByTestId('new-user-submit').click();
    await expect.poll(() => page.getByTestId('users-message').textContent()).toBe('已添加用户 cangxi-planner');
    const row = page.locator('[data-testid="user-row"][data-username="cangxi-planner"]');
    expect(await row.getByTestId('user-district').inputValue()).toBe('510824');
    expect(await row.getByTestId('user-district').locator('option:checked').textContent()).toBe('苍溪县');
    await shot(page, 'users-page-county-zh');
    const admin = await h.clientAs('admin');
    const listed = async () => (await (await admin.api.users.$get()).json()).users.find((u) => u.username === 'cangxi-planner');
    expect(await listed()).toMatchObject({ role: 'planner', district: '510824', townships: [] });

    // Editing: a township editor of 苍溪县 picks among 苍溪县's townships (陵江镇 510824100), not 朝天区's.
    await row.getByTestId('user-role').selectOption('township_editor');
    await expect.poll(() => row.getByTestId('user-townships').locator('option[value="510824100"]').count()).toBe(1);
    expect(await row.getByTestId('user-townships').locator('option[value="510812100"]').count()).toBe(0);
    await row.getByTestId('user-townships').selectOption(['510824100']);
    await row.getByTestId('user-save').click();
    await expect.poll(async () => (await listed())?.townships).toEqual(['510824100']);
    expect(await listed()).toMatchObject({ role: 'township_editor', district: '510824' });
    // Back to the city scope (read-only, every county).
    const saved = page.locator('[data-testid="user-row"][data-username="cangxi-planner"]');
    await saved.getByTestId('user-role').selectOption('viewer');
    await saved.getByTestId('user-district').selectOption('510800');
    await saved.getByTestId('user-save').click();
    await expect.poll(async () => (await listed())?.district).toBe('510800');
    expect(await page.locator('[data-testid="user-row"][data-username="cangxi-planner"]').getByTestId('user-district').locator('option:checked').textContent())
      .toBe('广元市（全市，只读）');
    await shot(page, 'users-page-county-edited-zh');
    expect(h.pageErrors).toEqual([]);
    await page.close();
    await h.loginAs('planner');
  });
});
