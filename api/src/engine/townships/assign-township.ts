import { Delaunay } from 'd3-delaunay';
import { seatPlanarCoords } from '../geo/seat-planar-coords';
import { EngineInputError } from '../types';
import type { ApproximateTownshipDemand, DemandPoints, TownshipSeat } from '../types';

/**
 * Assigns every demand point to the township of its nearest seat (a Voronoi partition of the seats
 * in a local equirectangular plane) and marks the result approximate: real township borders are not
 * Voronoi cells. Townships without a seat get no points.
 *
 * @param demand - demand points; `townshipCodes` must contain every seat's code
 * @param seats - township seats (WGS-84 degrees)
 * @returns a copy of `demand` with a new `townshipIndex` and `townshipApproximate: true`
 * @example
 * const withTownships = assignTownship(demand, [{ code: '510812100', lng: 105.89, lat: 32.64 }]);
 * @see https://en.wikipedia.org/wiki/Voronoi_diagram
 */
export function assignTownship(demand: DemandPoints, seats: readonly TownshipSeat[]): ApproximateTownshipDemand {
  const codeIndex = new Map(demand.townshipCodes.map((c, i) => [c, i]));
  const seatTownship = seats.map((s) => {
    const t = codeIndex.get(s.code);
    if (t === undefined) throw new EngineInputError(`seat code ${s.code} is not one of the demand's township codes`);
    return t;
  });
  const n = demand.lng.length;
  const townshipIndex = new Int32Array(n).fill(-1);
  if (seats.length > 0) {
    const { coords, toPlane } = seatPlanarCoords(seats);
    const delaunay = new Delaunay(coords);
    let last = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = toPlane(demand.lng[i], demand.lat[i]);
      last = delaunay.find(x, y, last);
      townshipIndex[i] = seatTownship[last];
    }
  }
  return { ...demand, townshipIndex, townshipApproximate: true };
}
