import Flatbush from 'flatbush';
import { EngineInputError, MODE_BIT, type RoadGraph, type RoadSnap, type RoadSnapper, type TravelMode } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';

const RAD = Math.PI / 180;

function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2
    + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lng2 - lng1) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Finds the directed edge v → u usable by `bit`, preferring the one whose length matches `lengthMeters`. */
function findReverseEdge(graph: RoadGraph, u: number, v: number, bit: number, lengthMeters: number): number {
  let best = -1;
  let bestDiff = Infinity;
  for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
    if (graph.targets[e] !== u || (graph.modeMask[e] & bit) === 0) continue;
    const diff = Math.abs(graph.lengthMeters[e] - lengthMeters);
    if (diff < bestDiff) { best = e; bestDiff = diff; }
  }
  return best;
}

/**
 * Builds a spatial index over the road segments usable by `mode` and returns a function that snaps a
 * WGS-84 point to the nearest point on the nearest segment (straight lines between graph nodes).
 * Distances are planar in a local equirectangular projection (x scaled by cos of the graph's mid latitude)
 * for the search, and the reported `distanceMeters` is the haversine distance to the snapped point.
 * Build once, snap many: index over segment bounding boxes with flatbush, then exact point–segment distance.
 *
 * @example
 * const snap = createRoadSnapper(graph, 'walk');
 * const hit = snap(106.1, 32.65); // { fromNode, toNode, fraction, distanceMeters, … } or null
 * @see https://github.com/mourner/flatbush
 */
export function createRoadSnapper(graph: RoadGraph, mode: TravelMode): RoadSnapper {
  const bit = MODE_BIT[mode];
  if (bit === undefined) throw new EngineInputError(`unknown travel mode ${String(mode)}`);
  const { nodeCount, nodeLng, nodeLat, offsets, targets, modeMask, lengthMeters } = graph;

  let minLat = Infinity, maxLat = -Infinity;
  for (let i = 0; i < nodeCount; i++) { minLat = Math.min(minLat, nodeLat[i]); maxLat = Math.max(maxLat, nodeLat[i]); }
  const metersPerDegree = EARTH_RADIUS_METERS * RAD;
  const xScale = metersPerDegree * Math.cos(((minLat + maxLat) / 2) * RAD || 0);
  const px = new Float64Array(nodeCount);
  const py = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) { px[i] = nodeLng[i] * xScale; py[i] = nodeLat[i] * metersPerDegree; }

  // One undirected segment per usable edge u→v with u < v, plus usable u→v (u > v) that have no way back.
  const segEdge: number[] = [];
  const segReverse: number[] = [];
  const segFromList: number[] = [];
  for (let u = 0; u < nodeCount; u++) {
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      if ((modeMask[e] & bit) === 0) continue;
      const v = targets[e];
      const reverse = findReverseEdge(graph, u, v, bit, lengthMeters[e]);
      if (u > v && reverse >= 0) continue; // already indexed from the other side
      segEdge.push(e);
      segReverse.push(reverse);
      segFromList.push(u);
    }
  }
  const segmentCount = segEdge.length;
  if (segmentCount === 0) return () => null;
  const segFrom = Uint32Array.from(segFromList);
  const segTo = new Uint32Array(segmentCount);
  const index = new Flatbush(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const u = segFrom[s];
    const v = (segTo[s] = targets[segEdge[s]]);
    index.add(Math.min(px[u], px[v]), Math.min(py[u], py[v]), Math.max(px[u], px[v]), Math.max(py[u], py[v]));
  }
  index.finish();

  // Squared distance from (x, y) to segment s and the fraction along it, written into `scratch`.
  const scratch = { d2: 0, t: 0 };
  const measure = (s: number, x: number, y: number): void => {
    const ax = px[segFrom[s]], ay = py[segFrom[s]];
    const dx = px[segTo[s]] - ax, dy = py[segTo[s]] - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = ax + t * dx - x, ey = ay + t * dy - y;
    scratch.d2 = ex * ex + ey * ey;
    scratch.t = t;
  };

  return (lng: number, lat: number): RoadSnap | null => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    const x = lng * xScale, y = lat * metersPerDegree;
    const first = index.neighbors(x, y, 1)[0];
    measure(first, x, y);
    let best = first, bestD2 = scratch.d2, bestT = scratch.t;
    // Any closer segment has a bounding box closer than the first candidate's exact distance.
    for (const s of index.neighbors(x, y, Infinity, Math.sqrt(bestD2))) {
      if (s === first) continue;
      measure(s, x, y);
      if (scratch.d2 < bestD2 || (scratch.d2 === bestD2 && s < best)) { best = s; bestD2 = scratch.d2; bestT = scratch.t; }
    }
    const fromNode = segFrom[best], toNode = segTo[best];
    const snapLng = nodeLng[fromNode] + bestT * (nodeLng[toNode] - nodeLng[fromNode]);
    const snapLat = nodeLat[fromNode] + bestT * (nodeLat[toNode] - nodeLat[fromNode]);
    return {
      segment: best, edge: segEdge[best], reverseEdge: segReverse[best], fromNode, toNode, fraction: bestT,
      lng: snapLng, lat: snapLat, distanceMeters: haversineMeters(lng, lat, snapLng, snapLat),
    };
  };
}
