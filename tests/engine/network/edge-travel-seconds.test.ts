import { describe, expect, it } from 'vitest';
import { DEFAULT_CAR_SPEEDS_KMH, edgeTravelSeconds } from '../../../api/src/engine/network/edge-travel-seconds';
import { roadGraphFromEdges } from '../../../api/src/engine/network/road-graph-from-edges';
import { DEFAULT_SPEEDS, EngineInputError, type RoadClass } from '../../../api/src/engine/types';

// One 1000 m edge per class (forward edges are at even indices since every edge here is two-way).
const classes: RoadClass[] = ['primary', 'residential', 'track', 'footway', 'motorway'];
const nodes = [{ lng: 106.1, lat: 32.65 }, { lng: 106.11, lat: 32.65 }];
const graph = roadGraphFromEdges(nodes, classes.map((roadClass) => ({ from: 0, to: 1, lengthMeters: 1000, roadClass })));
// Edge order: node 0 has the five forward edges (0..4), node 1 the reverse ones of all but motorway.
const forward = (seconds: Float64Array) => [...seconds.slice(0, 5)];

describe('edgeTravelSeconds', () => {
  it('walks at 4.5 km/h (older 3 km/h) on every walkable edge', () => {
    // 1000 m ÷ (4.5/3.6 m/s) = 800 s; 1000 m ÷ (3/3.6) = 1200 s; motorways are car-only by default.
    expect(forward(edgeTravelSeconds(graph, 'walk', DEFAULT_SPEEDS))).toEqual([800, 800, 800, 800, Infinity]);
    expect(forward(edgeTravelSeconds(graph, 'walk', DEFAULT_SPEEDS, { older: true }))[0]).toBeCloseTo(1200, 9);
  });

  it('cycles at min(bikeKmh, class cap)', () => {
    // 15 km/h → 240 s; track capped at 10 km/h → 360 s; footway is walk-only by default.
    const s = forward(edgeTravelSeconds(graph, 'bike', DEFAULT_SPEEDS));
    expect(s[0]).toBeCloseTo(240, 9);
    expect(s[1]).toBeCloseTo(240, 9);
    expect(s[2]).toBeCloseTo(360, 9);
    expect(s[3]).toBe(Infinity);
  });

  it('drives at the per-class table, with overrides', () => {
    expect(DEFAULT_CAR_SPEEDS_KMH.primary).toBe(50);
    // primary 50 km/h → 72 s; residential 25 → 144 s; track 15 → 240 s; motorway 80 → 45 s.
    const s = forward(edgeTravelSeconds(graph, 'car', DEFAULT_SPEEDS));
    expect(s[0]).toBeCloseTo(72, 9);
    expect(s[1]).toBeCloseTo(144, 9);
    expect(s[2]).toBeCloseTo(240, 9);
    expect(s[3]).toBe(Infinity);
    expect(s[4]).toBeCloseTo(45, 9);
    // override residential to 36 km/h = 10 m/s → 100 s
    expect(edgeTravelSeconds(graph, 'car', DEFAULT_SPEEDS, { carSpeedsKmh: { residential: 36 } })[1]).toBeCloseTo(100, 9);
  });

  it('rejects non-positive speeds', () => {
    expect(() => edgeTravelSeconds(graph, 'walk', { ...DEFAULT_SPEEDS, walkKmh: 0 })).toThrow(EngineInputError);
    expect(() => edgeTravelSeconds(graph, 'car', DEFAULT_SPEEDS, { carSpeedsKmh: { primary: -5 } })).toThrow(EngineInputError);
  });
});
