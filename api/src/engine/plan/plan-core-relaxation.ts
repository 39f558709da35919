import type { PreparedCoverage } from './plan-check-problem';
import { topColumns } from './plan-lagrangian';

/**
 * The relaxation's state: multipliers λ per demand point (λ = w outside the core's points), scores of the core
 * candidates (positions in `order`, by descending single gain), the current top set and its cover counts.
 * Small methods so that each hot loop is optimised on its own. Used by {@link planCoreLagrangian}.
 *
 * @example
 * const relax = new PlanCoreRelaxation(prepared);
 * relax.grow(80);
 * const bound = relax.selectTop(20); // L(λ) at λ = w: the sum of the 20 largest single gains
 * relax.step(size / relax.subgradientNorm());
 */
export class PlanCoreRelaxation {
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
