import { seededRandom } from '../seeded-random';
import type { PreparedCoverage } from './plan-check-problem';
import { setTranspose } from './plan-dominance';
import type { ReducedCoverage } from './plan-reduce-demand';

/** Outcome of {@link planTabuMinSites}. */
export interface TabuMinSitesOutcome {
  /** Candidates of the fewest-site plan found (the start when no smaller one was found). */
  chosen: number[];
  /** Levels won: plans with one site fewer found. */
  reductions: number;
  /** Swap moves made over all levels. */
  iterations: number;
  /** Best newly covered weight met with one site fewer than `chosen` (0 when that level was not searched). */
  bestBelow: number;
}

/** Tabu tenures (iterations): a removed column may not come back, an added one may not leave (base + random). */
const TENURE_OUT = [20, 10] as const;
const TENURE_IN = [8, 5] as const;
/** Swaps without reaching the target before the level starts again from its first plan (new random stream). */
const RESTART_EVERY = 100;

/**
 * Tabu search for the fewest sites reaching `needed` (newly covered weight), from a plan `start` that reaches it:
 * eject the site that loses least, then, with the count fixed, make the best swap (site out, column in) that is
 * not tabu — even a worsening one — until the plan reaches `needed` again (keep it, eject again) or
 * `iterationsPerLevel` swaps are spent (return the last plan that reached it). A column just removed may not
 * return, and one just added may not leave, for a few iterations; a tabu swap is allowed when it beats the best
 * coverage of the level (aspiration). Ties are broken at random (seeded). Township minimums stay met: a site in a
 * township at its minimum only leaves for a column of the same township. Works on the reduced model, one pass
 * over the unchosen columns' rows per swap (gain − loss + overlap, as in planSwapSearch).
 * Measured on the large stress set: the clustered 95% case where the Lagrangian plan was 60 sites reaches the
 * HiGHS optimum, 58, in a few swaps; plain descent (1-swap) stops in local optima there.
 *
 * @example
 * const fewer = planTabuMinSites(prepared, reduced, plan, needed, lowerBound, { iterationsPerLevel: 500 });
 * fewer.chosen.length; // ≤ plan.length
 * @see Glover 1989, "Tabu search — part I"; Gao et al. 2015 (weighting local search for unicost set covering).
 */
export function planTabuMinSites(
  prepared: PreparedCoverage, reduced: ReducedCoverage, start: readonly number[], needed: number, lowerBound: number,
  options: { iterationsPerLevel: number; seed?: number; restartEvery?: number },
): TabuMinSitesOutcome {
  const search = new SwapTabu(prepared, reduced, options.seed ?? 1);
  const { columnCandidate } = reduced;
  const columnOf = new Map<number, number>();
  columnCandidate.forEach((j, c) => columnOf.set(j, c));
  const floor = needed - search.tolerance;
  // Start candidates outside the model cover no open demand and have no township minimum: never needed.
  for (const j of start) { const c = columnOf.get(j); if (c !== undefined) search.add(c); }
  const { chosen } = search;
  let best = chosen.slice();
  let reductions = 0;
  let bestBelow = 0;
  while (search.value >= floor && chosen.length - 1 >= Math.max(lowerBound, prepared.minimumTotal, 1)) {
    let weakest = -1;
    let weakestLoss = Infinity;
    for (const c of chosen) {
      if (search.tight(c)) continue;
      const l = search.lossOf(c);
      if (l < weakestLoss) { weakestLoss = l; weakest = c; }
    }
    if (weakest < 0) break;
    search.remove(weakest);
    let levelBest = search.value;
    const levelStart = chosen.slice();
    for (let it = 0; search.value < floor && it < options.iterationsPerLevel; it++) {
      search.iterations++;
      if (it > 0 && it % (options.restartEvery ?? RESTART_EVERY) === 0) {
        while (chosen.length > 0) search.remove(chosen[chosen.length - 1]);
        for (const c of levelStart) search.add(c);
        search.tabuUntil.fill(0);
      }
      if (!search.swap(levelBest)) {
        // Every swap is tabu: forget the memory and look again.
        if (search.tabuUntil.some((t) => t > search.iterations)) { search.tabuUntil.fill(0); continue; }
        break;
      }
      if (search.value > levelBest) levelBest = search.value;
    }
    if (search.value < floor) { bestBelow = levelBest; break; }
    best = chosen.slice();
    reductions++;
  }
  return { chosen: best.map((c) => columnCandidate[c]), reductions, iterations: search.iterations, bestBelow };
}

/** Cover counts of the chosen columns, the tabu memory and the best-swap step. */
class SwapTabu {
  readonly chosen: number[] = [];
  value = 0;
  iterations = 0;
  readonly tolerance: number;
  readonly tabuUntil: Int32Array;
  private readonly w: Float64Array;
  private readonly colStarts: Int32Array;
  private readonly colRows: Int32Array;
  private readonly township: Int32Array;
  private readonly count: Int32Array;
  private readonly xor: Int32Array;
  private readonly position: Int32Array;
  private readonly loss: Float64Array;
  private readonly overlap: Float64Array;
  private readonly blocked: Uint8Array;
  private readonly touched: number[] = [];
  private readonly byLoss: number[] = [];
  private readonly inTownship = new Map<number, number>();
  private readonly rand: () => number;

  constructor(private readonly prepared: PreparedCoverage, reduced: ReducedCoverage, seed: number) {
    const R = reduced.rowWeight.length;
    const C = reduced.columnCandidate.length;
    const cols = setTranspose(reduced.rowStarts, reduced.rowColumns, R, C);
    this.w = reduced.rowWeight;
    this.colStarts = cols.starts;
    this.colRows = cols.items;
    this.township = Int32Array.from(reduced.columnCandidate, (j) => prepared.township[j]);
    this.count = new Int32Array(R);
    this.xor = new Int32Array(R);
    this.position = new Int32Array(C).fill(-1);
    this.tabuUntil = new Int32Array(C);
    this.loss = new Float64Array(C);
    this.overlap = new Float64Array(C);
    this.blocked = new Uint8Array(C);
    this.rand = seededRandom(seed);
    this.tolerance = 1e-9 * Math.max(1, prepared.totalWeight);
  }

  add(c: number): void {
    const { count, xor, w, colRows } = this;
    this.position[c] = this.chosen.length;
    this.chosen.push(c);
    this.inTownship.set(this.township[c], (this.inTownship.get(this.township[c]) ?? 0) + 1);
    for (let p = this.colStarts[c]; p < this.colStarts[c + 1]; p++) { const r = colRows[p]; if (count[r]++ === 0) this.value += w[r]; xor[r] ^= c; }
  }

  remove(c: number): void {
    const { count, xor, w, colRows, chosen, position } = this;
    const last = chosen.pop()!;
    if (last !== c) { chosen[position[c]] = last; position[last] = position[c]; }
    position[c] = -1;
    this.inTownship.set(this.township[c], this.inTownship.get(this.township[c])! - 1);
    for (let p = this.colStarts[c]; p < this.colStarts[c + 1]; p++) { const r = colRows[p]; if (--count[r] === 0) this.value -= w[r]; xor[r] ^= c; }
  }

  lossOf(c: number): number {
    let l = 0;
    for (let p = this.colStarts[c]; p < this.colStarts[c + 1]; p++) if (this.count[this.colRows[p]] === 1) l += this.w[this.colRows[p]];
    return l;
  }

  /** Chosen column c sits in a township at its minimum. */
  tight(c: number): boolean {
    const min = this.prepared.minimums.get(this.township[c]);
    return min !== undefined && this.inTownship.get(this.township[c])! <= min;
  }

  /**
   * Makes the best swap that is not tabu (or beats `levelBest`: aspiration), ties at random; false when none is
   * allowed. Gain of (out q, in j): gain(j) − loss(q) + overlap(q, j), one pass over the unchosen columns' rows.
   */
  swap(levelBest: number): boolean {
    const { w, colStarts, colRows, count, xor, position, tabuUntil, loss, overlap, blocked, touched, byLoss, township, tolerance } = this;
    const now = this.iterations;
    const C = position.length;
    byLoss.length = 0;
    const minimums = this.prepared.minimums.size > 0;
    for (const c of this.chosen) { loss[c] = this.lossOf(c); byLoss.push(c); blocked[c] = minimums && this.tight(c) ? 1 : 0; }
    byLoss.sort((a, b) => loss[a] - loss[b]);
    let bestDelta = -Infinity;
    let bestOut = -1;
    let bestIn = -1;
    let ties = 0;
    const aspiration = levelBest + tolerance - this.value;
    for (let j = 0; j < C; j++) {
      if (position[j] >= 0) continue;
      let gain = 0;
      for (let p = colStarts[j]; p < colStarts[j + 1]; p++) {
        const r = colRows[p];
        if (count[r] === 0) gain += w[r];
        else if (count[r] === 1) { const q = xor[r]; if (overlap[q] === 0) touched.push(q); overlap[q] += w[r]; }
      }
      const inTabu = tabuUntil[j] > now;
      // Touched sites exactly; then untouched ones, least loss first: the first one allowed is the best of them.
      for (let t = 0, n = touched.length, untouched = 0; t <= n + byLoss.length; t++) {
        let q: number;
        let delta: number;
        if (t < n) { q = touched[t]; delta = gain - loss[q] + overlap[q]; } else {
          if (untouched >= byLoss.length) break;
          q = byLoss[untouched++];
          if (overlap[q] !== 0) continue;
          delta = gain - loss[q];
        }
        if ((inTabu || tabuUntil[q] > now) && delta <= aspiration) continue;
        if (blocked[q] && township[q] !== township[j]) continue;
        if (delta > bestDelta + tolerance) { bestDelta = delta; bestOut = q; bestIn = j; ties = 1; } else if (delta >= bestDelta - tolerance && this.rand() * ++ties < 1) { bestOut = q; bestIn = j; }
        if (t >= n) break;
      }
      for (const q of touched) overlap[q] = 0;
      touched.length = 0;
    }
    if (bestIn < 0) return false;
    this.remove(bestOut);
    this.add(bestIn);
    // Tenures shrink on small plans and models: a quarter of the sites (or of the other columns) at most.
    const k = this.chosen.length;
    tabuUntil[bestOut] = now + Math.min(TENURE_OUT[0], (C - k) >> 2) + Math.floor(this.rand() * TENURE_OUT[1]);
    tabuUntil[bestIn] = now + Math.min(TENURE_IN[0], k >> 2) + Math.floor(this.rand() * Math.min(TENURE_IN[1], (k >> 2) + 1));
    return true;
  }
}
