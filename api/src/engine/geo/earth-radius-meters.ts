/**
 * Sphere radius in metres used by every straight-line distance in the engine (haversine, degree ↔ metre steps).
 * It is Turf's Earth radius (the IUGG mean radius (2a+b)/3 of WGS-84 rounded to 0.1 m), so engine
 * distances match `turf.distance`. PostGIS `use_spheroid=false` uses the unrounded 6,371,008.7714 m:
 * a relative difference of 4.5e-9 (4 µm at 1 km), far below any planning precision.
 *
 * @example
 * const metersPerDegree = EARTH_RADIUS_METERS * (Math.PI / 180); // ≈ 111,195 m
 * @see https://en.wikipedia.org/wiki/Earth_radius#Mean_radius
 */
export const EARTH_RADIUS_METERS = 6371008.8;
