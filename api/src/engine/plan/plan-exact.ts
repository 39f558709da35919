import type { Highs } from 'highs';
import { EngineInputError } from '../types';
import { planCheckProblem, type PreparedCoverage } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planDropDominatedColumns } from './plan-dominance';
import { planReduceDemand, type ReducedCoverage } from './plan-reduce-demand';
import type { CoverageConstraints, CoverageProblem, ExactCoverageResult, ExactOptions, ExactStatus } from './plan-types';

/**
 * Exact maximal covering (MCLP) with HiGHS on the reduced model (see planReduceDemand; dominated candidates dropped,
 * see planDropDominatedColumns):
 * maximise Σ w_r·y_r subject to y_r ≤ Σ_{j covers r} x_j, Σ x_j ≤ siteCount, Σ_{j in township t} x_j ≥ min_t,
 * x binary, 0 ≤ y ≤ 1. The caller passes the loaded HiGHS instance (`await highsLoader()`), keeping the engine pure.
 *
 * @example
 * const highs = await highsLoader();
 * const exact = solveMaxCoverageExact(highs, problem, 10, { timeLimitSeconds: 60 });
 * exact.status; exact.objective; exact.bestBound; exact.mipGap;
 * @see Church & ReVelle 1974, "The maximal covering location problem".
 */
export function solveMaxCoverageExact(
  highs: Highs,
  problem: CoverageProblem,
  siteCount: number,
  options: ExactOptions & CoverageConstraints = {},
): ExactCoverageResult {
  if (!Number.isInteger(siteCount) || siteCount < 0) throw new EngineInputError(`siteCount must be a whole number ≥ 0, got ${siteCount}`);
  const prepared = planCheckProblem(problem, options);
  const reduced = planDropDominatedColumns(prepared, planReduceDemand(prepared));
  const weights = reduced.rowWeight;
  return solve(highs, prepared, reduced, options, {
    maximize: true,
    withShares: true,
    colCost: (c, columnCount) => (c < columnCount ? 0 : weights[c - columnCount]),
    extraRow: { lower: -Infinity, upper: siteCount, coefficient: (c, columnCount) => (c < columnCount ? 1 : 0) },
  });
}

/**
 * Exact set covering to a target share (LSCP-style) with HiGHS on the reduced model: minimise Σ x_j subject to
 * township minimums and, when the target needs every reachable demand row (target ≥ reachable − the smallest row
 * weight), plain set-cover rows Σ_{j covers r} x_j ≥ 1; else y_r ≤ Σ_{j covers r} x_j and Σ (w_r / W)·y_r ≥ need / W
 * with W the reachable weight (coefficients ≤ 1, no slack near the solver's tolerances), x binary, 0 ≤ y ≤ 1.
 * The solution found is re-checked from the definition: one that misses the target is reported as "failed".
 * An unreachable target gives status "infeasible" without calling the solver.
 *
 * @example
 * const exact = solveMinSitesExact(highs, problem, 0.95, { timeLimitSeconds: 60 });
 * if (exact.status === 'optimal') exact.objective; // fewest sites
 * @see Toregas, Swain, ReVelle & Bergman 1971, "The location of emergency service facilities".
 */
export function solveMinSitesExact(
  highs: Highs,
  problem: CoverageProblem,
  targetShare: number,
  options: ExactOptions & CoverageConstraints = {},
): ExactCoverageResult {
  if (!Number.isFinite(targetShare) || targetShare < 0 || targetShare > 1) {
    throw new EngineInputError(`targetShare must be between 0 and 1, got ${targetShare}`);
  }
  const prepared = planCheckProblem(problem, options);
  const reduced = planDropDominatedColumns(prepared, planReduceDemand(prepared));
  const weights = reduced.rowWeight;
  let reachable = 0;
  let smallest = Infinity;
  for (const w of weights) { reachable += w; if (w < smallest) smallest = w; }
  const tolerance = 1e-9 * Math.max(1, prepared.totalWeight);
  const needed = targetShare * prepared.totalWeight - prepared.alreadyCoveredWeight;
  if (needed > reachable + tolerance) return unsolved(reduced, 'infeasible');
  const fullCover = needed > reachable - smallest + tolerance;
  const result = solve(highs, prepared, reduced, options, {
    maximize: false,
    withShares: !fullCover,
    colCost: (c, columnCount) => (c < columnCount ? 1 : 0),
    extraRow: fullCover || needed <= tolerance
      ? undefined
      : { lower: needed / reachable, upper: Infinity, coefficient: (c, columnCount) => (c < columnCount ? 0 : weights[c - columnCount] / reachable) },
  });
  if (result.newlyCoveredWeight !== null && result.newlyCoveredWeight < needed - tolerance) {
    return { ...result, status: 'failed', solverStatus: `${result.solverStatus} (solution misses the target)` };
  }
  return result;
}

function unsolved(reduced: ReducedCoverage, status: ExactStatus): ExactCoverageResult {
  return {
    status, solverStatus: status, chosenCandidates: [], chosenCandidateIds: [], objective: null, newlyCoveredWeight: null,
    bestBound: null, mipGap: null, solverSeconds: 0,
    model: {
      demandPoints: reduced.demandPoints, relevantDemandPoints: reduced.relevantDemandPoints,
      mergedDemandRows: reduced.rowWeight.length, candidateColumns: reduced.columnCandidate.length, nonzeros: 0,
    },
  };
}

interface ModelShape {
  maximize: boolean;
  /** true: coverage columns y_r with rows y_r ≤ Σ x_j; false: set-cover rows Σ x_j ≥ 1 and no y columns. */
  withShares: boolean;
  colCost: (c: number, columnCount: number) => number;
  extraRow?: { lower: number; upper: number; coefficient: (c: number, columnCount: number) => number };
}

function solve(highs: Highs, prepared: PreparedCoverage, reduced: ReducedCoverage, options: ExactOptions, shape: ModelShape): ExactCoverageResult {
  const C = reduced.columnCandidate.length;
  const R = reduced.rowWeight.length;
  const numCols = shape.withShares ? C + R : C;
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const pushRow = (lower: number, upper: number, entries: [number, number][]) => {
    rowLower.push(Number.isFinite(lower) ? lower : -highs.infinity);
    rowUpper.push(Number.isFinite(upper) ? upper : highs.infinity);
    for (const [c, v] of entries) if (v !== 0) { indices.push(c); values.push(v); }
    starts.push(indices.length);
  };
  for (let r = 0; r < R; r++) {
    const entries: [number, number][] = [];
    if (shape.withShares) {
      for (let p = reduced.rowStarts[r]; p < reduced.rowStarts[r + 1]; p++) entries.push([reduced.rowColumns[p], -1]);
      entries.push([C + r, 1]);
      pushRow(-Infinity, 0, entries);
    } else {
      for (let p = reduced.rowStarts[r]; p < reduced.rowStarts[r + 1]; p++) entries.push([reduced.rowColumns[p], 1]);
      pushRow(1, Infinity, entries);
    }
  }
  if (shape.extraRow) {
    const extra: [number, number][] = [];
    for (let c = 0; c < numCols; c++) extra.push([c, shape.extraRow.coefficient(c, C)]);
    pushRow(shape.extraRow.lower, shape.extraRow.upper, extra);
  }
  for (const [t, minimum] of prepared.minimums) {
    const entries: [number, number][] = [];
    reduced.columnCandidate.forEach((j, c) => { if (prepared.township[j] === t) entries.push([c, 1]); });
    pushRow(minimum, Infinity, entries);
  }
  const model = {
    demandPoints: reduced.demandPoints, relevantDemandPoints: reduced.relevantDemandPoints,
    mergedDemandRows: R, candidateColumns: C, nonzeros: indices.length,
  };
  if (numCols === 0) {
    // Nothing can be covered: no solver needed. (No columns implies no township minimums; see planReduceDemand.)
    const feasible = !shape.extraRow || shape.extraRow.lower <= 0;
    return {
      status: feasible ? 'optimal' : 'infeasible', solverStatus: feasible ? 'optimal' : 'infeasible',
      chosenCandidates: [], chosenCandidateIds: [], objective: feasible ? 0 : null, newlyCoveredWeight: feasible ? 0 : null,
      bestBound: feasible ? 0 : null, mipGap: feasible ? 0 : null, solverSeconds: 0, model,
    };
  }
  const colCost = Array.from({ length: numCols }, (_, c) => shape.colCost(c, C));
  const result = highs.withModel({
    numCols, numRows: rowLower.length,
    sense: shape.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost, colLower: new Float64Array(numCols), colUpper: new Float64Array(numCols).fill(1),
    rowLower, rowUpper,
    matrix: { format: 'csr', numRows: rowLower.length, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from({ length: numCols }, (_, c) => (c < C && !options.lpRelaxation ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
  }, (m) => {
    m.options.set({ output_flag: false, mip_rel_gap: options.mipRelativeGap ?? 0 });
    if (options.timeLimitSeconds !== undefined) m.options.set({ time_limit: options.timeLimitSeconds });
    m.run();
    const hasSolution = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    return {
      modelStatus: m.getModelStatus() as number,
      objective: hasSolution ? m.getObjectiveValue() : null,
      colValue: hasSolution ? m.getSolution().colValue : null,
      bound: Number(m.info.get('mip_dual_bound')),
      gap: Number(m.info.get('mip_gap')),
      seconds: m.getRunTime(),
    };
  });
  const codes = highs.constants.modelStatus;
  const solverStatus = Object.entries(codes).find(([, code]) => code === result.modelStatus)?.[0] ?? String(result.modelStatus);
  let status: ExactStatus = 'failed';
  if (result.modelStatus === codes.optimal) status = 'optimal';
  else if (result.modelStatus === codes.timeLimit) status = 'time-limit';
  else if (result.modelStatus === codes.infeasible || result.modelStatus === codes.unboundedOrInfeasible) status = 'infeasible';
  const chosenCandidates: number[] = [];
  if (result.colValue) for (let c = 0; c < C; c++) if (result.colValue[c] > 0.5) chosenCandidates.push(reduced.columnCandidate[c]);
  const state = new PlanCoverState(prepared);
  for (const j of chosenCandidates) state.add(j);
  return {
    status, solverStatus, chosenCandidates,
    chosenCandidateIds: chosenCandidates.map((j) => (prepared.ids ? prepared.ids[j] : null)),
    objective: result.objective,
    newlyCoveredWeight: result.colValue ? state.value : null,
    bestBound: Number.isFinite(result.bound) ? result.bound : null,
    mipGap: Number.isFinite(result.gap) && result.objective !== null ? result.gap : null,
    solverSeconds: result.seconds, model,
  };
}
