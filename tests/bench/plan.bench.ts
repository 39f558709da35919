/**
 * Planner stress set, large sizes (tests/fixtures/plan-instances.ts `stressInstances('large')`: random and clustered
 * demand, radii 1.5× and 4× the point spacing, every demand point a candidate or uniform candidates, k = 2…20,
 * existing sites fixed) against HiGHS, in the same run: maximal coverage (value ratio, bound gap, speed) and fewest
 * sites at 90/95/100% (sites over the optimum). Prints the worst case per method and saves bench/results/plan.json.
 * The 50,000 × 5,000 instances are in plan-large.bench.ts (BENCH_LARGE=1).
 */
import loadHighs from 'highs';
import { bench, describe } from 'vitest';
import {
  planCheckExact, planMaxCoverage, planMinSites, solveMaxCoverageExact, solveMinSitesExact,
} from '../../api/src/engine/plan/index.ts';
import { stressInstances } from '../fixtures/plan-instances';
import { fmtSpread, saveBenchResults, spread } from './bench-results';

const highs = await loadHighs();
const instances = stressInstances('large');
const mclp: Record<string, unknown>[] = [];
const lscp: Record<string, unknown>[] = [];
const ratios: number[] = [];
const greedyRatios: number[] = [];
const speed: number[] = [];
const boundGaps: number[] = [];
let worst = { ratio: 1, name: '' };
for (const s of instances) {
  let t = performance.now();
  const h = planMaxCoverage(s.problem, s.k);
  const hMs = performance.now() - t;
  t = performance.now();
  const e = solveMaxCoverageExact(highs, s.problem, s.k, { timeLimitSeconds: 120 });
  const eMs = performance.now() - t;
  const optimum = e.objective ?? NaN;
  const ratio = optimum > 0 ? h.newlyCoveredWeight / optimum : 1;
  if (ratio < worst.ratio) worst = { ratio, name: s.name };
  ratios.push(ratio);
  greedyRatios.push(optimum > 0 ? h.greedyCoveredWeight / optimum : 1);
  speed.push(eMs / hMs);
  if (ratio > 1 - 1e-9) boundGaps.push(h.gapToUpperBound);
  const contradiction = !planCheckExact({ objective: 'max-coverage', newlyCoveredWeight: h.newlyCoveredWeight, totalWeight: h.totalWeight }, e).ok;
  if (contradiction) throw new Error(`plan.bench: exact and heuristic contradict on ${s.name}`);
  mclp.push({ name: s.name, k: s.k, status: e.status, optimum, heuristic: h.newlyCoveredWeight, ratio, greedy: h.greedyCoveredWeight, bound: h.upperBound, boundMethod: h.boundMethod, heuristicMs: hMs, exactMs: eMs });
  console.log(`[plan.bench] ${s.name}: ${(100 * ratio).toFixed(3)}% of ${e.status} ${optimum}; bound gap ${(100 * h.gapToUpperBound).toFixed(2)}% (${h.boundMethod}); ${hMs.toFixed(0)} ms vs HiGHS ${eMs.toFixed(0)} ms`);
}
let worstExtra = 0;
let worstGreedyExtra = 0;
const byTarget = new Map<number, { extras: number[]; greedyExtras: number[]; ms: number[]; worst: string }>();
for (const s of instances.filter((_, i) => i % 4 === 0)) {
  for (const target of [0.9, 0.95, 1]) {
    const t0 = performance.now();
    const h = planMinSites(s.problem, target);
    const hMs = performance.now() - t0;
    const e = solveMinSitesExact(highs, s.problem, target, { timeLimitSeconds: 120 });
    if (!h.reachable) { lscp.push({ name: s.name, target, reachable: false, exact: e.status }); continue; }
    if (!planCheckExact({ objective: 'min-sites', siteCount: h.siteCount, reached: true, totalWeight: h.totalWeight }, e).ok) {
      throw new Error(`plan.bench: exact and heuristic contradict on ${s.name} at ${target}`);
    }
    const optimum = e.status === 'optimal' ? Math.round(e.objective!) : null;
    if (optimum !== null) {
      worstExtra = Math.max(worstExtra, h.siteCount - optimum);
      worstGreedyExtra = Math.max(worstGreedyExtra, h.greedySiteCount - optimum);
      const row = byTarget.get(target) ?? { extras: [], greedyExtras: [], ms: [], worst: '' };
      if (row.extras.length === 0 || h.siteCount - optimum > Math.max(...row.extras)) row.worst = `${s.name}: ${h.siteCount} vs ${optimum}`;
      row.extras.push(h.siteCount - optimum);
      row.greedyExtras.push(h.greedySiteCount - optimum);
      row.ms.push(hMs);
      byTarget.set(target, row);
    }
    lscp.push({ name: s.name, target, exact: e.status, optimum, heuristic: h.siteCount, greedy: h.greedySiteCount, lowerBound: h.lowerBound, boundMethod: h.boundMethod, heuristicMs: hMs });
    console.log(`[plan.bench] ${s.name} target ${target}: heuristic ${h.siteCount} (greedy ${h.greedySiteCount}) in ${hMs.toFixed(0)} ms, HiGHS ${e.status} ${optimum}, lower bound ${h.lowerBound} (${h.boundMethod})`);
  }
}
const pct = (x: ReturnType<typeof spread>) => ({ ...x, min: 100 * x.min, median: 100 * x.median, max: 100 * x.max });
const summary = {
  instances: instances.length,
  mclpValueRatioPercent: spread(ratios).min * 100,
  mclpWorstInstance: worst.name,
  greedyOnlyWorstPercent: spread(greedyRatios).min * 100,
  worstBoundGapWhereOptimalPercent: 100 * Math.max(0, ...boundGaps),
  lscpWorstSitesOverOptimum: worstExtra,
  lscpGreedyOnlyWorstSitesOverOptimum: worstGreedyExtra,
  lscpByTarget: Object.fromEntries([...byTarget].map(([target, r]) => [target, {
    worstSitesOverOptimum: Math.max(...r.extras), sitesOverOptimum: r.extras, greedySitesOverOptimum: r.greedyExtras,
    worstCase: r.worst, heuristicMs: spread(r.ms),
  }])),
};
console.log([
  `\n=== plan.bench: stress set (large), ${instances.length} maximal-coverage instances, ${lscp.length} fewest-sites cases ===`,
  `  maximal coverage, heuristic / HiGHS optimum: ${fmtSpread(pct(spread(ratios)), 3, '%')}; worst: ${worst.name} (goal ≥ 99.5%: ${worst.ratio >= 0.995 ? 'met' : 'NOT met'})`,
  `  greedy alone / optimum: ${fmtSpread(pct(spread(greedyRatios)), 3, '%')}`,
  `  bound gap where the plan is optimal: worst ${summary.worstBoundGapWhereOptimalPercent.toFixed(2)}% (goal ≤ 1%)`,
  `  speed, HiGHS time / heuristic time: ${fmtSpread(spread(speed))}`,
  `  fewest sites at 90/95/100%: worst heuristic − optimum = ${worstExtra} (goal ≤ 1: ${worstExtra <= 1 ? 'met' : 'NOT met'}); plain greedy: ${worstGreedyExtra}`,
  ...[...byTarget].map(([target, r]) => `    at ${100 * target}%: sites over the optimum per instance [${r.extras.join(', ')}] (greedy alone [${r.greedyExtras.join(', ')}]); worst ${r.worst}; heuristic ${fmtSpread(spread(r.ms), 0, ' ms')}`),
].join('\n'));
saveBenchResults('plan', summary, { mclp, lscp });

describe('plan: stress set (measured above; these entries time one instance)', () => {
  const s = instances[instances.length - 1];
  bench(`heuristic: ${s.name}`, async () => { planMaxCoverage(s.problem, s.k); }, { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 0 });
  bench(`HiGHS: ${s.name}`, async () => { solveMaxCoverageExact(highs, s.problem, s.k); }, { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 });
});
