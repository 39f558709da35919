/** Opening hours (开放时间): edited, imported, exported, public on the resident page with the station's activity days. */
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { jsonBody, type ImportBody } from '../helpers/json-body.ts';

const P: [number, number] = [105.884081, 32.643374];
const HOURS = '周一至周五 9:00-17:00，周六 9:00-12:00';
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** Day `day` of the month `n` months before this one (UTC, as the server's today). */
const monthsAgo = (n: number, day: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return `${d.toISOString().slice(0, 8)}${String(day).padStart(2, '0')}`;
};

describeApi('opening hours', (h) => {
  it('is a validated site field (trimmed, at most 200 characters), audited like the others', async () => {
    const created = await h().request('/api/sites', json('POST', { kind: 'station', name: '开放时间站', lng: P[0], lat: P[1], openingHours: `  ${HOURS} ` }));
    expect(created.status).toBe(201);
    const site = (await created.json()).properties;
    expect(site.openingHours).toBe(HOURS);
    const tooLong = await h().request(`/api/sites/${site.id}`, json('PATCH', { openingHours: '时'.repeat(201) }));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.issues[0].path).toEqual(['openingHours']);
    expect((await (await h().request(`/api/sites/${site.id}`)).json()).properties.openingHours).toBe(HOURS);
    expect((await h().request(`/api/sites/${site.id}`, json('PATCH', { openingHours: '' }))).status).toBe(200);
    const audit = await (await h().asRole('admin').api.audit.$get({ query: { site: site.id } })).json();
    expect(audit.entries[0]).toMatchObject({ action: 'site.update', before: { openingHours: HOURS }, after: { openingHours: '' } });
  });

  it('is read from the 开放时间 column of a register, too long is a row problem, and exported under the same header', async () => {
    const csv = `名称,类型,经度,纬度,开放时间\r\n导入站,实践站,${P[0]},${P[1]},${HOURS}\r\n太长站,实践站,${P[0]},${P[1]},${'时'.repeat(201)}\r\n`;
    const fd = new FormData();
    fd.append('file', new Blob([csv]), 'hours.csv');
    fd.append('crs', 'wgs84');
    fd.append('mode', 'commit');
    fd.append('skipInvalid', 'true');
    const r = await jsonBody<ImportBody<'sites'>>(await h().request('/api/import/sites', { method: 'POST', body: fd }));
    expect(r.mapping.openingHours).toBe('开放时间');
    expect(r.issues).toEqual([expect.objectContaining({ row: 3, field: 'openingHours', code: 'too_long' })]);
    expect(r.committed?.created).toBe(1);
    const lines = (await (await h().request('/api/export/sites.csv?kind=station')).text()).split('\r\n');
    const header = lines[0].replace(/^\uFEFF/, '').split(',');
    const row = lines.find((l) => l.includes('导入站'))!.split(',');
    expect(row[header.indexOf('开放时间')]).toBe(HOURS);
  });

  it('is public with the activity days of the station (its own records, else its township’s), never the contact person', async () => {
    const own = (await (await h().request('/api/sites', json('POST', { kind: 'station', name: '有记录站', lng: P[0], lat: P[1], townshipCode: '510812100', openingHours: HOURS, contact: '张三' }))).json()).properties;
    const other = (await (await h().request('/api/sites', json('POST', { kind: 'station', name: '同乡镇站', lng: P[0] + 0.01, lat: P[1], townshipCode: '510812100' }))).json()).properties;
    const planner = h().client;
    for (const n of [1, 2, 3, 4]) {
      expect((await planner.api.activities.$post({ json: { date: monthsAgo(n, 10), siteId: own.id, townshipCode: '510812100', title: `集中活动日 ${n}` } })).status).toBe(201);
    }
    expect((await planner.api.activities.$post({ json: { date: monthsAgo(2, 3), siteId: own.id, townshipCode: '510812100', title: '其他活动' } })).status).toBe(201);
    const pub = await (await h().anonymous.api.public.sites.$get()).json();
    const mine = pub.features.find((f) => f.id === own.id)!.properties;
    expect(mine).toMatchObject({ openingHours: HOURS, activityDays: { scope: 'site', dayOfMonth: 10, monthsWithDay: 4, monthsWithActivity: 4, next: null, last: monthsAgo(1, 10) } });
    expect(mine).not.toHaveProperty('contact');
    const theirs = pub.features.find((f) => f.id === other.id)!.properties;
    expect(theirs.activityDays).toMatchObject({ scope: 'township', dayOfMonth: 10 });
    expect(theirs.openingHours).toBe('');
    const elsewhere = pub.features.find((f) => f.properties.townshipCode !== '510812100')!.properties;
    expect(elsewhere.activityDays).toBeNull();
  });
});
