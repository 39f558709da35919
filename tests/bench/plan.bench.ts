/**
 * Site-planning engine: greedy + swap heuristic vs the HiGHS exact optimum on the same seeded spatial instances,
 * in the same run. Demand points and candidates are uniform at random in a 60 × 40 km box; a candidate covers the
 * demand within the service radius (kdbush); points near ~existing sites are already covered (~60% of residents).
 * Prints value ratio (goal ≥ 99% of the HiGHS optimum) and speed ratio (goal ≥ 20×).
 * Run: npx vitest bench --run --project unit tests/bench/plan.bench.ts
 */
import loadHighs from 'highs';
import { bench, describe } from 'vitest';
import { solveMaxCoverageExact } from '../../api/src/engine/plan/index.ts';
import { planMaxCoverage } from '../../api/src/engine/plan/index.ts';
import { planOptimalityGap } from '../../api/src/engine/plan/index.ts';
import type { ExactCoverageResult, MaxCoverageResult } from '../../api/src/engine/plan/index.ts';
import { spatialInstance } from '../fixtures/plan-instances';

const SITES = 20;
const HIGHS_TIME_LIMIT_SECONDS = 120;
const highs = await loadHighs();

const instances = [
  { name: '50,000 demand × 5,000 candidates, radius 1.1 km', seed: 7, radiusMeters: 1100, existingSites: 578 },
  { name: '50,000 demand × 5,000 candidates, radius 2.2 km (more overlap)', seed: 8, radiusMeters: 2200, existingSites: 145 },
];

// Bench functions are async on purpose: tinybench 2.9 calls a synchronous task once more per loop to probe
// whether it returns a promise, which would run HiGHS three times.
interface Run { ms: number[]; heuristic?: MaxCoverageResult; exact?: ExactCoverageResult }

for (const spec of instances) {
  const problem = spatialInstance(spec.seed, {
    demandCount: 50_000, candidateCount: 5_000, widthMeters: 60_000, heightMeters: 40_000,
    radiusMeters: spec.radiusMeters, existingSites: spec.existingSites,
  });
  const swapOnly: Run = { ms: [] };
  const withRounds: Run = { ms: [] };
  const exact: Run = { ms: [] };
  describe(`plan k=${SITES}: ${spec.name}`, () => {
    bench('greedy + 1-swap (perturbRounds 0)', async () => {
      const t = performance.now();
      swapOnly.heuristic = planMaxCoverage(problem, SITES, {}, { perturbRounds: 0 });
      swapOnly.ms.push(performance.now() - t);
    }, { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 });
    bench('greedy + swap + 30 perturbation rounds (default)', async () => {
      const t = performance.now();
      withRounds.heuristic = planMaxCoverage(problem, SITES);
      withRounds.ms.push(performance.now() - t);
    }, { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1 });
    // Runs once, last in its group (tinybench runs a group's tasks in order), so it also prints the comparison.
    bench(`HiGHS exact (time limit ${HIGHS_TIME_LIMIT_SECONDS} s)`, async () => {
      const t = performance.now();
      exact.exact = solveMaxCoverageExact(highs, problem, SITES, { timeLimitSeconds: HIGHS_TIME_LIMIT_SECONDS });
      exact.ms.push(performance.now() - t);
      console.log(summarise(spec.name, problem.coveredShareOfWeight, exact, [['greedy + 1-swap', swapOnly], ['greedy + swap + 30 rounds', withRounds]]));
    }, { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 });
  });
}

function summarise(name: string, coveredShare: number, exact: Run, heuristics: [string, Run][]): string {
  const e = exact.exact!;
  const exactMs = Math.min(...exact.ms);
  const lines = [`\n=== plan.bench: ${name}, k = ${SITES}; already covered ${(100 * coveredShare).toFixed(1)}% of residents ===`];
  lines.push(`  HiGHS: ${e.status} in ${(exactMs / 1000).toFixed(2)} s (solver clock ${e.solverSeconds.toFixed(2)} s), objective ${e.objective}, bound ${e.bestBound}, MIP gap ${e.mipGap}`);
  if (e.status !== 'optimal') lines.push(`    HiGHS did not prove optimality within ${HIGHS_TIME_LIMIT_SECONDS} s: ratios below are against its bound`);
  lines.push(`    reduced model: ${e.model.relevantDemandPoints} relevant of ${e.model.demandPoints} demand points → ${e.model.mergedDemandRows} merged rows, ${e.model.candidateColumns} columns, ${e.model.nonzeros} nonzeros`);
  for (const [label, run] of heuristics) {
    const h = run.heuristic!;
    const ms = Math.min(...run.ms);
    const gap = planOptimalityGap(h, e);
    const ratio = gap.heuristicValue / gap.referenceValue;
    lines.push(`  ${label}: ${h.newlyCoveredWeight} newly covered (greedy ${h.greedyCoveredWeight}, after first swap search ${h.swapCoveredWeight}) in ${ms.toFixed(0)} ms (best of ${run.ms.length} runs)`);
    lines.push(`    value ratio vs HiGHS ${gap.referenceKind}: ${(100 * ratio).toFixed(3)}% (goal ≥ 99%: ${ratio >= 0.99 ? 'met' : 'NOT met'})`);
    lines.push(`    speed ratio: ${(exactMs / ms).toFixed(1)}× (goal ≥ 20×: ${exactMs / ms >= 20 ? 'met' : 'NOT met'})`);
    lines.push(`    greedy online upper bound ${h.upperBound.toFixed(0)}: gap to bound ${(100 * h.gapToUpperBound).toFixed(2)}%`);
  }
  return lines.join('\n');
}
