import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForIdle, waitForMap, type Harness } from './harness.ts';
import { VOLUNTEER_LAYER } from '../../web/src/leaders/volunteer-layers.ts';

const SHOTS = process.env.SHOTS_DIR ?? '';
let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(h.baseUrl + '/');
  await waitForMap(page);
  await page.getByTestId('tab-leaders').click();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('志愿者');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the leaders’ 评估 tab', () => {
  it('imports volunteer counts from XLSX with a bad row: the problem is listed by row, skipInvalid imports the rest', async () => {
    await page.getByTestId('leaders-section-import').click();
    const buffer = await xlsx([
      ['乡镇', '村（社区）', '日期', '常住人口', '注册志愿者（群众）', '干部总数', '已注册干部', '参与活动干部', '参与活动群众'],
      ['羊木镇', '', '2023-06-30', 10000, 1400, 150, 150, 130, 1500],
      ['沙河镇', '', '2023-06-30', 8000, 480, 100, 80, 60, 500],
      ['火星镇', '', '2023-06-30', 100, 1, 1, 1, 1, 1],
    ]);
    await page.getByTestId('limp-volunteers-file').setInputFiles({ name: '志愿者.xlsx', mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('limp-volunteers-preview').click();
    const issue = page.getByTestId('limp-volunteers-issues').getByTestId('import-issue');
    await expect.poll(() => issue.count()).toBe(1);
    expect(await issue.getAttribute('data-row')).toBe('4');
    // Worded in the UI's language from the issue's stable code.
    expect(await issue.innerText()).toContain('乡镇不存在：火星镇');
    await page.getByTestId('limp-volunteers-skip').check();
    await page.getByTestId('limp-volunteers-commit').click();
    await page.getByTestId('limp-volunteers-done').waitFor();
  });

  it('shows volunteers against 13% in the table and as a choropleth with the target in its legend', async () => {
    await page.getByTestId('leaders-section-volunteers').click();
    const ym = page.getByTestId('vol-rate-510812102');
    await expect.poll(() => ym.innerText()).toContain('14.0%');
    // 沙河镇 6% of 8000: 13% is 1040, so 560 people short.
    await expect.poll(() => page.getByTestId('vol-rate-510812105').innerText()).toContain('−560');
    await page.getByTestId('volunteer-legend').waitFor();
    expect(await page.getByTestId('volunteer-legend').innerText()).toContain('13%');
    await waitForIdle(page);
    // The choropleth is an overlay mounted once the township areas have loaded: wait until it has drawn them.
    const rendered = () => page.evaluate((layer) => {
      const fs = window.__map!.getLayer(layer) ? window.__map!.queryRenderedFeatures({ layers: [layer] }) : [];
      return Object.fromEntries(fs.map((f) => [String(f.properties.code), f.properties.rate ?? null]));
    }, VOLUNTEER_LAYER.fill);
    await expect.poll(async () => Object.keys(await rendered()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await waitForIdle(page);
    const colours = await rendered();
    expect(colours['510812102']).toBeCloseTo(0.14, 5);
    expect(colours['510812105']).toBeCloseTo(0.06, 5);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/leaders-volunteers-zh.png` });
  });

  it('switches the choropleth to cadre registration (target 100%) and cadre participation (target 80%)', async () => {
    const rendered = () => page.evaluate((layer) => {
      const fs = window.__map!.queryRenderedFeatures({ layers: [layer] });
      return Object.fromEntries(fs.map((f) => [String(f.properties.code), f.properties.rate ?? null]));
    }, VOLUNTEER_LAYER.fill);
    const legend = page.getByTestId('volunteer-legend');
    await page.getByTestId('vol-measure-cadreRegistration').click();
    await expect.poll(() => legend.getAttribute('data-measure')).toBe('cadreRegistration');
    expect(await legend.innerText()).toContain('目标 100%');
    expect(await legend.locator('.target-line').getAttribute('data-target')).toBe('100%');
    await waitForIdle(page);
    // 羊木镇 150 of 150 cadres registered, 沙河镇 80 of 100.
    await expect.poll(async () => (await rendered())['510812105']).toBeCloseTo(0.8, 5);
    expect((await rendered())['510812102']).toBeCloseTo(1, 5);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/leaders-cadre-registration-zh.png` });
    await page.getByTestId('vol-measure-cadreParticipation').click();
    await expect.poll(() => legend.getAttribute('data-measure')).toBe('cadreParticipation');
    expect(await legend.locator('.target-line').getAttribute('data-target')).toBe('80%');
    await waitForIdle(page);
    // 羊木镇 130 of 150 take part, 沙河镇 60 of 100.
    await expect.poll(async () => (await rendered())['510812105']).toBeCloseTo(0.6, 5);
    expect((await rendered())['510812102']).toBeCloseTo(130 / 150, 5);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/leaders-cadre-participation-zh.png` });
    await page.getByTestId('vol-measure-residentRegistration').click();
    await expect.poll(() => legend.getAttribute('data-measure')).toBe('residentRegistration');
  });

  it('adds an activity in the form and sees it counted on the monthly 10th', async () => {
    await page.getByTestId('leaders-section-activities').click();
    await page.getByTestId('act-date').fill('2023-04-10');
    await page.getByTestId('act-title').fill('文明实践集中活动日宣讲');
    await page.getByTestId('act-township').selectOption('510812102');
    await page.getByTestId('act-project').selectOption('chaotian_talk');
    await page.getByTestId('act-save').click();
    await expect.poll(() => page.getByTestId('activity-row').count()).toBe(1);
    const row = page.getByTestId('activity-days-table').locator('tr[data-code="510812102"]');
    await expect.poll(() => row.locator('i.on').count()).toBe(1);
    expect(await page.getByTestId('demo-targets').locator('li').count()).toBe(6);
  });

  it('ranks the townships, opens a scorecard, saves weights for the year and links each township to its PDF', async () => {
    await page.getByTestId('leaders-section-evaluation').click();
    await page.getByTestId('ranking-row').first().waitFor();
    expect(await page.getByTestId('ranking-row').count()).toBe(12);
    await page.locator('[data-testid="ranking-row"][data-code="510812102"]').click();
    expect(await page.getByTestId('scorecard').innerText()).toContain('13');
    expect(await page.getByTestId('detachment-table').locator('tbody tr').count()).toBe(15);
    expect(await page.getByTestId('rules-status').innerText()).toContain('默认');
    // The yearly rules are the admin's (PUT /api/evaluation/rules): a planner sees no editor.
    expect(await page.getByTestId('rules-editor').count()).toBe(0);
    await h.loginAs('admin');
    await page.reload();
    await waitForMap(page);
    await page.getByTestId('tab-leaders').click();
    await page.getByTestId('leaders-section-evaluation').click();
    await page.locator('[data-testid="ranking-row"][data-code="510812102"]').click();
    await page.getByTestId('rules-editor').locator('summary').click();
    await page.getByTestId('entered-platform-510812105').fill('100');
    const saved = page.waitForResponse((r) => r.url().includes('/api/evaluation/rules') && r.request().method() === 'PUT');
    await page.getByTestId('save-rules').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('rules-status').innerText()).toContain('保存');
    const href = await page.getByTestId('pdf-510812102').getAttribute('href');
    expect(href).toBe('/api/reports/townships/510812102.pdf?year=2023&lang=zh');
    const pdf = await page.request.get(h.baseUrl + href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/leaders-ranking-zh.png` });
  });

  it('records a field check for a township and lists it', async () => {
    await page.getByTestId('leaders-section-evaluation').click();
    const checks = page.getByTestId('field-checks');
    const before = await checks.locator('table.scorecard tr').count();
    await page.getByTestId('check-township').selectOption('510812102');
    await page.getByTestId('check-inspector').fill('浏览器督查员');
    await page.getByTestId('check-score').fill('88');
    await page.getByTestId('check-add').click();
    await expect.poll(() => checks.locator('table.scorecard tr').count()).toBe(before + 1);
    expect(await checks.locator('table.scorecard').innerText()).toContain('浏览器督查员');
    expect(await page.getByTestId('check-inspector').inputValue()).toBe('');
  });

  it('reads in English', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('tab-leaders').innerText()).toBe('Evaluation');
    expect(await page.getByTestId('evaluation-method').innerText()).toContain('weighted mean');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/leaders-ranking-en.png` });
    await page.getByTestId('leaders-section-volunteers').click();
    await page.getByTestId('volunteer-legend').waitFor();
    expect(await page.getByTestId('volunteer-legend').innerText()).toContain('target 13%');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/leaders-volunteers-en.png` });
    await page.getByTestId('lang-switch').click();
  });
});
