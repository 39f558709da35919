import { expect, it } from 'vitest';
import { insertSite } from '../../api/src/db/sites-repo.ts';
import { setUserSites } from '../../api/src/db/requests-repo.ts';
import { createApp } from '../../api/src/app.ts';
import { ensureTestUser, testToken } from '../helpers/test-auth.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';

const SEAT = [105.884081, 32.643374] as const; // 朝天镇
const OWN = '510812100';
const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

async function sites(h: ApiHarness) {
  const sql = h.db.sql;
  await sql`DELETE FROM sites`; // hand-made cases: only the four sites below (the inserts bump the data version)
  const [village] = await sql`SELECT code FROM villages WHERE township_code = ${OWN} ORDER BY code LIMIT 1`;
  const a = await insertSite(sql, '510812', { kind: 'station', name: '甲站', townshipCode: OWN, villageCode: village.code, lng: SEAT[0] + 0.003, lat: SEAT[1] });
  const b = await insertSite(sql, '510812', { kind: 'station', name: '乙站', townshipCode: OWN, lng: SEAT[0] - 0.006, lat: SEAT[1] });
  const i = await insertSite(sql, '510812', { kind: 'institute', name: '朝天镇所', townshipCode: OWN, lng: SEAT[0] + 0.02, lat: SEAT[1] });
  const c = await insertSite(sql, '510812', { kind: 'center', name: '区中心', townshipCode: OWN, lng: SEAT[0] + 0.03, lat: SEAT[1] + 0.01 });
  return { a: a.properties.id, b: b.properties.id, i: i.properties.id, c: c.properties.id, village: String(village.code) };
}

let phoneSeq = 0;
const resident = (over: Record<string, unknown> = {}) => ({
  service: 'legal', description: '邻里纠纷需要法律咨询', name: '张三丰', phone: `1380000${String(++phoneSeq).padStart(4, '0')}`, ...over,
});

async function submit(h: ApiHarness, body: Record<string, unknown>) {
  const res = await h.app.request('/api/requests', json('POST', body));
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

async function dispatcher(h: ApiHarness, siteIds: string[]) {
  const u = await ensureTestUser(h.db.sql, 'dispatcher');
  await setUserSites(h.db.sql, u.id, siteIds);
  const token = await testToken(h.db.sql, 'dispatcher');
  return (path: string, init?: RequestInit) => h.app.request(path, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` } });
}

describeApi('service requests', (h) => {
  it('routing: inside one circle goes to that station', async () => {
    const s = await sites(h());
    const r = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    expect(r.status).toBe(201);
    expect(r.body.outsideCircle).toBe(false);
    expect(r.body.proposedSites.map((p: any) => p.siteId)).toEqual([s.a]);
    expect(r.body.trackingCode).toMatch(/^[A-Z0-9]{10}$/);
  });

  it('routing: inside two circles proposes both, nearest first', async () => {
    const s = await sites(h());
    const r = await submit(h(), resident({ lng: SEAT[0] - 0.0012, lat: SEAT[1] }));
    expect(r.body.proposedSites.map((p: any) => p.siteId)).toEqual([s.a, s.b]);
    expect(r.body.proposedSites[0].minutes).toBeLessThan(r.body.proposedSites[1].minutes);
  });

  it('routing: outside every circle goes to the township institute, flagged', async () => {
    const s = await sites(h());
    const r = await submit(h(), resident({ lng: SEAT[0] - 0.03, lat: SEAT[1] + 0.03 }));
    expect(r.body.outsideCircle).toBe(true);
    expect(r.body.proposedSites.map((p: any) => p.siteId)).toEqual([s.i]);
  });

  it('routing: a village alone gives no verdict and goes to the village station', async () => {
    const s = await sites(h());
    const r = await submit(h(), resident({ villageCode: s.village }));
    expect(r.status).toBe(201);
    expect(r.body.outsideCircle).toBeNull();
    expect(r.body.approximate).toBe(true);
    expect(r.body.proposedSites).toEqual([{ siteId: s.a, name: '甲站', minutes: null }]);
  });

  it('the full loop: submit, dispatch to a team, accept, done, rate; each step audited', async () => {
    const s = await sites(h());
    const sub = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    const as = await dispatcher(h(), [s.a]);
    const inbox = (await (await as('/api/requests')).json()) as any;
    expect(inbox.requests.map((r: any) => r.id)).toEqual([sub.body.id]);
    expect(inbox.requests[0].phone).toMatch(/^1380000/);
    const d = await as(`/api/requests/${sub.body.id}/dispatch`, json('POST', { teamId: 'detachment-05' }));
    expect(d.status).toBe(200);
    expect(((await d.json()) as any).teamName).toBe('法律服务志愿服务支队');
    expect((await as(`/api/requests/${sub.body.id}/accept`, json('POST', {}))).status).toBe(200);
    expect((await as(`/api/requests/${sub.body.id}/done`, json('POST', { note: '已上门解答' }))).status).toBe(200);
    const rate = await h().app.request(`/api/requests/track/${sub.body.trackingCode}/rating`, json('POST', { stars: 5, comment: '很及时' }));
    expect(rate.status).toBe(200);
    const track = (await (await h().app.request(`/api/requests/track/${sub.body.trackingCode}`)).json()) as any;
    expect(track).toMatchObject({ status: 'rated', stars: 5, ratingComment: '很及时', siteName: '甲站', note: '已上门解答' });
    const audit = await h().db.sql`SELECT action FROM audit_log WHERE entity = 'request' AND entity_id = ${sub.body.id} ORDER BY id`;
    expect(audit.map((a) => a.action)).toEqual(['request.submit', 'request.dispatch', 'request.accept', 'request.done', 'request.rate']);
  });

  it('an illegal transition answers 409 conflict in the JSON error shape', async () => {
    await sites(h());
    const sub = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    const res = await h().request(`/api/requests/${sub.body.id}/done`, json('POST', { note: 'x' }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.code).toBe('conflict');
    const rate = await h().app.request(`/api/requests/track/${sub.body.trackingCode}/rating`, json('POST', { stars: 3 }));
    expect(rate.status).toBe(409);
  });

  it('two accepts at once: exactly one wins', async () => {
    await sites(h());
    const sub = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    await h().request(`/api/requests/${sub.body.id}/dispatch`, json('POST', {}));
    const results = await Promise.all(Array.from({ length: 6 }, () => h().request(`/api/requests/${sub.body.id}/accept`, json('POST', {}))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const audit = await h().db.sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.accept' AND entity_id = ${sub.body.id}`;
    expect(audit[0].n).toBe(1);
  });

  it('a dispatcher sees and handles only its own sites', async () => {
    const s = await sites(h());
    const sub = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    const other = await dispatcher(h(), [s.b]);
    expect(((await (await other('/api/requests')).json()) as any).requests).toEqual([]);
    expect((await other(`/api/requests/${sub.body.id}/dispatch`, json('POST', {}))).status).toBe(404);
    expect((await h().asRole('viewer').api.requests.$get({ query: {} })).status).toBe(403);
  });

  it('pass-up moves a request from the station to the institute, then the centre', async () => {
    const s = await sites(h());
    const sub = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    const up = (await (await h().request(`/api/requests/${sub.body.id}/pass-up`, json('POST', { reason: '需要律师' }))).json()) as any;
    expect([up.status, up.siteId, up.reason]).toEqual(['passed_up', s.i, '需要律师']);
    const up2 = (await (await h().request(`/api/requests/${sub.body.id}/pass-up`, json('POST', { reason: '镇上没有' }))).json()) as any;
    expect(up2.siteId).toBe(s.c);
    expect((await h().request(`/api/requests/${sub.body.id}/pass-up`, json('POST', { reason: 'x' }))).status).toBe(422);
  });

  it('decline with a reason, then re-dispatch; cancel closes it', async () => {
    await sites(h());
    const sub = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    await h().request(`/api/requests/${sub.body.id}/dispatch`, json('POST', { teamId: 'detachment-01' }));
    const dec = (await (await h().request(`/api/requests/${sub.body.id}/decline`, json('POST', { reason: '人手不足' }))).json()) as any;
    expect([dec.status, dec.reason]).toEqual(['declined', '人手不足']);
    expect((await h().request(`/api/requests/${sub.body.id}/decline`, json('POST', {}))).status).toBe(400);
    expect(((await (await h().request(`/api/requests/${sub.body.id}/dispatch`, json('POST', {}))).json()) as any).status).toBe('dispatched');
    expect(((await (await h().request(`/api/requests/${sub.body.id}/cancel`, json('POST', {}))).json()) as any).status).toBe('cancelled');
    expect((await h().request(`/api/requests/${sub.body.id}/accept`, json('POST', {}))).status).toBe(409);
  });

  it('due times: overdue once past; expired after the expiry period (audited)', async () => {
    await sites(h());
    const sub = await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    await h().db.sql`UPDATE service_requests SET submitted_at = now() - interval '30 hours', dispatch_due_at = now() - interval '6 hours' WHERE id = ${sub.body.id}`;
    let row = ((await (await h().request('/api/requests')).json()) as any).requests[0];
    expect([row.status, row.overdue]).toEqual(['submitted', true]);
    await h().db.sql`UPDATE service_requests SET submitted_at = now() - interval '8 days' WHERE id = ${sub.body.id}`;
    row = ((await (await h().request('/api/requests')).json()) as any).requests[0];
    expect(row.status).toBe('expired');
    const [a] = await h().db.sql`SELECT username FROM audit_log WHERE action = 'request.expire' AND entity_id = ${sub.body.id}`;
    expect(a.username).toBe('(system)');
  });

  it('privacy: no name or phone in any public answer; erased after the retention period', async () => {
    await sites(h());
    const body = resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1], name: '王小明', phone: '13912345678' });
    const sub = await submit(h(), body);
    const pub = [JSON.stringify(sub.body),
      await (await h().app.request(`/api/requests/track/${sub.body.trackingCode}`)).text(),
      await (await h().app.request('/api/requests/map')).text(),
      await (await h().app.request('/api/requests/stats')).text()];
    for (const text of pub) {
      expect(text).not.toContain('王小明');
      expect(text).not.toContain('13912345678');
      expect(text).not.toContain('5678');
    }
    await h().db.sql`UPDATE service_requests SET submitted_at = now() - interval '181 days' WHERE id = ${sub.body.id}`;
    const row = ((await (await h().request('/api/requests')).json()) as any).requests[0];
    expect([row.contactName, row.phone, row.contactErased]).toEqual([null, null, true]);
    const [stored] = await h().db.sql`SELECT contact_name, phone FROM service_requests WHERE id = ${sub.body.id}`;
    expect(stored).toEqual({ contact_name: null, phone: null });
  });

  it('abuse limits: per address, per phone and per site answer 429 with Retry-After', async () => {
    await sites(h());
    const app = createApp({ db: h().db, requestConfig: { perClientPerDay: 3, perPhonePerDay: 2, perSitePerDay: 100 } });
    const post = async (b: unknown) => app.request('/api/requests', json('POST', b));
    const p = { lng: SEAT[0] + 0.0035, lat: SEAT[1] };
    expect((await post(resident({ ...p, phone: '13700000001' }))).status).toBe(201);
    expect((await post(resident({ ...p, phone: '13700000001' }))).status).toBe(201);
    const phone = await post(resident({ ...p, phone: '137-0000-0001' }));
    expect(phone.status).toBe(429);
    expect(phone.headers.get('retry-after')).toBe('3600');
    expect(((await phone.json()) as any).error).toMatchObject({ code: 'too_many_requests', message: expect.stringContaining('phone') });
    expect((await post(resident({ ...p }))).status).toBe(201);
    expect(((await (await post(resident({ ...p }))).json()) as any).error.message).toContain('address');
    const site = createApp({ db: h().db, requestConfig: { perClientPerDay: 100, perSitePerDay: 3 } });
    const r = await site.request('/api/requests', json('POST', resident(p)));
    expect(((await r.json()) as any).error.message).toContain('site');
  });

  it('length limits and the place are checked', async () => {
    await sites(h());
    expect((await submit(h(), resident({ description: 'x'.repeat(501), lng: SEAT[0], lat: SEAT[1] }))).status).toBe(400);
    expect((await submit(h(), resident({}))).status).toBe(400);
    expect((await submit(h(), resident({ lng: 100, lat: 30 }))).status).toBe(422);
  });

  it('stats per township and month; the map layer counts outside-circle requests', async () => {
    await sites(h());
    await submit(h(), resident({ lng: SEAT[0] + 0.0035, lat: SEAT[1] }));
    await submit(h(), resident({ lng: SEAT[0] - 0.03, lat: SEAT[1] + 0.03 }));
    const stats = (await (await h().request('/api/requests/stats')).json()) as any;
    const own = stats.townships.find((t: any) => t.townshipCode === OWN);
    expect(own).toMatchObject({ requests: 2, done: 0, outsideCircle: 1, averageStars: null });
    const map = (await (await h().request('/api/requests/map')).json()) as any;
    expect([map.total, map.outsideCircle, map.features.length]).toEqual([2, 1, 2]);
  });

  it('an admin gives a dispatcher its sites (audited)', async () => {
    const s = await sites(h());
    const u = await ensureTestUser(h().db.sql, 'dispatcher');
    const res = await h().asRole('admin').api.users[':id'].sites.$put({ param: { id: u.id }, json: { siteIds: [s.a, s.b] } });
    expect(await res.json()).toEqual({ userId: u.id, siteIds: [s.a, s.b].sort() });
    const [row] = await h().db.sql`SELECT district_code FROM user_sites WHERE user_id = ${u.id} AND site_id = ${s.a}`;
    expect(row).toEqual({ district_code: '510812' });
    const unknown = await h().asRole('admin').api.users[':id'].sites.$put({ param: { id: u.id }, json: { siteIds: [s.a, 'no-such-site'] } });
    expect(unknown.status).toBe(422);
    // Nothing half-written: the dispatcher keeps its sites.
    expect((await h().db.sql`SELECT site_id FROM user_sites WHERE user_id = ${u.id} ORDER BY site_id`).map((r) => r.site_id)).toEqual([s.a, s.b].sort());
  });
});
