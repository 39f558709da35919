import ExcelJS from 'exceljs';
import { encodeGbk } from '../helpers/gbk.ts';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { postImport as post } from '../helpers/import-upload.ts';


async function xlsx(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

const VOL_HEADER = ['乡镇', '村（社区）', '日期', '注册志愿者（群众）', '干部总数', '已注册干部', '参与活动干部', '参与活动群众'];

describeApi('POST /api/import/volunteers', (h) => {
  it('previews an XLSX with the Chinese headers: township rows (村 empty), village rows, Excel dates; nothing written', async () => {
    const bytes = await xlsx([VOL_HEADER, ['羊木镇', '', new Date(Date.UTC(2023, 5, 30)), 1200, 150, 150, 126, 1100], ['羊木镇', '关口村', '2023/6/30', 118, 9, 9, 8, 105]]);
    const r = await post(h, 'volunteers', bytes, '志愿者.xlsx', { mode: 'preview' });
    expect(r.status).toBe(200);
    expect(r.body.issues).toEqual([]);
    expect(r.body.mapping).toMatchObject({ township: '乡镇', village: '村（社区）', date: '日期', registeredResidents: '注册志愿者（群众）', totalCadres: '干部总数' });
    expect(r.body.rows.map((x) => [x.row, x.townshipCode, x.villageCode, x.date, x.registeredResidents, x.registeredCadres])).toEqual([
      [2, '510812102', null, '2023-06-30', 1200, 150], [3, '510812102', '510812102215', '2023-06-30', 118, 9],
    ]);
    const [{ n }] = await h().db.sql`SELECT count(*)::int AS n FROM volunteer_counts`;
    expect(n).toBe(0);
  });

  it('lists bad rows by row and column, refuses a commit with them, and commits the rest with skipInvalid', async () => {
    const csv = [VOL_HEADER.join(','), '沙河镇,,2023-12-31,900,80,80,70,800', '不存在镇,,2023-12-31,1,1,1,1,1',
      '沙河镇,唐家村,2023-13-40,10,1,1,1,1', '沙河镇,,2023-12-31,abc,5,9,1,1', '沙河镇,,2023-12-31,5,5,5,5,5'].join('\n');
    const p = await post(h, 'volunteers', encodeGbk(csv), 'gbk.csv', { mode: 'preview' });
    expect(p.status).toBe(200);
    expect(p.body.encoding).toMatch(/GB/);
    const byRow = p.body.issues.map((i) => [i.row, i.column, i.code]);
    expect(byRow).toEqual(expect.arrayContaining([
      [3, '乡镇', 'township_not_found'], [4, '日期', 'bad_date'], [5, '注册志愿者（群众）', 'bad_number'],
      [5, '已注册干部', 'inconsistent_counts'], [6, '乡镇', 'duplicate_in_file'],
    ]));
    expect(p.body.summary).toMatchObject({ rows: 5, valid: 1, invalid: 4 });
    const refused = await post(h, 'volunteers', encodeGbk(csv), 'gbk.csv', { mode: 'commit' });
    expect(refused.status).toBe(422);
    expect(refused.body.error!.code).toBe('unprocessable');
    expect(refused.body.error!.issues!.some((i) => i.path[0] === 3)).toBe(true);
    const ok = await post(h, 'volunteers', encodeGbk(csv), 'gbk.csv', { mode: 'commit', skipInvalid: 'true' });
    expect(ok.status).toBe(200);
    expect(ok.body.committed!.written).toBe(1);
    expect(ok.body.committed!.skipped.map((s) => s.row)).toEqual([3, 4, 5, 6]);
    const rows = await h().db.sql`SELECT township_code, village_code, registered_residents FROM volunteer_counts WHERE township_code = '510812105'`;
    expect(rows.map((x) => [x.township_code, x.village_code, x.registered_residents])).toEqual([['510812105', null, 900]]);
  });

  it('refuses a file without a date column as a whole-file problem', async () => {
    const r = await post(h, 'volunteers', '乡镇,注册志愿者（群众）\n羊木镇,10\n', 'x.csv', { mode: 'commit', skipInvalid: 'true' });
    expect(r.status).toBe(422);
    expect(r.body.error!.message).toMatch(/日期/);
  });

  it('serves an XLSX template whose headers the import reads back', async () => {
    const res = await h().request('/api/import/volunteers/template.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['志愿者统计', '说明']);
    const r = await post(h, 'volunteers', bytes, 'template.xlsx', { mode: 'preview' });
    expect(r.body.issues).toEqual([]);
    expect(r.body.summary.valid).toBe(2);
  });
});

describeApi('POST /api/import/teams and /api/import/activities', (h) => {
  it('updates a built-in detachment, creates a brigade and its team with home sites, then activities reference them', async () => {
    const teams = ['队伍名称,层级,上级队伍,乡镇,阵地,人数,负责人', '理论政策宣讲支队,,,,,40,王五',
      '羊木镇志愿服务大队,大队,,羊木镇,羊木镇新时代文明实践所,60,', '关口村志愿服务队,队,羊木镇志愿服务大队,羊木镇,关口村新时代文明实践站,25,',
      '坏队,小组,,,不存在的阵地,x,'].join('\n');
    const p = await post(h, 'teams', teams, 'teams.csv', { mode: 'preview' });
    expect(p.body.issues.map((i) => [i.row, i.code])).toEqual(expect.arrayContaining([[5, 'unknown_level'], [5, 'site_not_found'], [5, 'bad_number']]));
    expect(p.body.rows.map((x) => [x.action, x.teamId, x.level])).toEqual([
      ['update', 'detachment-01', 'detachment'], ['create', null, 'brigade'], ['create', null, 'team'],
    ]);
    const c = await post(h, 'teams', teams, 'teams.csv', { mode: 'commit', skipInvalid: 'true' });
    expect(c.status).toBe(200);
    expect(c.body.committed).toMatchObject({ created: 2, updated: 1 });
    const [d] = await h().db.sql`SELECT name, members, leader FROM volunteer_teams WHERE id = 'detachment-01'`;
    expect(d).toMatchObject({ name: '理论政策宣讲志愿服务支队', members: 40, leader: '王五' });
    const [team] = await h().db.sql`SELECT t.home_site_id, p.name AS parent FROM volunteer_teams t JOIN volunteer_teams p ON p.id = t.parent_id WHERE t.name = '关口村志愿服务队'`;
    expect(team).toMatchObject({ home_site_id: 'station-510812102215', parent: '羊木镇志愿服务大队' });

    const acts = ['日期,乡镇,阵地,队伍,项目,参与人数,活动名称', '2023-03-10,羊木镇,关口村新时代文明实践站,理论政策宣讲支队,朝天说,45,宣讲',
      '2023-04-10,,关口村新时代文明实践站,关口村志愿服务队,情暖万家,20,走访', '2023-04-11,羊木镇,,,舞龙,5,未知项目',
      '2023-02-30,羊木镇,,,,5,日期错', '2023-05-10,,,不存在的队,,5,队伍错', '2023-05-11,羊木镇,,,,,'].join('\n');
    const ap = await post(h, 'activities', acts, 'acts.csv', { mode: 'preview' });
    expect(ap.body.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, '项目', 'unknown_project'], [5, '日期', 'bad_date'], [6, '队伍', 'team_not_found'], [7, '活动名称', 'missing_name'],
    ]);
    expect(ap.body.rows.map((x) => [x.townshipCode, x.siteId, x.project])).toEqual([
      ['510812102', 'station-510812102215', 'chaotian_talk'], ['510812102', 'station-510812102215', 'warmth'],
    ]);
    const ac = await post(h, 'activities', acts, 'acts.csv', { mode: 'commit', skipInvalid: 'true' });
    expect(ac.body.committed!.written).toBe(2);
    const [{ n }] = await h().db.sql`SELECT count(*)::int AS n FROM activities WHERE team_id = 'detachment-01'`;
    expect(n).toBe(1);
  });

  it('answers a non-table upload and an empty file with 422 in the error shape', async () => {
    const bin = new Uint8Array([0, 1, 2, 3, 0, 0, 9]);
    const r = await post(h, 'activities', bin, 'x.bin', { mode: 'preview' });
    expect(r.status).toBe(422);
    expect(r.body.error!.code).toBe('unprocessable');
    const e = await post(h, 'teams', '', 'empty.csv', { mode: 'preview' });
    expect(e.status).toBe(422);
  });
});
