/**
 * Browser-side live coverage for dragging proposals: the engine's incremental coverage over the
 * demand points of GET /api/demand, with straight-line reach. No server round trip per frame.
 */
import { createIncrementalCoverage, type IncrementalCoverage } from '../../../api/src/engine/coverage/index.ts';
import { createStraightLineReach } from '../../../api/src/engine/coverage/index.ts';
import type { DemandPoints, Facility } from '../../../api/src/engine/types';

/** The parts of a GET /api/demand answer the live coverage needs. */
export interface DemandFeatureLike {
  geometry: { coordinates: readonly number[] };
  properties: { population: number; olderPopulation: number; townshipCode: string | null };
}

/**
 * Turns demand features (points with population, residents 65+ and township) into engine demand points.
 * @example demandPointsFromFeatures((await plannerApi.demand()).features, 'modelled demand')
 */
export function demandPointsFromFeatures(features: readonly DemandFeatureLike[], sourceName = 'demand'): DemandPoints {
  const n = features.length;
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const d: DemandPoints = {
    lng: new Float64Array(n), lat: new Float64Array(n), population: new Float64Array(n), olderPopulation: new Float64Array(n),
    townshipIndex: new Int32Array(n), townshipCodes: codes, cellHalfSizeMeters: 0,
    source: { name: sourceName, modelled: false, method: 'from GET /api/demand' },
  };
  features.forEach((f, i) => {
    d.lng[i] = f.geometry.coordinates[0];
    d.lat[i] = f.geometry.coordinates[1];
    d.population[i] = f.properties.population;
    d.olderPopulation[i] = f.properties.olderPopulation;
    const code = f.properties.townshipCode;
    if (code === null) d.townshipIndex[i] = -1;
    else {
      let t = codeIndex.get(code);
      if (t === undefined) {
        t = codes.length;
        codes.push(code);
        codeIndex.set(code, t);
      }
      d.townshipIndex[i] = t;
    }
  });
  return d;
}

/** Straight-line travel: the radius the API reported for the scenario's mode and minutes. */
export interface StraightLineTravel {
  radiusMeters: number;
  speedKmh: number;
  detourFactor: number;
}

/** Covered people, overall and per township (code → covered), rounded to whole persons. */
export interface LiveNumbers {
  covered: number;
  share: number;
  olderCovered: number;
  townships: Record<string, number>;
}

/** Live coverage of the network plus a scenario's proposals; `move` re-counts after one proposal moves. */
export interface LiveCoverage {
  numbers(): LiveNumbers;
  move(id: string, lng: number, lat: number): LiveNumbers;
  engine: IncrementalCoverage;
}

/**
 * Starts live coverage over `demand` for the network's facilities plus the proposals.
 * @example const live = createLiveCoverage(demand, [...sites, ...proposals], { radiusMeters: 865, speedKmh: 4.5, detourFactor: 1.3 })
 */
export function createLiveCoverage(demand: DemandPoints, facilities: readonly Facility[], travel: StraightLineTravel): LiveCoverage {
  const engine = createIncrementalCoverage(demand, facilities, createStraightLineReach(demand, travel));
  const numbers = (): LiveNumbers => {
    const t = engine.totals();
    const townships: Record<string, number> = {};
    for (const tw of engine.perTownship()) if (tw.code !== null) townships[tw.code] = Math.round(tw.covered);
    return { covered: Math.round(t.covered), share: t.share, olderCovered: Math.round(t.olderCovered), townships };
  };
  return {
    engine,
    numbers,
    move(id, lng, lat) {
      engine.moveFacility(id, lng, lat);
      return numbers();
    },
  };
}
