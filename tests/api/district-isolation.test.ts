/**
 * One server, many districts (issue 14): every district route answers under /api/d/:code/… for any shipped county
 * (loaded on first use), today's routes answer for 朝天区, and no read or write crosses districts without the city
 * scope — sites, villages, imports, scenarios, service requests.
 */
import { expect, it } from 'vitest';
import { insertUser, createToken } from '../../api/src/db/users-repo.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';
import type { Role } from '../../api/src/auth/roles.ts';

const CANGXI = '510824';
const json = (method: string, body: unknown, token: string): RequestInit => ({
  method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
});
const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

let seq = 0;
async function tokenFor(h: ApiHarness, role: Role, district: string): Promise<string> {
  const u = await insertUser(h.db.sql, { username: `iso-${role}-${district}-${++seq}`, passwordHash: 'x', role, district });
  return (await createToken(h.db.sql, { userId: u.id, name: 'iso', role })).token;
}

describeApi('districts are isolated', (h) => {
  it('a county opens under /api/d/:code with its own boundary, townships, villages, sites and modelled demand; unknown codes 404', async () => {
    const planner = await tokenFor(h(), 'planner', CANGXI);
    const boundary = await (await h().app.request(`/api/d/${CANGXI}/boundary`)).json();
    expect(boundary.features[0].properties.code).toBe(CANGXI);
    const { townships } = await (await h().app.request(`/api/d/${CANGXI}/townships`)).json();
    expect(townships.length).toBeGreaterThan(10);
    expect(townships.every((t: { code: string }) => t.code.startsWith(CANGXI))).toBe(true);
    const { villages } = await (await h().app.request(`/api/d/${CANGXI}/villages`)).json();
    expect(villages.length).toBeGreaterThan(100);
    expect(villages.every((v: { code: string; lng: number | null }) => v.code.startsWith(CANGXI) && v.lng === null)).toBe(true);
    const sites = await (await h().app.request(`/api/d/${CANGXI}/sites`, bearer(planner))).json();
    const kinds = new Set(sites.features.map((f: { properties: { kind: string } }) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['center', 'institute', 'station']);
    expect(sites.features.every((f: { properties: { townshipCode: string | null } }) => f.properties.townshipCode === null || f.properties.townshipCode.startsWith(CANGXI))).toBe(true);
    const cov = await (await h().app.request(`/api/d/${CANGXI}/coverage`, bearer(planner))).json();
    expect(cov.demand.modelled).toBe(true);
    expect(cov.townships.map((t: { code: string }) => t.code)).toEqual(townships.map((t: { code: string }) => t.code));
    // 朝天区 stays the default and keeps its own figures.
    const home = (await (await h().app.request('/api/townships')).json()).townships;
    expect(home.every((t: { code: string }) => t.code.startsWith('510812'))).toBe(true);
    for (const bad of ['999999', '510800', 'abc']) {
      const res = await h().app.request(`/api/d/${bad}/townships`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  it('a 朝天区 planner can neither read nor change 苍溪县; a 苍溪县 planner can, and sees nothing of 朝天区', async () => {
    const chaotian = await tokenFor(h(), 'planner', '510812');
    const cangxi = await tokenFor(h(), 'planner', CANGXI);
    const seat = (await (await h().app.request(`/api/d/${CANGXI}/townships`)).json()).townships[0].seat;
    const site = { kind: 'point', name: '苍溪测试点', lng: seat.lng + 0.001, lat: seat.lat };
    // Writes: sites, scenarios, imports, villages.
    expect((await h().app.request(`/api/d/${CANGXI}/sites`, json('POST', site, chaotian))).status).toBe(403);
    const created = await h().app.request(`/api/d/${CANGXI}/sites`, json('POST', site, cangxi));
    expect(created.status).toBe(201);
    const id = (await created.json()).properties.id;
    expect((await h().app.request(`/api/d/${CANGXI}/sites/${id}`, json('PATCH', { name: 'x' }, chaotian))).status).toBe(403);
    expect((await h().app.request(`/api/d/${CANGXI}/scenarios`, json('POST', { name: 's', sites: [site] }, chaotian))).status).toBe(403);
    expect((await h().app.request(`/api/d/${CANGXI}/scenarios`, json('POST', { name: 's', sites: [site] }, cangxi))).status).toBe(201);
    const fd = new FormData();
    fd.append('file', new Blob(['name,kind,lng,lat\nx,point,105.9,31.7\n']), 'x.csv');
    expect((await h().app.request(`/api/d/${CANGXI}/import/sites`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${chaotian}` } })).status).toBe(403);
    const village = (await (await h().app.request(`/api/d/${CANGXI}/villages`)).json()).villages[0];
    expect((await h().app.request(`/api/d/${CANGXI}/villages/${village.code}`, json('PATCH', { lng: seat.lng, lat: seat.lat }, chaotian))).status).toBe(403);
    // Reads of the other county: refused.
    for (const path of ['sites', 'coverage', 'scenarios', 'audit', `sites/${id}`]) {
      const res = await h().app.request(`/api/d/${CANGXI}/${path}`, bearer(chaotian));
      expect(res.status).toBe(403);
      // The refusal carries a stable reason the UI words in its own language.
      expect((await res.json()).error.issues.map((i: { code?: string }) => i.code)).toEqual(['other_district']);
    }
    // 苍溪县's site is not 朝天区's: not listed, not reachable by id, not editable, under the default routes.
    const home = await (await h().app.request('/api/sites', bearer(chaotian))).json();
    expect(home.features.some((f: { properties: { id: string } }) => f.properties.id === id)).toBe(false);
    expect((await h().app.request(`/api/sites/${id}`, bearer(chaotian))).status).toBe(404);
    expect((await h().app.request(`/api/sites/${id}`, json('DELETE', {}, chaotian))).status).toBe(404);
    expect((await (await h().app.request('/api/scenarios', bearer(chaotian))).json()).scenarios.length).toBe(0);
    // And the 苍溪县 planner may not touch 朝天区.
    expect((await h().app.request('/api/sites', bearer(cangxi))).status).toBe(403);
    // The audit rows carry their district.
    const audit = await (await h().app.request(`/api/d/${CANGXI}/audit`, bearer(cangxi))).json();
    expect(audit.entries.some((e: { action: string }) => e.action === 'site.create')).toBe(true);
    const homeAudit = await (await h().app.request('/api/audit', bearer(chaotian))).json();
    expect(homeAudit.entries.some((e: { entityId: string | null }) => e.entityId === id)).toBe(false);
  });

  it('a city account (510800) reads every county and changes none', async () => {
    const city = await tokenFor(h(), 'planner', '510800');
    for (const base of ['/api', `/api/d/${CANGXI}`]) {
      expect((await h().app.request(`${base}/sites`, bearer(city))).status).toBe(200);
      expect((await h().app.request(`${base}/scenarios`, bearer(city))).status).toBe(200);
      const seat = (await (await h().app.request(`${base}/townships`)).json()).townships[0].seat;
      const res = await h().app.request(`${base}/sites`, json('POST', { kind: 'point', name: 'x', lng: seat.lng, lat: seat.lat }, city));
      expect(res.status).toBe(403);
    }
  });

  it('service requests are kept per county: a request in 苍溪县 is routed to 苍溪县 sites and not listed in 朝天区', async () => {
    const seat = (await (await h().app.request(`/api/d/${CANGXI}/townships`)).json()).townships[0].seat;
    const res = await h().app.request(`/api/d/${CANGXI}/requests`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'legal', description: '测试', name: '测试', phone: '13900001111', lng: seat.lng, lat: seat.lat }),
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    const cangxi = await tokenFor(h(), 'planner', CANGXI);
    const chaotian = await tokenFor(h(), 'planner', '510812');
    const there = await (await h().app.request(`/api/d/${CANGXI}/requests`, bearer(cangxi))).json();
    expect(there.requests.map((r: { id: string }) => r.id)).toContain(created.id);
    const here = await (await h().app.request('/api/requests', bearer(chaotian))).json();
    expect(here.requests.map((r: { id: string }) => r.id)).not.toContain(created.id);
    expect((await h().app.request(`/api/requests/${created.id}/dispatch`, json('POST', {}, chaotian))).status).toBe(404);
    expect((await h().app.request(`/api/requests/track/${created.trackingCode}`)).status).toBe(404);
    expect((await h().app.request(`/api/d/${CANGXI}/requests/track/${created.trackingCode}`)).status).toBe(200);
  });
});
