import type { PreparedCoverage } from './plan-check-problem';
import { topColumns } from './plan-lagrangian';

/** Outcome of {@link planCoreLagrangian}. */
export interface CoreLagrangianOutcome {
  /** Upper bound on the newly covered weight of any `siteCount` candidates (township minimums ignored). */
  upperBound: number;
  /** Distinct candidate sets (top `siteCount` by Lagrangian score) met on the way, best actual coverage first. */
  guidePlans: number[][];
  /** Best plan value known at the end: the start value, raised by `onPlan`. */
  lowerBound: number;
  iterations: number;
  /** Candidates whose scores were tracked (the rest provably never reached the top `siteCount`). */
  coreSize: number;
}

/** Options of {@link planCoreLagrangian}. */
export interface CoreLagrangianOptions {
  iterations: number;
  /** Value of the best plan known (steps aim at it; the run stops once the bound meets it). */
  lowerBound: number;
  /** Every plan value is a multiple of this (1 when all weights are whole numbers, else 0): a bound less than one unit above the best plan proves it optimal. */
  granularity: number;
  /** Also stop once (bound − best plan) ≤ this share of the bound (like HiGHS's mip_rel_gap). Default 0. */
  gapTolerance?: number;
  guideCount?: number;
  patience?: number;
  /** Called with a top-score plan that covers more than the best plan; returns that plan's value once polished (the new best, if higher). */
  onPlan?: (candidates: number[], coveredWeight: number) => number;
}

/**
 * Lagrangian relaxation of maximal covering on demand points, computed on a core of candidates: relaxing
 * y_i ≤ Σ_{j covers i} x_j with multipliers 0 ≤ λ_i ≤ w_i gives L(λ) = Σ_i (w_i − λ_i) + (sum of the `siteCount`
 * largest scores c_j = Σ_{i in j} λ_i), an upper bound on the optimum for every λ. Starting from λ = w (L is then
 * the sum of the `siteCount` largest single-site gains g_j), subgradient steps (Polyak step μ·(L − best plan)/‖g‖²,
 * μ from 2.5, halved after `patience` = 10 steps without a lower bound; tuned on seeded 50,000 × 5,000 instances)
 * aim at the best known plan value.
 * Since λ ≤ w, every score is at most g_j, so only candidates in descending order of g_j down to the current
 * `siteCount`-th score need scores: the core grows (doubling) whenever that threshold falls below the largest
 * g_j outside it, and λ moves only on demand points the core covers. With small circles and k ≪ candidates the
 * core is a few hundred candidates, so a step costs microseconds instead of a pass over every cover list.
 * Scores are updated incrementally; the bound keeps a 1e-9 × total margin for rounding and, with whole-number
 * weights, is rounded down to a whole number (the optimum is one).
 *
 * @example
 * const lag = planCoreLagrangian(prepared, 20, { iterations: 300, lowerBound: plan.value, granularity: 1 });
 * lag.upperBound; lag.guidePlans[0];
 * @see Galvão & ReVelle 1996 (Lagrangian heuristic for the MCLP); Held, Wolfe & Crowder 1974 (subgradient steps);
 *   Caprara, Fischetti & Toth 1999 (pricing on a core of columns).
 */
export function planCoreLagrangian(prepared: PreparedCoverage, siteCount: number, options: CoreLagrangianOptions): CoreLagrangianOutcome {
  const margin = 1e-9 * Math.max(1, prepared.totalWeight);
  const relax = new CoreRelaxation(prepared);
  let lowerBound = options.lowerBound;
  const { order } = relax;
  if (siteCount === 0 || order.length <= siteCount) {
    const upperBound = siteCount === 0 ? 0 : relax.coverageOf(order);
    return { upperBound, guidePlans: [order.slice(0, siteCount)], lowerBound, iterations: 0, coreSize: order.length };
  }
  relax.grow(Math.min(order.length, 4 * siteCount));
  const guides = new Map<string, { candidates: number[]; value: number }>();
  const guideCount = options.guideCount ?? 8;
  const patience = options.patience ?? 10;
  let best = Infinity;
  let mu = 2.5;
  let stale = 0;
  let iterations = 0;
  const gapTolerance = options.gapTolerance ?? 0;
  const proven = () => (options.granularity > 0 ? best + margin < lowerBound + options.granularity : best <= lowerBound + margin)
    || (best < Infinity && best + margin - lowerBound <= gapTolerance * (best + margin));
  for (let it = 0; it < options.iterations && !proven(); it++) {
    iterations++;
    const value = relax.selectTop(siteCount);
    if (value < best - margin) { best = value; stale = 0; } else if (++stale >= patience) { mu /= 2; stale = 0; }
    const candidates = relax.topCandidates();
    rememberGuide(guides, candidates, relax.covered, guideCount);
    if (options.onPlan && relax.covered > lowerBound + margin) lowerBound = Math.max(lowerBound, options.onPlan(candidates, relax.covered));
    if (proven() || mu < 1e-4) break;
    const norm = relax.subgradientNorm();
    if (norm === 0) break;
    relax.step((mu * Math.max(best - lowerBound, 1e-6 * prepared.totalWeight)) / norm);
  }
  let upperBound = best + margin;
  if (options.granularity > 0) upperBound = Math.floor(upperBound / options.granularity) * options.granularity;
  const guidePlans = [...guides.values()].sort((a, b) => b.value - a.value).map((g) => g.candidates);
  return { upperBound: Math.max(upperBound, lowerBound), guidePlans, lowerBound, iterations, coreSize: relax.core };
}

/**
 * The relaxation's state: multipliers λ per demand point (λ = w outside the core's points), scores of the core
 * candidates (positions in `order`, by descending single gain), the current top set and its cover counts.
 * Small methods so that each hot loop is optimised on its own.
 */
class CoreRelaxation {
  readonly order: number[] = [];
  readonly single: Float64Array;
  readonly lambda: Float64Array;
  readonly hits: Int32Array;
  readonly rowOf: Int32Array;
  readonly active: Uint8Array;
  readonly act: number[] = [];
  readonly score: Float64Array;
  readonly scratch: Float64Array;
  readonly inTop: Uint8Array;
  rowStarts = new Int32Array(1);
  rowCols = new Int32Array(0);
  rowCount = 0;
  core = 0;
  top: number[] = [];
  /** Σ (w − λ) over all demand points. */
  rest = 0;
  /** Weight the current top set actually covers. */
  covered = 0;

  constructor(private readonly prepared: PreparedCoverage) {
    const { openWeight: w, candidateCount, demandCount } = prepared;
    this.single = prepared.singleGain;
    for (let j = 0; j < candidateCount; j++) if (prepared.allowed[j] && this.single[j] > 0) this.order.push(j);
    const single = this.single;
    this.order.sort((a, b) => single[b] - single[a] || a - b);
    this.lambda = Float64Array.from(w);
    this.hits = new Int32Array(demandCount);
    this.rowOf = new Int32Array(demandCount).fill(-1);
    this.active = new Uint8Array(demandCount);
    this.score = new Float64Array(this.order.length);
    this.scratch = new Float64Array(this.order.length);
    this.inTop = new Uint8Array(this.order.length);
  }

  /** Weight covered by a set of candidates. */
  coverageOf(candidates: readonly number[]): number {
    const seen = new Uint8Array(this.prepared.demandCount);
    let weight = 0;
    for (const j of candidates) {
      const list = this.prepared.covers[j];
      for (let p = 0; p < list.length; p++) if (!seen[list[p]]) { seen[list[p]] = 1; weight += this.prepared.openWeight[list[p]]; }
    }
    return weight;
  }

  /** Takes the first `size` candidates of `order` into the core and rebuilds point → core candidates (CSR). */
  grow(size: number): void {
    const { covers } = this.prepared;
    const { order, lambda, rowOf, score } = this;
    for (let q = this.core; q < size; q++) {
      const list = covers[order[q]];
      let s = 0;
      for (let p = 0; p < list.length; p++) {
        const i = list[p];
        s += lambda[i];
        if (rowOf[i] < 0) rowOf[i] = this.rowCount++;
      }
      score[q] = s;
    }
    this.core = size;
    const starts = new Int32Array(this.rowCount + 1);
    for (let q = 0; q < size; q++) {
      const list = covers[order[q]];
      for (let p = 0; p < list.length; p++) starts[rowOf[list[p]] + 1]++;
    }
    for (let r = 0; r < this.rowCount; r++) starts[r + 1] += starts[r];
    const cols = new Int32Array(starts[this.rowCount]);
    const fill = starts.slice(0, this.rowCount);
    for (let q = 0; q < size; q++) {
      const list = covers[order[q]];
      for (let p = 0; p < list.length; p++) cols[fill[rowOf[list[p]]]++] = q;
    }
    this.rowStarts = starts;
    this.rowCols = cols;
  }

  /**
   * Sets the top `k` core candidates by score, growing the core first when a candidate outside it might score
   * above the k-th score (its score is at most its single gain); returns L(λ).
   */
  selectTop(k: number): number {
    let next = this.topOfCore(k);
    let threshold = Infinity;
    for (let t = 0; t < next.length; t++) threshold = Math.min(threshold, this.score[next[t]]);
    const { order, single } = this;
    if (this.core < order.length && threshold < single[order[this.core]]) {
      let size = Math.min(order.length, 2 * this.core);
      while (size < order.length && single[order[size]] >= threshold) size++;
      this.grow(size);
      next = this.topOfCore(k);
    }
    this.moveTop(next);
    let value = this.rest;
    for (let t = 0; t < next.length; t++) value += this.score[next[t]];
    return value;
  }

  topCandidates(): number[] {
    return this.top.map((q) => this.order[q]);
  }

  private topOfCore(k: number): number[] {
    return topColumns(this.score.subarray(0, this.core), this.scratch.subarray(0, this.core), k);
  }

  /** Updates cover counts and the covered weight from the old top set to `next`. */
  private moveTop(next: number[]): void {
    const { covers, openWeight: w } = this.prepared;
    const { inTop, hits, active, act, order, top } = this;
    for (let t = 0; t < top.length; t++) inTop[top[t]] = 2;
    for (let t = 0; t < next.length; t++) {
      const q = next[t];
      if (inTop[q] === 2) { inTop[q] = 1; continue; }
      inTop[q] = 1;
      const list = covers[order[q]];
      for (let p = 0; p < list.length; p++) {
        const i = list[p];
        if (hits[i]++ === 0) this.covered += w[i];
        if (!active[i]) { active[i] = 1; act.push(i); }
      }
    }
    for (let t = 0; t < top.length; t++) {
      const q = top[t];
      if (inTop[q] !== 2) continue;
      inTop[q] = 0;
      const list = covers[order[q]];
      for (let p = 0; p < list.length; p++) if (--hits[list[p]] === 0) this.covered -= w[list[p]];
    }
    this.top = next;
  }

  /** ‖g‖² of the projected subgradient g_i = hits_i − [λ_i < w_i]; only active points (hit, or λ < w) have g ≠ 0. */
  subgradientNorm(): number {
    const { act, hits, lambda } = this;
    const w = this.prepared.openWeight;
    let norm = 0;
    for (let a = 0; a < act.length; a++) {
      const i = act[a];
      const g = hits[i] - (w[i] > lambda[i] ? 1 : 0);
      if ((g < 0 && lambda[i] < w[i]) || (g > 0 && lambda[i] > 0)) norm += g * g;
    }
    return norm;
  }

  /** λ ← clamp(λ − step·g, 0, w), updating scores and Σ (w − λ); points back at λ = w and not hit leave the active list. */
  step(size: number): void {
    const { act, hits, lambda, active, rowOf, rowStarts, rowCols, score } = this;
    const w = this.prepared.openWeight;
    let kept = 0;
    for (let a = 0; a < act.length; a++) {
      const i = act[a];
      const old = lambda[i];
      const g = hits[i] - (w[i] > old ? 1 : 0);
      if (g !== 0) {
        let x = old - size * g;
        x = x < 0 ? 0 : x > w[i] ? w[i] : x;
        if (x !== old) {
          lambda[i] = x;
          this.rest += old - x;
          const d = x - old;
          const r = rowOf[i];
          for (let p = rowStarts[r]; p < rowStarts[r + 1]; p++) score[rowCols[p]] += d;
        }
      }
      if (hits[i] > 0 || lambda[i] < w[i]) act[kept++] = i;
      else active[i] = 0;
    }
    act.length = kept;
  }
}

function rememberGuide(guides: Map<string, { candidates: number[]; value: number }>, candidates: number[], value: number, keep: number) {
  let worstKey = '';
  let worst = Infinity;
  for (const [k, g] of guides) if (g.value < worst) { worst = g.value; worstKey = k; }
  if (guides.size >= keep && worst >= value) return;
  const key = [...candidates].sort((a, b) => a - b).join(',');
  if (guides.has(key)) return;
  if (guides.size >= keep) guides.delete(worstKey);
  guides.set(key, { candidates, value });
}
