import { distance } from '@turf/distance';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';

describeApi('coverage API', (h) => {
  it('reports straight-line coverage of the modelled demand, labelled modelled, consistent per township', async () => {
    const c = h().client;
    const res = await c.api.coverage.$get({ query: {} });
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.method).toBe('straight-line');
    expect(r.mode).toBe('walk');
    expect(r.minutes).toBe(15);
    expect(r.radiusMeters).toBeCloseTo((4.5 * 1000 / 60) * 15 / 1.3, 0);
    expect(r.demand.modelled).toBe(true);
    expect(r.demand.method).toMatch(/Modelled/);
    expect(r.demand.population).toBe(126506);
    expect(r.totals.population).toBe(126506);
    const sum = (k: 'population' | 'covered') => r.townships.reduce((s, t) => s + t[k], 0) + (k === 'population' ? r.outsideTownships : 0);
    expect(Math.abs(sum('population') - r.totals.population)).toBeLessThanOrEqual(12); // per-row rounding
    expect(Math.abs(sum('covered') - r.totals.covered)).toBeLessThanOrEqual(12);
    expect(r.townships).toHaveLength(12);
    expect(r.townships[0].quota.map((q) => q.kind)).toEqual(expect.arrayContaining(['square', 'base', 'point']));
    const gapPop = r.gaps.features.reduce((s, f) => s + f.properties.population, 0);
    expect(Math.abs(gapPop - r.totals.uncovered)).toBeLessThan(1);
  });

  it('equals an independent Turf count over the demand points it serves', async () => {
    const c = h().client;
    const r = await (await c.api.coverage.$get({ query: { minutes: '10' } })).json();
    const demand = await (await c.api.demand.$get()).json();
    const sites = (await (await c.api.sites.$get({ query: { placed: 'true' } })).json()).features;
    let covered = 0;
    for (const p of demand.features) {
      const near = sites.some((s) => distance(p.geometry.coordinates, s.geometry!.coordinates, { units: 'meters' }) <= r.radiusMeters! + 0.05);
      if (near) covered += p.properties.population;
    }
    expect(Math.abs(covered - r.totals.covered)).toBeLessThan(1);
  });

  it('a new site raises coverage by exactly its unique population, and the cache follows the edit', async () => {
    const c = h().client;
    const before = await (await c.api.coverage.$get({ query: {} })).json();
    // Put the new site on the demand point nearest to a corner of the most populous gap: it is uncovered.
    const gap = before.gaps.features[0];
    const ring = gap.geometry.type === 'Polygon' ? gap.geometry.coordinates[0] : gap.geometry.coordinates[0][0];
    const demand = await (await c.api.demand.$get()).json();
    const [gx, gy] = ring[0];
    const target = demand.features.reduce((best, p) =>
      Math.hypot(p.geometry.coordinates[0] - gx, p.geometry.coordinates[1] - gy) < Math.hypot(best.geometry.coordinates[0] - gx, best.geometry.coordinates[1] - gy) ? p : best);
    const [lng, lat] = target.geometry.coordinates;
    const created = await (await c.api.sites.$post({ json: { kind: 'point', name: '新增实践点', lng, lat } })).json();
    const after = await (await c.api.coverage.$get({ query: {} })).json();
    expect(after.dataVersion).toBeGreaterThan(before.dataVersion);
    const mine = after.sites.find((s) => s.id === created.properties.id)!;
    expect(mine.uniquePopulation).toBeGreaterThan(0);
    expect(Math.abs(after.totals.covered - before.totals.covered - mine.uniquePopulation)).toBeLessThanOrEqual(1);
    await c.api.sites[':id'].$delete({ param: { id: created.properties.id } });
    const again = await (await c.api.coverage.$get({ query: {} })).json();
    expect(again.totals.covered).toBe(before.totals.covered);
  });

  it('tiers, older residents and modes shrink or grow the circle as expected', async () => {
    const c = h().client;
    const get = async (q: Record<string, string>) => (await c.api.coverage.$get({ query: q })).json();
    const [m5, m10, m15, older, bike] = await Promise.all([get({ minutes: '5' }), get({ minutes: '10' }), get({ minutes: '15' }), get({ older: 'true' }), get({ mode: 'bike' })]);
    expect(m5.totals.covered).toBeLessThanOrEqual(m10.totals.covered);
    expect(m10.totals.covered).toBeLessThanOrEqual(m15.totals.covered);
    expect(older.speedKmh).toBe(3);
    expect(older.radiusMeters).toBeCloseTo(50 * 15 / 1.3, 0);
    expect(older.totals.covered).toBeLessThanOrEqual(m15.totals.covered);
    expect(bike.totals.covered).toBeGreaterThanOrEqual(m15.totals.covered);
  });

  it('network without a road graph is a clear 422; bad parameters are 400', async () => {
    const c = h().client;
    const res = await c.api.coverage.$get({ query: { method: 'network' } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as unknown as { error: { message: string } }).error.message).toMatch(/road network/i);
    expect((await h().request('/api/coverage?minutes=0')).status).toBe(400);
    expect((await h().request('/api/coverage?mode=plane')).status).toBe(400);
    expect((await h().request('/api/coverage?kinds=temple')).status).toBe(400);
  });

  it('nearest sites are sorted by minutes and say whether the point is inside a circle', async () => {
    const c = h().client;
    const sites = (await (await c.api.sites.$get({ query: { kind: 'institute', placed: 'true' } })).json()).features;
    const [lng, lat] = sites[0].geometry!.coordinates;
    const at = await (await c.api.nearest.$get({ query: { lng: String(lng + 0.001), lat: String(lat), limit: '3' } })).json();
    expect(at.withinCircle).toBe(true);
    expect(at.results[0].id).toBe(sites[0].properties.id);
    const minutes = at.results.map((x) => x.minutes);
    expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
    const far = await (await c.api.nearest.$get({ query: { lng: '106.25', lat: '32.55' } })).json();
    expect(far.withinCircle).toBe(false);
    expect(far.results.length).toBeGreaterThan(0);
    expect((await h().request('/api/nearest?lng=abc&lat=32')).status).toBe(400);
  });

  it('isochrones: one circle per placed site', async () => {
    const c = h().client;
    const placed = (await (await c.api.sites.$get({ query: { placed: 'true', status: 'existing,planned' } })).json()).features.length;
    const iso = await (await c.api.isochrones.$get({ query: { minutes: '10' } })).json();
    expect(iso.features).toHaveLength(placed);
    expect(iso.features[0].properties.method).toBe('straight-line');
    expect((await h().request('/api/isochrones?site=nope')).status).toBe(404);
  });
});
