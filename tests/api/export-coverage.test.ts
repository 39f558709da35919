import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import townships from '../../geodata/townships.json' with { type: 'json' };
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';

const Q = 'mode=walk&minutes=15&method=straight-line';

/** The coverage report for {@link Q}, typed by the client. */
async function coverage(h: () => ApiHarness) {
  const res = await h().client.api.coverage.$get({ query: { mode: 'walk', minutes: '15', method: 'straight-line' } });
  expect(res.status).toBe(200);
  return res.json();
}

/** An exported GeoJSON file (a download, not an RPC route): what these tests read of it. */
interface ExportedCollection {
  metadata: { method: string };
  features: { geometry: object | null; properties: { areaSource?: string; rank?: number } }[];
}

describeApi('GET /api/export/townships.* and gaps.*', (h) => {
  it('township CSV has one line per township with the report numbers, shares as percentages, quotas by kind, and a 全区 row', async () => {
    const report = await coverage(h);
    const res = await h().request(`/api/export/townships.csv?${Q}`);
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('乡镇代码,乡镇,人口,覆盖人口,覆盖率,65岁以上人口,65岁以上覆盖人口,65岁以上覆盖率,实践所,实践站,广场,基地,实践点,未放置站点,配额达标,缺额（按类型）,超额（按类型）,已达标（按类型）,乡镇范围');
    expect(lines).toHaveLength(1 + townships.length + 1);
    const district = lines[lines.length - 1].split(',');
    expect(district[0]).toBe('全区');
    expect(district[1]).toContain('区级指标');
    expect(Number(district[2])).toBe(report.totals.population);
    // What is short, by kind, as the report shows it (the shipped data has no squares or bases yet).
    expect(district[15]).toMatch(/广场 0\//);
    for (const t of report.townships) {
      const cells = lines.find((l) => l.startsWith(`${t.code},`))!.split(',');
      expect(cells[1]).toBe(t.name);
      expect(Number(cells[2])).toBe(t.population);
      expect(Number(cells[3])).toBe(t.covered);
      expect(cells[4]).toBe(t.share === null ? '' : `${(t.share * 100).toFixed(1)}%`);
      expect(Number(cells[8])).toBe(1); // one seeded institute per township
      expect(cells[14]).toBe(t.quotaMet ? '是' : '否');
    }
  });

  it('township XLSX carries a 说明 sheet naming the method and the (modelled) demand', async () => {
    const res = await h().request(`/api/export/townships.xlsx?${Q}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer() as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['乡镇覆盖', '说明']);
    expect(wb.worksheets[0].actualRowCount).toBe(1 + townships.length + 1);
    const notes = wb.worksheets[1].getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).join(' ') : '')).join('\n');
    expect(notes).toMatch(/直线距离/);
    expect(notes).toMatch(/模型估算/);
    expect(notes).toContain('已定位 0 / 139 个村（社区）');
    // All in Chinese: no English words beyond units, the CRS and the census file's name.
    expect(notes.replace(/WGS-84|km\/h|census-2020\.json/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('township GeoJSON has an area per township, labelled approximate without imported boundaries', async () => {
    const fc: ExportedCollection = await (await h().request(`/api/export/townships.geojson?${Q}`)).json();
    expect(fc.features).toHaveLength(townships.length);
    const withArea = fc.features.filter((f) => f.geometry !== null);
    expect(withArea.length).toBe(townships.filter((t) => t.seat).length);
    expect(withArea.every((f) => f.properties.areaSource === 'approximate-nearest-seat')).toBe(true);
    expect(fc.metadata.method).toBe('straight-line');
  });

  it('gap exports list the same gaps as the report, ranked', async () => {
    const report = await coverage(h);
    const n = report.gaps.features.length;
    expect(n).toBeGreaterThan(0);
    const fc: ExportedCollection = await (await h().request(`/api/export/gaps.geojson?${Q}`)).json();
    expect(fc.features.map((f) => f.properties.rank)).toEqual(report.gaps.features.map((f) => f.properties.rank));
    const csv = (await (await h().request(`/api/export/gaps.csv?${Q}`)).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv[0].split(',').slice(0, 3)).toEqual(['排序', '乡镇', '未覆盖人口']);
    expect(csv).toHaveLength(1 + n);
    expect(Number(csv[1].split(',')[2])).toBe(Math.round(report.gaps.features[0].properties.population));
    const xlsx = await h().request(`/api/export/gaps.xlsx?${Q}`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer() as never);
    const ws = wb.worksheets[0];
    // The same header and rows as the CSV, with numbers stored as numbers.
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['排序', '乡镇', '未覆盖人口']);
    expect(ws.actualRowCount).toBe(1 + n);
    expect(ws.getRow(2).getCell(1).value).toBe(report.gaps.features[0].properties.rank);
    expect(ws.getRow(2).getCell(3).value).toBeCloseTo(report.gaps.features[0].properties.population, 6);
    expect(ws.getRow(2).getCell(2).value).toBe(csv[1].split(',')[1]);
  });

  it('rejects a bad query with 400', async () => {
    const res = await h().request('/api/export/gaps.csv?minutes=999');
    expect(res.status).toBe(400);
  });
});
