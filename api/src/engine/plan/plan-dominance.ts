import type { PreparedCoverage } from './plan-check-problem';
import type { ReducedCoverage } from './plan-reduce-demand';

/**
 * The reduced model without dominated columns: a candidate whose open demand is a subset of another allowed
 * candidate's (equal sets: one stays) is never needed, at unit cost, for maximal covering or set covering: swap
 * it for the larger one. Candidates in townships with a minimum are kept (they may be needed to meet it).
 * Each row still has a column (its dominator); rows left with the same columns are merged, weights summed.
 *
 * @example
 * const smaller = planDropDominatedColumns(prepared, planReduceDemand(prepared));
 * smaller.columnCandidate.length; // ≤ before
 * @see Toregas et al. 1971 (column reduction for the LSCP).
 */
export function planDropDominatedColumns(prepared: PreparedCoverage, reduced: ReducedCoverage): ReducedCoverage {
  const C = reduced.columnCandidate.length;
  const R = reduced.rowWeight.length;
  const protect = new Uint8Array(C);
  for (let c = 0; c < C; c++) if (prepared.minimums.has(prepared.township[reduced.columnCandidate[c]])) protect[c] = 1;
  const rowsOf = setTranspose(reduced.rowStarts, reduced.rowColumns, R, C);
  const keep = undominatedSets(rowsOf.starts, rowsOf.items, reduced.rowStarts, reduced.rowColumns, C, false, protect);
  const newIndex = new Int32Array(C).fill(-1);
  const columnCandidate: number[] = [];
  for (let c = 0; c < C; c++) if (keep[c]) { newIndex[c] = columnCandidate.length; columnCandidate.push(reduced.columnCandidate[c]); }
  if (columnCandidate.length === C) return reduced;
  // Rows whose remaining columns are now the same are merged again (weights summed).
  const rowOf = new Map<string, number>();
  const rowWeight: number[] = [];
  const rowStarts: number[] = [0];
  const rowColumns: number[] = [];
  const columns: number[] = [];
  for (let r = 0; r < R; r++) {
    columns.length = 0;
    for (let p = reduced.rowStarts[r]; p < reduced.rowStarts[r + 1]; p++) if (keep[reduced.rowColumns[p]]) columns.push(newIndex[reduced.rowColumns[p]]);
    const key = columns.join(',');
    const row = rowOf.get(key);
    if (row !== undefined) { rowWeight[row] += reduced.rowWeight[r]; continue; }
    rowOf.set(key, rowWeight.length);
    rowWeight.push(reduced.rowWeight[r]);
    rowColumns.push(...columns);
    rowStarts.push(rowColumns.length);
  }
  return {
    ...reduced, columnCandidate: Int32Array.from(columnCandidate), rowWeight: Float64Array.from(rowWeight),
    rowStarts: Int32Array.from(rowStarts), rowColumns: Int32Array.from(rowColumns),
  };
}

/** Transpose of a CSR set list (n sets over m items): for each item, the sets holding it (ascending). */
export function setTranspose(starts: Int32Array, items: Int32Array, n: number, m: number) {
  const out = new Int32Array(m + 1);
  for (let p = 0; p < starts[n]; p++) out[items[p] + 1]++;
  for (let c = 0; c < m; c++) out[c + 1] += out[c];
  const fill = out.slice(0, m);
  const res = new Int32Array(starts[n]);
  for (let r = 0; r < n; r++) for (let p = starts[r]; p < starts[r + 1]; p++) res[fill[items[p]]++] = r;
  return { starts: out, items: res };
}

/**
 * Sets (CSR `starts`/`items`, sorted; `inv` the transpose) left after dropping each set s contained in another
 * set t (`dropSuperset` false: s goes) or each set t containing another set s (`dropSuperset` true: t goes); of
 * equal sets one stays. Sets marked in `protect` are never dropped. A superset t of s holds s's first item, so
 * only those t are checked.
 */
export function undominatedSets(starts: Int32Array, items: Int32Array, inv: Int32Array, invItems: Int32Array, n: number, dropSuperset = false, protect?: Uint8Array): Uint8Array {
  const keep = new Uint8Array(n).fill(1);
  const mark = new Int32Array(inv.length).fill(-1);
  for (let s = 0; s < n; s++) {
    const size = starts[s + 1] - starts[s];
    if (size === 0) { keep[s] = dropSuperset || protect?.[s] ? 1 : 0; continue; }
    if (!keep[s]) continue;
    for (let p = starts[s]; p < starts[s + 1]; p++) mark[items[p]] = s;
    const first = items[starts[s]];
    for (let q = inv[first]; q < inv[first + 1]; q++) {
      const t = invItems[q];
      if (t === s || !keep[t]) continue;
      const tSize = starts[t + 1] - starts[t];
      if (tSize < size || (tSize === size && t < s)) continue;
      let shared = 0;
      for (let p = starts[t]; p < starts[t + 1]; p++) if (mark[items[p]] === s) shared++;
      if (shared !== size) continue;
      if (dropSuperset) { if (!protect?.[t]) keep[t] = 0; } else if (!protect?.[s]) { keep[s] = 0; break; }
    }
  }
  return keep;
}

