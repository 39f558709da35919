import { haversineMeters } from '../geo/haversine-meters';

/**
 * Adds `amount` persons to grid cells around a point with a Gaussian kernel (σ `sigmaMeters`, cut at 3σ),
 * weights normalised so exactly `amount` is added; a point with no cell within 3σ gives it all to its closest cell.
 *
 * @param pop - cell populations, added to in place
 * @param cellLng - cell centre longitudes (degrees)
 * @param cellLat - cell centre latitudes (degrees)
 * @param point - the kernel centre, WGS-84 degrees
 * @param amount - persons to add
 * @param sigmaMeters - kernel σ in metres
 * @example
 * spreadAroundPoint(pop, cellLng, cellLat, { lng: 105.88, lat: 32.64 }, 1200, 1000);
 * @see https://en.wikipedia.org/wiki/Kernel_density_estimation
 */
export function spreadAroundPoint(
  pop: Float64Array, cellLng: ArrayLike<number>, cellLat: ArrayLike<number>,
  point: { lng: number; lat: number }, amount: number, sigmaMeters: number,
): void {
  if (!(amount > 0)) return;
  const n = pop.length;
  const cutoff = 3 * sigmaMeters;
  const weights = new Float64Array(n);
  let sum = 0, closest = 0, closestMeters = Infinity;
  for (let i = 0; i < n; i++) {
    const d = haversineMeters(point.lng, point.lat, cellLng[i], cellLat[i]);
    if (d < closestMeters) { closestMeters = d; closest = i; }
    if (d <= cutoff) { weights[i] = Math.exp(-(d * d) / (2 * sigmaMeters * sigmaMeters)); sum += weights[i]; }
  }
  if (sum > 0) for (let i = 0; i < n; i++) { if (weights[i] > 0) pop[i] += amount * weights[i] / sum; }
  else pop[closest] += amount;
}
