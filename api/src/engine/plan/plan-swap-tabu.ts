import { seededRandom } from '../seeded-random';
import type { PreparedCoverage } from './plan-check-problem';
import { setTranspose } from './plan-dominance';
import type { ReducedCoverage } from './plan-reduce-demand';

/** Tabu tenures (swaps): a removed column may not come back, an added one may not leave (base + random). */
const TENURE_OUT = [20, 10] as const;
const TENURE_IN = [8, 5] as const;

/**
 * State of a swap-based tabu search on the reduced model (planTabuMinSites): cover counts of the chosen columns
 * (count and XOR of coverers per row, so the single coverer of a row is known), the tabu memory and the best-swap
 * step. A column just removed may not return for 20–29 swaps, one just added may not leave for 8–12 (both
 * shortened to a quarter of the plan or of the other columns on small models); a tabu swap is allowed when it
 * beats the best coverage of the level (aspiration). Ties are broken at random (seeded). Township minimums stay
 * met: a site in a township at its minimum only leaves for a column of the same township.
 *
 * @example
 * const search = new SwapTabu(prepared, reduced, 1);
 * for (const c of columns) search.add(c);
 * search.iterations++; search.swap(bestSoFar); search.value;
 * @see Glover 1989, "Tabu search — part I"; Whitaker 1983 (swap bookkeeping).
 */
export class SwapTabu {
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
