import type { TownshipSeat } from '../types';
import { EARTH_RADIUS_METERS } from './earth-radius-meters';

const RAD = Math.PI / 180;
const KM_PER_DEGREE = (EARTH_RADIUS_METERS * RAD) / 1000;

/** A local plane around the seats, in kilometres. */
export interface SeatPlane {
  /** Interleaved [x0, y0, x1, y1, …] of the seats, km. */
  coords: Float64Array;
  /** WGS-84 degrees → plane km. */
  toPlane(lng: number, lat: number): [number, number];
  /** Plane km → WGS-84 degrees. */
  toLngLat(x: number, y: number): [number, number];
}

/**
 * Seat positions in a local equirectangular plane in kilometres centred on the seats' mean position
 * (x = Δlng·cos φ₀·R·π/180, y = Δlat·R·π/180), the plane in which the engine draws township Voronoi
 * cells. Shared by `assignTownship` and `townshipAreas` so both give the same cells. Centring and
 * kilometre units keep d3-delaunay well conditioned (tiny degree offsets break its collinear case).
 *
 * @param seats - township seats (WGS-84 degrees)
 * @returns the seats' plane coordinates (km) and the two conversions
 * @example
 * const { coords, toLngLat } = seatPlanarCoords([{ code: 'a', lng: 106, lat: 32.6 }]); // coords = [0, 0]
 * @see https://en.wikipedia.org/wiki/Equirectangular_projection
 */
export function seatPlanarCoords(seats: readonly TownshipSeat[]): SeatPlane {
  let lng0 = 0, lat0 = 0;
  for (const s of seats) { lng0 += s.lng; lat0 += s.lat; }
  if (seats.length > 0) { lng0 /= seats.length; lat0 /= seats.length; }
  const kx = Math.cos(lat0 * RAD) * KM_PER_DEGREE;
  const toPlane = (lng: number, lat: number): [number, number] => [(lng - lng0) * kx, (lat - lat0) * KM_PER_DEGREE];
  const toLngLat = (x: number, y: number): [number, number] => [lng0 + x / kx, lat0 + y / KM_PER_DEGREE];
  const coords = new Float64Array(seats.length * 2);
  seats.forEach((s, i) => {
    [coords[2 * i], coords[2 * i + 1]] = toPlane(s.lng, s.lat);
  });
  return { coords, toPlane, toLngLat };
}
