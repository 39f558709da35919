import { EngineInputError } from '../types';
import type { CoverageTotals, DemandPoints, Facility, FacilityReach, ReachFunction, TownshipCoverage } from '../types';
import { coverageTotals, townshipCoverage } from './coverage-summary';

/** What changed after one edit. */
export interface CoverageUpdate {
  totals: CoverageTotals;
  /** Townships whose covered population changed (same shape as coverageFromReach's perTownship). */
  changedTownships: TownshipCoverage[];
}

/** Live coverage state; see {@link createIncrementalCoverage}. */
export interface IncrementalCoverage {
  /** Facilities reaching each demand point (live view, do not write). */
  readonly coverCount: Uint16Array;
  totals(): CoverageTotals;
  perTownship(): TownshipCoverage[];
  facilities(): Facility[];
  reachOf(id: string): FacilityReach | undefined;
  moveFacility(id: string, lng: number, lat: number): CoverageUpdate;
  addFacility(facility: Facility): CoverageUpdate;
  removeFacility(id: string): CoverageUpdate;
}

/**
 * Coverage state that follows edits without a full recompute: moving, adding or removing a facility
 * subtracts its old reach from the per-point cover counts and adds the new one, touching only the
 * demand points involved. Figures match `coverageFromReach` on the same reach (to float rounding).
 *
 * @param demand - demand points (persons)
 * @param initial - facilities at the start
 * @param reachFn - reach of one facility (straight-line or network), called once per edit
 * @returns the live state with totals, per-township figures and edit methods
 * @example
 * const live = createIncrementalCoverage(demand, facilities, createStraightLineReach(demand, opts));
 * const { totals, changedTownships } = live.moveFacility('site-7', 106.12, 32.66);
 * @see coverageFromReach for the full computation
 */
export function createIncrementalCoverage(
  demand: DemandPoints, initial: readonly Facility[], reachFn: ReachFunction,
): IncrementalCoverage {
  const n = demand.population.length;
  const codes = demand.townshipCodes;
  const outside = codes.length; // slot for townshipIndex -1
  const pop = demand.population;
  const older = demand.olderPopulation;
  const slot = Int32Array.from(demand.townshipIndex, (t) => (t >= 0 && t < codes.length ? t : outside));
  const tPop = new Float64Array(codes.length + 1);
  const tOld = new Float64Array(codes.length + 1);
  for (let i = 0; i < n; i++) { tPop[slot[i]] += pop[i]; tOld[slot[i]] += older[i]; }
  let population = 0, olderPopulation = 0;
  for (let i = 0; i < n; i++) { population += pop[i]; olderPopulation += older[i]; }
  const tCov = new Float64Array(codes.length + 1);
  const tOldCov = new Float64Array(codes.length + 1);
  const touched = new Uint8Array(codes.length + 1);
  const touchedList: number[] = [];
  const coverCount = new Uint16Array(n);
  const overflow = new Map<number, number>(); // counts above 65,535, rare
  let covered = 0, olderCovered = 0;
  const state = new Map<string, { facility: Facility; reach: FacilityReach }>();

  const touch = (t: number) => { if (!touched[t]) { touched[t] = 1; touchedList.push(t); } };
  const checkReach = (reach: FacilityReach, id: string) => {
    for (const i of reach.demandIndex) {
      if (i >= n) throw new EngineInputError(`reach of facility ${id} names demand point ${i} of ${n}`);
    }
  };
  const addReach = (reach: FacilityReach) => {
    for (const i of reach.demandIndex) {
      if (coverCount[i] === 65535) { overflow.set(i, (overflow.get(i) ?? 0) + 1); continue; }
      if (coverCount[i]++ === 0) {
        covered += pop[i]; olderCovered += older[i];
        tCov[slot[i]] += pop[i]; tOldCov[slot[i]] += older[i];
        touch(slot[i]);
      }
    }
  };
  const subtractReach = (reach: FacilityReach) => {
    for (const i of reach.demandIndex) {
      const extra = overflow.get(i);
      if (extra) { if (extra === 1) overflow.delete(i); else overflow.set(i, extra - 1); continue; }
      if (--coverCount[i] === 0) {
        covered -= pop[i]; olderCovered -= older[i];
        tCov[slot[i]] -= pop[i]; tOldCov[slot[i]] -= older[i];
        touch(slot[i]);
      }
    }
  };
  const township = (t: number): TownshipCoverage => townshipCoverage(t < codes.length ? codes[t] : null, tPop[t], tCov[t], tOld[t], tOldCov[t]);
  const totals = (): CoverageTotals => coverageTotals(population, covered, olderPopulation, olderCovered);
  const update = (): CoverageUpdate => {
    const changedTownships = touchedList.sort((a, b) => a - b).map(township);
    for (const t of touchedList) touched[t] = 0;
    touchedList.length = 0;
    return { totals: totals(), changedTownships };
  };
  const add = (facility: Facility): CoverageUpdate => {
    if (state.has(facility.id)) throw new EngineInputError(`facility ${facility.id} already exists`);
    const reach = reachFn(facility);
    checkReach(reach, facility.id);
    addReach(reach);
    state.set(facility.id, { facility: { ...facility }, reach });
    return update();
  };
  const existing = (id: string) => {
    const entry = state.get(id);
    if (!entry) throw new EngineInputError(`no facility with id ${id}`);
    return entry;
  };

  for (const f of initial) add(f);
  update();

  return {
    coverCount,
    totals,
    perTownship: () => {
      const list = codes.map((_, t) => township(t));
      if (tPop[outside] > 0 || tOld[outside] > 0) list.push(township(outside));
      return list;
    },
    facilities: () => [...state.values()].map((e) => ({ ...e.facility })),
    reachOf: (id) => state.get(id)?.reach,
    addFacility: add,
    removeFacility(id) {
      subtractReach(existing(id).reach);
      state.delete(id);
      return update();
    },
    moveFacility(id, lng, lat) {
      const entry = existing(id);
      const facility = { ...entry.facility, lng, lat };
      const reach = reachFn(facility); // may throw on bad coordinates: state stays unchanged
      checkReach(reach, id);
      subtractReach(entry.reach);
      addReach(reach);
      state.set(id, { facility, reach });
      return update();
    },
  };
}
