import ExcelJS from 'exceljs';
import gcoord from 'gcoord';
import { encodeGbk } from '../helpers/gbk.ts';
import { distance } from '@turf/distance';
import { expect, it } from 'vitest';
import { getDataVersion } from '../../api/src/db/version-repo.ts';
import { describeApi } from '../helpers/test-db.ts';
import { postImport as post } from '../helpers/import-upload.ts';

// Known WGS-84 points inside 朝天区: the 2016 seats of 朝天镇 and 大滩镇 (geodata/townships.json), and 106.15E 32.64N.
const P1: [number, number] = [105.884081, 32.643374];
const P2: [number, number] = [105.907423, 32.775374];
const P3: [number, number] = [106.15, 32.64];
const CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
/** A WGS-84 point expressed in `crs` by gcoord (independent of the importer's inverse). */
const inCrs = (p: [number, number], crs: keyof typeof CRS) => gcoord.transform(p, gcoord.WGS84, CRS[crs]) as [number, number];
const meters = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'meters' });


const HEADER = '编号,站点名称,阵地类型,乡镇,村（社区）,经度,纬度,地址,联系人,联系电话,是否示范,有标识,有人员,有活动,有项目,有制度,备注,状态';
function register(crs: keyof typeof CRS, phone = '0839-1234567') {
  const [a, b, c] = [inCrs(P1, crs), inCrs(P2, crs), inCrs(P3, crs)];
  return [
    HEADER,
    `CT-001,朝天村新时代文明实践站,新时代文明实践站,朝天镇,朝天村,${a[0]},${a[1]},朝天村村委会,张三,${phone},是,√,✓,1,yes,否,"备注, 含逗号",已建`,
    `CT-002,朝天镇文化广场,广场,朝天,,${c[0]},${c[1]},,,,否,,,,,,,规划`,
    `CT-003,大滩镇志愿服务站点,志愿服务站点,大滩镇,,${b[0]},${b[1]},,,,,,,,,,,`,
  ].join('\r\n') + '\r\n';
}

describeApi('POST /api/import/sites', (h) => {
  it('previews a UTF-8 (BOM) CSV in GCJ-02: mapping, encoding, planned creates/updates, nothing written', async () => {
    const v0 = await getDataVersion(h().db.sql, '510812');
    const r = await post(h, 'sites', '\uFEFF' + register('gcj02'), '站点.csv', { crs: 'gcj02', mode: 'preview' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ mode: 'preview', format: 'csv', encoding: 'UTF-8 (BOM)', crs: 'gcj02', headerRow: 1, rowKind: 'row' });
    expect(r.body.mapping).toMatchObject({
      code: '编号', name: '站点名称', kind: '阵地类型', township: '乡镇', village: '村（社区）', lng: '经度', lat: '纬度',
      phone: '联系电话', demonstration: '是否示范', hasSign: '有标识', hasRules: '有制度', notes: '备注', status: '状态', id: null,
    });
    expect(r.body.issues).toEqual([]);
    expect(r.body.summary).toMatchObject({ rows: 3, valid: 3, invalid: 0, create: 2, update: 1 });
    // The seeded placeholder station of 朝天村 has the same name in the same township: updated, not duplicated.
    expect(r.body.rows.map((x) => [x.row, x.action, x.siteId, x.matchedBy])).toEqual([
      [2, 'update', 'station-510812100200', 'name'], [3, 'create', null, null], [4, 'create', null, null],
    ]);
    expect(r.body.rows[0].fields).toMatchObject({
      kind: 'station', townshipCode: '510812100', villageCode: '510812100200', demonstration: true, hasSign: true,
      hasStaff: true, hasActivities: true, hasProjects: true, hasRules: false, notes: '备注, 含逗号', status: 'existing',
    });
    expect(r.body.rows[1].fields).toMatchObject({ kind: 'square', townshipCode: '510812100', status: 'planned' });
    expect(r.body.rows[2].fields).toMatchObject({ kind: 'volunteer_site', townshipCode: '510812101' });
    expect(await getDataVersion(h().db.sql, '510812')).toBe(v0);
  });

  it('commits it in one go, converting GCJ-02 to WGS-84 within 1 m, and records the data source', async () => {
    const v0 = await getDataVersion(h().db.sql, '510812');
    const r = await post(h, 'sites', '\uFEFF' + register('gcj02'), '站点.csv', { crs: 'gcj02', mode: 'commit' });
    expect(r.status).toBe(200);
    expect(r.body.committed).toMatchObject({ created: 2, updated: 1, skipped: [] });
    expect(r.body.committed!.dataVersion).toBeGreaterThan(v0);
    const rows = await h().db.sql`SELECT id, code, lng, lat, phone, demonstration, has_sign, has_rules, location_precision, village_code
      FROM sites WHERE code IN ('CT-001', 'CT-002', 'CT-003') ORDER BY code`;
    expect(rows.map((x) => x.code)).toEqual(['CT-001', 'CT-002', 'CT-003']);
    expect(rows[0]).toMatchObject({ id: 'station-510812100200', phone: '0839-1234567', demonstration: true, has_sign: true, has_rules: false, location_precision: 'exact' });
    for (const [row, p] of [[rows[0], P1], [rows[1], P3], [rows[2], P2]] as const) expect(meters([row.lng, row.lat], p)).toBeLessThan(1);
    const [src] = await h().db.sql`SELECT name, datum, modelled FROM data_sources WHERE id = ${r.body.committed!.sourceId}`;
    expect(src).toMatchObject({ datum: 'WGS-84 (converted from GCJ-02 with gcoord)', modelled: false });
  });

  it('re-importing the same register updates the same sites instead of duplicating them', async () => {
    const first = await post(h, 'sites', register('gcj02'), '站点.csv', { crs: 'gcj02', mode: 'commit' });
    expect(first.body.committed).toMatchObject({ created: 2, updated: 1 });
    const [{ n: before }] = await h().db.sql`SELECT count(*)::int AS n FROM sites`;
    const r = await post(h, 'sites', register('gcj02', '13800000000'), '站点.csv', { crs: 'gcj02', mode: 'commit' });
    expect(r.status).toBe(200);
    expect(r.body.committed).toMatchObject({ created: 0, updated: 3 });
    expect(r.body.rows.map((x) => x.matchedBy)).toEqual(['code', 'code', 'code']);
    const [{ n: after }] = await h().db.sql`SELECT count(*)::int AS n FROM sites`;
    expect(after).toBe(before);
    const [s] = await h().db.sql`SELECT phone FROM sites WHERE code = 'CT-001'`;
    expect(s.phone).toBe('13800000000');
  });

  for (const crs of ['wgs84', 'gcj02', 'bd09'] as const) {
    it(`round-trips ${crs} coordinates to WGS-84 within 1 m`, async () => {
      const pts = [P1, P2, P3];
      const csv = ['名称,类型,经度,纬度', ...pts.map((p, i) => `${crs}-点${i},实践点,${inCrs(p, crs).join(',')}`)].join('\n');
      const r = await post(h, 'sites', csv, `${crs}.csv`, { crs, mode: 'commit' });
      expect(r.status).toBe(200);
      expect(r.body.committed!.created).toBe(3);
      for (let i = 0; i < pts.length; i++) {
        const [s] = await h().db.sql`SELECT lng, lat FROM sites WHERE name = ${`${crs}-点${i}`}`;
        expect(meters([s.lng, s.lat], pts[i])).toBeLessThan(1);
      }
    });
  }

  it('reads GBK/GB18030 CSV and says so', async () => {
    const csv = ['名称,类型,乡镇,村,经度,纬度', `青云村新时代文明实践站,实践站,朝天镇,青云,${P1.join(',')}`].join('\r\n');
    const r = await post(h, 'sites', encodeGbk(csv), 'gbk.csv', { crs: 'wgs84' });
    expect(r.status).toBe(200);
    expect(r.body.encoding).toBe('GB18030');
    expect(r.body.issues).toEqual([]);
    expect(r.body.rows[0].fields).toMatchObject({ name: '青云村新时代文明实践站', kind: 'station', villageCode: '510812100202' });
    expect(r.body.rows[0]).toMatchObject({ action: 'update', siteId: 'station-510812100202' });
  });

  it('reads plain UTF-8 CSV without BOM, semicolon-separated', async () => {
    const csv = ['名称;类型;经度;纬度', `分号点;实践点;${P3.join(';')}`].join('\n');
    const r = await post(h, 'sites', csv, 'semi.csv', { crs: 'wgs84' });
    expect(r.body).toMatchObject({ encoding: 'UTF-8', summary: { valid: 1 } });
  });

  it('reads XLSX with a title row above the header, reporting spreadsheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['朝天区新时代文明实践阵地名册']);
    ws.addRow(['站点名称', '阵地类型', '乡镇', '经度', '纬度', '是否示范']);
    ws.addRow(['羊木镇新时代文明实践所', '实践所', '羊木镇', ...inCrs(P2, 'bd09'), '是']);
    ws.addRow(['羊木镇某某礼堂', '文化礼堂', '羊木镇', ...inCrs(P2, 'bd09'), '否']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    const r = await post(h, 'sites', bytes, '名册.xlsx', { crs: 'bd09' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: 'xlsx', sheet: '名册', headerRow: 2, summary: { rows: 2, valid: 1, invalid: 1 } });
    expect(r.body.issues).toEqual([expect.objectContaining({ row: 4, column: '阵地类型', code: 'unknown_kind', severity: 'error' })]);
    // The seeded 羊木镇 institute (approximate seat) is the one this row updates.
    expect(r.body.rows[0]).toMatchObject({ row: 3, action: 'update', siteId: 'institute-510812102', fields: { kind: 'institute', demonstration: true } });
    expect(meters([r.body.rows[0].fields.lng!, r.body.rows[0].fields.lat!], P2)).toBeLessThan(1);
  });

  it('reads GeoJSON points (coordinates in the chosen system)', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: inCrs(P3, 'gcj02') }, properties: { 名称: '几何点A', 类型: 'point', 有标识: '是' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[106, 32.6], [106.1, 32.6]] }, properties: { 名称: '线', 类型: 'point' } },
      ],
    };
    const r = await post(h, 'sites', JSON.stringify(fc), 'points.geojson', { crs: 'gcj02', mode: 'commit', skipInvalid: 'true' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: 'geojson', rowKind: 'feature', summary: { rows: 2, valid: 1, invalid: 1 } });
    expect(r.body.committed).toMatchObject({ created: 1, skipped: [{ row: 2, reasons: ['geometry must be a Point, not LineString'] }] });
    const [s] = await h().db.sql`SELECT lng, lat, has_sign FROM sites WHERE name = '几何点A'`;
    expect(s.has_sign).toBe(true);
    expect(meters([s.lng, s.lat], P3)).toBeLessThan(1);
  });
});
