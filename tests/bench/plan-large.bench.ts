/**
 * Maximal coverage k = 20 on 50,000 demand points × 5,000 candidates (60 × 40 km box, seeded, ~60% of residents
 * already covered by existing sites) at a small (1.1 km) and a large (2.2 km) radius, three seeds each: the
 * heuristic (greedy + swap + Lagrangian-guided restarts) against the HiGHS optimum, in the same run.
 * Goal (issue 8): ≥ 20× faster than HiGHS and ≥ 99.5% of its optimum in every repetition.
 * HiGHS solves the reduced model (demand points with the same candidates merged, dominated candidates dropped:
 * r = 1.1 km seed 7 went from 12,637 × 4,685 to 10,951 × 2,935 and from 4.0 s to 2.0 s here), from scratch.
 * Slow (HiGHS takes minutes in total), so `npm run bench` leaves it out with a printed notice; run it alone with
 *   BENCH_LARGE=1 npx vitest bench --run --project unit tests/bench/plan-large.bench.ts
 * (HiGHS time limit per instance: BENCH_HIGHS_SECONDS, default 300.)
 * Warm-up: both methods first solve three instances of the same size (seeds 1–3, r = 1.1 km) outside the table, so
 * it compares steady-state code (V8's JIT for the heuristic, WebAssembly tier-up for HiGHS), as tinybench's own
 * warm-up would; the heuristic's first (cold) time, the JIT's first sight of the code as in the API's fresh plan
 * worker (~3–5× a warm run), is printed and saved too.
 */
import { availableParallelism, loadavg } from 'node:os';
import loadHighs from 'highs';
import { bench, describe } from 'vitest';
import { planMaxCoverage, planOptimalityGap, solveMaxCoverageExact } from '../../api/src/engine/plan/index.ts';
import { spatialInstance } from '../fixtures/plan-instances';
import { fmtSpread, saveBenchResults, spread } from './bench-results';

const SITES = 20;
// Measured here (load ~5): HiGHS proves every optimum, 0.9–1.3 s at 1.1 km and 16–46 s at 2.2 km; the whole bench
// takes ~2 min. Under a load of ~25 (niced) the 2.2 km runs found no useful bound in 300–500 s: hence a time limit
// (300 s by default); a run without a proven optimum is compared with the best upper bound and labelled.
const HIGHS_TIME_LIMIT_SECONDS = Number(process.env.BENCH_HIGHS_SECONDS ?? 300);
const highs = await loadHighs();
const radii = [{ radiusMeters: 1100, existingSites: 578 }, { radiusMeters: 2200, existingSites: 145 }];
const seeds = [7, 8, 9];

const LARGE = process.env.BENCH_LARGE === '1';
if (!LARGE) console.log('[plan-large] not run: set BENCH_LARGE=1 (HiGHS on 6 × 50,000 × 5,000 instances takes minutes)');
const rows: Record<string, unknown>[] = [];
const lines: string[] = [];
let warmUp: Record<string, unknown> | undefined;
const warmUpSeeds = [1, 2, 3];
const loadAtStart = loadavg()[0];
if (LARGE) {
  // Both methods solve the same warm-up instances (seeds 1–3, r = 1.1 km; not in the table) first.
  const heuristicMs: number[] = [];
  const exactMs: number[] = [];
  for (const seed of warmUpSeeds) {
    const problem = spatialInstance(seed, { demandCount: 50_000, candidateCount: 5_000, widthMeters: 60_000, heightMeters: 40_000, radiusMeters: 1100, existingSites: 578 });
    let t = performance.now();
    planMaxCoverage(problem, SITES);
    heuristicMs.push(Math.round(performance.now() - t));
    t = performance.now();
    solveMaxCoverageExact(highs, problem, SITES, { timeLimitSeconds: HIGHS_TIME_LIMIT_SECONDS });
    exactMs.push(Math.round(performance.now() - t));
  }
  warmUp = { heuristicColdMs: heuristicMs[0], heuristicMs, exactMs };
  lines.push(`  warm-up (not in the table; seeds ${warmUpSeeds.join(', ')}, r = 1.1 km): heuristic ${heuristicMs.join(' / ')} ms (the first is cold: the JIT's first sight of the code, as in the API's fresh plan worker), HiGHS ${exactMs.join(' / ')} ms`);
}
for (const r of LARGE ? radii : []) {
  const speed: number[] = [];
  const value: number[] = [];
  let unproven = 0;
  for (const seed of seeds) {
    const problem = spatialInstance(seed, {
      demandCount: 50_000, candidateCount: 5_000, widthMeters: 60_000, heightMeters: 40_000,
      radiusMeters: r.radiusMeters, existingSites: r.existingSites,
    });
    // Wall-clock decides the goal; process CPU time is saved beside it (on a shared, loaded machine a 30 ms run
    // can wait 100 ms for a core, a 1 s run less in proportion).
    let t = performance.now();
    let cpu = process.cpuUsage();
    const heuristic = planMaxCoverage(problem, SITES);
    const heuristicMs = performance.now() - t;
    const heuristicCpu = process.cpuUsage(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    const exact = solveMaxCoverageExact(highs, problem, SITES, { timeLimitSeconds: HIGHS_TIME_LIMIT_SECONDS });
    const exactMs = performance.now() - t;
    const exactCpu = process.cpuUsage(cpu);
    const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);
    const gap = planOptimalityGap(heuristic, exact);
    const ratio = gap.heuristicValue / gap.referenceValue;
    speed.push(exactMs / heuristicMs);
    if (exact.status !== 'optimal') unproven++;
    value.push(ratio);
    const row = {
      radiusMeters: r.radiusMeters, seed, heuristicMs: Math.round(heuristicMs), exactMs: Math.round(exactMs), exactStatus: exact.status,
      heuristicCpuMs: cpuMs(heuristicCpu), exactCpuMs: cpuMs(exactCpu),
      heuristicValue: heuristic.newlyCoveredWeight, optimum: exact.objective, reference: gap.referenceKind,
      valueRatio: ratio, speedRatio: exactMs / heuristicMs, heuristicBound: heuristic.upperBound, boundMethod: heuristic.boundMethod,
      boundGapToOptimum: exact.objective ? (heuristic.upperBound - exact.objective) / heuristic.upperBound : null,
      greedyValue: heuristic.greedyCoveredWeight, swapValue: heuristic.swapCoveredWeight, lagrangianIterations: heuristic.lagrangianIterations,
      guidePlansTried: heuristic.guidePlansTried, model: exact.model,
    };
    rows.push(row);
    console.log(`[plan-large] r=${r.radiusMeters} seed ${seed}: ${JSON.stringify(row)}`);
    lines.push(`  r=${r.radiusMeters} m seed ${seed}: heuristic ${heuristic.newlyCoveredWeight} in ${heuristicMs.toFixed(0)} ms; HiGHS ${exact.status} ${exact.objective} in ${(exactMs / 1000).toFixed(1)} s → ${(100 * ratio).toFixed(3)}% of the ${gap.referenceKind}, ${(exactMs / heuristicMs).toFixed(1)}× faster (CPU time ${cpuMs(heuristicCpu)} ms vs ${(cpuMs(exactCpu) / 1000).toFixed(1)} s: ${(cpuMs(exactCpu) / Math.max(1, cpuMs(heuristicCpu))).toFixed(1)}×); heuristic bound ${heuristic.upperBound.toFixed(0)} (${heuristic.boundMethod})`);
  }
  const v = spread(value);
  const s = spread(speed);
  lines.push(`  r=${r.radiusMeters} m: value ratio ${fmtSpread({ ...v, min: 100 * v.min, median: 100 * v.median, max: 100 * v.max }, 3, '%')} (goal ≥ 99.5% each: ${v.min >= 0.995 ? 'met' : 'NOT met'}); speed ratio ${fmtSpread(s)} (goal ≥ 20× each: ${s.min >= 20 ? 'met' : 'NOT met'})${unproven ? `; HiGHS proved no optimum in ${unproven} of ${seeds.length} runs (time limit ${HIGHS_TIME_LIMIT_SECONDS} s): there the value ratio is against the best upper bound and the speed ratio only a lower bound` : ''}`);
}
if (LARGE) {
  const load = { start: loadAtStart, end: loadavg()[0] };
  lines.push(`  machine load (1-min average, ${availableParallelism()} cores): ${load.start.toFixed(1)} at start, ${load.end.toFixed(1)} at end`);
  console.log(`\n=== plan-large.bench: k = ${SITES}, 50,000 × 5,000 ===\n${lines.join('\n')}`);
  saveBenchResults('plan-large', { lines: lines.filter((l) => l.includes('goal')), warmUp, load }, { rows });
}

describe.runIf(LARGE)('plan k=20, 50,000 × 5,000 (measured above; this entry only times one more heuristic run)', () => {
  const problem = LARGE ? spatialInstance(7, { demandCount: 50_000, candidateCount: 5_000, widthMeters: 60_000, heightMeters: 40_000, radiusMeters: 1100, existingSites: 578 }) : undefined;
  bench('heuristic, r = 1.1 km, seed 7', async () => { planMaxCoverage(problem!, SITES); }, { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 });
});
