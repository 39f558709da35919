import { describe, expect, it } from 'vitest';
import { roadGraphFromEdges } from '../../../api/src/engine/network/road-graph-from-edges';
import { EngineInputError, MODE_BIT, ROAD_CLASSES } from '../../../api/src/engine/types';

const WALK = MODE_BIT.walk, BIKE = MODE_BIT.bike, CAR = MODE_BIT.car;

describe('roadGraphFromEdges', () => {
  it('builds CSR with both directions and oneway restricting cars only', () => {
    // 0 —— 1 ——> 2 (1→2 oneway). Out-edges in input order:
    // node 0: 0→1; node 1: 1→0 (back of edge 0), 1→2; node 2: 2→1 (walk + bike only).
    const graph = roadGraphFromEdges(
      [{ lng: 106.1, lat: 32.65 }, { lng: 106.1, lat: 32.66 }, { lng: 106.1, lat: 32.67 }],
      [
        { from: 0, to: 1, lengthMeters: 10, roadClass: 'primary' },
        { from: 1, to: 2, lengthMeters: 20, roadClass: 'residential', oneway: true },
      ],
    );
    expect(graph.nodeCount).toBe(3);
    expect([...graph.offsets]).toEqual([0, 1, 3, 4]);
    expect([...graph.targets]).toEqual([1, 0, 2, 1]);
    expect([...graph.lengthMeters]).toEqual([10, 10, 20, 20]);
    expect([...graph.modeMask]).toEqual([WALK | BIKE | CAR, WALK | BIKE | CAR, WALK | BIKE | CAR, WALK | BIKE]);
    expect([...graph.roadClass]).toEqual([2, 2, 6, 6]); // primary = 2, residential = 6 in ROAD_CLASSES
    expect(ROAD_CLASSES[graph.roadClass[0]]).toBe('primary');
    expect(ROAD_CLASSES[graph.roadClass[2]]).toBe('residential');
  });

  it('defaults the length to the haversine distance', () => {
    // 0.01° of latitude on a sphere of radius 6,371,008.8 m = 6371008.8 × 0.01 × π/180 = 1111.9508 m
    const graph = roadGraphFromEdges([{ lng: 106.1, lat: 32.65 }, { lng: 106.1, lat: 32.66 }], [{ from: 0, to: 1 }]);
    expect(graph.lengthMeters[0]).toBeCloseTo(1111.9508, 2);
    expect(ROAD_CLASSES[graph.roadClass[0]]).toBe('other');
  });

  it('uses class defaults for modes, explicit modes when given, and drops empty directions and self-loops', () => {
    const nodes = [{ lng: 106.1, lat: 32.65 }, { lng: 106.101, lat: 32.65 }];
    const graph = roadGraphFromEdges(nodes, [
      { from: 0, to: 1, roadClass: 'footway', oneway: true }, // walk only, oneway irrelevant: both directions
      { from: 0, to: 1, roadClass: 'motorway', oneway: true }, // car only: reverse has no mode left → dropped
      { from: 0, to: 1, roadClass: 'track', modes: ['bike'] },
      { from: 1, to: 1, roadClass: 'residential' },
    ]);
    // node 0: footway 0→1, motorway 0→1, track 0→1; node 1: footway 1→0, track 1→0
    expect([...graph.offsets]).toEqual([0, 3, 5]);
    expect([...graph.modeMask]).toEqual([WALK, CAR, BIKE, WALK, BIKE]);
  });

  it('rejects bad node indices and coordinates', () => {
    const nodes = [{ lng: 106.1, lat: 32.65 }];
    expect(() => roadGraphFromEdges(nodes, [{ from: 0, to: 1 }])).toThrow(EngineInputError);
    expect(() => roadGraphFromEdges([{ lng: 200, lat: 0 }], [])).toThrow(EngineInputError);
    expect(() => roadGraphFromEdges([...nodes, ...nodes], [{ from: 0, to: 1, lengthMeters: -1 }])).toThrow(EngineInputError);
  });
});
