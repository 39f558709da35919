import { EngineInputError } from '../types';
import type { CoverageConstraints, CoverageProblem } from './plan-types';

/** A checked problem in the form the plan-* solvers work on. */
export interface PreparedCoverage {
  demandCount: number;
  candidateCount: number;
  /** Weight that still counts: demandWeight, or 0 where the demand point is already covered. */
  openWeight: Float64Array;
  /** For each candidate, the open demand points it covers (weight > 0, not already covered); the rest never count. */
  covers: Uint32Array[];
  /** For each candidate, the open weight it covers on its own (its gain when nothing is chosen). */
  singleGain: Float64Array;
  /** 1 = the candidate may be chosen. */
  allowed: Uint8Array;
  allowedCount: number;
  /** Township of each candidate (-1 = none). */
  township: Int32Array;
  /** Township index → minimum new sites (only minimums > 0). */
  minimums: Map<number, number>;
  minimumTotal: number;
  totalWeight: number;
  alreadyCoveredWeight: number;
  ids: string[] | undefined;
}

/**
 * Checks a coverage problem and its constraints and returns the arrays the plan solvers share.
 * Throws {@link EngineInputError} for inconsistent input (lengths, indices, negative weights, unmeetable minimums).
 *
 * @example
 * const prepared = planCheckProblem({ demandWeight, alreadyCovered, candidateCovers }, { townshipMinimums: { 0: 1 } });
 */
export function planCheckProblem(problem: CoverageProblem, constraints: CoverageConstraints = {}): PreparedCoverage {
  const { demandWeight, alreadyCovered, candidateCovers: covers } = problem;
  const demandCount = demandWeight.length;
  const candidateCount = covers.length;
  if (alreadyCovered.length !== demandCount) {
    throw new EngineInputError(`alreadyCovered has ${alreadyCovered.length} entries, expected ${demandCount} (one per demand point)`);
  }
  const openWeight = new Float64Array(demandCount);
  let totalWeight = 0;
  let alreadyCoveredWeight = 0;
  for (let i = 0; i < demandCount; i++) {
    const w = demandWeight[i];
    if (!Number.isFinite(w) || w < 0) throw new EngineInputError(`demandWeight[${i}] must be a finite number ≥ 0, got ${w}`);
    totalWeight += w;
    if (alreadyCovered[i]) alreadyCoveredWeight += w;
    else openWeight[i] = w;
  }
  const lastSeenBy = new Int32Array(demandCount).fill(-1);
  const openCovers: Uint32Array[] = [];
  const singleGain = new Float64Array(candidateCount);
  // All open cover lists in one buffer (a view each): one allocation instead of one per candidate.
  let entries = 0;
  for (let j = 0; j < candidateCount; j++) entries += covers[j].length;
  const buffer = new Uint32Array(entries);
  let open = 0;
  for (let j = 0; j < candidateCount; j++) {
    const list = covers[j];
    const start = open;
    let gain = 0;
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      if (i >= demandCount) throw new EngineInputError(`candidateCovers[${j}] contains demand index ${i}, but there are ${demandCount} demand points`);
      if (lastSeenBy[i] === j) throw new EngineInputError(`candidateCovers[${j}] lists demand index ${i} twice`);
      lastSeenBy[i] = j;
      if (openWeight[i] > 0) {
        buffer[open++] = i;
        gain += openWeight[i];
      }
    }
    openCovers.push(buffer.subarray(start, open));
    singleGain[j] = gain;
  }
  const township = problem.candidateTownship ?? new Int32Array(candidateCount).fill(-1);
  if (township.length !== candidateCount) {
    throw new EngineInputError(`candidateTownship has ${township.length} entries, expected ${candidateCount}`);
  }
  if (problem.candidateIds && problem.candidateIds.length !== candidateCount) {
    throw new EngineInputError(`candidateIds has ${problem.candidateIds.length} entries, expected ${candidateCount}`);
  }
  const excluded = constraints.excludedCandidates;
  if (excluded && excluded.length !== candidateCount) {
    throw new EngineInputError(`excludedCandidates has ${excluded.length} entries, expected ${candidateCount}`);
  }
  const allowed = new Uint8Array(candidateCount);
  let allowedCount = 0;
  for (let j = 0; j < candidateCount; j++) {
    if (!excluded || !excluded[j]) {
      allowed[j] = 1;
      allowedCount++;
    }
  }
  const minimums = new Map<number, number>();
  let minimumTotal = 0;
  for (const [key, value] of Object.entries(constraints.townshipMinimums ?? {})) {
    const t = Number(key);
    if (!Number.isInteger(t) || !Number.isInteger(value) || value < 0) {
      throw new EngineInputError(`townshipMinimums must map township indices to whole counts ≥ 0, got ${key}: ${value}`);
    }
    if (value === 0) continue;
    if (!problem.candidateTownship) throw new EngineInputError('townshipMinimums need candidateTownship');
    let available = 0;
    for (let j = 0; j < candidateCount; j++) if (allowed[j] && township[j] === t) available++;
    if (available < value) {
      throw new EngineInputError(`township ${t} needs at least ${value} new sites but only ${available} allowed candidates lie in it`);
    }
    minimums.set(t, value);
    minimumTotal += value;
  }
  return {
    demandCount, candidateCount, openWeight, covers: openCovers, singleGain, allowed, allowedCount, township, minimums, minimumTotal,
    totalWeight, alreadyCoveredWeight, ids: problem.candidateIds,
  };
}

/**
 * Open weight (not already covered) that at least one allowed candidate covers: the most any plan can add.
 *
 * @example
 * const maxNew = planReachableWeight(planCheckProblem(problem)); // ≥ every plan's newly covered weight
 */
export function planReachableWeight(prepared: PreparedCoverage): number {
  const seen = new Uint8Array(prepared.demandCount);
  let weight = 0;
  for (let j = 0; j < prepared.candidateCount; j++) {
    if (!prepared.allowed[j]) continue;
    const list = prepared.covers[j];
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      if (!seen[i]) { seen[i] = 1; weight += prepared.openWeight[i]; }
    }
  }
  return weight;
}
