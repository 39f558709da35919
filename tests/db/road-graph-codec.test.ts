import { describe, expect, it } from 'vitest';
import { roadGraphFromEdges } from '../../api/src/engine/network/index.ts';
import type { RoadGraph } from '../../api/src/engine/types.ts';
import { deserializeRoadGraph, serializeRoadGraph } from '../../api/src/db/road-graph-codec.ts';

const graph: RoadGraph = roadGraphFromEdges(
  [{ lng: 106.15, lat: 32.64 }, { lng: 106.151, lat: 32.64 }, { lng: 106.151, lat: 32.641 }],
  [
    { from: 0, to: 1, roadClass: 'residential', oneway: true },
    { from: 1, to: 2, roadClass: 'footway' },
  ],
);

describe('road graph codec', () => {
  it('round-trips every array exactly', () => {
    const back = deserializeRoadGraph(serializeRoadGraph(graph));
    expect(back.nodeCount).toBe(3);
    for (const k of ['nodeLng', 'nodeLat', 'offsets', 'targets', 'lengthMeters', 'roadClass', 'modeMask'] as const) {
      expect(Array.from(back[k])).toEqual(Array.from(graph[k]));
      expect(back[k].constructor).toBe(graph[k].constructor);
    }
  });

  it('reads a blob that starts at an odd byte offset (as a driver buffer may)', () => {
    const blob = serializeRoadGraph(graph);
    const shifted = new Uint8Array(blob.length + 3);
    shifted.set(blob, 3);
    expect(Array.from(deserializeRoadGraph(shifted.subarray(3)).nodeLat)).toEqual(Array.from(graph.nodeLat));
  });

  it('round-trips an empty graph', () => {
    const empty: RoadGraph = {
      nodeCount: 0, nodeLng: new Float64Array(0), nodeLat: new Float64Array(0), offsets: new Uint32Array(1),
      targets: new Uint32Array(0), lengthMeters: new Float32Array(0), roadClass: new Uint8Array(0), modeMask: new Uint8Array(0),
    };
    expect(deserializeRoadGraph(serializeRoadGraph(empty)).nodeCount).toBe(0);
  });

  it('rejects truncated, foreign and inconsistent blobs', () => {
    const blob = serializeRoadGraph(graph);
    expect(() => deserializeRoadGraph(blob.subarray(0, blob.length - 8))).toThrow(/expected/);
    expect(() => deserializeRoadGraph(new TextEncoder().encode('not a graph at all'))).toThrow(/bad magic/);
    expect(() => deserializeRoadGraph(blob.subarray(0, 5))).toThrow(/truncated/);
    const bad = blob.slice();
    // First target: 16-byte header + 2×3 f64 coordinates (48) + 4 u32 offsets (16) = byte 80; point it at node 9.
    new DataView(bad.buffer).setUint32(80, 9, true);
    expect(() => deserializeRoadGraph(bad)).toThrow(/missing node/);
  });

  it('rejects arrays that do not match nodeCount', () => {
    expect(() => serializeRoadGraph({ ...graph, nodeCount: 4 })).toThrow(/nodeCount/);
  });
});
