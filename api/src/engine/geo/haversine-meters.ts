import { EARTH_RADIUS_METERS } from './earth-radius-meters';

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two WGS-84 points on a sphere of radius
 * {@link EARTH_RADIUS_METERS} (haversine formula).
 *
 * @param lng1 - longitude of the first point, degrees
 * @param lat1 - latitude of the first point, degrees
 * @param lng2 - longitude of the second point, degrees
 * @param lat2 - latitude of the second point, degrees
 * @returns distance in metres
 * @example
 * haversineMeters(106.1, 32.65, 106.1, 32.66); // ≈ 1111.95
 * @see https://en.wikipedia.org/wiki/Haversine_formula
 */
export function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sinDLat = Math.sin((lat2 - lat1) * RAD * 0.5);
  const sinDLng = Math.sin((lng2 - lng1) * RAD * 0.5);
  const h = sinDLat * sinDLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinDLng * sinDLng;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}
