/**
 * Every API route × every principal (anonymous, each role, and a logged-in browser on a cross-site page)
 * → the status the route table (api/src/http/route-rules.ts) promises: 2xx, 401 or 403. Generated from the
 * table: a route of the app without a rule, or a rule without a sample request here, fails.
 */
import { beforeAll, afterAll, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_INDICATORS } from '../../api/src/services/evaluation-rules.ts';
import { ROUTE_RULES, type RouteRule } from '../../api/src/http/route-rules.ts';
import { withoutDistrictPrefix } from '../../api/src/http/district.ts';
import { insertSite } from '../../api/src/db/sites-repo.ts';
import { setUserSites } from '../../api/src/db/requests-repo.ts';
import { insertUser, createToken, createSession } from '../../api/src/db/users-repo.ts';
import type { Role } from '../../api/src/auth/roles.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';
import { ensureTestUser, testToken, testUsername, TEST_PASSWORD } from '../helpers/test-auth.ts';

const OWN = '510812100'; // 朝天镇: the township editor's
const OTHER = '510812102'; // another township
const SEAT: Record<string, [number, number]> = { [OWN]: [105.884081, 32.643374], [OTHER]: [105.907423, 32.775374] };
const ROLES: Role[] = ['viewer', 'township_editor', 'dispatcher', 'planner', 'admin'];

type Principal = { name: string; role: Role | null; crossSite?: boolean };
const PRINCIPALS: Principal[] = [
  { name: 'anonymous', role: null }, ...ROLES.map((role) => ({ name: role, role })),
  { name: 'cross-site page (planner cookie)', role: 'planner', crossSite: true },
];

interface SampleCtx { h: ApiHarness; township: string; userId: string | null }
type Sample = (s: SampleCtx) => Promise<{ path: string; init?: RequestInit }>;

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const form = (fields: Record<string, string>, file: string, name: string): RequestInit => {
  const fd = new FormData();
  fd.append('file', new Blob([file]), name);
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return { method: 'POST', body: fd };
};
const site = async (s: SampleCtx) =>
  (await insertSite(s.h.db.sql, '510812', { kind: 'point', name: 'matrix site', townshipCode: s.township, lng: SEAT[s.township][0] + 0.001, lat: SEAT[s.township][1] })).properties.id;
let seq = 0;
const scenario = async (s: SampleCtx) => {
  const [lng, lat] = SEAT[OWN];
  const r = await s.h.request('/api/scenarios', json('POST', { name: `m${++seq}`, sites: [{ kind: 'point', name: 'p', lng: lng + 0.002, lat }] }));
  return ((await r.json()) as { id: string }).id;
};
const deletedSite = async (s: SampleCtx) => {
  const id = await site(s);
  await s.h.request(`/api/sites/${id}`, { method: 'DELETE' });
  return id;
};
const tinyCsv = (header: string, row: string) => `${header}\n${row}\n`;
const activity = async (s: SampleCtx) => {
  const r = await s.h.request('/api/activities', json('POST', { date: '2023-03-10', townshipCode: s.township, title: 'matrix' }));
  return ((await r.json()) as { id: string }).id;
};

let phone = 0;
/** A resident's request at the township seat, moved on by a planner through `steps` (e.g. dispatch, accept). */
const serviceRequest = async (s: SampleCtx, ...steps: string[]) => {
  const [lng, lat] = SEAT[OWN];
  const r = await s.h.app.request('/api/requests', json('POST', { service: 'legal', description: '矩阵', name: '矩阵', phone: `1390000${String(++phone).padStart(4, '0')}`, lng, lat }));
  const created = (await r.json()) as { id: string; trackingCode: string };
  for (const step of steps) await s.h.request(`/api/requests/${created.id}/${step}`, json('POST', {}));
  return created;
};

/** One request per rule that succeeds (2xx) for a principal the rule allows. */
const SAMPLES: Record<string, Sample> = {
  'GET /api/health': async () => ({ path: '/api/health' }),
  'GET /api/boundary': async () => ({ path: '/api/boundary' }),
  'GET /api/townships': async () => ({ path: '/api/townships' }),
  'GET /api/villages': async () => ({ path: `/api/villages?township=${OWN}` }),
  'GET /api/nearest': async () => ({ path: `/api/nearest?lng=${SEAT[OWN][0]}&lat=${SEAT[OWN][1]}` }),
  'GET /api/isochrones': async (s) => ({ path: `/api/isochrones?site=${await site(s)}&minutes=5` }),
  'GET /api/public/sites': async () => ({ path: '/api/public/sites' }),
  'GET /api/openapi.json': async () => ({ path: '/api/openapi.json' }),
  'GET /api/districts': async () => ({ path: '/api/districts' }),
  'GET /api/city/overview': async () => ({ path: '/api/city/overview' }),
  'GET /api/session': async () => ({ path: '/api/session' }),
  'POST /api/session': async (s) => {
    await ensureTestUser(s.h.db.sql, 'viewer');
    return { path: '/api/session', init: json('POST', { username: testUsername('viewer'), password: TEST_PASSWORD }) };
  },
  'DELETE /api/session': async () => ({ path: '/api/session', init: { method: 'DELETE' } }),
  'POST /api/session/password': async () => ({ path: '/api/session/password', init: json('POST', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }) }),
  'GET /api/sources': async () => ({ path: '/api/sources' }),
  'GET /api/sites': async () => ({ path: '/api/sites' }),
  'GET /api/sites/:id': async (s) => ({ path: `/api/sites/${await site(s)}` }),
  'GET /api/coverage': async () => ({ path: '/api/coverage' }),
  'GET /api/demand': async () => ({ path: '/api/demand' }),
  'GET /api/township-areas': async () => ({ path: '/api/township-areas' }),
  'GET /api/scenarios': async () => ({ path: '/api/scenarios' }),
  'GET /api/scenarios/:id': async (s) => ({ path: `/api/scenarios/${await scenario(s)}` }),
  'GET /api/scenarios/:id/compare': async (s) => ({ path: `/api/scenarios/${await scenario(s)}/compare` }),
  'GET /api/export/sites.geojson': async () => ({ path: '/api/export/sites.geojson' }),
  'GET /api/export/sites.csv': async () => ({ path: '/api/export/sites.csv' }),
  'GET /api/export/sites.xlsx': async () => ({ path: '/api/export/sites.xlsx' }),
  'GET /api/export/townships.csv': async () => ({ path: '/api/export/townships.csv' }),
  'GET /api/export/townships.xlsx': async () => ({ path: '/api/export/townships.xlsx' }),
  'GET /api/export/townships.geojson': async () => ({ path: '/api/export/townships.geojson' }),
  'GET /api/export/gaps.geojson': async () => ({ path: '/api/export/gaps.geojson' }),
  'GET /api/export/gaps.csv': async () => ({ path: '/api/export/gaps.csv' }),
  'GET /api/export/gaps.xlsx': async () => ({ path: '/api/export/gaps.xlsx' }),
  'POST /api/sites': async (s) => ({ path: '/api/sites', init: json('POST', { kind: 'point', name: 'matrix new', townshipCode: s.township }) }),
  'PATCH /api/sites/:id': async (s) => ({ path: `/api/sites/${await site(s)}`, init: json('PATCH', { name: 'matrix renamed' }) }),
  'DELETE /api/sites/:id': async (s) => ({ path: `/api/sites/${await site(s)}`, init: { method: 'DELETE' } }),
  'POST /api/sites/:id/restore': async (s) => ({ path: `/api/sites/${await deletedSite(s)}/restore`, init: { method: 'POST' } }),
  'POST /api/plan': async () => ({ path: '/api/plan', init: json('POST', { k: 1, minutes: 5 }) }),
  'POST /api/scenarios': async () => ({ path: '/api/scenarios', init: json('POST', { name: 'matrix', sites: [{ kind: 'point', name: 'p', lng: SEAT[OWN][0], lat: SEAT[OWN][1] + 0.002 }] }) }),
  'PATCH /api/scenarios/:id': async (s) => ({ path: `/api/scenarios/${await scenario(s)}`, init: json('PATCH', { name: 'renamed' }) }),
  'DELETE /api/scenarios/:id': async (s) => ({ path: `/api/scenarios/${await scenario(s)}`, init: { method: 'DELETE' } }),
  'POST /api/scenarios/:id/accept': async (s) => ({ path: `/api/scenarios/${await scenario(s)}/accept`, init: json('POST', {}) }),
  'POST /api/scenarios/:id/unaccept': async (s) => {
    const id = await scenario(s);
    const r = await s.h.request(`/api/scenarios/${id}/accept`, json('POST', {}));
    const proposal = ((await r.json()) as { scenario: { sites: { id: string }[] } }).scenario.sites[0].id;
    return { path: `/api/scenarios/${id}/unaccept`, init: json('POST', { siteId: proposal }) };
  },
  'POST /api/import/sites': async () => ({ path: '/api/import/sites', init: form({ crs: 'wgs84', mode: 'preview' }, tinyCsv('名称,类型,经度,纬度', `矩阵站,point,${SEAT[OWN][0]},${SEAT[OWN][1]}`), 's.csv') }),
  'POST /api/import/townships': async () => ({
    path: '/api/import/townships',
    init: form({ crs: 'wgs84', mode: 'preview', licence: 'test' }, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 乡镇代码: OWN }, geometry: { type: 'Polygon', coordinates: [[[105.87, 32.63], [105.89, 32.63], [105.89, 32.65], [105.87, 32.65], [105.87, 32.63]]] } }] }), 't.geojson'),
  }),
  'POST /api/import/villages': async () => ({ path: '/api/import/villages', init: form({ crs: 'wgs84', mode: 'preview', licence: 'test' }, tinyCsv('乡镇,村,经度,纬度', `朝天镇,x,${SEAT[OWN][0]},${SEAT[OWN][1]}`), 'v.csv') }),
  'POST /api/import/population': async () => ({ path: '/api/import/population', init: form({ crs: 'wgs84', mode: 'preview', licence: 'test' }, tinyCsv('lng,lat,population', `${SEAT[OWN][0]},${SEAT[OWN][1]},10`), 'p.csv') }),
  'GET /api/audit': async () => ({ path: '/api/audit' }),
  'GET /api/audit/export.csv': async () => ({ path: '/api/audit/export.csv' }),
  'GET /api/audit/export.xlsx': async () => ({ path: '/api/audit/export.xlsx' }),
  'GET /api/users': async () => ({ path: '/api/users' }),
  'POST /api/users': async () => ({ path: '/api/users', init: json('POST', { username: `matrix-${++seq}`, password: 'a-long-password', role: 'viewer' }) }),
  'PATCH /api/users/:id': async (s) => {
    const u = await insertUser(s.h.db.sql, { username: `matrix-${++seq}`, passwordHash: 'x', role: 'viewer' });
    return { path: `/api/users/${u.id}`, init: json('PATCH', { role: 'planner' }) };
  },
  'DELETE /api/users/:id': async (s) => {
    const u = await insertUser(s.h.db.sql, { username: `matrix-${++seq}`, passwordHash: 'x', role: 'viewer' });
    return { path: `/api/users/${u.id}`, init: { method: 'DELETE' } };
  },
  'GET /api/tokens': async () => ({ path: '/api/tokens' }),
  'POST /api/tokens': async () => ({ path: '/api/tokens', init: json('POST', { name: 'matrix' }) }),
  'DELETE /api/tokens/:id': async (s) => {
    const owner = s.userId ?? (await ensureTestUser(s.h.db.sql, 'viewer')).id;
    return { path: `/api/tokens/${(await createToken(s.h.db.sql, { userId: owner, name: 'matrix', role: 'viewer' })).id}`, init: { method: 'DELETE' } };
  },
  'GET /api/settings': async () => ({ path: '/api/settings' }),
  'PATCH /api/settings': async () => ({ path: '/api/settings', init: json('PATCH', { publicPlannerViews: false }) }),
  'GET /api/basemaps': async () => ({ path: '/api/basemaps' }),
  'GET /api/basemaps/rivers': async () => ({ path: '/api/basemaps/rivers' }),
  'GET /api/basemaps/local.pmtiles': async () => ({ path: '/api/basemaps/local.pmtiles', init: { headers: { range: 'bytes=0-15' } } }),
  'HEAD /api/basemaps/local.pmtiles': async () => ({ path: '/api/basemaps/local.pmtiles', init: { method: 'HEAD' } }),
  'PATCH /api/villages/:code': async (s) => {
    const [v] = await s.h.db.sql`SELECT code FROM villages WHERE township_code = ${s.township} ORDER BY code LIMIT 1`;
    return { path: `/api/villages/${v.code}`, init: json('PATCH', { lng: SEAT[s.township][0] + 0.003, lat: SEAT[s.township][1] }) };
  },
  'GET /api/volunteers': async () => ({ path: '/api/volunteers' }),
  'GET /api/teams': async () => ({ path: '/api/teams' }),
  'GET /api/activities': async () => ({ path: '/api/activities' }),
  'GET /api/activities/summary': async () => ({ path: '/api/activities/summary?year=2023' }),
  'GET /api/evaluation': async () => ({ path: '/api/evaluation?year=2023' }),
  'GET /api/field-checks': async () => ({ path: '/api/field-checks' }),
  'GET /api/import/volunteers/template.xlsx': async () => ({ path: '/api/import/volunteers/template.xlsx' }),
  'GET /api/import/teams/template.xlsx': async () => ({ path: '/api/import/teams/template.xlsx' }),
  'GET /api/import/activities/template.xlsx': async () => ({ path: '/api/import/activities/template.xlsx' }),
  'POST /api/import/volunteers': async () => ({ path: '/api/import/volunteers', init: form({ mode: 'preview' }, tinyCsv('乡镇,村（社区）,日期,注册志愿者（群众）,干部总数,已注册干部,参与活动干部,参与活动群众', '朝天镇,,2023-06-30,100,10,10,8,50'), 'v.csv') }),
  'POST /api/import/teams': async () => ({ path: '/api/import/teams', init: form({ mode: 'preview' }, tinyCsv('名称,类型,乡镇', '朝天镇志愿服务大队,大队,朝天镇'), 't.csv') }),
  'POST /api/import/activities': async () => ({ path: '/api/import/activities', init: form({ mode: 'preview' }, tinyCsv('日期,乡镇,项目,参与人数,活动名称', '2023-03-10,朝天镇,朝天说,45,宣讲'), 'a.csv') }),
  'POST /api/activities': async (s) => ({ path: '/api/activities', init: json('POST', { date: '2023-03-10', townshipCode: s.township, title: 'matrix activity' }) }),
  'PATCH /api/activities/:id': async (s) => ({ path: `/api/activities/${await activity(s)}`, init: json('PATCH', { title: 'renamed' }) }),
  'DELETE /api/activities/:id': async (s) => ({ path: `/api/activities/${await activity(s)}`, init: { method: 'DELETE' } }),
  'POST /api/field-checks': async (s) => ({ path: '/api/field-checks', init: json('POST', { townshipCode: s.township, date: '2023-05-01', inspector: '检查组' }) }),
  'PUT /api/evaluation/rules': async () => ({
    path: '/api/evaluation/rules?year=2023',
    init: json('PUT', { indicators: DEFAULT_INDICATORS.map((i) => ({ id: i.id, weight: i.weight })) }),
  }),
  'GET /api/reports/townships/:file': async () => ({ path: `/api/reports/townships/${OWN}.html` }),
  'GET /api/reports/:file': async () => ({ path: '/api/reports/district.html' }),
  'POST /api/requests': async () => ({ path: '/api/requests', init: json('POST', { service: 'health', description: '量血压', name: '李四', phone: `1370000${String(++phone).padStart(4, '0')}`, lng: SEAT[OWN][0], lat: SEAT[OWN][1] }) }),
  'GET /api/requests/track/:trackingCode': async (s) => ({ path: `/api/requests/track/${(await serviceRequest(s)).trackingCode}` }),
  'POST /api/requests/track/:trackingCode/rating': async (s) => ({ path: `/api/requests/track/${(await serviceRequest(s, 'dispatch', 'accept', 'done')).trackingCode}/rating`, init: json('POST', { stars: 4 }) }),
  'GET /api/requests': async () => ({ path: '/api/requests?status=submitted' }),
  'GET /api/requests/map': async () => ({ path: '/api/requests/map' }),
  'GET /api/requests/stats': async () => ({ path: '/api/requests/stats' }),
  'GET /api/requests/export.csv': async () => ({ path: '/api/requests/export.csv' }),
  'GET /api/requests/export.xlsx': async () => ({ path: '/api/requests/export.xlsx?status=submitted' }),
  'POST /api/requests/:id/dispatch': async (s) => ({ path: `/api/requests/${(await serviceRequest(s)).id}/dispatch`, init: json('POST', {}) }),
  'POST /api/requests/:id/accept': async (s) => ({ path: `/api/requests/${(await serviceRequest(s, 'dispatch')).id}/accept`, init: json('POST', {}) }),
  'POST /api/requests/:id/decline': async (s) => ({ path: `/api/requests/${(await serviceRequest(s, 'dispatch')).id}/decline`, init: json('POST', { reason: '矩阵' }) }),
  'POST /api/requests/:id/done': async (s) => ({ path: `/api/requests/${(await serviceRequest(s, 'dispatch', 'accept')).id}/done`, init: json('POST', { note: '矩阵' }) }),
  'POST /api/requests/:id/pass-up': async (s) => ({ path: `/api/requests/${(await serviceRequest(s)).id}/pass-up`, init: json('POST', { reason: '矩阵' }) }),
  'POST /api/requests/:id/cancel': async (s) => ({ path: `/api/requests/${(await serviceRequest(s)).id}/cancel`, init: json('POST', {}) }),
  'PUT /api/users/:id/sites': async (s) => {
    const u = await insertUser(s.h.db.sql, { username: `matrix-${++seq}`, passwordHash: 'x', role: 'dispatcher' });
    return { path: `/api/users/${u.id}/sites`, init: json('PUT', { siteIds: [] }) };
  },
};

/** The status class a rule promises a principal. */
function expected(rule: RouteRule, method: string, p: Principal): '2xx' | 401 | 403 {
  if (p.crossSite && method !== 'GET' && method !== 'HEAD') return 403;
  if (rule.allow === 'public') return '2xx';
  if (!p.role) return 401;
  if (rule.allow === 'read' || rule.allow === 'account') return '2xx';
  return rule.allow.includes(p.role) ? '2xx' : 403;
}

const appRouteKeys = (h: ApiHarness) => [...new Set(h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();
/** The same request under the district prefix (`/api/sites` → `/api/d/510812/sites`). */
const prefixed = (path: string) => path.replace(/^\/api\//, '/api/d/510812/');

describeApi('role matrix', (h) => {
  /** Headers and user id for a principal: a bearer token per role; a session cookie + foreign Origin for the cross-site page. */
  const auth = new Map<string, { headers: Record<string, string>; userId: string | null }>();
  // Every test has a fresh database: tokens and sessions of the last one are gone.
  beforeEach(() => auth.clear());
  // A tiny local tiles file, so the PMTiles route has something to serve (its bytes are not read as PMTiles here).
  let pmtilesBefore: string | undefined;
  beforeAll(() => {
    pmtilesBefore = process.env.BASEMAP_PMTILES;
    const file = join(mkdtempSync(join(tmpdir(), 'matrix-')), 'local.pmtiles');
    writeFileSync(file, new Uint8Array(64));
    process.env.BASEMAP_PMTILES = file;
  });
  afterAll(() => {
    if (pmtilesBefore === undefined) delete process.env.BASEMAP_PMTILES;
    else process.env.BASEMAP_PMTILES = pmtilesBefore;
  });
  async function as(p: Principal) {
    if (!auth.has(p.name)) {
      const sql = h().db.sql;
      if (!p.role) auth.set(p.name, { headers: {}, userId: null });
      else if (p.crossSite) {
        const u = await insertUser(sql, { username: 'matrix-cross-site', passwordHash: 'x', role: 'planner' });
        const s = await createSession(sql, u.id);
        auth.set(p.name, { headers: { cookie: `planner_session=${s.secret}`, 'x-csrf-token': s.csrfToken, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, userId: u.id });
      } else {
        const townships = p.role === 'township_editor' ? [OWN] : [];
        const user = await ensureTestUser(sql, p.role, townships);
        // The dispatcher works for every site of its own township (where the samples' requests are routed).
        if (p.role === 'dispatcher') await setUserSites(sql, user.id, (await sql`SELECT id FROM sites WHERE township_code = ${OWN}`).map((r) => String(r.id)));
        auth.set(p.name, { headers: { authorization: `Bearer ${await testToken(sql, p.role, townships)}` }, userId: user.id });
      }
    }
    return auth.get(p.name)!;
  }
  async function call(key: string, p: Principal, township = OWN, withPrefix = false) {
    const a = await as(p);
    const sample = await SAMPLES[key]({ h: h(), township, userId: a.userId });
    const { init } = sample;
    const path = withPrefix ? prefixed(sample.path) : sample.path;
    const headers = new Headers(init?.headers);
    for (const [k, v] of Object.entries(a.headers)) headers.set(k, v);
    const res = await h().app.request(path, { ...init, headers });
    return { status: res.status, body: await res.text() };
  }

  it('every route of the app has a rule, and every rule a route; district routes also answer under /api/d/:district, global ones not', () => {
    const all = appRouteKeys(h());
    const keys = [...new Set(all.map((k) => { const [m, p] = k.split(' '); return `${m} ${withoutDistrictPrefix(p)}`; }))];
    expect(keys.filter((k) => !ROUTE_RULES[k])).toEqual([]);
    expect(Object.keys(ROUTE_RULES).filter((k) => !keys.includes(k))).toEqual([]);
    const underPrefix = (k: string) => all.includes(k.replace(' /api/', ' /api/d/:district/'));
    expect(Object.entries(ROUTE_RULES).filter(([k, r]) => !r.global && !underPrefix(k)).map(([k]) => k)).toEqual([]);
    expect(Object.entries(ROUTE_RULES).filter(([k, r]) => r.global && underPrefix(k)).map(([k]) => k)).toEqual([]);
  });

  it('every rule has a sample request in this test, and township editors get in only with a township check', () => {
    expect(Object.keys(ROUTE_RULES).filter((k) => !SAMPLES[k])).toEqual([]);
    const unchecked = Object.entries(ROUTE_RULES).filter(([, r]) => Array.isArray(r.allow) && r.allow.includes('township_editor') && !r.townships);
    expect(unchecked.map(([k]) => k)).toEqual([]);
  });

  // Reads first, so the coverage cache is not invalidated by the writes between them.
  const keys = Object.keys(ROUTE_RULES).sort((a, b) => Number(!a.startsWith('GET')) - Number(!b.startsWith('GET')));
  for (const key of keys) {
    it(key, async () => {
      const rule = ROUTE_RULES[key];
      const method = key.split(' ')[0];
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const p of PRINCIPALS) {
        const { status, body } = await call(key, p);
        const e = expected(rule, method, p);
        const ok = e === '2xx' ? status >= 200 && status < 300 : status === e;
        got[p.name] = ok ? String(e) : `${status} ${body.slice(0, 160)}`;
        want[p.name] = String(e);
        if (status === 401 || status === 403) expect(JSON.parse(body).error.code).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      }
      if (rule.townships) {
        const { status } = await call(key, { name: 'township_editor', role: 'township_editor' }, OTHER);
        got['township_editor, other township'] = String(status);
        want['township_editor, other township'] = '403';
      }
      // The same rule under the district prefix (/api/d/510812/…, the principals' own district).
      if (!rule.global) {
        for (const p of [PRINCIPALS[0], PRINCIPALS.find((x) => x.role === 'viewer')!, PRINCIPALS.find((x) => x.role === 'planner' && !x.crossSite)!]) {
          const { status, body } = await call(key, p, OWN, true);
          const e = expected(rule, method, p);
          got[`${p.name} under /api/d/510812`] = (e === '2xx' ? status >= 200 && status < 300 : status === e) ? String(e) : `${status} ${body.slice(0, 160)}`;
          want[`${p.name} under /api/d/510812`] = String(e);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('a dispatcher is scoped to its own sites: others\' requests are neither listed nor handled', async () => {
    const sql = h().db.sql;
    const user = await ensureTestUser(sql, 'dispatcher');
    await setUserSites(sql, user.id, (await sql`SELECT id FROM sites WHERE township_code = ${OTHER}`).map((r) => String(r.id)));
    const headers = { authorization: `Bearer ${await testToken(sql, 'dispatcher')}` };
    const s = { h: h(), township: OWN, userId: user.id };
    const mine = await serviceRequest(s);
    const listed = (await (await h().app.request('/api/requests', { headers })).json()) as { requests: { id: string }[] };
    expect(listed.requests.map((r) => r.id)).not.toContain(mine.id);
    for (const step of ['dispatch', 'pass-up', 'cancel']) {
      const res = await h().app.request(`/api/requests/${mine.id}/${step}`, { ...json('POST', step === 'pass-up' ? { reason: '不是我的' } : {}), headers: { ...headers, 'content-type': 'application/json' } });
      expect([step, res.status]).toEqual([step, 404]); // not theirs: answered as if absent
    }
    // Given the request's site, the same dispatcher handles it.
    const [row] = await sql`SELECT site_id FROM service_requests WHERE id = ${mine.id}`;
    await setUserSites(sql, user.id, [String(row.site_id)]);
    const ok = await h().app.request(`/api/requests/${mine.id}/dispatch`, { ...json('POST', {}), headers: { ...headers, 'content-type': 'application/json' } });
    expect(ok.status).toBe(200);
  });

  it('a route without a rule is refused at run time', async () => {
    const { authMiddleware } = await import('../../api/src/http/auth.ts');
    const { Hono } = await import('hono');
    const { onError } = await import('../../api/src/http/errors.ts');
    const { createPrincipalCache } = await import('../../api/src/auth/principal-cache.ts');
    const app = new Hono<any>();
    app.use('*', async (c, next) => { c.set('deps', { db: h().db, principals: createPrincipalCache() }); await next(); });
    app.use('*', authMiddleware({}));
    app.onError(onError);
    app.get('/api/unruled', (c) => c.json({ leaked: true }));
    const res = await app.request('/api/unruled', { headers: (await as(PRINCIPALS.find((p) => p.name === 'admin')!)).headers });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'No access rule for GET /api/unruled' } });
  });
});
