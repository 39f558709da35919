import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';
import {
  EngineInputError, MODE_BIT, ROAD_CLASSES,
  type RoadClass, type RoadEdgeInput, type RoadGraph, type TravelMode,
} from '../types';

/** Mean earth radius in metres (the value Turf uses). */
const ALL_MODES = MODE_BIT.walk | MODE_BIT.bike | MODE_BIT.car;

/**
 * Modes allowed on a class when an edge does not list them: motorways are car-only, footways/steps/
 * pedestrian streets walk-only, paths and cycleways walk + bike, every other class all three modes.
 */
function defaultModeMask(roadClass: RoadClass): number {
  switch (roadClass) {
    case 'motorway': return MODE_BIT.car;
    case 'footway': case 'steps': case 'pedestrian': return MODE_BIT.walk;
    case 'path': case 'cycleway': return MODE_BIT.walk | MODE_BIT.bike;
    default: return ALL_MODES;
  }
}

function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Builds a directed CSR {@link RoadGraph} from node coordinates and undirected road segments.
 * Each segment becomes two directed edges; `oneway` removes cars (only) from the to → from direction.
 * Lengths are in metres and default to the haversine distance (earth radius 6,371,008.8 m).
 * Self-loops are dropped; out-edges of a node keep input order.
 *
 * @example
 * const graph = roadGraphFromEdges(
 *   [{ lng: 106.1, lat: 32.65 }, { lng: 106.101, lat: 32.65 }],
 *   [{ from: 0, to: 1, roadClass: 'residential', oneway: true }],
 * ); // graph.offsets = [0, 1, 2]: 0→1 walk+bike+car, 1→0 walk+bike
 * @see https://en.wikipedia.org/wiki/Haversine_formula
 */
export function roadGraphFromEdges(nodes: ReadonlyArray<{ lng: number; lat: number }>, edges: ReadonlyArray<RoadEdgeInput>): RoadGraph {
  const nodeCount = nodes.length;
  const nodeLng = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const { lng, lat } = nodes[i];
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw new EngineInputError(`node ${i}: lng/lat must be WGS-84 degrees`);
    }
    nodeLng[i] = lng;
    nodeLat[i] = lat;
  }

  // Directed edges as parallel arrays before CSR packing.
  const cap = edges.length * 2;
  const src = new Uint32Array(cap);
  const dst = new Uint32Array(cap);
  const len = new Float32Array(cap);
  const cls = new Uint8Array(cap);
  const mask = new Uint8Array(cap);
  let count = 0;
  const degree = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i];
    const { from, to } = edge;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < 0 || from >= nodeCount || to >= nodeCount) {
      throw new EngineInputError(`edge ${i}: from/to must be node indices in 0..${nodeCount - 1}`);
    }
    if (from === to) continue;
    const roadClass = edge.roadClass ?? 'other';
    const classIndex = ROAD_CLASSES.indexOf(roadClass);
    if (classIndex < 0) throw new EngineInputError(`edge ${i}: unknown road class ${String(roadClass)}`);
    const lengthMeters = edge.lengthMeters ?? haversineMeters(nodeLng[from], nodeLat[from], nodeLng[to], nodeLat[to]);
    if (!Number.isFinite(lengthMeters) || lengthMeters < 0) throw new EngineInputError(`edge ${i}: lengthMeters must be ≥ 0`);
    const forwardMask = edge.modes ? maskOf(edge.modes, i) : defaultModeMask(roadClass);
    const backwardMask = edge.oneway ? forwardMask & ~MODE_BIT.car : forwardMask;
    for (const [a, b, m] of [[from, to, forwardMask], [to, from, backwardMask]] as const) {
      if (m === 0) continue;
      src[count] = a; dst[count] = b; len[count] = lengthMeters; cls[count] = classIndex; mask[count] = m;
      degree[a + 1]++;
      count++;
    }
  }

  const offsets = new Uint32Array(nodeCount + 1);
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] = offsets[u] + degree[u + 1];
  const next = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(count);
  const lengthMeters = new Float32Array(count);
  const roadClass = new Uint8Array(count);
  const modeMask = new Uint8Array(count);
  for (let e = 0; e < count; e++) {
    const slot = next[src[e]]++;
    targets[slot] = dst[e]; lengthMeters[slot] = len[e]; roadClass[slot] = cls[e]; modeMask[slot] = mask[e];
  }
  return { nodeCount, nodeLng, nodeLat, offsets, targets, lengthMeters, roadClass, modeMask };
}

function maskOf(modes: readonly TravelMode[], edgeIndex: number): number {
  let m = 0;
  for (const mode of modes) {
    const bit = MODE_BIT[mode];
    if (bit === undefined) throw new EngineInputError(`edge ${edgeIndex}: unknown travel mode ${String(mode)}`);
    m |= bit;
  }
  return m;
}
