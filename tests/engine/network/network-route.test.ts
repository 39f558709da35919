import { describe, expect, it } from 'vitest';
import { networkRoute } from '../../../api/src/engine/network/network-route';
import { DEFAULT_SPEEDS, type Facility } from '../../../api/src/engine/types';
import { at, grid3x3, lineGraph, lineWithIsland, onewaySquare } from '../../fixtures/network-graphs';

const facility = (id: string, p: { lng: number; lat: number }): Facility => ({ id, kind: 'point', ...p, townshipCode: null });
const walk = { mode: 'walk' as const, speeds: DEFAULT_SPEEDS };
const coords = (p: { lng: number; lat: number }) => [expect.closeTo(p.lng, 9), expect.closeTo(p.lat, 9)];

describe('networkRoute', () => {
  it('orders facilities by travel time and draws the route through the road nodes', () => {
    // 3×3 grid (100 m, 80 s per edge) from node 0: facility at node 2 is 2 edges (160 s, 200 m),
    // at node 8 four edges (320 s, 400 m).
    const { graph, nodes } = grid3x3();
    const routes = networkRoute(graph, nodes[0], [facility('far', nodes[8]), facility('near', nodes[2])], walk);
    expect(routes.map((r) => r.facilityId)).toEqual(['near', 'far']);
    expect(routes[0].minutes).toBeCloseTo(160 / 60, 9);
    expect(routes[0].meters).toBeCloseTo(200, 6);
    expect(routes[0].line.geometry.coordinates).toEqual([nodes[0], nodes[1], nodes[2]].map(coords));
    expect(routes[1].minutes).toBeCloseTo(320 / 60, 9);
    expect(routes[1].meters).toBeCloseTo(400, 6);
    expect(routes[1].line.geometry.coordinates).toHaveLength(5); // 4 edges, any shortest staircase
    expect(routes[0].line.properties).toMatchObject({ facilityId: 'near', mode: 'walk', method: 'network' });
    expect(networkRoute(graph, nodes[0], [facility('far', nodes[8]), facility('near', nodes[2])], { ...walk, limit: 1 })).toHaveLength(1);
  });

  it('counts the walks to and from the road in minutes and metres', () => {
    // From 100 m north of x = 225 (line graph): walk 100 m to the road, 225 m to node 1, 675 m to node 2 (facility).
    // 1000 m at 1.25 m/s = 800 s.
    const { graph, nodes } = lineGraph();
    const [route] = networkRoute(graph, at(225, 100), [facility('F', nodes[2])], walk);
    expect(route.minutes * 60).toBeCloseTo(800, 1);
    expect(route.meters).toBeCloseTo(1000, 1);
    expect(route.line.geometry.coordinates).toEqual([at(225, 100), at(225, 0), nodes[1], nodes[2]].map(coords));
  });

  it('drives around a oneway street', () => {
    // Square, cars 10 m/s: from node 2 to the facility at node 0 the way is 2 → 3 → 0 (6000 m, 600 s),
    // because 2 → 1 is against the oneway 1 → 2.
    const { graph, nodes } = onewaySquare();
    const [route] = networkRoute(graph, nodes[2], [facility('F', nodes[0])], { mode: 'car', speeds: DEFAULT_SPEEDS, carSpeedsKmh: { residential: 36 } });
    expect(route.minutes).toBeCloseTo(10, 6);
    expect(route.meters).toBeCloseTo(6000, 3);
    expect(route.line.geometry.coordinates).toEqual([nodes[2], nodes[3], nodes[0]].map(coords));
  });

  it('leaves out facilities beyond maxMinutes or in another component', () => {
    const { graph, nodes } = lineWithIsland();
    const sites = [facility('island', nodes[4]), facility('n3', nodes[3]), facility('n1', nodes[1])];
    // node 0 → node 1: 6 min, → node 3: 27 min; the island cannot be reached.
    expect(networkRoute(graph, nodes[0], sites, walk).map((r) => r.facilityId)).toEqual(['n1', 'n3']);
    expect(networkRoute(graph, nodes[0], sites, { ...walk, maxMinutes: 6 }).map((r) => r.facilityId)).toEqual(['n1']);
  });
});
