import { expect, it } from 'vitest';
import { insertSite } from '../../api/src/db/sites-repo.ts';
import { saveRoadGraph } from '../../api/src/db/road-graph-repo.ts';
import { DEFAULT_CAR_SPEEDS_KMH, roadGraphFromEdges } from '../../api/src/engine/network/index.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';

// A hand-made river crossing near the 朝天镇 seat (x east, y north, metres): the request is on the south bank,
// station 甲 250 m across the river (the bridge is 300 m east: 850 m by road), station 乙 500 m west on the same bank.
const SEAT = { lng: 105.884081, lat: 32.643374 };
const M_LAT = 1 / 111_195;
const M_LNG = M_LAT / Math.cos((SEAT.lat * Math.PI) / 180);
const at = (x: number, y: number) => ({ lng: SEAT.lng + x * M_LNG, lat: SEAT.lat + y * M_LAT });
const NODES = [[-600, 0], [-500, 0], [-250, 0], [0, 0], [300, 0], [300, 250], [0, 250], [-300, 250]].map(([x, y]) => at(x, y));
const EDGES = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7]].map(([from, to]) => ({ from, to, roadClass: 'residential' as const }));
const REQUEST = at(0, 10);

async function submit(h: ApiHarness, phone: string) {
  const res = await h.app.request('/api/requests', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'legal', description: '法律咨询', name: '张三', phone, ...REQUEST }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { outsideCircle: boolean; proposedSites: { siteId: string; minutes: number }[] };
}

describeApi('service-request routing: road network vs straight line', (h) => {
  it('across a river the straight line proposes the far-bank station first; the road network the same-bank one', async () => {
    const sql = h().db.sql;
    await sql`DELETE FROM sites`;
    const across = (await insertSite(sql, '510812', { kind: 'station', name: '甲站（对岸）', townshipCode: '510812100', ...at(0, 250) })).properties.id;
    const sameBank = (await insertSite(sql, '510812', { kind: 'station', name: '乙站（同岸）', townshipCode: '510812100', ...at(-500, 0) })).properties.id;

    const straight = await submit(h(), '13800000001');
    expect(straight.outsideCircle).toBe(false);
    expect(straight.proposedSites.map((s) => s.siteId)).toEqual([across, sameBank]);

    await saveRoadGraph(sql, '510812', {
      graph: roadGraphFromEdges(NODES, EDGES), sourceName: 'river test roads',
      speeds: { carSpeedsKmh: DEFAULT_CAR_SPEEDS_KMH, origin: 'default' },
      source: { id: 'test-roads', name: 'river test roads', licence: 'test', datum: 'WGS-84' },
    });
    const network = await submit(h(), '13800000002');
    expect(network.outsideCircle).toBe(false);
    expect(network.proposedSites.map((s) => s.siteId)).toEqual([sameBank, across]);
    const minutes = Object.fromEntries(network.proposedSites.map((s) => [s.siteId, s.minutes]));
    // 850 m by road at 4.5 km/h ≈ 11 min, against ≈ 4 min by the straight-line estimate.
    expect(minutes[across]).toBeGreaterThan(10);
    expect(minutes[across]).toBeLessThan(15);
    expect(minutes[sameBank]).toBeLessThan(minutes[across]);
  });
});
