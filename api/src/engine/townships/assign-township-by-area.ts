import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox } from '@turf/bbox';
import type { MultiPolygon, Polygon } from 'geojson';
import type { DemandPoints } from '../types';

/** A township's real (imported) polygon, WGS-84. */
export interface TownshipArea {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Assigns every demand point to the township polygon that contains it (imported boundaries, not
 * approximations). Points inside no polygon fall back to `fallback` (e.g. the nearest-seat assignment)
 * when given, else get -1. Polygons are indexed by bounding box (flatbush) so each point tests few.
 *
 * @param demand - demand points; `townshipCodes` lists the codes `townshipIndex` refers to
 * @param areas - township polygons (WGS-84); codes not in `demand.townshipCodes` are ignored
 * @param fallback - township index per point used where no polygon contains the point
 * @returns a copy of `demand` with the new `townshipIndex`
 * @example
 * const d = assignTownshipByArea(demand, [{ code: '510812100', geometry: polygon }]);
 */
export function assignTownshipByArea(demand: DemandPoints, areas: readonly TownshipArea[], fallback?: Int32Array): DemandPoints {
  const codeIndex = new Map(demand.townshipCodes.map((c, i) => [c, i]));
  const usable = areas.filter((a) => codeIndex.has(a.code));
  const n = demand.lng.length;
  const townshipIndex = new Int32Array(n).fill(-1);
  if (fallback) townshipIndex.set(fallback.subarray(0, n));
  if (usable.length === 0) return { ...demand, townshipIndex };
  const index = new Flatbush(usable.length);
  for (const a of usable) {
    const [minX, minY, maxX, maxY] = bbox(a.geometry);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  for (let i = 0; i < n; i++) {
    const p = [demand.lng[i], demand.lat[i]];
    for (const k of index.search(p[0], p[1], p[0], p[1])) {
      if (booleanPointInPolygon(p, usable[k].geometry)) {
        townshipIndex[i] = codeIndex.get(usable[k].code)!;
        break;
      }
    }
  }
  return { ...demand, townshipIndex };
}
