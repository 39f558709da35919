import { contours } from 'd3-contour';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { prepareTravelNetwork } from './prepare-travel-network';
import { EngineInputError, type NetworkTravelOptions, type RoadGraph, type TravelMode } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';

const METERS_PER_DEGREE = EARTH_RADIUS_METERS * (Math.PI / 180);
const MAX_GRID_CELLS = 4_000_000;

export interface NetworkIsochroneProperties {
  minutes: number;
  mode: TravelMode;
  method: 'network';
  bufferMeters: number;
  cellMeters: number;
  shapeMethod: string;
}

/**
 * Isochrone polygon of one facility: the road pieces from which the facility is reached within `minutes`
 * (inclusive; partly reachable edges are cut at the reachable fraction), buffered by `bufferMeters`
 * (default 75 m). Method: rasterise the buffered pieces on a grid of bufferMeters ÷ 2 cells (coarser when
 * the grid would exceed 4 M cells) in a local equirectangular projection, then trace the 0.5 level with
 * marching squares (d3-contour). Off-road access walks of residents are not drawn; reach counts include them.
 *
 * @example
 * const polygon = networkIsochrone(graph, { lng: 106.1, lat: 32.65 },
 *   { mode: 'walk', speeds: DEFAULT_SPEEDS, minutes: 15 }); // Feature<Polygon|MultiPolygon>
 * @see https://en.wikipedia.org/wiki/Marching_squares
 */
export function networkIsochrone(
  graph: RoadGraph,
  facility: { lng: number; lat: number },
  opts: NetworkTravelOptions & { minutes: number; bufferMeters?: number },
): Feature<Polygon | MultiPolygon, NetworkIsochroneProperties> {
  const bufferMeters = opts.bufferMeters ?? 75;
  if (!(opts.minutes >= 0) || !Number.isFinite(opts.minutes)) throw new EngineInputError('minutes must be a finite number ≥ 0');
  if (!(bufferMeters > 0) || !Number.isFinite(bufferMeters)) throw new EngineInputError('bufferMeters must be > 0');
  const network = prepareTravelNetwork(graph, opts);
  const limitSeconds = opts.minutes * 60;
  const kx = METERS_PER_DEGREE * Math.cos((facility.lat * Math.PI) / 180);
  const ky = METERS_PER_DEGREE;
  const { nodeLng, nodeLat } = graph;
  const px = (v: number): number => (nodeLng[v] - facility.lng) * kx;
  const py = (v: number): number => (nodeLat[v] - facility.lat) * ky;
  const pieces: number[] = []; // x1, y1, x2, y2 in metres around the facility

  const snap = network.snap(facility.lng, facility.lat);
  const legs = snap && network.legSeconds(snap);
  if (snap && legs && legs.accessSeconds <= limitSeconds) {
    const { search, reverse } = network;
    search.run(reverse, [snap.fromNode, snap.toNode],
      [legs.fromNodeToSnap + legs.accessSeconds, legs.toNodeToSnap + legs.accessSeconds], [0, 0], limitSeconds);
    for (let i = 0; i < search.touchedCount; i++) {
      const b = search.touched[i];
      const remaining = limitSeconds - search.seconds[b];
      for (let k = reverse.offsets[b]; k < reverse.offsets[b + 1]; k++) {
        const cost = reverse.edgeSeconds[k];
        if (cost === Infinity) continue;
        const a = reverse.targets[k];
        const fraction = cost > 0 ? Math.max(0, Math.min(1, remaining / cost)) : 1;
        pieces.push(px(b), py(b), px(b) + fraction * (px(a) - px(b)), py(b) + fraction * (py(a) - py(b)));
      }
    }
    // The facility's own segment: travel straight along it to the snapped point, and the access walk.
    const sx = (snap.lng - facility.lng) * kx, sy = (snap.lat - facility.lat) * ky;
    const left = limitSeconds - legs.accessSeconds;
    const forward = network.forward.edgeSeconds[snap.edge];
    const back = snap.reverseEdge >= 0 ? network.forward.edgeSeconds[snap.reverseEdge] : Infinity;
    const fromFraction = Math.max(0, snap.fraction - (forward > 0 ? left / forward : 1));
    const toFraction = Math.min(1, snap.fraction + (back > 0 ? left / back : 1));
    const at = (t: number): [number, number] => [px(snap.fromNode) + t * (px(snap.toNode) - px(snap.fromNode)),
      py(snap.fromNode) + t * (py(snap.toNode) - py(snap.fromNode))];
    pieces.push(...at(fromFraction), ...at(toFraction), 0, 0, sx, sy);
  }
  const { geometry, cellMeters } = bufferPieces(pieces, bufferMeters, facility.lng, facility.lat, kx, ky);
  return {
    type: 'Feature',
    geometry,
    properties: {
      minutes: opts.minutes, mode: opts.mode, method: 'network', bufferMeters, cellMeters,
      shapeMethod: 'reachable road pieces buffered on a grid, traced with marching squares',
    },
  };
}

/** Rasterises pieces buffered by `radius` and traces the outline; returns lng/lat rings (RFC 7946 winding). */
function bufferPieces(pieces: number[], radius: number, lng0: number, lat0: number, kx: number, ky: number): { geometry: Polygon | MultiPolygon; cellMeters: number } {
  let cell = radius / 2;
  if (pieces.length === 0) return { geometry: { type: 'MultiPolygon', coordinates: [] }, cellMeters: cell };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < pieces.length; i += 2) {
    minX = Math.min(minX, pieces[i]); maxX = Math.max(maxX, pieces[i]);
    minY = Math.min(minY, pieces[i + 1]); maxY = Math.max(maxY, pieces[i + 1]);
  }
  const spanX = maxX - minX + 2 * radius, spanY = maxY - minY + 2 * radius;
  if ((spanX / cell + 4) * (spanY / cell + 4) > MAX_GRID_CELLS) cell = Math.sqrt((spanX * spanY) / MAX_GRID_CELLS) * 1.05;
  const r = Math.max(radius, 2 * cell); // keeps every reachable point ≥ one full cell inside the outline
  const x0 = minX - r - 2 * cell, y0 = minY - r - 2 * cell;
  const width = Math.ceil((maxX - minX + 2 * r) / cell) + 4, height = Math.ceil((maxY - minY + 2 * r) / cell) + 4;
  const grid = new Uint8Array(width * height);
  for (let i = 0; i < pieces.length; i += 4) {
    const ax = pieces[i], ay = pieces[i + 1], dx = pieces[i + 2] - ax, dy = pieces[i + 3] - ay;
    const len2 = dx * dx + dy * dy;
    const i0 = Math.max(0, Math.floor((Math.min(ax, ax + dx) - r - x0) / cell));
    const i1 = Math.min(width - 1, Math.ceil((Math.max(ax, ax + dx) + r - x0) / cell));
    const j0 = Math.max(0, Math.floor((Math.min(ay, ay + dy) - r - y0) / cell));
    const j1 = Math.min(height - 1, Math.ceil((Math.max(ay, ay + dy) + r - y0) / cell));
    for (let j = j0; j <= j1; j++) {
      const cy = y0 + (j + 0.5) * cell;
      for (let k = i0; k <= i1; k++) {
        if (grid[j * width + k] === 1) continue;
        const cx = x0 + (k + 0.5) * cell;
        let t = len2 > 0 ? ((cx - ax) * dx + (cy - ay) * dy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = ax + t * dx - cx, ey = ay + t * dy - cy;
        if (ex * ex + ey * ey <= r * r) grid[j * width + k] = 1;
      }
    }
  }
  const traced = contours().size([width, height]).thresholds([0.5])(grid as unknown as number[])[0];
  const toLngLat = (p: Position): Position => [lng0 + (x0 + p[0] * cell) / kx, lat0 + (y0 + p[1] * cell) / ky];
  const polygons = traced.coordinates.map((rings) => rings.map((ring, index) => {
    const converted = ring.map(toLngLat);
    const counterClockwise = signedArea(converted) > 0;
    return counterClockwise === (index === 0) ? converted : converted.reverse();
  }));
  const geometry: Polygon | MultiPolygon = polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, cellMeters: cell };
}

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum / 2;
}
