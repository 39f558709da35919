import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { assignTownship } from '../townships/assign-township';
import { haversineMeters } from '../geo/haversine-meters';
import { spreadAroundPoint } from './spread-around-point';
import { EngineInputError } from '../types';
import type { ApproximateTownshipDemand, TownshipSeat } from '../types';
import { EARTH_RADIUS_METERS } from '../geo/earth-radius-meters';
import { MESSAGES, fillParams } from '../../schemas/messages';

const RAD = Math.PI / 180;
const MAX_GRID_CELLS = 5_000_000;

/** Plain-language description of the modelled demand surface (shown to users with the data; worded once in schemas/messages.ts). */
export const MODELLED_DEMAND_METHOD = MESSAGES.en['demand.modelled'];

/** Input of {@link modelledDemand}. */
export interface ModelledDemandInput {
  boundary: Feature<MultiPolygon | Polygon>;
  seats: readonly TownshipSeat[];
  townshipCodes: string[];
  /** Residents in the boundary (census total). */
  population: number;
  /** Share 0..1 of residents living in seat towns. */
  urbanShare: number;
  /** Share 0..1 of residents aged 65+. */
  olderShare: number;
  /** Grid cell edge in metres (default 400). */
  cellMeters?: number;
  /** Gaussian σ of the urban kernel in metres (default 1,500). */
  sigmaMeters?: number;
  /**
   * Placed villages (村) and communities (社区) that anchor the model, with every township's counts of both
   * (placed or not): see {@link MODELLED_DEMAND_METHOD}. Without it rural population is uniform.
   */
  anchors?: {
    points: readonly { townshipCode: string; type: 'village' | 'community'; lng: number; lat: number }[];
    counts: Readonly<Record<string, { villages: number; communities: number }>>;
    /** σ of the kernel around each placed village or community, metres (default 1,000). */
    sigmaMeters?: number;
  };
}

/**
 * Models where residents live when no census grid is available: grid cells inside the boundary,
 * urban population around the seats (Gaussian kernel), rural population spread uniformly; see
 * {@link MODELLED_DEMAND_METHOD}. Cell populations sum to `population` (to floating-point rounding).
 *
 * @param input - boundary, seats, township codes, population (persons), shares (0..1), cellMeters (m)
 * @returns demand points (one per populated cell) labelled `modelled: true` with the method text
 * @example
 * const demand = modelledDemand({ boundary, seats, townshipCodes, population: 126506,
 *   urbanShare: 0.35, olderShare: 0.2105 });
 * @see https://en.wikipedia.org/wiki/Kernel_density_estimation
 */
export function modelledDemand(input: ModelledDemandInput): ApproximateTownshipDemand {
  const { boundary, seats, townshipCodes, population, urbanShare, olderShare } = input;
  const cellMeters = input.cellMeters ?? 400;
  const sigma = input.sigmaMeters ?? 1500;
  if (!(population >= 0) || !(urbanShare >= 0 && urbanShare <= 1) || !(olderShare >= 0 && olderShare <= 1)) {
    throw new EngineInputError('population must be ≥ 0 and urbanShare, olderShare within 0..1');
  }
  if (!(cellMeters > 0) || !(sigma > 0)) throw new EngineInputError('cellMeters and sigmaMeters must be > 0');
  if (urbanShare > 0 && seats.length === 0) throw new EngineInputError('urbanShare > 0 needs at least one seat');

  const rings: Position[][] = boundary.geometry.type === 'Polygon'
    ? boundary.geometry.coordinates : boundary.geometry.coordinates.flat();
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const ring of rings) for (const [x, y] of ring) {
    minLng = Math.min(minLng, x); maxLng = Math.max(maxLng, x);
    minLat = Math.min(minLat, y); maxLat = Math.max(maxLat, y);
  }
  const stepLat = cellMeters / (EARTH_RADIUS_METERS * RAD);
  const stepLng = stepLat / Math.cos(((minLat + maxLat) / 2) * RAD);
  const cols = Math.ceil((maxLng - minLng) / stepLng);
  const rows = Math.ceil((maxLat - minLat) / stepLat);
  if (!(cols * rows <= MAX_GRID_CELLS)) throw new EngineInputError('boundary too large for this cellMeters');

  // Scanline even-odd fill: a cell is kept when its centre is inside the boundary.
  const cellLng: number[] = [];
  const cellLat: number[] = [];
  for (let j = 0; j < rows; j++) {
    const y = minLat + (j + 0.5) * stepLat;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
        const [x1, y1] = ring[m];
        const [x2, y2] = ring[k];
        if ((y1 <= y) !== (y2 <= y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const first = Math.max(0, Math.ceil((xs[k] - minLng) / stepLng - 0.5));
      for (let i = first; i < cols; i++) {
        const x = minLng + (i + 0.5) * stepLng;
        if (x >= xs[k + 1]) break;
        if (x > xs[k]) { cellLng.push(x); cellLat.push(y); }
      }
    }
  }
  const n = cellLng.length;
  if (n === 0) throw new EngineInputError('no grid cell centre lies inside the boundary; use a smaller cellMeters');

  const pop = new Float64Array(n);
  const nearestSeatMeters = new Float64Array(n).fill(Infinity);
  const cellTownship = new Int32Array(n).fill(-1); // nearest township (non-district) seat
  const nearestTownshipMeters = new Float64Array(n).fill(Infinity);
  seats.forEach((seat, k) => {
    for (let i = 0; i < n; i++) {
      const d = haversineMeters(seat.lng, seat.lat, cellLng[i], cellLat[i]);
      if (d < nearestSeatMeters[i]) nearestSeatMeters[i] = d;
      if (!seat.isDistrictSeat && d < nearestTownshipMeters[i]) { nearestTownshipMeters[i] = d; cellTownship[i] = k; }
    }
  });
  const anchors = input.anchors;
  const anchorSigma = anchors?.sigmaMeters ?? 1000;
  const placed = (code: string, type: 'village' | 'community') => anchors?.points.filter((p) => p.townshipCode === code && p.type === type) ?? [];
  const countOf = (code: string, type: 'village' | 'community') => anchors?.counts[code]?.[type === 'village' ? 'villages' : 'communities'] ?? 0;

  // Urban: each seat's share around the seat; placed communities (社区) of its township take theirs from it.
  const districtSeats = seats.filter((s) => s.isDistrictSeat);
  const otherSeats = seats.filter((s) => !s.isDistrictSeat);
  const urban = population * urbanShare;
  const groups: Array<[readonly TownshipSeat[], number]> = districtSeats.length > 0 && otherSeats.length > 0
    ? [[districtSeats, 0.5], [otherSeats, 0.5]] : [[seats, 1]];
  for (const [group, groupShare] of groups) {
    for (const seat of group) {
      const seatUrban = urban * groupShare / group.length;
      const communities = placed(seat.code, 'community');
      const total = countOf(seat.code, 'community');
      const perCommunity = total > 0 ? seatUrban / total : 0;
      for (const c of communities) spreadAroundPoint(pop, cellLng, cellLat, c, perCommunity, anchorSigma);
      spreadAroundPoint(pop, cellLng, cellLat, seat, seatUrban - perCommunity * communities.length, sigma);
    }
  }

  // Rural: cells farther than 1σ from every seat; each township gets its share of those cells. Placed villages
  // take an equal share each, spread around their point; the unplaced villages' shares stay uniform.
  let ruralCells = 0;
  for (let i = 0; i < n; i++) if (nearestSeatMeters[i] > sigma) ruralCells++;
  const isRural = (i: number) => ruralCells === 0 || nearestSeatMeters[i] > sigma;
  const ruralCount = ruralCells === 0 ? n : ruralCells;
  const rural = population - urban;
  const perTownshipCells = new Float64Array(seats.length + 1);
  for (let i = 0; i < n; i++) if (isRural(i)) perTownshipCells[cellTownship[i] + 1]++;
  const uniformShare = new Float64Array(seats.length + 1); // persons per rural cell, by township (+1 offset)
  for (let k = -1; k < seats.length; k++) {
    const townshipRural = rural * perTownshipCells[k + 1] / ruralCount;
    if (k < 0 || seats[k].isDistrictSeat) { uniformShare[k + 1] = townshipRural / Math.max(1, perTownshipCells[k + 1]); continue; }
    const villages = placed(seats[k].code, 'village');
    const total = Math.max(countOf(seats[k].code, 'village'), villages.length);
    const perVillage = total > 0 ? townshipRural / total : 0;
    for (const v of villages) spreadAroundPoint(pop, cellLng, cellLat, v, perVillage, anchorSigma);
    uniformShare[k + 1] = (townshipRural - perVillage * villages.length) / Math.max(1, perTownshipCells[k + 1]);
  }
  for (let i = 0; i < n; i++) if (isRural(i)) pop[i] += uniformShare[cellTownship[i] + 1];
  let total = 0, largest = 0;
  for (let i = 0; i < n; i++) { total += pop[i]; if (pop[i] > pop[largest]) largest = i; }
  pop[largest] += population - total; // put the floating-point residue where it is relatively smallest

  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (pop[i] > 0) keep.push(i);
  const population64 = Float64Array.from(keep, (i) => pop[i]);
  const parameters: Record<string, number> = {
    cellMeters, sigmaMeters: sigma, urbanShare, olderShare, population,
    ...(anchors ? {
      villageSigmaMeters: anchorSigma, placed: anchors.points.length,
      total: Object.values(anchors.counts).reduce((a, c) => a + c.villages + c.communities, 0),
    } : {}),
  };
  const method = MODELLED_DEMAND_METHOD + fillParams(MESSAGES.en['demand.parameters'], parameters)
    + (anchors ? fillParams(MESSAGES.en['demand.anchored'], parameters) : '') + '.';
  const demand = {
    lng: Float64Array.from(keep, (i) => cellLng[i]),
    lat: Float64Array.from(keep, (i) => cellLat[i]),
    population: population64,
    olderPopulation: population64.map((p) => p * olderShare),
    townshipIndex: new Int32Array(keep.length).fill(-1),
    townshipCodes: [...townshipCodes],
    cellHalfSizeMeters: cellMeters / 2,
    source: { name: 'modelled demand surface', modelled: true, method, parameters },
  };
  return assignTownship(demand, seats);
}
