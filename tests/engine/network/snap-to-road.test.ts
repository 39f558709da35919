import { describe, expect, it } from 'vitest';
import { roadGraphFromEdges } from '../../../api/src/engine/network/road-graph-from-edges';
import { createRoadSnapper } from '../../../api/src/engine/network/snap-to-road';
import { at, grid3x3, lineGraph, mulberry32 } from '../../fixtures/network-graphs';

describe('createRoadSnapper', () => {
  it('snaps to the nearest point on the nearest segment, not just the nearest node', () => {
    const { graph } = lineGraph(); // nodes at 0, 450, 1125, 2025 m east
    const snap = createRoadSnapper(graph, 'walk');
    // 100 m north of the middle of segment 0—1 (225 m east): nearest nodes are 225 m away, the road 100 m.
    const hit = snap(at(225, 100).lng, at(225, 100).lat)!;
    expect([hit.fromNode, hit.toNode].sort()).toEqual([0, 1]);
    expect(hit.fraction).toBeCloseTo(0.5, 9);
    expect(hit.distanceMeters).toBeCloseTo(100, 1);
    expect(hit.lng).toBeCloseTo(at(225, 0).lng, 9);
    expect(hit.lat).toBeCloseTo(at(225, 0).lat, 9);
    expect(hit.reverseEdge).toBeGreaterThanOrEqual(0);
    // beyond the end of the line: clamps to node 3 (2025 m), 75 m away
    const end = snap(at(2100, 0).lng, at(2100, 0).lat)!;
    expect(end.fraction === 1 ? end.toNode : end.fromNode).toBe(3);
    expect(end.distanceMeters).toBeCloseTo(75, 1);
  });

  it('only uses segments the mode may travel', () => {
    // footway 0—1 along y = 0; residential 2—3 along y = 300. A point at y = 100 is 100 m from the
    // footway and 200 m from the residential street: walk snaps to the footway, car to the street.
    const graph = roadGraphFromEdges([at(0, 0), at(500, 0), at(0, 300), at(500, 300)], [
      { from: 0, to: 1, roadClass: 'footway' },
      { from: 2, to: 3, roadClass: 'residential' },
    ]);
    const p = at(250, 100);
    expect(createRoadSnapper(graph, 'walk')(p.lng, p.lat)!.fromNode).toBe(0);
    const car = createRoadSnapper(graph, 'car')(p.lng, p.lat)!;
    expect([car.fromNode, car.toNode]).toEqual([2, 3]);
    expect(car.distanceMeters).toBeCloseTo(200, 1);
    // a mode with no usable road at all
    const footOnly = roadGraphFromEdges([at(0, 0), at(10, 0)], [{ from: 0, to: 1, roadClass: 'footway' }]);
    expect(createRoadSnapper(footOnly, 'car')(p.lng, p.lat)).toBeNull();
  });

  it('marks a car-oneway segment as having no way back', () => {
    const graph = roadGraphFromEdges([at(0, 0), at(100, 0)], [{ from: 0, to: 1, roadClass: 'residential', oneway: true }]);
    const hit = createRoadSnapper(graph, 'car')(at(50, 10).lng, at(50, 10).lat)!;
    expect([hit.fromNode, hit.toNode, hit.reverseEdge]).toEqual([0, 1, -1]);
    const walk = createRoadSnapper(graph, 'walk')(at(50, 10).lng, at(50, 10).lat)!;
    expect(walk.reverseEdge).toBeGreaterThanOrEqual(0);
  });

  it('agrees with brute force over all segments for random points', () => {
    const { graph } = grid3x3();
    const snap = createRoadSnapper(graph, 'walk');
    const random = mulberry32(7);
    // Brute force in metres: the grid segments are the lines x ∈ {0,100,200} (0 ≤ y ≤ 200) and y ∈ {0,100,200}.
    for (let i = 0; i < 200; i++) {
      const x = random() * 400 - 100, y = random() * 400 - 100;
      const cx = Math.min(200, Math.max(0, x)), cy = Math.min(200, Math.max(0, y));
      let best = Infinity;
      for (const line of [0, 100, 200]) {
        best = Math.min(best, Math.hypot(x - line, y - cy), Math.hypot(x - cx, y - line));
      }
      const p = at(x, y);
      expect(snap(p.lng, p.lat)!.distanceMeters).toBeCloseTo(best, 0);
    }
  });
});
