import { planMaxCoverage } from './plan-max-coverage';
import { setTranspose, undominatedSets } from './plan-dominance';
import type { ReducedCoverage } from './plan-reduce-demand';
import { planSetCoverGreedy, type SetCoverModel } from './plan-set-cover-greedy';

/** Outcome of {@link planSetCover}. */
export interface SetCoverOutcome {
  /** Best cover found: reduced-model columns (see ReducedCoverage.columnCandidate), ascending. */
  columns: number[];
  /** ⌈best Lagrangian bound⌉: no set of fewer columns covers `needed` (township minimums ignored). */
  lowerBound: number;
  /** Subgradient steps over all rounds. */
  iterations: number;
}

/**
 * Lagrangian heuristic for the (partial) set-covering problem on the reduced model: the fewest columns whose
 * rows together weigh at least `needed` (all rows when `needed` is the total). Relaxing y_r ≤ Σ_{j∋r} x_j with
 * multipliers u_r ≥ 0 gives L(u) = Σ_j min(0, 1 − Σ_{r∈j} u_r) + min{Σ u_r y_r : Σ w_r y_r ≥ needed, 0 ≤ y ≤ 1}
 * (a fractional knapsack: rows by u_r/w_r), a lower bound for every u. Subgradient steps (Held–Wolfe–Crowder)
 * raise it; after every step a greedy on the Lagrangian costs builds a cover and drops redundant columns
 * (planSetCoverGreedy); the fewest-column cover is kept. Then fix-and-resolve rounds (Caprara–Fischetti–Toth):
 * fix the best cover's columns with the lowest Lagrangian cost (a growing share), remove the rows they cover and
 * run the subgradient + greedy again on the rest. Last, "one fewer": maximal covering with one column fewer
 * (planMaxCoverage) while it still covers what is needed.
 * Works on the model without dominated columns (and, for a full cover, dominated rows); multipliers stay in
 * [0, 1] and one step may move a column's cost by at most 0.5 (dense clustered columns otherwise overshoot).
 * Measured on the large stress set: with the greedy plan and planImproveMinSites around it, fewest sites went
 * from +8 to ≤ +1 over the HiGHS optimum at 100% (one case +2 at 95%, which planTabuMinSites after it closes).
 *
 * @example
 * const cover = planSetCover(reduced, needed, { iterations: 400 });
 * cover.columns.length; cover.lowerBound;
 * @see Beasley 1990, "A Lagrangian heuristic for set-covering problems"; Caprara, Fischetti & Toth 1999.
 */
export function planSetCover(reduced: ReducedCoverage, needed: number, options: { iterations: number; fixShares?: readonly number[] }): SetCoverOutcome {
  let total = 0;
  for (const x of reduced.rowWeight) total += x;
  const full = needed >= total - 1e-9 * Math.max(1, total);
  if (needed <= 1e-9 * Math.max(1, total)) return { columns: [], lowerBound: 0, iterations: 0 };
  const m = setCoverModel(reduced, full);
  const allRows = new Uint8Array(m.R).fill(1);
  const u = initialMultipliers(m);
  const needTotal = full ? m.R : needed;
  const first = subgradient(m, allRows, needTotal, full, u, options.iterations, Infinity, [], needTotal);
  let best = first.best;
  let iterations = first.iterations;
  const bestU = first.bestU;
  for (const share of options.fixShares ?? [0.2, 0.35, 0.5, 0.65, 0.8]) {
    if (best.length <= first.lowerBound) break;
    // Fix the cheapest columns of the best cover (Lagrangian cost under the best multipliers).
    const cost = best.map((j) => { let s = 1; for (let p = m.colStarts[j]; p < m.colStarts[j + 1]; p++) s -= bestU[m.colRows[p]]; return { j, s }; });
    cost.sort((a, b) => a.s - b.s);
    const fixed = cost.slice(0, Math.floor(share * best.length)).map((c) => c.j);
    const active = allRows.slice();
    let need = full ? m.R : needed;
    for (const j of fixed) for (let p = m.colStarts[j]; p < m.colStarts[j + 1]; p++) {
      const r = m.colRows[p];
      if (active[r]) { active[r] = 0; need -= full ? 1 : m.w[r]; }
    }
    const run = subgradient(m, active, need, full, bestU.slice(), Math.ceil(options.iterations / 2), best.length, fixed, needTotal);
    iterations += run.iterations;
    if (run.best.length < best.length) best = run.best;
  }
  best = oneFewer(m, best, full ? m.R : needed, full, first.lowerBound);
  return { columns: [...best].sort((a, b) => a - b), lowerBound: Math.min(first.lowerBound, best.length), iterations };
}

/** Initial step factor μ and the steps without a better bound before it is halved (Beasley 1990: 2 and 30). */
const MU0 = 2;
const PATIENCE = 20;
/** Largest change of one column's Lagrangian cost in one subgradient step. */
const CAP = 0.5;

/**
 * The model without dominated columns (rows ⊆ another column's rows: never better at unit cost) and, when every
 * row must be covered, without dominated rows (columns ⊇ another row's columns: covered whenever that one is).
 */
function setCoverModel(reduced: ReducedCoverage, full: boolean): SetCoverModel {
  const C = reduced.columnCandidate.length;
  const rowsOf = setTranspose(reduced.rowStarts, reduced.rowColumns, reduced.rowWeight.length, C);
  const keepColumn = undominatedSets(rowsOf.starts, rowsOf.items, reduced.rowStarts, reduced.rowColumns, C);
  const keepRow = full
    ? undominatedSets(reduced.rowStarts, reduced.rowColumns, rowsOf.starts, rowsOf.items, reduced.rowWeight.length, true)
    : new Uint8Array(reduced.rowWeight.length).fill(1);
  const w: number[] = [];
  const rowStarts: number[] = [0];
  const rowColumns: number[] = [];
  for (let r = 0; r < keepRow.length; r++) {
    if (!keepRow[r]) continue;
    for (let p = reduced.rowStarts[r]; p < reduced.rowStarts[r + 1]; p++) if (keepColumn[reduced.rowColumns[p]]) rowColumns.push(reduced.rowColumns[p]);
    w.push(reduced.rowWeight[r]);
    rowStarts.push(rowColumns.length);
  }
  const R = w.length;
  const cols = setTranspose(Int32Array.from(rowStarts), Int32Array.from(rowColumns), R, C);
  return { R, C, w: Float64Array.from(w), rowStarts: Int32Array.from(rowStarts), rowColumns: Int32Array.from(rowColumns), colStarts: cols.starts, colRows: cols.items };
}

/** Beasley's start: u_r = min over the columns j covering r of 1 / |rows of j|. */
function initialMultipliers(m: SetCoverModel): Float64Array {
  const u = new Float64Array(m.R);
  for (let r = 0; r < m.R; r++) {
    let best = 1;
    for (let p = m.rowStarts[r]; p < m.rowStarts[r + 1]; p++) {
      const j = m.rowColumns[p];
      best = Math.min(best, 1 / (m.colStarts[j + 1] - m.colStarts[j]));
    }
    u[r] = best;
  }
  return u;
}

/**
 * Subgradient optimisation of L(u) on the active rows (`need` in rows when `full`, else in weight), with `fixed`
 * columns already in every cover; runs the greedy after each step. `u` is updated in place.
 */
function subgradient(
  m: SetCoverModel, active: Uint8Array, need: number, full: boolean, u: Float64Array, maxIterations: number,
  upperStart: number, fixed: readonly number[], needTotal: number,
) {
  const { R, C, w, colStarts, colRows, rowStarts, rowColumns } = m;
  const cost = new Float64Array(C);
  const y = new Float64Array(R);
  const order: number[] = [];
  for (let r = 0; r < R; r++) if (active[r]) order.push(r);
  let best: number[] = [];
  let upper = upperStart;
  let lower = -Infinity;
  let bestU = u.slice();
  let mu = MU0;
  let stale = 0;
  let iterations = 0;
  for (let it = 0; it < maxIterations; it++) {
    iterations++;
    let value = fixed.length;
    for (let j = 0; j < C; j++) {
      let s = 1;
      for (let p = colStarts[j]; p < colStarts[j + 1]; p++) if (active[colRows[p]]) s -= u[colRows[p]];
      cost[j] = s;
      if (s < 0) value += s;
    }
    // Fractional knapsack for y: the cheapest rows per unit of weight until `need` is met.
    y.fill(0);
    if (full) { for (const r of order) { y[r] = 1; value += u[r]; } } else {
      order.sort((a, b) => u[a] * w[b] - u[b] * w[a]);
      let left = need;
      for (const r of order) {
        if (left <= 0) break;
        const take = Math.min(1, left / w[r]);
        y[r] = take; value += take * u[r]; left -= take * w[r];
      }
    }
    if (value > lower + 1e-9) { lower = value; bestU = u.slice(); stale = 0; } else if (++stale >= PATIENCE) { mu /= 2; stale = 0; }
    const cover = planSetCoverGreedy(m, active, need, full, u, cost, fixed, needTotal);
    if (cover.length < upper || best.length === 0) { if (cover.length < upper) upper = cover.length; best = cover; }
    if (Math.ceil(lower - 1e-6) >= upper || mu < 0.005) break;
    // Subgradient g_r = y_r − Σ_{j∋r} x_j with x_j = [cost_j < 0]; rows where u cannot move get g = 0. u stays in
    // [0, 1]: an optimal dual has Σ_{r∈j} u_r ≤ 1 for every column, so the box holds it and stops one long step
    // (few rows with g ≠ 0) from driving L to −1000s.
    let norm = 0;
    const g = new Float64Array(R);
    for (const r of order) {
      let s = y[r];
      for (let p = rowStarts[r]; p < rowStarts[r + 1]; p++) if (cost[rowColumns[p]] < 0) s -= 1;
      if ((s < 0 && u[r] <= 0) || (s > 0 && u[r] >= 1)) s = 0;
      g[r] = s;
      norm += s * s;
    }
    if (norm === 0) break;
    let step = (mu * Math.max(upper - lower, 0.05 * Math.max(1, upper))) / norm;
    // Dense columns (clustered demand, large radii) turn a normal step into a jump of several units in a column's
    // cost and L into −1000s; so no column's cost may move by more than CAP in one step.
    let widest = 0;
    for (let j = 0; j < C; j++) {
      let d = 0;
      for (let p = colStarts[j]; p < colStarts[j + 1]; p++) d += g[colRows[p]];
      if (Math.abs(d) > widest) widest = Math.abs(d);
    }
    if (widest > 0) step = Math.min(step, CAP / widest);
    for (const r of order) if (g[r] !== 0) u[r] = Math.min(1, Math.max(0, u[r] + step * g[r]));
  }
  return { best, lowerBound: Math.ceil(lower - 1e-6), bestU, iterations };
}

/**
 * "One fewer" on the reduced model: maximal covering with one column fewer (planMaxCoverage: greedy, 1-swaps,
 * Lagrangian-guided restarts) over the undominated rows, weighted 1 each for a full cover; while it still covers
 * what is needed, keep it and try again.
 */
function oneFewer(m: SetCoverModel, start: number[], needTotal: number, full: boolean, lowerBound: number): number[] {
  const problem = {
    demandWeight: full ? new Float64Array(m.R).fill(1) : Float64Array.from(m.w),
    alreadyCovered: new Uint8Array(m.R),
    candidateCovers: Array.from({ length: m.C }, (_, j) => Uint32Array.from(m.colRows.subarray(m.colStarts[j], m.colStarts[j + 1]))),
  };
  let best = start;
  while (best.length - 1 >= Math.max(1, lowerBound)) {
    const plan = planMaxCoverage(problem, best.length - 1);
    if (plan.newlyCoveredWeight < needTotal - 1e-9 * Math.max(1, needTotal)) break;
    best = plan.sites.map((s) => s.candidateIndex);
  }
  return best;
}
