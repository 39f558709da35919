import type { ReducedCoverage } from './plan-reduce-demand';

/** Outcome of {@link planLagrangian}. */
export interface LagrangianOutcome {
  /** Upper bound on the newly covered weight of any `siteCount` columns (township minimums ignored). */
  upperBound: number;
  /** Distinct column sets (top `siteCount` by Lagrangian score) met on the way, best actual coverage first. */
  guidePlans: number[][];
  iterations: number;
}

/**
 * Lagrangian relaxation of maximal covering on the reduced model: relaxing y_r ≤ Σ_{j covers r} x_j with
 * multipliers 0 ≤ λ_r ≤ w_r gives L(λ) = Σ_r max(0, w_r − λ_r) + (sum of the `siteCount` largest column scores
 * c_j = Σ_{r in j} λ_r), an upper bound on the optimum for every λ. Subgradient steps (Held–Wolf–Crowder, step
 * μ·(L − lower)/‖g‖², μ halved after `patience` non-improving steps) lower it towards the LP bound. The top
 * columns of each step form a plan; the best distinct ones are returned as starting points for local search.
 * With `stopBelow` the run ends once the bound falls below it (proof that no `siteCount` columns reach it).
 *
 * @example
 * const lag = planLagrangian(reduced, 20, { iterations: 150, lowerBound: heuristicValue });
 * lag.upperBound; lag.guidePlans[0];
 * @see Galvão & ReVelle 1996, "A Lagrangean heuristic for the maximal covering location problem"; Held, Wolfe & Crowder 1974.
 */
export function planLagrangian(
  reduced: ReducedCoverage,
  siteCount: number,
  options: { iterations: number; lowerBound: number; guideCount?: number; patience?: number; stopBelow?: number },
): LagrangianOutcome {
  const { rowWeight: w, rowStarts, rowColumns } = reduced;
  const R = w.length;
  const C = reduced.columnCandidate.length;
  let total = 0;
  for (let r = 0; r < R; r++) total += w[r];
  if (siteCount >= C || R === 0) return { upperBound: total, guidePlans: [Array.from({ length: C }, (_, c) => c)], iterations: 0 };
  if (siteCount === 0) return { upperBound: 0, guidePlans: [[]], iterations: 0 };
  // Column → rows (CSC) for the column scores.
  const colStarts = new Int32Array(C + 1);
  for (let p = 0; p < rowColumns.length; p++) colStarts[rowColumns[p] + 1]++;
  for (let c = 0; c < C; c++) colStarts[c + 1] += colStarts[c];
  const colRows = new Int32Array(rowColumns.length);
  const fill = colStarts.slice(0, C);
  for (let r = 0; r < R; r++) for (let p = rowStarts[r]; p < rowStarts[r + 1]; p++) colRows[fill[rowColumns[p]]++] = r;

  const lambda = new Float64Array(R);
  for (let r = 0; r < R; r++) lambda[r] = w[r] / Math.max(1, rowStarts[r + 1] - rowStarts[r]);
  const score = new Float64Array(C);
  const scratch = new Float64Array(C);
  const hits = new Int32Array(R);
  const guides = new Map<string, { cols: number[]; value: number }>();
  const guideCount = options.guideCount ?? 8;
  const patience = options.patience ?? 20;
  let best = Infinity;
  let mu = 2;
  let stale = 0;
  let iterations = 0;
  for (let it = 0; it < options.iterations; it++) {
    iterations++;
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let p = colStarts[c]; p < colStarts[c + 1]; p++) s += lambda[colRows[p]];
      score[c] = s;
    }
    const top = topColumns(score, scratch, siteCount);
    let value = 0;
    for (let r = 0; r < R; r++) if (w[r] > lambda[r]) value += w[r] - lambda[r];
    for (const c of top) value += score[c];
    if (value < best - 1e-9 * Math.max(1, total)) { best = value; stale = 0; } else if (++stale >= patience) { mu /= 2; stale = 0; }
    // Plan from the top columns: actual coverage, kept if among the best distinct ones.
    hits.fill(0);
    for (const c of top) for (let p = colStarts[c]; p < colStarts[c + 1]; p++) hits[colRows[p]]++;
    let covered = 0;
    let norm = 0;
    for (let r = 0; r < R; r++) {
      if (hits[r] > 0) covered += w[r];
      const g = hits[r] - (w[r] > lambda[r] ? 1 : 0);
      if ((g < 0 && lambda[r] < w[r]) || (g > 0 && lambda[r] > 0)) norm += g * g;
    }
    rememberGuide(guides, top, covered, guideCount);
    if (norm === 0 || best <= options.lowerBound + 1e-9 * Math.max(1, total) || mu < 1e-4) break;
    if (options.stopBelow !== undefined && best < options.stopBelow) break;
    const step = (mu * Math.max(best - options.lowerBound, 1e-6 * total)) / norm;
    for (let r = 0; r < R; r++) {
      const g = hits[r] - (w[r] > lambda[r] ? 1 : 0);
      if (g === 0) continue;
      const next = lambda[r] - step * g;
      lambda[r] = next < 0 ? 0 : next > w[r] ? w[r] : next;
    }
  }
  const guidePlans = [...guides.values()].sort((a, b) => b.value - a.value).map((g) => g.cols);
  return { upperBound: Math.min(best, total), guidePlans, iterations };
}

/** The `k` columns with the largest scores (ties to the lower column), ascending by column; O(C) by quickselect. */
export function topColumns(score: Float64Array, scratch: Float64Array, k: number): number[] {
  scratch.set(score);
  const threshold = kthLargest(scratch, k);
  let above = 0;
  for (let c = 0; c < score.length; c++) if (score[c] > threshold) above++;
  let ties = k - above;
  const top: number[] = [];
  for (let c = 0; c < score.length; c++) {
    if (score[c] > threshold) top.push(c);
    else if (score[c] === threshold && ties > 0) { top.push(c); ties--; }
  }
  return top;
}

/** The k-th largest value (1-based) of `a`, reordering `a` in place (Hoare quickselect, median-of-three pivot). */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : (x > z ? x : y > z ? z : y);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

function rememberGuide(guides: Map<string, { cols: number[]; value: number }>, cols: number[], value: number, keep: number) {
  const key = cols.join(',');
  if (guides.has(key)) return;
  if (guides.size >= keep) {
    let worstKey = '';
    let worst = Infinity;
    for (const [k, g] of guides) if (g.value < worst) { worst = g.value; worstKey = k; }
    if (worst >= value) return;
    guides.delete(worstKey);
  }
  guides.set(key, { cols, value });
}
