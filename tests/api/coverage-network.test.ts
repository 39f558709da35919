import { expect, it } from 'vitest';
import { describeApi } from '../helpers/test-db.ts';
import { roadGraphFromEdges } from '../../api/src/engine/network/index.ts';
import { DEFAULT_CAR_SPEEDS_KMH } from '../../api/src/engine/network/index.ts';
import { saveRoadGraph } from '../../api/src/db/road-graph-repo.ts';
import townships from '../../geodata/townships.json' with { type: 'json' };

// A hand-made road: a straight east–west street of 11 nodes, 300 m apart, through the 朝天镇 seat.
const seat = townships.find((t) => t.code === '510812100')!.seat!;
const stepLng = 300 / (111_195 * Math.cos((seat.lat * Math.PI) / 180));
const nodes = Array.from({ length: 11 }, (_, i) => ({ lng: seat.lng + (i - 5) * stepLng, lat: seat.lat }));
const edges = nodes.slice(1).map((_, i) => ({ from: i, to: i + 1, roadClass: 'residential' as const }));

const storeStreet = (sql: Parameters<typeof saveRoadGraph>[0]) => saveRoadGraph(sql, '510812', {
  graph: roadGraphFromEdges(nodes, edges), sourceName: 'test street',
  speeds: { carSpeedsKmh: DEFAULT_CAR_SPEEDS_KMH, origin: 'default' },
  source: { id: 'test-roads', name: 'test street', licence: 'test', datum: 'WGS-84' },
});

describeApi('coverage on a loaded road network', (h) => {
  it('switches to the network method once a road graph is stored, and names it', async () => {
    const { db, client } = h();
    const before = await (await client.api.coverage.$get({ query: {} })).json();
    expect(before.method).toBe('straight-line');
    await storeStreet(db.sql);
    const after = await (await client.api.coverage.$get({ query: {} })).json();
    expect(after.method).toBe('network');
    expect(after.roadNetwork?.sourceName).toBe('test street');
    expect(after.travelDescription).toMatch(/Road network/);
    // The straight-line method stays available on request.
    expect((await (await client.api.coverage.$get({ query: { method: 'straight-line' } })).json()).method).toBe('straight-line');
  });

  it('nearest: walking 900 m along the street to the institute at the seat takes 12 minutes at 4.5 km/h', async () => {
    const { db, client } = h();
    await storeStreet(db.sql);
    const from = nodes[8]; // 3 nodes × 300 m east of the seat, on the road
    const r = await (await client.api.nearest.$get({ query: { lng: String(from.lng), lat: String(from.lat), kinds: 'institute', limit: '1' } })).json();
    expect(r.method).toBe('network');
    expect(r.results[0].id).toBe('institute-510812100');
    // 900 m ÷ 75 m/min = 12 min (the institute sits on the seat node, so no access walk).
    expect(r.results[0].minutes).toBeCloseTo(12, 1);
    expect(r.results[0].meters).toBeCloseTo(900, -1);
    expect(r.results[0].route?.type).toBe('LineString');
    expect(r.withinCircle).toBe(true);
  });

  it('isochrones follow the road: the 5-minute polygon reaches along the street, not across it', async () => {
    const { db, client } = h();
    await storeStreet(db.sql);
    const iso = await (await client.api.isochrones.$get({ query: { site: 'institute-510812100', minutes: '5' } })).json();
    expect(iso.method).toBe('network');
    const coords = (iso.features[0].geometry.type === 'Polygon' ? [iso.features[0].geometry.coordinates] : iso.features[0].geometry.coordinates).flat(2) as number[][];
    const widthM = (Math.max(...coords.map((c) => c[0])) - Math.min(...coords.map((c) => c[0]))) * 111_195 * Math.cos((seat.lat * Math.PI) / 180);
    const heightM = (Math.max(...coords.map((c) => c[1])) - Math.min(...coords.map((c) => c[1]))) * 111_195;
    // 5 min × 75 m/min = 375 m each way along the street (750 m), a narrow band across it.
    expect(widthM).toBeGreaterThan(700);
    expect(widthM).toBeLessThan(1000);
    expect(heightM).toBeLessThan(300);
  });
});
