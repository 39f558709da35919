import { expect, it } from 'vitest';
import { getDataVersion } from '../../api/src/db/version-repo.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';
import { errorBody, jsonBody, type ImportBody } from '../helpers/json-body.ts';

const P1 = '105.884081,32.643374'; // 朝天镇 seat (WGS-84), inside the district
const SWAPPED = '32.643374,105.884081';

async function post(h: () => ApiHarness, file: Uint8Array | string, fields: Record<string, string>, fileName = 'register.csv') {
  const fd = new FormData();
  fd.append('file', new Blob([file as BlobPart]), fileName);
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const res = await h().request('/api/import/sites', { method: 'POST', body: fd });
  return { status: res.status, body: await jsonBody<ImportBody<'sites'>>(res) };
}

// One problem per row (row numbers count the header as row 1).
const PROBLEMS = [
  '名称,类型,乡镇,村（社区）,经度,纬度',
  `好站,实践站,朝天镇,朝天村,${P1}`, // 2: fine
  `甲,文化礼堂,朝天镇,,${P1}`, // 3: unknown kind
  `乙,实践点,不存在镇,,${P1}`, // 4: township not found
  `丙,实践点,朝天镇,不存在村,${P1}`, // 5: village not found
  `丁,实践点,朝天镇,坪台村,${P1}`, // 6: 坪台村 is in 大滩镇
  '戊,实践点,朝天镇,,104.0,30.6', // 7: Chengdu, outside the district
  `好站,实践点,朝天镇,,${P1}`, // 8: same name + township as row 2
  '己,实践点,朝天镇,,abc,32.6', // 9: bad number
  `,实践点,朝天镇,,${P1}`, // 10: missing name
  `庚,实践点,朝天镇,,${SWAPPED}`, // 11: lat/lng swapped
  '辛,实践点,朝天镇,,,', // 12: no coordinates: a warning, imported unplaced
].join('\n');

describeApi('POST /api/import/sites — problems', (h) => {
  it('preview lists every problem by row and column with a reason', async () => {
    const r = await post(h, PROBLEMS, { crs: 'wgs84' });
    expect(r.status).toBe(200);
    expect(r.body.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [3, '类型', 'unknown_kind', 'error'],
      [4, '乡镇', 'township_not_found', 'error'],
      [5, '村（社区）', 'village_not_found', 'error'],
      [6, '村（社区）', 'village_not_in_township', 'error'],
      [7, '经度', 'outside_district', 'error'],
      [8, '名称', 'duplicate_in_file', 'error'],
      [9, '经度', 'bad_number', 'error'],
      [10, '名称', 'missing_name', 'error'],
      [11, '经度', 'lat_lng_swapped', 'error'],
      [12, '经度', 'no_coordinates', 'warning'],
    ]);
    const msg = (row: number) => r.body.issues.find((i) => i.row === row)?.message;
    expect(msg(6)).toMatch(/大滩镇/);
    expect(msg(8)).toMatch(/row 2/);
    expect(msg(11)).toMatch(/swapped/);
    expect(r.body.summary).toMatchObject({ rows: 11, valid: 2, invalid: 9, warnings: 1 });
  });

  it('commit refuses a file with problems (422, issues by row and column) and writes nothing', async () => {
    const [{ n: before }] = await h().db.sql`SELECT count(*)::int AS n FROM sites`;
    const v0 = await getDataVersion(h().db.sql, '510812');
    const r = await post(h, PROBLEMS, { crs: 'wgs84', mode: 'commit' });
    expect(r.status).toBe(422);
    expect(r.body.error!.code).toBe('unprocessable');
    expect(r.body.error!.message).toMatch(/9 row\(s\) have problems/);
    expect(r.body.error!.issues!.map((i) => i.path)).toEqual([
      [3, '类型'], [4, '乡镇'], [5, '村（社区）'], [6, '村（社区）'], [7, '经度'], [8, '名称'], [9, '经度'], [10, '名称'], [11, '经度'],
    ]);
    const [{ n: after }] = await h().db.sql`SELECT count(*)::int AS n FROM sites`;
    expect(after).toBe(before);
    expect(await getDataVersion(h().db.sql, '510812')).toBe(v0);
  });

  it('with skipInvalid it imports the rest and reports what it skipped', async () => {
    const r = await post(h, PROBLEMS, { crs: 'wgs84', mode: 'commit', skipInvalid: 'true' });
    expect(r.status).toBe(200);
    // 好站 (a station in 朝天村) takes over the seeded placeholder station of 朝天村; 辛 is new and unplaced.
    expect(r.body.committed).toMatchObject({ created: 1, updated: 1 });
    expect(r.body.committed!.skipped.map((s) => s.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const [st] = await h().db.sql`SELECT name, lng FROM sites WHERE id = 'station-510812100200'`;
    expect(st.name).toBe('好站');
    const [xin] = await h().db.sql`SELECT lng, lat, township_code FROM sites WHERE name = '辛'`;
    expect(xin).toEqual({ lng: null, lat: null, township_code: '510812100' });
  });

  it('a second station in the same village is a new site, not a duplicate of the first', async () => {
    const csv = `名称,类型,乡镇,村（社区）\n青云村一站,实践站,朝天镇,青云村\n青云村二站,实践站,朝天镇,青云村\n`;
    const r = await post(h, csv, { crs: 'wgs84' });
    // No coordinate columns: one warning for the file, not one per row.
    expect(r.body.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[null, 'no_coordinates', 'warning']]);
    expect(r.body.rows.map((x) => [x.row, x.action, x.siteId, x.matchedBy])).toEqual([
      [2, 'update', 'station-510812100202', 'village'], [3, 'create', null, null],
    ]);
  });

  it('a file with only a header or no usable column is refused as a whole', async () => {
    const r = await post(h, '站名,级别,东经,北纬\n某站,实践站,105.88,32.64\n', { crs: 'wgs84', mode: 'commit', skipInvalid: 'true' });
    expect(r.status).toBe(422);
    expect(r.body.error!.issues!.map((i) => i.path[0])).toEqual(['file', 'file']);
    expect(r.body.error!.message).toMatch(/no column for 名称/);
  });

  it('an explicit mapping fixes unusual headers, and the preview echoes it', async () => {
    const csv = '站名,级别,东经,北纬\n映射点,实践点,105.884081,32.643374\n';
    const mapping = JSON.stringify({ name: '站名', kind: '级别', lng: '东经', lat: '北纬' });
    const r = await post(h, csv, { crs: 'wgs84', mapping });
    expect(r.status).toBe(200);
    expect(r.body.issues).toEqual([]);
    expect(r.body.mapping).toMatchObject({ name: '站名', kind: '级别', lng: '东经', lat: '北纬' });
    expect(r.body.unmappedHeaders).toEqual([]);
    const bad = await post(h, csv, { crs: 'wgs84', mapping: JSON.stringify({ name: '不存在的列' }) });
    expect(bad.status).toBe(422);
    expect(bad.body.error!.message).toMatch(/不存在的列/);
    const notJson = await post(h, csv, { crs: 'wgs84', mapping: '{name:' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error!.issues![0].path).toEqual(['mapping']);
  });

  it('requires the coordinate system (never guessed)', async () => {
    const r = await post(h, `名称,类型,经度,纬度\n点,实践点,${P1}\n`, {});
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_request' });
    expect(r.body.error!.issues!.map((i) => i.path)).toContainEqual(['crs']);
    const wrong = await post(h, `名称,类型,经度,纬度\n点,实践点,${P1}\n`, { crs: 'cgcs2000' });
    expect(wrong.status).toBe(400);
  });

  it('requires a file', async () => {
    const fd = new FormData();
    fd.append('crs', 'wgs84');
    const res = await h().request('/api/import/sites', { method: 'POST', body: fd });
    expect(res.status).toBe(400);
    expect((await errorBody(res)).error.issues?.[0].path).toEqual(['file']);
  });

  it('rejects files over 20 MB with a 413 JSON error, not a 500', async () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const r = await post(h, big, { crs: 'wgs84' });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'payload_too_large' });
    expect(r.body.error!.message).toMatch(/20 MB/);
  });

  it('rejects binary, old .xls and empty files with 422', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await post(h, png, { crs: 'wgs84' }, 'x.png')).status).toBe(422);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await post(h, xls, { crs: 'wgs84' }, 'old.xls');
    expect(r.status).toBe(422);
    expect(r.body.error!.message).toMatch(/\.xlsx/);
    expect((await post(h, '', { crs: 'wgs84' })).status).toBe(422);
    const brokenXlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await post(h, brokenXlsx, { crs: 'wgs84' }, 'broken.xlsx')).status).toBe(422);
  });
});
