import { expect, it } from 'vitest';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';
import { testUsername } from '../helpers/test-auth.ts';

const OWN = '510812100'; // 朝天镇
const SEAT: [number, number] = [105.884081, 32.643374];

/** Audit rows written after `since` (an audit id), oldest first. */
async function rowsSince(h: ApiHarness, since: number) {
  return h.db.sql`SELECT * FROM audit_log WHERE id > ${since} ORDER BY id`;
}
const lastId = async (h: ApiHarness) => Number((await h.db.sql`SELECT coalesce(max(id), 0) AS id FROM audit_log`)[0].id);

describeApi('audit trail', (h) => {
  const planner = testUsername('planner');

  it('site create, update, move and delete each leave exactly one row with who, before and after', async () => {
    const c = h().client;
    let since = await lastId(h());
    const created = await (await c.api.sites.$post({ json: { kind: 'point', name: '审计测试点', townshipCode: OWN } })).json();
    const id = created.properties.id;
    let rows = await rowsSince(h(), since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'site.create', entity: 'site', site_id: id, township_code: OWN, username: planner, role: 'planner', before: null });
    expect(rows[0].after).toMatchObject({ id, name: '审计测试点', townshipCode: OWN });

    since = await lastId(h());
    await c.api.sites[':id'].$patch({ param: { id }, json: { name: '审计测试点（改）' } });
    await c.api.sites[':id'].$patch({ param: { id }, json: { lng: SEAT[0] + 0.003, lat: SEAT[1] } });
    rows = await rowsSince(h(), since);
    expect(rows.map((r) => r.action)).toEqual(['site.update', 'site.move']);
    expect([rows[0].before.name, rows[0].after.name]).toEqual(['审计测试点', '审计测试点（改）']);
    expect([rows[1].before.lng, rows[1].after.lng]).toEqual([null, SEAT[0] + 0.003]);

    since = await lastId(h());
    expect((await c.api.sites[':id'].$delete({ param: { id } })).status).toBe(200);
    rows = await rowsSince(h(), since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'site.delete', site_id: id, after: null });
    expect(rows[0].before).toMatchObject({ name: '审计测试点（改）', lng: SEAT[0] + 0.003 });
  });

  it('a failed write leaves no row', async () => {
    const c = h().client;
    const since = await lastId(h());
    const outside = await c.api.sites.$post({ json: { kind: 'point', name: '区外', lng: 104.0, lat: 30.6 } });
    expect(outside.status).toBe(422);
    const missing = await c.api.sites[':id'].$delete({ param: { id: 's_nope' } });
    expect(missing.status).toBe(404);
    const refused = await h().asRole('viewer').api.sites.$post({ json: { kind: 'point', name: '无权' } });
    expect(refused.status).toBe(403);
    expect(await rowsSince(h(), since)).toHaveLength(0);
  });

  it('a planner restores a deleted site from its history, with the same id and fields; once only', async () => {
    const c = h().client;
    const created = await (await c.api.sites.$post({ json: { kind: 'square', name: '待恢复广场', townshipCode: OWN, lng: SEAT[0], lat: SEAT[1] + 0.002, phone: '0839-1' } })).json();
    const id = created.properties.id;
    await c.api.sites[':id'].$delete({ param: { id } });
    const since = await lastId(h());
    const res = await c.api.sites[':id'].restore.$post({ param: { id } });
    expect(res.status).toBe(201);
    const restored = await (await c.api.sites[':id'].$get({ param: { id } })).json();
    const { createdAt: _a, updatedAt: _b, ...props } = restored.properties;
    const { createdAt: _c, updatedAt: _d, ...orig } = created.properties;
    expect(props).toEqual(orig);
    const rows = await rowsSince(h(), since);
    expect(rows.map((r) => [r.action, r.site_id])).toEqual([['site.restore', id]]);
    expect((await c.api.sites[':id'].restore.$post({ param: { id } })).status).toBe(409);
    expect((await c.api.sites[':id'].restore.$post({ param: { id: 's_never_existed' } })).status).toBe(404);
    expect((await h().asRole('township_editor', [OWN]).api.sites[':id'].restore.$post({ param: { id } })).status).toBe(403);
  });

  it('an import commit leaves one row with its file name and row counts; a preview none', async () => {
    const csv = `名称,类型,乡镇,经度,纬度\n审计导入一,point,朝天镇,${SEAT[0] + 0.004},${SEAT[1]}\n审计导入二,point,朝天镇,${SEAT[0] + 0.005},${SEAT[1]}\n`;
    const send = async (mode: string) => {
      const fd = new FormData();
      fd.append('file', new Blob([csv]), '审计台账.csv');
      fd.append('crs', 'wgs84');
      fd.append('mode', mode);
      return h().request('/api/import/sites', { method: 'POST', body: fd });
    };
    let since = await lastId(h());
    expect((await send('preview')).status).toBe(200);
    expect(await rowsSince(h(), since)).toHaveLength(0);
    since = await lastId(h());
    const r = await send('commit');
    expect(r.status).toBe(200);
    const rows = await rowsSince(h(), since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'import.sites', entity: 'import', username: planner });
    expect(rows[0].details).toMatchObject({ fileName: '审计台账.csv', created: 2, updated: 0, rowsSkipped: 0, crs: 'wgs84' });
  });

  it('a scenario accept leaves one row naming the sites it created', async () => {
    const c = h().client;
    const s = await (await c.api.scenarios.$post({ json: { name: '审计方案', sites: [{ kind: 'point', name: '方案点', lng: SEAT[0], lat: SEAT[1] + 0.004 }] } })).json();
    const since = await lastId(h());
    const acc = await (await c.api.scenarios[':id'].accept.$post({ param: { id: s.id }, json: {} })).json();
    const rows = await rowsSince(h(), since);
    expect(rows.map((r) => r.action)).toEqual(['scenario.accept']);
    expect(rows[0].details.acceptedSites).toEqual(acc.accepted);
  });

  it('user and settings changes leave one row each, never with a password hash', async () => {
    const admin = h().asRole('admin');
    let since = await lastId(h());
    const u = await (await admin.api.users.$post({ json: { username: 'audit-user', password: 'long-enough-1', role: 'viewer' } })).json();
    await admin.api.users[':id'].$patch({ param: { id: u.id }, json: { role: 'township_editor', townships: [OWN], password: 'long-enough-2' } });
    await admin.api.users[':id'].$delete({ param: { id: u.id } });
    await admin.api.settings.$patch({ json: { publicPlannerViews: true } });
    await admin.api.settings.$patch({ json: { publicPlannerViews: false } });
    const rows = await rowsSince(h(), since);
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.update', 'user.delete', 'settings.update', 'settings.update']);
    expect(rows[1].before).toEqual({ username: 'audit-user', role: 'viewer', townships: [], district: '510812' });
    expect(rows[1].after).toEqual({ username: 'audit-user', role: 'township_editor', townships: [OWN], district: '510812' });
    expect(rows[1].details).toEqual({ passwordReset: true });
    expect(rows[3].after).toEqual({ publicPlannerViews: true });
    expect(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toMatch(/scrypt\$/);
    since = await lastId(h());
    expect((await admin.api.users.$post({ json: { username: 'audit-user-2', password: 'short', role: 'viewer' } })).status).toBe(400);
    expect(await rowsSince(h(), since)).toHaveLength(0);
  });

  it('placing a village by hand leaves one village.place row with before and after; a refused placement none', async () => {
    const code = '510812100202';
    let since = await lastId(h());
    const res = await h().request(`/api/villages/${code}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lng: 105.905, lat: 32.66 }) });
    expect(res.status).toBe(200);
    const rows = await rowsSince(h(), since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'village.place', entity: 'village', entity_id: code, township_code: OWN, username: planner, role: 'planner' });
    expect(rows[0].before).toMatchObject({ code, lng: null, lat: null });
    expect(rows[0].after).toMatchObject({ code, lng: 105.905, lat: 32.66, precision: 'approximate', placedBy: 'hand' });
    since = await lastId(h());
    const outside = await h().request(`/api/villages/${code}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lng: 104.0, lat: 30.6 }) });
    expect(outside.status).toBe(422);
    expect(await rowsSince(h(), since)).toHaveLength(0);
  });

  it('activity add, edit and delete leave one row each; refused ones none', async () => {
    const c = h().client.api.activities;
    let since = await lastId(h());
    const a = await (await c.$post({ json: { date: '2023-03-10', siteId: 'station-510812102215', project: 'chaotian_talk', participants: 30, title: '宣讲' } })).json();
    await c[':id'].$patch({ param: { id: a.id }, json: { title: '宣讲（改）' } });
    expect((await c[':id'].$delete({ param: { id: a.id } })).status).toBe(200);
    const rows = await rowsSince(h(), since);
    expect(rows.map((r) => [r.action, r.entity, r.entity_id, r.township_code, r.username])).toEqual([
      ['activity.create', 'activity', a.id, '510812102', planner], ['activity.update', 'activity', a.id, '510812102', planner],
      ['activity.delete', 'activity', a.id, '510812102', planner],
    ]);
    expect([rows[0].before, rows[0].after.title]).toEqual([null, '宣讲']);
    expect([rows[1].before.title, rows[1].after.title]).toEqual(['宣讲', '宣讲（改）']);
    expect([rows[2].before.title, rows[2].after]).toEqual(['宣讲（改）', null]);
    since = await lastId(h());
    expect((await c.$post({ json: { date: '2023-03-11', siteId: 'no-such-site', title: 'x' } })).status).toBe(422);
    expect((await c[':id'].$patch({ param: { id: a.id }, json: { title: 'y' } })).status).toBe(404);
    expect((await c[':id'].$delete({ param: { id: a.id } })).status).toBe(404);
    expect(await rowsSince(h(), since)).toHaveLength(0);
  });

  it('a field check and the evaluation rules leave one row each; refused ones none', async () => {
    let since = await lastId(h());
    const fc = await (await h().client.api['field-checks'].$post({ json: { townshipCode: OWN, date: '2023-04-01', inspector: '张三', score: 60, notes: '台账不全' } })).json();
    const rules = { indicators: [{ id: 'platform', weight: 100 }], entered: { platform: { [OWN]: 80 } }, fieldChecksCount: true };
    expect((await h().asRole('admin').api.evaluation.rules.$put({ query: { year: '2023' }, json: rules })).status).toBe(200);
    const rows = await rowsSince(h(), since);
    expect(rows.map((r) => [r.action, r.entity, r.entity_id, r.township_code])).toEqual([
      ['field_check.create', 'field_check', fc.id, OWN], ['evaluation.rules', 'evaluation_rules', '2023', null],
    ]);
    expect(rows[0].after).toMatchObject({ inspector: '张三', score: 60 });
    expect(rows[1]).toMatchObject({ username: testUsername('admin'), role: 'admin', before: null, after: rules });
    since = await lastId(h());
    expect((await h().client.api['field-checks'].$post({ json: { townshipCode: '999999999', date: '2023-09-01', inspector: '李四', score: 90, notes: '' } })).status).toBe(422);
    expect((await h().asRole('admin').api.evaluation.rules.$put({ query: { year: '2023' }, json: { ...rules, indicators: [{ id: 'nope', weight: 1 }] } })).status).toBe(400);
    expect((await h().client.api.evaluation.rules.$put({ query: { year: '2023' }, json: rules })).status).toBe(403);
    expect(await rowsSince(h(), since)).toHaveLength(0);
  });

  it('a leaders\' import commit leaves one row per file (volunteers, teams, activities); a preview and a refused commit none', async () => {
    const send = async (kind: string, csv: string, mode: string) => {
      const fd = new FormData();
      fd.append('file', new Blob([csv]), `${kind}.csv`);
      fd.append('mode', mode);
      return h().request(`/api/import/${kind}`, { method: 'POST', body: fd });
    };
    const files: Record<string, string> = {
      volunteers: '乡镇,村（社区）,日期,注册志愿者（群众）\n羊木镇,,2023-06-30,1200\n',
      teams: '队伍名称,层级,乡镇\n审计大队,大队,羊木镇\n',
      activities: '日期,乡镇,活动名称\n2023-03-10,羊木镇,宣讲\n2023-03-11,羊木镇,走访\n',
    };
    for (const [kind, csv] of Object.entries(files)) {
      let since = await lastId(h());
      expect((await send(kind, csv, 'preview')).status).toBe(200);
      expect((await send(kind, `${csv}2023-13-40,不存在镇,坏行\n`, 'commit')).status).toBe(422);
      expect(await rowsSince(h(), since)).toHaveLength(0);
      since = await lastId(h());
      const res = await send(kind, csv, 'commit');
      expect(res.status).toBe(200);
      const { committed } = await res.json() as { committed: { sourceId: string } };
      const rows = await rowsSince(h(), since);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: `import.${kind}`, entity: 'import', entity_id: committed.sourceId, username: planner });
      expect(rows[0].details).toMatchObject({ fileName: `${kind}.csv`, sourceId: committed.sourceId, rowsSkipped: 0, written: kind === 'activities' ? 2 : 1 });
    }
  });

  it('the audit table refuses UPDATE, DELETE and TRUNCATE, even to the database owner', async () => {
    const { sql } = h().db;
    await h().client.api.sites.$post({ json: { kind: 'point', name: '不可改', townshipCode: OWN } });
    const n = Number((await sql`SELECT count(*) AS n FROM audit_log`)[0].n);
    await expect(sql`UPDATE audit_log SET username = 'someone else'`).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`).rejects.toThrow(/append-only/);
    expect(Number((await sql`SELECT count(*) AS n FROM audit_log`)[0].n)).toBe(n);
  });

  it('GET /api/audit filters by site, user, township and date, newest first; a township editor sees only their townships', async () => {
    const c = h().client;
    const a = (await (await c.api.sites.$post({ json: { kind: 'point', name: '筛选甲', townshipCode: OWN } })).json()).properties.id;
    await c.api.sites[':id'].$patch({ param: { id: a }, json: { name: '筛选甲（改）' } });
    await c.api.sites.$post({ json: { kind: 'point', name: '筛选乙', townshipCode: '510812102' } });
    const bySite = (await (await c.api.audit.$get({ query: { site: a } })).json()).entries;
    expect(bySite.map((e) => e.action)).toEqual(['site.update', 'site.create']);
    const byUser = (await (await c.api.audit.$get({ query: { user: planner } })).json()).entries;
    expect(byUser.length).toBeGreaterThanOrEqual(3);
    expect(byUser.every((e) => e.username === planner)).toBe(true);
    const byTownship = (await (await c.api.audit.$get({ query: { township: '510812102' } })).json()).entries;
    expect(byTownship.length).toBeGreaterThan(0);
    expect(byTownship.every((e) => e.townshipCode === '510812102')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await (await c.api.audit.$get({ query: { from: today, to: today, site: a } })).json()).entries).toHaveLength(2);
    expect((await (await c.api.audit.$get({ query: { to: '2000-01-01' } })).json()).entries).toHaveLength(0);
    const editor = (await (await h().asRole('township_editor', [OWN]).api.audit.$get({ query: {} })).json()).entries;
    expect(editor.length).toBeGreaterThan(0);
    expect(editor.every((e) => e.townshipCode === OWN)).toBe(true);
    const csv = await (await c.api.audit['export.csv'].$get({ query: { site: a } })).text();
    expect(csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')).toHaveLength(3);
    expect((await c.api.audit.$get({ query: { from: 'yesterday' } })).status).toBe(400);
  });
});
