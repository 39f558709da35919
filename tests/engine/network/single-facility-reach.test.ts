import { describe, expect, it } from 'vitest';
import { singleFacilityReach } from '../../../api/src/engine/network/single-facility-reach';
import { DEFAULT_SPEEDS, EngineInputError } from '../../../api/src/engine/types';
import { at, demandAt, lineGraph } from '../../fixtures/network-graphs';

const walk15 = { mode: 'walk' as const, minutes: 15, speeds: DEFAULT_SPEEDS };

describe('singleFacilityReach', () => {
  // Line 0 —450 m— 1 —675 m— 2 —900 m— 3 at x = 0, 450, 1125, 2025 m; walking 1.25 m/s.
  const { graph, nodes } = lineGraph();

  it('travels straight along a shared segment without detouring through a node', () => {
    // Long edge 1—2 (675 m). Facility 10 m south of the point 200 m east of node 1; demand 10 m north of 400 m east.
    // Direct: 10 m + 200 m + 10 m = 220 m = 176 s. Via nodes would be ≥ 10 + 400 + 200 + 10 m.
    const d = demandAt([at(850, 10)]);
    const reach = singleFacilityReach(graph, d, at(650, -10), walk15);
    expect([...reach.demandIndex]).toEqual([0]);
    expect(reach.minutes[0] * 60).toBeCloseTo(176, 1);
  });

  it('follows a site that moves, reusing the cached network and demand snaps', () => {
    // Demand on nodes 0..3. Site at node 1: node 0 6 min, node 2 9 min, node 3 21 min (out).
    // Moved to node 2: node 1 9 min, node 3 12 min, node 0 15 min (exactly on the limit: in).
    const d = demandAt(nodes);
    const before = singleFacilityReach(graph, d, nodes[1], walk15);
    expect([...before.demandIndex]).toEqual([0, 1, 2]);
    expect([...before.minutes]).toEqual([6, 0, 9]);
    const after = singleFacilityReach(graph, d, nodes[2], walk15);
    expect([...after.demandIndex]).toEqual([0, 1, 2, 3]);
    expect([...after.minutes]).toEqual([15, 9, 0, 12]);
  });

  it('reaches nothing when the access walk alone exceeds the limit', () => {
    // 1200 m north of node 0: 1200 m / 1.25 m/s = 960 s = 16 min > 15.
    const reach = singleFacilityReach(graph, demandAt(nodes), at(0, 1200), walk15);
    expect(reach.demandIndex.length).toBe(0);
    expect(() => singleFacilityReach(graph, demandAt(nodes), nodes[0], { ...walk15, minutes: NaN })).toThrow(EngineInputError);
  });
});
