/**
 * GCJ-02 ⇄ WGS-84 conversion for the shipped geodata, built on the `gcoord` package.
 *
 * gcoord's own GCJ-02 → WGS-84 inverse stops once the forward-transformed point is within 1e-6° of the input
 * (≈ 0.1 m), so the inverse used here is the importers' `toWgs84` (api/src/import/crs.ts), refined to 1e-10°.
 */
import gcoord from 'gcoord';
import { toWgs84 } from '../../api/src/import/crs.ts';

export type LngLat = [number, number];

const EARTH_RADIUS_METERS = 6_371_008.8;

/** gcoord's forward transform WGS-84 → GCJ-02 (the public offset formula). */
export function wgs84ToGcj02(point: LngLat): LngLat {
  const [lng, lat] = gcoord.transform(point, gcoord.WGS84, gcoord.GCJ02);
  return [lng, lat];
}

/** gcoord's own inverse GCJ-02 → WGS-84, unrefined (kept only to measure how far off it is). */
export function gcoordInverse(point: LngLat): LngLat {
  const [lng, lat] = gcoord.transform(point, gcoord.GCJ02, gcoord.WGS84);
  return [lng, lat];
}

/** GCJ-02 → WGS-84: the importers' toWgs84 (gcoord's inverse, refined until the residual < 1e-10°). */
export function gcj02ToWgs84(gcj: LngLat): LngLat {
  return toWgs84(gcj[0], gcj[1], 'gcj02');
}

/** Great-circle (haversine) distance in metres between two lng/lat points. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
}

/** Residual in metres of a WGS-84 point: distance between its forward GCJ-02 image and the GCJ-02 original. */
export function residualMeters(wgs: LngLat, gcj: LngLat): number {
  return distanceMeters(wgs84ToGcj02(wgs), gcj);
}

/** Rounds to 6 decimals (≈ 0.1 m), the stored precision. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Converts and rounds a GCJ-02 point to the stored WGS-84 form. */
export function toStoredWgs84(gcj: LngLat): LngLat {
  const [lng, lat] = gcj02ToWgs84(gcj);
  return [round6(lng), round6(lat)];
}
