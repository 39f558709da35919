import { describe, expect, it } from 'vitest';
import { multiSourceTravelMinutes } from '../../../api/src/engine/network/multi-source-travel-minutes';
import { networkReach } from '../../../api/src/engine/network/network-reach';
import { singleFacilityReach } from '../../../api/src/engine/network/single-facility-reach';
import { DEFAULT_SPEEDS, EngineInputError, type Facility } from '../../../api/src/engine/types';
import { at, demandAt, jitteredGridGraph, lineGraph, lineWithIsland, mulberry32, onewaySquare } from '../../fixtures/network-graphs';

const facility = (id: string, p: { lng: number; lat: number }): Facility => ({ id, kind: 'station', ...p, townshipCode: null });
const walk15 = { mode: 'walk' as const, minutes: 15, speeds: DEFAULT_SPEEDS };

describe('networkReach', () => {
  // Line 0 —450 m— 1 —675 m— 2 —900 m— 3; walking 1.25 m/s → 6, 9, 12 minutes per edge.
  // Demand: d0..d3 on nodes 0..3, d4 100 m north of the middle of 0—1 (access 100 m = 80 s, then 225 m = 180 s
  // to either node 0 or node 1). Facilities A at node 0, B at node 3.
  const { graph, nodes } = lineGraph();
  const demand = demandAt([...nodes, at(225, 100)]);
  const facilities = [facility('A', nodes[0]), facility('B', nodes[3])];

  it('lists demand within the limit per facility (inclusive) and the nearest facility per demand point', () => {
    const { reach, nearestFacility, nearestMinutes } = networkReach(graph, demand, facilities, walk15);
    // A: d0 0, d1 6, d2 6 + 9 = 15 (exactly on the limit → in), d4 (80 + 180) / 60 = 4.333; d3 is 27 min away.
    expect([...reach[0].demandIndex]).toEqual([0, 1, 2, 4]);
    expect([...reach[0].minutes]).toEqual([0, 6, 15, expect.closeTo(260 / 60, 4)]);
    // B: d2 12, d3 0; d1 is 21 min, d4 is (80 + 180 + 540 + 720) / 60 = 25.3 min.
    expect([...reach[1].demandIndex]).toEqual([2, 3]);
    expect([...reach[1].minutes]).toEqual([12, 0]);
    expect([...nearestFacility]).toEqual([0, 0, 1, 1, 0]);
    expect([...nearestMinutes]).toEqual([0, 6, 12, 0, expect.closeTo(260 / 60, 4)]);
  });

  it('uses the older walking speed when asked', () => {
    // 3 km/h = 0.8333 m/s: node 1 = 450 / 0.8333 = 540 s = 9 min; node 2 = 1125 / 0.8333 = 1350 s = 22.5 min (out).
    const { reach } = networkReach(graph, demand, [facilities[0]], { ...walk15, older: true });
    expect([...reach[0].demandIndex]).toEqual([0, 1, 4]);
    expect(reach[0].minutes[1]).toBeCloseTo(9, 5);
    expect(reach[0].minutes[2]).toBeCloseTo((100 + 225) / (3 / 3.6) / 60, 4); // d4: 325 m at 3 km/h = 6.5 min
  });

  it('leaves demand in an unconnected component unreached', () => {
    const island = lineWithIsland();
    const d = demandAt([island.nodes[1], at(5250, 20)]);
    const result = networkReach(island.graph, d, [facility('A', island.nodes[0])], walk15);
    expect([...result.reach[0].demandIndex]).toEqual([0]);
    expect([...result.nearestFacility]).toEqual([0, -1]);
    expect(result.nearestMinutes[1]).toBe(Infinity);
    // a facility on the island reaches the island point: 20 m access + 250 m = 270 m = 216 s
    const onIsland = singleFacilityReach(island.graph, d, island.nodes[4], walk15);
    expect([...onIsland.demandIndex]).toEqual([1]);
    expect(onIsland.minutes[0] * 60).toBeCloseTo(216, 1);
  });

  it('drives to the facility the way oneways allow, walking to and from the road', () => {
    // Square, cars 10 m/s. Demand 50 m outside node 2 (east): walks 50 m (40 s), drives 2→3→0 (600 s); 10.67 min.
    const sq = onewaySquare();
    const d = demandAt([at(1050, 1000)]);
    const opts = { mode: 'car' as const, minutes: 15, speeds: DEFAULT_SPEEDS, carSpeedsKmh: { residential: 36 } };
    const { reach } = networkReach(sq.graph, d, [facility('A', sq.nodes[0])], opts);
    expect(reach[0].minutes[0] * 60).toBeCloseTo(640, 1);
    expect(networkReach(sq.graph, d, [facility('A', sq.nodes[0])], { ...opts, minutes: 10.5 }).reach[0].demandIndex.length).toBe(0);
  });

  it('agrees with node times from multiSourceTravelMinutes (itself checked against pgRouting) on a random grid', () => {
    // Demand placed exactly on graph nodes: their time to a facility is the node's multi-source time.
    const grid = jitteredGridGraph(3, 30, 30, 60);
    const random = mulberry32(5);
    const demandNodes = Array.from({ length: 300 }, () => Math.floor(random() * grid.graph.nodeCount));
    const d = demandAt(demandNodes.map((n) => grid.nodes[n]));
    const sites = Array.from({ length: 8 }, (_, i) => facility(`f${i}`, grid.nodes[Math.floor(random() * grid.graph.nodeCount)]));
    const result = networkReach(grid.graph, d, sites, { ...walk15, minutes: 10 });
    const nodeTimes = multiSourceTravelMinutes(grid.graph, sites, { mode: 'walk', speeds: DEFAULT_SPEEDS });
    for (let i = 0; i < demandNodes.length; i++) {
      expect(result.nearestMinutes[i]).toBeCloseTo(nodeTimes.minutes[demandNodes[i]], 4);
    }
    for (let f = 0; f < sites.length; f++) {
      const single = multiSourceTravelMinutes(grid.graph, [sites[f]], { mode: 'walk', speeds: DEFAULT_SPEEDS, cutoffMinutes: 10 });
      const expected = demandNodes.map((n, i) => [i, single.minutes[n]] as const).filter(([, m]) => m <= 10);
      expect([...result.reach[f].demandIndex]).toEqual(expected.map(([i]) => i));
      expect([...result.reach[f].minutes]).toEqual(expected.map(([, m]) => expect.closeTo(m, 4)));
      // singleFacilityReach after "moving" a site gives the same as a full run with the moved site
      const moved = singleFacilityReach(grid.graph, d, grid.nodes[(f * 97) % grid.graph.nodeCount], { ...walk15, minutes: 10 });
      const full = networkReach(grid.graph, d, [facility('m', grid.nodes[(f * 97) % grid.graph.nodeCount])], { ...walk15, minutes: 10 });
      expect([...moved.demandIndex]).toEqual([...full.reach[0].demandIndex]);
    }
  });

  it('rejects a bad time limit', () => {
    expect(() => networkReach(graph, demand, facilities, { ...walk15, minutes: -1 })).toThrow(EngineInputError);
  });
});
