/**
 * Fast repeated point-in-polygon tests against one (multi)polygon: a grid answers most points
 * from a precomputed inside/outside flag, and cells that a ring crosses fall back to even-odd ray
 * casting against only the edges of the point's horizontal strip.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type PointInPolygon = (lng: number, lat: number) => boolean;

/**
 * Builds a tester for `geometry` (WGS-84 lng/lat). Holes and multiple parts follow the even-odd rule.
 * @example const inside = pointInPolygonGrid(districtBoundary); inside(106.15, 32.64)
 */
export function pointInPolygonGrid(geometry: Polygon | MultiPolygon, gridSize = 256): PointInPolygon {
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const segs: number[] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[i + 1];
        segs.push(x1, y1, x2, y2);
        minX = Math.min(minX, x1); maxX = Math.max(maxX, x1);
        minY = Math.min(minY, y1); maxY = Math.max(maxY, y1);
      }
      // Close the ring if the file forgot to.
      const a = ring[0], b = ring[ring.length - 1];
      if (ring.length > 1 && (a[0] !== b[0] || a[1] !== b[1])) segs.push(b[0], b[1], a[0], a[1]);
    }
  }
  const edgeCount = segs.length / 4;
  if (edgeCount < 3) return () => false;
  const edges = Float64Array.from(segs);
  const n = gridSize;
  const cellW = (maxX - minX) / n || 1e-9;
  const cellH = (maxY - minY) / n || 1e-9;
  const col = (x: number) => Math.min(n - 1, Math.max(0, Math.floor((x - minX) / cellW)));
  const row = (y: number) => Math.min(n - 1, Math.max(0, Math.floor((y - minY) / cellH)));

  // Strips: edges overlapping each row's latitude range.
  const stripLists: number[][] = Array.from({ length: n }, () => []);
  const cell = new Int8Array(n * n); // 0 unknown, 1 inside, 2 outside, 3 crossed by a ring
  for (let e = 0; e < edgeCount; e++) {
    const x1 = edges[4 * e], y1 = edges[4 * e + 1], x2 = edges[4 * e + 2], y2 = edges[4 * e + 3];
    const r0 = row(Math.min(y1, y2)), r1 = row(Math.max(y1, y2));
    const c0 = col(Math.min(x1, x2)), c1 = col(Math.max(x1, x2));
    for (let r = r0; r <= r1; r++) {
      stripLists[r].push(e);
      for (let c = c0; c <= c1; c++) cell[r * n + c] = 3;
    }
  }
  const strips = stripLists.map((l) => Uint32Array.from(l));

  const rayCast = (x: number, y: number): boolean => {
    const list = strips[row(y)];
    let inside = false;
    for (let k = 0; k < list.length; k++) {
      const e = list[k] * 4;
      const x1 = edges[e], y1 = edges[e + 1], x2 = edges[e + 2], y2 = edges[e + 3];
      if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
    }
    return inside;
  };

  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (cell[r * n + c] === 0) cell[r * n + c] = rayCast(minX + (c + 0.5) * cellW, minY + (r + 0.5) * cellH) ? 1 : 2;
    }
  }

  return (lng: number, lat: number) => {
    if (!(lng >= minX && lng <= maxX && lat >= minY && lat <= maxY)) return false;
    const s = cell[row(lat) * n + col(lng)];
    if (s === 1) return true;
    if (s === 2) return false;
    return rayCast(lng, lat);
  };
}
