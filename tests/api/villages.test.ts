import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { expect, it } from 'vitest';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';
import { haversineMeters } from '../../api/src/engine/geo/index.ts';

type Point = { lng: number; lat: number };

async function json<T = any>(res: Response | Promise<Response>): Promise<T> {
  return (await res).json() as Promise<T>;
}

const patch = (h: ApiHarness, code: string, body: unknown) =>
  h.request(`/api/villages/${code}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A point `km` east and north-ish of each township seat, inside the district, for `count` villages spread over the townships. */
async function villagePoints(h: ApiHarness, count: number): Promise<{ code: string; point: Point }[]> {
  const boundary = (await json(h.request('/api/boundary'))).features[0];
  const { townships } = await json(h.request('/api/townships'));
  const { villages } = await json(h.request('/api/villages'));
  const out: { code: string; point: Point }[] = [];
  const dirs = [[1, 0], [0, 1], [-1, 0], [0, -1], [0.7, 0.7], [-0.7, 0.7], [0.7, -0.7], [-0.7, -0.7]];
  for (const t of townships) {
    const rural = villages.filter((v: any) => v.townshipCode === t.code && v.type === 'village');
    let k = 0;
    for (const [dx, dy] of dirs) {
      if (k >= 2 || out.length >= count || k >= rural.length) break;
      const p = { lng: t.seat.lng + dx * 0.045, lat: t.seat.lat + dy * 0.038 }; // ≈ 4.2 km away
      if (!booleanPointInPolygon([p.lng, p.lat], boundary)) continue;
      out.push({ code: rural[k].code, point: p });
      k++;
    }
  }
  return out;
}

function populationNear(demand: any, p: Point, meters: number): number {
  let sum = 0;
  for (const f of demand.features) {
    const [lng, lat] = f.geometry.coordinates;
    if (haversineMeters(p.lng, p.lat, lng, lat) <= meters) sum += f.properties.population;
  }
  return sum;
}

describeApi('villages API', (h) => {
  it('PATCH places a village (approximate unless told exact), bumps the data version, and clears it again', async () => {
    const { villages } = await json(h().request('/api/villages?township=510812100'));
    const v = villages.find((x: any) => x.shortName === '青云村');
    expect(v.lng).toBeNull();
    const before = (await json(h().request('/api/coverage'))).dataVersion;
    const res = await patch(h(), v.code, { lng: 105.905, lat: 32.66 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.village).toMatchObject({ code: v.code, lng: 105.905, lat: 32.66, precision: 'approximate', placedBy: 'hand' });
    expect(body.previous).toEqual({ lng: null, lat: null, precision: null });
    expect(body.dataVersion).toBeGreaterThan(before);
    const exact = await json(patch(h(), v.code, { lng: 105.906, lat: 32.661, precision: 'exact' }));
    expect(exact.village.precision).toBe('exact');
    expect(exact.previous).toEqual({ lng: 105.905, lat: 32.66, precision: 'approximate' });
    const cleared = await json(patch(h(), v.code, { lng: null, lat: null }));
    expect(cleared.village).toMatchObject({ lng: null, lat: null, precision: null, placedBy: null });
  });

  it('bad input: one error shape, 4xx', async () => {
    const bad = await patch(h(), '510812100202', { lng: 105.9 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_request');
    const unknown = await patch(h(), '510812999999', { lng: 105.9, lat: 32.6 });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    const outside = await patch(h(), '510812100202', { lng: 104.0, lat: 30.6 });
    expect(outside.status).toBe(422);
    expect((await outside.json()).error).toMatchObject({ code: 'unprocessable' });
  });

  it('a village placement offers its station the same point (approximate); a station placed by hand keeps its own', async () => {
    const code = '510812101200';
    const { features } = await json(h().request('/api/sites?kind=station'));
    const station = features.find((f: any) => f.properties.villageCode === code);
    expect(station?.geometry).toBeNull();
    const placed = await json(patch(h(), code, { lng: 105.93, lat: 32.79, placeStations: true }));
    expect(placed.stationsPlaced).toEqual([station.id]);
    const after = await json(h().request(`/api/sites/${station.id}`));
    expect(after.geometry.coordinates).toEqual([105.93, 32.79]);
    expect(after.properties.locationPrecision).toBe('approximate');
    const again = await json(patch(h(), code, { lng: 105.94, lat: 32.795, placeStations: true }));
    expect(again.stationsPlaced).toEqual([]);
    expect((await json(h().request(`/api/sites/${station.id}`))).geometry.coordinates).toEqual([105.93, 32.79]);
  });

  it('placing 20 villages concentrates the modelled demand around them, keeps the total, and says how many anchor it', async () => {
    const before = await json(h().request('/api/demand'));
    const plan = async () => json(h().request('/api/plan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ k: 20 }) }));
    const planBefore = await plan();
    const points = await villagePoints(h(), 20);
    expect(points).toHaveLength(20);
    for (const { code, point } of points) expect((await patch(h(), code, point)).status).toBe(200);
    const after = await json(h().request('/api/demand'));
    expect(after.demand.modelled).toBe(true);
    const { villages } = await json(h().request('/api/villages'));
    const placed = villages.filter((v: any) => v.lng !== null).length;
    expect(after.demand.anchors).toEqual({ placed, total: 139 });
    expect(after.demand.method).toContain(`anchored on ${placed} of 139 villages/communities`);
    expect(after.demand.methodCode).toBe('modelled');
    expect(after.demand.methodParams).toMatchObject({ placed, total: 139, cellMeters: 400 });
    expect(after.demand.olderNote).toContain('older coverage equals overall coverage');
    let nearBefore = 0, nearAfter = 0;
    for (const { point } of points) {
      const [b, a] = [populationNear(before, point, 1000), populationNear(after, point, 1000)];
      expect(a).toBeGreaterThan(b);
      nearBefore += b; nearAfter += a;
    }
    expect(nearAfter).toBeGreaterThan(nearBefore * 1.5);
    if (process.env.PRINT_FIGURES) console.log({ nearBefore, nearAfter });
    expect(after.demand.population).toBeCloseTo(before.demand.population, 6);

    // The planner's proposals move with the demand: towards the placed villages.
    const planAfter = await plan();
    const toVillages = (p: { lng: number; lat: number }) => Math.min(...points.map((v) => haversineMeters(p.lng, p.lat, v.point.lng, v.point.lat)));
    const mean = (ps: { lng: number; lat: number }[]) => ps.reduce((a, p) => a + toVillages(p), 0) / ps.length;
    expect(planAfter.proposed.map((p: any) => [p.lng, p.lat])).not.toEqual(planBefore.proposed.map((p: any) => [p.lng, p.lat]));
    expect(mean(planAfter.proposed)).toBeLessThan(mean(planBefore.proposed));
    if (process.env.PRINT_FIGURES) console.log({ meanBefore: mean(planBefore.proposed), meanAfter: mean(planAfter.proposed) });
  });

  it('/api/demand populations sum exactly to the total beside them', async () => {
    const d = await json(h().request('/api/demand'));
    const cents = d.features.reduce((a: number, f: any) => a + Math.round(f.properties.population * 100), 0);
    expect(cents).toBe(Math.round(d.demand.population * 100));
    expect(Math.round(d.demand.population)).toBe(126506);
    const older = d.features.reduce((a: number, f: any) => a + Math.round(f.properties.olderPopulation * 100), 0);
    expect(older).toBe(Math.round(d.demand.olderPopulation * 100));
  });

  it('planned is not built: current coverage and quotas count existing sites; planned ones give an after-plan figure', async () => {
    const base = await json(h().request('/api/coverage'));
    expect(base.statuses).toEqual(['existing']);
    const created = await json(h().request('/api/sites', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'square', name: '测试规划广场', status: 'planned', townshipCode: '510812101', lng: 106.03, lat: 32.80 }),
    }));
    const now = await json(h().request('/api/coverage'));
    expect(now.totals.covered).toBe(base.totals.covered);
    expect(now.afterPlan.statuses).toEqual(['existing', 'planned']);
    expect(now.afterPlan.covered).toBeGreaterThan(now.totals.covered);
    const datan = now.townships.find((t: any) => t.code === '510812101');
    const baseDatan = base.townships.find((t: any) => t.code === '510812101');
    expect(datan.counts).toEqual(baseDatan.counts);
    expect(datan.plannedCounts.square).toBe((baseDatan.plannedCounts.square ?? 0) + 1);
    expect(datan.quota.find((q: any) => q.kind === 'square')).toEqual(baseDatan.quota.find((q: any) => q.kind === 'square'));
    const both = await json(h().request('/api/coverage?status=existing,planned'));
    expect(both.statuses).toEqual(['existing', 'planned']);
    expect(both.afterPlan).toBeNull();
    expect(both.totals.covered).toBe(now.afterPlan.covered);
    // The after-plan figures come from the covered-population kernel, the full report from per-point reach: equal.
    expect(now.afterPlan.share).toBe(both.totals.share);
    expect(now.afterPlan.townships).toEqual(both.townships.map((t: any) => ({ code: t.code, covered: t.covered, share: t.share })));
    await h().request(`/api/sites/${created.id}`, { method: 'DELETE' });
  });
});
