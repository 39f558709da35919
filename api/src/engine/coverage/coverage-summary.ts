import type { CoverageTotals, DemandPoints, TownshipCoverage } from '../types';

/** Totals of a coverage: population and older population covered, in total and per township. */
export interface CoverageSummary {
  totals: CoverageTotals;
  /** One entry per township code, then one for the points outside every township when there are any. */
  perTownship: TownshipCoverage[];
}

/**
 * Population and older population covered, in total and per township, from a covered mask over the demand points.
 * Sums in demand index order, so every coverage path (per-point reach lists or the covered-population kernel) gives
 * the same figures to the last bit.
 *
 * @param demand - demand points (population in persons)
 * @param covered - per demand point, nonzero when covered
 * @returns totals (shares 0..1, 0 when nobody lives there) and per-township figures
 * @example
 * const { totals } = coverageSummary(demand, straightLineCovered(demand, facilities, 865)); // totals.share → 0.83
 */
export function coverageSummary(demand: DemandPoints, covered: Uint8Array): CoverageSummary {
  const n = demand.population.length;
  const pop = demand.population;
  const older = demand.olderPopulation;
  const codes = demand.townshipCodes;
  const { tPop, tOld, population, olderPopulation, slotStart, slotOrder, slotPop, slotOlder, runStart, runSlot } = demandTotals(demand);
  const tCov = new Float64Array(codes.length + 1); // last slot: outside every township
  const tOldCov = new Float64Array(codes.length + 1);
  let coveredPopulation = 0, olderCovered = 0;
  // Branch-free (a covered share near one half defeats branch prediction): w = 1 when k > 0, else 0, and an
  // uncovered point adds 0 × its weight = +0, which leaves every sum bit for bit as if it were skipped.
  if (runStart && runSlot) {
    // Townships come in long runs of consecutive points (gridded demand): one pass, each township's sums carried
    // in registers through its run and on from where its previous run left them (index order within it).
    for (let r = 0; r + 1 < runStart.length; r++) {
      const t = runSlot[r];
      let x = tCov[t], y = tOldCov[t];
      const end = runStart[r + 1];
      for (let i = runStart[r]; i < end; i++) {
        const k = covered[i];
        const w = (k | -k) >>> 31;
        const p = pop[i] * w, o = older[i] * w;
        coveredPopulation += p;
        olderCovered += o;
        x += p;
        y += o;
      }
      tCov[t] = x;
      tOldCov[t] = y;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const k = covered[i];
      const w = (k | -k) >>> 31;
      coveredPopulation += pop[i] * w;
      olderCovered += older[i] * w;
    }
    // Per township over its own points (index order within it), with the sums in registers.
    for (let t = 0; t <= codes.length; t++) {
      let x = 0, y = 0;
      const end = slotStart[t + 1];
      for (let j = slotStart[t]; j < end; j++) {
        const k = covered[slotOrder[j]];
        const w = (k | -k) >>> 31;
        x += slotPop[j] * w;
        y += slotOlder[j] * w;
      }
      tCov[t] = x;
      tOldCov[t] = y;
    }
  }

  const perTownship: TownshipCoverage[] = [];
  for (let t = 0; t <= codes.length; t++) {
    if (t === codes.length && tPop[t] === 0 && tOld[t] === 0) break;
    perTownship.push(townshipCoverage(t < codes.length ? codes[t] : null, tPop[t], tCov[t], tOld[t], tOldCov[t]));
  }
  const totals = coverageTotals(population, coveredPopulation, olderPopulation, olderCovered);
  return { totals, perTownship };
}

/**
 * One township's coverage figures from its sums (share 0 when nobody lives there).
 *
 * @example
 * townshipCoverage('510812101', 1200, 900, 250, 180).share; // 0.75
 */
export function townshipCoverage(code: string | null, population: number, covered: number, olderPopulation: number, olderCovered: number): TownshipCoverage {
  return { code, population, covered, share: population > 0 ? covered / population : 0, olderPopulation, olderCovered };
}

/**
 * Coverage totals from the sums (shares 0..1, 0 when nobody lives there).
 *
 * @example
 * coverageTotals(1000, 830, 200, 150).share; // 0.83
 */
export function coverageTotals(population: number, covered: number, olderPopulation: number, olderCovered: number): CoverageTotals {
  return {
    population, covered, share: population > 0 ? covered / population : 0,
    olderPopulation, olderCovered, olderShare: olderPopulation > 0 ? olderCovered / olderPopulation : 0,
  };
}

interface DemandTotals {
  tPop: Float64Array; tOld: Float64Array; population: number; olderPopulation: number;
  /** When townships come in runs of 16+ consecutive points on average: run r is runStart[r] .. runStart[r + 1] − 1, all in runSlot[r]. */
  runStart: Uint32Array | null; runSlot: Int32Array | null;
  /** Otherwise (else empty): demand indices grouped by township slot, ascending within each (slot t is slotOrder[slotStart[t] .. slotStart[t + 1] − 1]). */
  slotStart: Uint32Array; slotOrder: Uint32Array;
  /** Population and older population in that order (one gather fewer per point). */
  slotPop: Float64Array; slotOlder: Float64Array;
}
const totalsCache = new WeakMap<Float64Array, { demand: DemandPoints; totals: DemandTotals }>();

/**
 * Population and older population in total and per township slot (last slot: outside every township), and how to
 * walk each township's points in index order (runs, or grouped indices): facility-independent, so computed once per
 * demand version (cached on the population array, like the demand grid index).
 */
function demandTotals(demand: DemandPoints): DemandTotals {
  const hit = totalsCache.get(demand.population);
  if (hit && hit.demand.olderPopulation === demand.olderPopulation && hit.demand.townshipIndex === demand.townshipIndex
    && hit.demand.townshipCodes === demand.townshipCodes) return hit.totals;
  const n = demand.population.length;
  const codes = demand.townshipCodes;
  const tPop = new Float64Array(codes.length + 1);
  const tOld = new Float64Array(codes.length + 1);
  const slot = new Int32Array(n);
  let population = 0, olderPopulation = 0;
  for (let i = 0; i < n; i++) {
    population += demand.population[i];
    olderPopulation += demand.olderPopulation[i];
    const t = demand.townshipIndex[i] >= 0 && demand.townshipIndex[i] < codes.length ? demand.townshipIndex[i] : codes.length;
    slot[i] = t;
    tPop[t] += demand.population[i];
    tOld[t] += demand.olderPopulation[i];
  }
  let runs = 0;
  for (let i = 0; i < n; i++) if (i === 0 || slot[i] !== slot[i - 1]) runs++;
  let runStart: Uint32Array | null = null, runSlot: Int32Array | null = null;
  if (runs * 16 <= n) {
    runStart = new Uint32Array(runs + 1);
    runSlot = new Int32Array(runs);
    for (let i = 0, r = 0; i < n; i++) if (i === 0 || slot[i] !== slot[i - 1]) { runStart[r] = i; runSlot[r++] = slot[i]; }
    runStart[runs] = n;
  }
  // Scattered townships: each township's points in index order, with their weights in that order.
  const slotStart = new Uint32Array(runStart ? 0 : codes.length + 2);
  const slotOrder = new Uint32Array(runStart ? 0 : n);
  if (!runStart) {
    for (let i = 0; i < n; i++) slotStart[slot[i] + 1]++;
    for (let t = 0; t <= codes.length; t++) slotStart[t + 1] += slotStart[t];
    const fill = slotStart.slice(0, codes.length + 1);
    for (let i = 0; i < n; i++) slotOrder[fill[slot[i]]++] = i;
  }
  const slotPop = new Float64Array(slotOrder.length);
  const slotOlder = new Float64Array(slotOrder.length);
  for (let j = 0; j < slotOrder.length; j++) { slotPop[j] = demand.population[slotOrder[j]]; slotOlder[j] = demand.olderPopulation[slotOrder[j]]; }
  const totals = { tPop, tOld, population, olderPopulation, slotStart, slotOrder, slotPop, slotOlder, runStart, runSlot };
  totalsCache.set(demand.population, { demand, totals });
  return totals;
}
