/** The reduced coverage model with both row → columns (CSR) and column → rows (CSC) lists. */
export interface SetCoverModel {
  R: number;
  C: number;
  w: Float64Array;
  rowStarts: Int32Array;
  rowColumns: Int32Array;
  colStarts: Int32Array;
  colRows: Int32Array;
}

/**
 * Greedy cover on Lagrangian costs (Caprara, Fischetti & Toth 1999): starting from `fixed`, repeatedly adds the
 * column with the least score, where μ_j is what it newly covers of the active rows (rows when `full`, else
 * weight, capped at what is still needed) and γ_j = 1 − Σ u_r over those rows: σ_j = γ_j / μ_j (γ_j > 0) or
 * γ_j · μ_j (γ_j ≤ 0) for a full cover; max(γ_j, 0.3) / μ_j for a partial one (measured on the stress set: the
 * full-cover score lets a few heavy rows with large u_r steer the partial greedy, 5–20 sites over the optimum),
 * until `need` is met; then removes redundant columns (highest Lagrangian cost `cost` first) while all
 * rows (`full`) or `needTotal` weight stay covered. Returns the columns, ascending.
 *
 * @example
 * const cover = planSetCoverGreedy(model, active, need, false, u, cost, [], needTotal);
 * @see Caprara, Fischetti & Toth 1999, "A heuristic method for the set covering problem", §3.
 */
/** Floor of a column's Lagrangian cost in the partial-cover score, so a cost ≤ 0 still prefers more weight. */
const PARTIAL_COST_FLOOR = 0.3;

export function planSetCoverGreedy(
  m: SetCoverModel, active: Uint8Array, need: number, full: boolean, u: Float64Array, cost: Float64Array,
  fixed: readonly number[], needTotal: number,
): number[] {
  const { R, C, w, colStarts, colRows, rowStarts, rowColumns } = m;
  const value = (r: number) => (full ? 1 : w[r]);
  const mu = new Float64Array(C);
  const gamma = Float64Array.from(cost);
  for (let j = 0; j < C; j++) for (let p = colStarts[j]; p < colStarts[j + 1]; p++) if (active[colRows[p]]) mu[j] += value(colRows[p]);
  const done = new Uint8Array(R);
  const chosen = new Uint8Array(C);
  const cols: number[] = [];
  for (const j of fixed) { chosen[j] = 1; cols.push(j); }
  let left = need;
  const eps = 1e-9 * Math.max(1, need);
  while (left > eps) {
    let best = -1;
    let bestScore = Infinity;
    for (let j = 0; j < C; j++) {
      if (chosen[j] || mu[j] <= 0) continue;
      const gain = Math.min(mu[j], left);
      const g = gamma[j];
      const s = full ? (g > 0 ? g / gain : g * gain) : Math.max(g, PARTIAL_COST_FLOOR) / gain;
      if (s < bestScore) { bestScore = s; best = j; }
    }
    if (best < 0) break;
    chosen[best] = 1;
    cols.push(best);
    for (let p = colStarts[best]; p < colStarts[best + 1]; p++) {
      const r = colRows[p];
      if (!active[r] || done[r]) continue;
      done[r] = 1;
      left -= value(r);
      for (let q = rowStarts[r]; q < rowStarts[r + 1]; q++) { const k = rowColumns[q]; mu[k] -= value(r); gamma[k] += u[r]; }
    }
  }
  // Redundancy removal over all rows.
  const count = new Int32Array(R);
  let covered = 0;
  for (const j of cols) for (let p = colStarts[j]; p < colStarts[j + 1]; p++) if (count[colRows[p]]++ === 0) covered += value(colRows[p]);
  const floor = needTotal - 1e-9 * Math.max(1, needTotal);
  for (;;) {
    let drop = -1;
    let dropCost = -Infinity;
    let dropLoss = 0;
    for (const j of cols) {
      if (!chosen[j]) continue;
      let loss = 0;
      for (let p = colStarts[j]; p < colStarts[j + 1]; p++) if (count[colRows[p]] === 1) loss += value(colRows[p]);
      if (covered - loss < floor) continue;
      if (cost[j] > dropCost || (cost[j] === dropCost && loss < dropLoss)) { drop = j; dropCost = cost[j]; dropLoss = loss; }
    }
    if (drop < 0) break;
    chosen[drop] = 0;
    covered -= dropLoss;
    for (let p = colStarts[drop]; p < colStarts[drop + 1]; p++) count[colRows[p]]--;
  }
  return cols.filter((j) => chosen[j]).sort((a, b) => a - b);
}
