/**
 * Binary codec for {@link RoadGraph}: the CSR typed arrays laid end to end in one blob
 * (stored in `road_graphs.data`).
 *
 * Layout (little-endian): 16-byte header `"CTRG"`, u32 version (1), u32 nodeCount, u32 edgeCount,
 * then nodeLng f64[n], nodeLat f64[n], offsets u32[n+1], targets u32[m], lengthMeters f32[m],
 * roadClass u8[m], modeMask u8[m]. Sections are padded to 8-byte boundaries.
 */
import type { RoadGraph } from '../engine/types.ts';

const MAGIC = 0x47525443; // "CTRG" read as a little-endian u32
const VERSION = 1;
const HEADER_BYTES = 16;

const pad8 = (n: number) => (n + 7) & ~7;

function layout(nodeCount: number, edgeCount: number) {
  const lng = HEADER_BYTES;
  const lat = lng + nodeCount * 8;
  const offsets = lat + nodeCount * 8;
  const targets = pad8(offsets + (nodeCount + 1) * 4);
  const length = pad8(targets + edgeCount * 4);
  const roadClass = pad8(length + edgeCount * 4);
  const modeMask = roadClass + edgeCount;
  const total = pad8(modeMask + edgeCount);
  return { lng, lat, offsets, targets, length, roadClass, modeMask, total };
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('road graph codec needs a little-endian platform');
}

/**
 * Serialises a road graph into one byte array.
 * @example const blob = serializeRoadGraph(graph); deserializeRoadGraph(blob).nodeCount === graph.nodeCount
 */
export function serializeRoadGraph(graph: RoadGraph): Uint8Array {
  assertLittleEndian();
  const n = graph.nodeCount;
  const m = graph.targets.length;
  if (graph.nodeLng.length !== n || graph.nodeLat.length !== n || graph.offsets.length !== n + 1) {
    throw new Error('road graph node arrays do not match nodeCount');
  }
  if (graph.lengthMeters.length !== m || graph.roadClass.length !== m || graph.modeMask.length !== m) {
    throw new Error('road graph edge arrays differ in length');
  }
  const at = layout(n, m);
  const buf = new ArrayBuffer(at.total);
  const head = new DataView(buf);
  head.setUint32(0, MAGIC, true);
  head.setUint32(4, VERSION, true);
  head.setUint32(8, n, true);
  head.setUint32(12, m, true);
  new Float64Array(buf, at.lng, n).set(graph.nodeLng);
  new Float64Array(buf, at.lat, n).set(graph.nodeLat);
  new Uint32Array(buf, at.offsets, n + 1).set(graph.offsets);
  new Uint32Array(buf, at.targets, m).set(graph.targets);
  new Float32Array(buf, at.length, m).set(graph.lengthMeters);
  new Uint8Array(buf, at.roadClass, m).set(graph.roadClass);
  new Uint8Array(buf, at.modeMask, m).set(graph.modeMask);
  return new Uint8Array(buf);
}

/**
 * Reads a blob written by {@link serializeRoadGraph}; checks the header, sizes and CSR invariants.
 * @example const graph = deserializeRoadGraph(row.data)
 */
export function deserializeRoadGraph(bytes: Uint8Array): RoadGraph {
  assertLittleEndian();
  if (bytes.byteLength < HEADER_BYTES) throw new Error('road graph blob is truncated');
  // Copy into a fresh, 8-byte aligned buffer (driver buffers may start at any offset).
  const buf = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buf).set(bytes);
  const head = new DataView(buf);
  if (head.getUint32(0, true) !== MAGIC) throw new Error('not a road graph blob (bad magic)');
  const version = head.getUint32(4, true);
  if (version !== VERSION) throw new Error(`unsupported road graph blob version ${version}`);
  const n = head.getUint32(8, true);
  const m = head.getUint32(12, true);
  const at = layout(n, m);
  if (buf.byteLength !== at.total) throw new Error(`road graph blob has ${buf.byteLength} bytes, expected ${at.total}`);
  const graph: RoadGraph = {
    nodeCount: n,
    nodeLng: new Float64Array(buf, at.lng, n),
    nodeLat: new Float64Array(buf, at.lat, n),
    offsets: new Uint32Array(buf, at.offsets, n + 1),
    targets: new Uint32Array(buf, at.targets, m),
    lengthMeters: new Float32Array(buf, at.length, m),
    roadClass: new Uint8Array(buf, at.roadClass, m),
    modeMask: new Uint8Array(buf, at.modeMask, m),
  };
  if (graph.offsets[0] !== 0 || graph.offsets[n] !== m) throw new Error('road graph blob has inconsistent offsets');
  for (let u = 0; u < n; u++) {
    if (graph.offsets[u + 1] < graph.offsets[u]) throw new Error('road graph blob has decreasing offsets');
  }
  for (let e = 0; e < m; e++) {
    if (graph.targets[e] >= n) throw new Error('road graph blob has an edge to a missing node');
  }
  return graph;
}
