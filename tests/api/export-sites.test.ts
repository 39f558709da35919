import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import villages from '../../geodata/villages.json' with { type: 'json' };
import townships from '../../geodata/townships.json' with { type: 'json' };
import { describeApi } from '../helpers/test-db.ts';
import { jsonBody, type ImportBody } from '../helpers/json-body.ts';

const HEADERS = ['站点ID', '编码', '名称', '类型', '乡镇', '村（社区）', '经度', '纬度', '位置精度', '状态', '是否示范', '有标识', '有人员',
  '有活动', '有项目', '有制度', '地址', '联系人', '联系电话', '开放时间', '备注'];
const SEEDED = 1 + townships.length + villages.length;

describeApi('GET /api/export/sites.*', (h) => {
  it('CSV: UTF-8 BOM, CRLF, Chinese headers, one line per site, Chinese kind and place names', async () => {
    const res = await h().request('/api/export/sites.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E6%9C%9D%E5%A4%A9/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(','));
    expect(lines).toHaveLength(1 + SEEDED);
    expect(text).not.toMatch(/[^\r]\n/);
    const chaotianVillage = lines.find((l) => l.startsWith('station-510812100200,'))!;
    expect(chaotianVillage).toContain(',新时代文明实践站,朝天镇,朝天村村民委员会,,,未放置,现有,否,');
  });

  it('filters like GET /api/sites', async () => {
    const text = await (await h().request('/api/export/sites.csv?kind=institute')).text();
    expect(text.trim().split('\r\n')).toHaveLength(1 + townships.length);
  });

  it('XLSX: one sheet with the same header and rows', async () => {
    const res = await h().request('/api/export/sites.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer() as never);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.actualRowCount).toBe(1 + SEEDED);
    const institute = ws.getRows(2, SEEDED)!.find((r) => r.getCell(1).value === 'institute-510812100')!;
    expect(typeof institute.getCell(7).value).toBe('number');
    expect(institute.getCell(9).value).toBe('近似');
  });

  it('GeoJSON: a FeatureCollection of every site, unplaced ones with geometry null', async () => {
    const res = await h().request('/api/export/sites.geojson');
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc: { type: string; metadata: { crs: string }; features: { geometry: object | null }[] } = await res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.metadata.crs).toMatch(/WGS-84/);
    expect(fc.features).toHaveLength(SEEDED);
    expect(fc.features.filter((f) => f.geometry === null)).toHaveLength(villages.length + townships.filter((t) => !t.seat).length);
  });

  it('an exported register re-imports as updates of the same sites (no creates, no changes of precision)', async () => {
    const csv = await (await h().request('/api/export/sites.csv')).arrayBuffer();
    const xlsx = await (await h().request('/api/export/sites.xlsx')).arrayBuffer();
    for (const [bytes, name] of [[csv, 'sites.csv'], [xlsx, 'sites.xlsx']] as const) {
      const fd = new FormData();
      fd.append('file', new Blob([bytes]), name);
      fd.append('crs', 'wgs84');
      fd.append('mode', 'commit');
      const res = await h().request('/api/import/sites', { method: 'POST', body: fd });
      const body = await jsonBody<ImportBody<'sites'>>(res);
      expect(res.status).toBe(200);
      expect(body.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(body.committed).toMatchObject({ created: 0, updated: SEEDED });
      expect(body.rows.every((r) => r.matchedBy === 'id')).toBe(true);
    }
    const [{ n }] = await h().db.sql`SELECT count(*)::int AS n FROM sites`;
    expect(n).toBe(SEEDED);
    const [inst] = await h().db.sql`SELECT location_precision FROM sites WHERE id = 'institute-510812100'`;
    expect(inst.location_precision).toBe('approximate');
  });
});
