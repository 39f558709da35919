import { distance } from '@turf/distance';
import { expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { testToken } from '../helpers/test-auth.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const km = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) => distance([a.lng, a.lat], [b.lng, b.lat], { units: 'kilometers' });

/** An app whose abuse limits let one test submit a cluster of requests from one address. */
const appOf = (h: ApiHarness) => createApp({ db: h.db, requestConfig: { perClientPerDay: 1000, perPhonePerDay: 1000, perSitePerDay: 1000 } });

async function plan(app: ReturnType<typeof createApp>, body: Record<string, unknown>, h: ApiHarness) {
  const res = await app.request('/api/plan', { ...post(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(h.db.sql, 'planner')}` } });
  const out = { status: res.status, body: (await res.json()) as any };
  return out;
}

/** A place outside every circle, far (> 8 km) from where the residents-only plan puts its first site. */
async function farGap(h: ApiHarness, from: { lng: number; lat: number }) {
  const cov = (await (await h.request('/api/coverage')).json()) as any;
  const gaps = cov.gaps.features.map((f: any) => ({ lng: f.properties.centerLng, lat: f.properties.centerLat, population: f.properties.population }))
    .filter((g: { lng: number; lat: number }) => km(g, from) > 8);
  expect(gaps.length).toBeGreaterThan(0);
  return gaps.at(-1) as { lng: number; lat: number }; // the least populated: residents alone never put the first site there
}

async function submitCluster(app: ReturnType<typeof createApp>, at: { lng: number; lat: number }, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await app.request('/api/requests', post({
      service: 'health', description: '需要健康讲座', name: '李四', phone: `1390000${String(i).padStart(4, '0')}`,
      lng: at.lng + (i % 3) * 0.0008, lat: at.lat + Math.floor(i / 3) * 0.0008,
    }));
    expect(res.status).toBe(201);
  }
}

describeApi('plan with observed requests', (h) => {
  it('requests clustered far from any site pull the next site there; residents alone put it elsewhere', async () => {
    const app = appOf(h());
    const residents = await plan(app, { k: 1 }, h());
    expect(residents.status).toBe(200);
    expect(residents.body.demandMethod).toEqual({ kind: 'population', share: 0, label: 'residents' });
    const first = residents.body.proposed[0];
    const cluster = await farGap(h(), first);
    await submitCluster(app, cluster, 9);

    const observed = await plan(app, { k: 1, demand: 'requests' }, h());
    expect(observed.status).toBe(200);
    expect(km(observed.body.proposed[0], cluster)).toBeLessThan(1);
    expect(km(residents.body.proposed[0], cluster)).toBeGreaterThan(8);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect(observed.body.demandMethod).toMatchObject({ kind: 'requests', share: 1, requests: 9, villageOnly: 0, from: today, to: today, requestsCoveredBefore: 0, requestsCoveredAfter: 9 });
    expect(observed.body.demandMethod.label).toMatch(/^observed requests, 9 requests from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    expect(observed.body.optimality.note).toMatch(/requests/);
    // Request points carry no residents: the population figures are those of the residents-only plan.
    expect(observed.body.before).toEqual(residents.body.before);

    // Blended, the requests hold 60% of the weight: the cluster still wins the first site.
    const blend = await plan(app, { k: 1, demand: 'blend', requestsShare: 0.6 }, h());
    expect(km(blend.body.proposed[0], cluster)).toBeLessThan(1);
    expect(blend.body.demandMethod.label).toMatch(/blended with residents \(60% of the weight from requests/);
    // A blend with no weight on requests is the residents' plan.
    const none = await plan(app, { k: 1, demand: 'blend', requestsShare: 0 }, h());
    expect([none.body.proposed[0].lng, none.body.proposed[0].lat]).toEqual([first.lng, first.lat]);
  }, 120_000);

  it('a period without requests is a clear 422 with a stable code; a reversed period is 400', async () => {
    const app = appOf(h());
    const empty = await plan(app, { k: 1, demand: 'requests', requestsFrom: '2020-01-01', requestsTo: '2020-01-31' }, h());
    expect(empty.status).toBe(422);
    expect(empty.body.error.issues[0].code).toBe('no_requests');
    const reversed = await plan(app, { k: 1, demand: 'requests', requestsFrom: '2024-02-01', requestsTo: '2024-01-01' }, h());
    expect(reversed.status).toBe(400);
  });
});
