import type { PreparedCoverage } from './plan-check-problem';

/** A coverage problem shrunk for an exact solver. */
export interface ReducedCoverage {
  /** Model column → candidate index (ascending). */
  columnCandidate: Int32Array;
  /** Summed weight of each merged demand row. */
  rowWeight: Float64Array;
  /** CSR: row r is covered by columns rowColumns[rowStarts[r] .. rowStarts[r+1]-1] (ascending). */
  rowStarts: Int32Array;
  rowColumns: Int32Array;
  demandPoints: number;
  /** Open demand points (weight > 0, not already covered) that at least one column covers. */
  relevantDemandPoints: number;
}

/**
 * Shrinks a coverage problem without changing its optimum: keeps only open demand points (weight > 0, not
 * already covered) that at least one allowed candidate covers; merges demand points covered by exactly the
 * same candidates into one row with the summed weight; keeps allowed candidates that cover such a point, plus
 * allowed candidates in townships with a minimum (they may be needed to meet it).
 *
 * @example
 * const reduced = planReduceDemand(planCheckProblem(problem, constraints));
 * reduced.rowWeight.length; // merged demand rows
 */
export function planReduceDemand(prepared: PreparedCoverage): ReducedCoverage {
  const { covers, openWeight, allowed, township, minimums } = prepared;
  const columns: number[] = [];
  for (let j = 0; j < prepared.candidateCount; j++) {
    if (!allowed[j]) continue;
    let useful = minimums.has(township[j]);
    for (let p = 0; !useful && p < covers[j].length; p++) useful = openWeight[covers[j][p]] > 0;
    if (useful) columns.push(j);
  }
  // Transpose: which columns cover each open demand point.
  const degree = new Int32Array(prepared.demandCount + 1);
  for (const j of columns) for (const i of covers[j]) if (openWeight[i] > 0) degree[i + 1]++;
  for (let i = 0; i < prepared.demandCount; i++) degree[i + 1] += degree[i];
  const starts = degree;
  const fill = starts.slice(0, prepared.demandCount);
  const byDemand = new Int32Array(starts[prepared.demandCount]);
  columns.forEach((j, c) => {
    for (const i of covers[j]) if (openWeight[i] > 0) byDemand[fill[i]++] = c;
  });
  // Merge demand points with identical column sets.
  const rowOf = new Map<string, number>();
  const rowWeight: number[] = [];
  const rowStarts: number[] = [0];
  const rowColumns: number[] = [];
  let relevant = 0;
  for (let i = 0; i < prepared.demandCount; i++) {
    const a = starts[i];
    const b = starts[i + 1];
    if (a === b) continue;
    relevant++;
    const set = byDemand.subarray(a, b);
    const key = set.join(',');
    const row = rowOf.get(key);
    if (row !== undefined) {
      rowWeight[row] += openWeight[i];
      continue;
    }
    rowOf.set(key, rowWeight.length);
    rowWeight.push(openWeight[i]);
    for (const c of set) rowColumns.push(c);
    rowStarts.push(rowColumns.length);
  }
  return {
    columnCandidate: Int32Array.from(columns),
    rowWeight: Float64Array.from(rowWeight),
    rowStarts: Int32Array.from(rowStarts),
    rowColumns: Int32Array.from(rowColumns),
    demandPoints: prepared.demandCount,
    relevantDemandPoints: relevant,
  };
}
