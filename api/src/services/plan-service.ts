import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { createStraightLineReach } from '../engine/coverage/index.ts';
import { singleFacilityReach } from '../engine/network/index.ts';
import { requestWeightedDemand } from '../engine/demand/index.ts';
import type { RequestDemand } from '../db/requests-repo.ts';
import { planCheckExact, planMaxCoverage, planMinSites, planOptimalityGap } from '../engine/plan/index.ts';
import type { CoverageProblem, PlannedSite } from '../engine/plan/index.ts';
import { EngineInputError, type Facility, type FacilityReach } from '../engine/types.ts';
import { UnprocessableError } from '../domain-errors.ts';
import type { CoverageQuery } from '../schemas/coverage.ts';
import type { PlanRequest } from '../schemas/plan.ts';
import { SITE_KIND_NAMES } from '../schemas/sites.ts';
import { coveredOn, type CoverageService, type TravelSetup } from './coverage-service.ts';
import type { PlannerContext } from './planner-context.ts';
import { townshipsAt } from './township-at.ts';
import { runExactInWorker, type ExactOutcome } from './run-exact-in-worker.ts';

/** Road-node candidates are thinned to one per cell of this size. */
const ROAD_CANDIDATE_CELL_METERS = 250;

/** Which argument gives the bound shown with a plan. */
export type PlanBoundMethod =
  | 'highs-optimum' | 'highs-bound' | 'lagrangian' | 'greedy-online' | 'reachable-weight'
  | 'lp-relaxation' | 'greedy-gains' | 'township-minimums';

/**
 * The optimality note as a stable code: the UI words it in its language from `noteParams` (shares as 0..1, bound
 * methods as {@link PlanBoundMethod} codes); `note` is the same in English for scripts.
 */
export type PlanNoteCode = 'optimum' | 'bound' | 'bound-without-minimums' | 'min-optimum' | 'min-proven' | 'min-bound' | 'unreachable';

/** Where the candidate sites came from (the UI words it; `candidateSource` is the English text). */
export type CandidateSourceCode = 'list' | 'road-nodes' | 'demand-cells' | 'demand-points';

/** How good the plan is known to be: against HiGHS's optimum when it ran, else against a bound. */
export interface PlanOptimality {
  status: 'optimum-known' | 'bound' | 'unreachable';
  note: string;
  noteCode: PlanNoteCode;
  noteParams: Record<string, number | string>;
  /** How the plan was made (heuristic steps). */
  method?: string;
  /** Max coverage: an upper bound on people newly covered; fewest sites: a lower bound on the site count. */
  bound?: number;
  boundKind?: 'upper' | 'lower';
  boundMethod?: PlanBoundMethod;
  /** Set when HiGHS's answer contradicted a feasible heuristic plan and was not used. */
  exactRefused?: string;
  /** Max coverage: people newly covered by the plan. Fewest sites: the plan's site count. */
  heuristicValue?: number;
  /** Max coverage: the optimum or an upper bound on it. */
  referenceValue?: number;
  referenceKind?: 'optimum' | 'upper-bound';
  /** Max coverage: (reference − plan) ÷ reference. */
  gap?: number;
  /** Fewest sites: no plan reaches the target with fewer sites. Max coverage and fewest sites: gap = (plan vs bound) relative, 0..1. */
  lowerBound?: number;
  exactOptimum?: number | null;
  exactStatus?: string | null;
  exactSeconds?: number | null;
}

interface Candidate { lng: number; lat: number; name?: string; townshipCode: string | null }

/** Candidate sites: the planner's list, else road nodes (network) or populated demand cells. */
function candidatesFor(ctx: PlannerContext, travel: TravelSetup, req: PlanRequest): { list: Candidate[]; source: string; sourceCode: CandidateSourceCode } {
  if (req.candidates) {
    const outside = req.candidates.map((c, i) => [c, i] as const).filter(([c]) => !booleanPointInPolygon([c.lng, c.lat], ctx.boundary));
    if (outside.length)
      throw new UnprocessableError(`${outside.length} candidate(s) lie outside ${ctx.districtName}`,
        outside.slice(0, 100).map(([c, i]) => ({ path: ['candidates', i], message: `${c.name ?? ''} ${c.lng}, ${c.lat} is outside the district (WGS-84 expected)` })));
    const codes = townshipsAt(ctx, req.candidates);
    return { list: req.candidates.map((c, i) => ({ ...c, townshipCode: codes[i] })), source: 'planner list', sourceCode: 'list' };
  }
  if (travel.method === 'network') {
    const g = ctx.road!.graph;
    const seen = new Set<string>();
    const pts: { lng: number; lat: number }[] = [];
    const stepLat = ROAD_CANDIDATE_CELL_METERS / 111_195;
    const stepLng = stepLat / Math.cos((32.7 * Math.PI) / 180);
    for (let v = 0; v < g.nodeCount; v++) {
      const key = `${Math.floor(g.nodeLng[v] / stepLng)},${Math.floor(g.nodeLat[v] / stepLat)}`;
      if (seen.has(key)) continue;
      if (!booleanPointInPolygon([g.nodeLng[v], g.nodeLat[v]], ctx.boundary)) continue;
      seen.add(key);
      pts.push({ lng: g.nodeLng[v], lat: g.nodeLat[v] });
    }
    const codes = townshipsAt(ctx, pts);
    return { list: pts.map((p, i) => ({ ...p, townshipCode: codes[i] })), source: `road nodes (one per ${ROAD_CANDIDATE_CELL_METERS} m cell)`, sourceCode: 'road-nodes' };
  }
  const d = ctx.demand;
  const list: Candidate[] = [];
  for (let i = 0; i < d.lng.length; i++) {
    if (d.population[i] > 0) list.push({ lng: d.lng[i], lat: d.lat[i], townshipCode: d.townshipIndex[i] >= 0 ? d.townshipCodes[d.townshipIndex[i]] : null });
  }
  return d.cellHalfSizeMeters > 0
    ? { list, source: 'demand cell centres', sourceCode: 'demand-cells' }
    : { list, source: 'demand points', sourceCode: 'demand-points' };
}

function reachOfCandidates(ctx: PlannerContext, travel: TravelSetup, list: Candidate[]): FacilityReach[] {
  if (travel.method === 'network') {
    const opts = { mode: travel.mode, speeds: travel.speeds, older: travel.older, carSpeedsKmh: ctx.road!.carSpeedsKmh, minutes: travel.minutes };
    return list.map((c) => singleFacilityReach(ctx.road!.graph, ctx.demand, c, opts));
  }
  const reach = createStraightLineReach(ctx.demand, { radiusMeters: travel.radiusMeters!, speedKmh: travel.speedKmh, detourFactor: travel.detourFactor! });
  return list.map((c, i) => reach({ id: `c${i}`, kind: 'point', lng: c.lng, lat: c.lat, townshipCode: c.townshipCode }));
}

/** Note text when the exact check was asked for but its worker gave no result (crash, start failure, guard time). */
function exactFailureNote(outcome: ExactOutcome | undefined): string {
  return outcome && !outcome.ok ? ` The HiGHS exact check gave no result (${outcome.message}).` : '';
}

/** Runs the optimiser for a plan request and reports proposals, before/after, solver and optimality. */
export async function runPlan(service: Pick<CoverageService, 'context' | 'coverageOn'>, district: string, req: PlanRequest, observed?: RequestDemand) {
  const t0 = performance.now();
  const baseCtx = await service.context(district);
  const share = req.demand === 'requests' ? 1 : req.demand === 'blend' ? req.requestsShare : 0;
  const withRequests = share > 0 && observed
    ? requestWeightedDemand(baseCtx.demand, req.older ? baseCtx.demand.olderPopulation : baseCtx.demand.population, observed.points, share)
    : null;
  if (share > 0 && !observed?.points.length)
    throw new UnprocessableError('No service requests with a place in the chosen period to plan with', [{ path: ['demand'], message: 'no requests', code: 'no_requests' }]);
  // Request points carry no residents: population figures (before/after, gaps) stay as they are.
  const ctx = withRequests ? { ...baseCtx, demand: withRequests.demand } : baseCtx;
  const q: CoverageQuery = { mode: req.mode, minutes: req.minutes, older: req.older, method: req.method, kinds: req.kinds, status: req.status };
  const before = service.coverageOn(baseCtx, q);
  const travel = before.travel;
  // Which demand points (request points included) the current sites already cover (1 = covered); with `extra`, the
  // proposals too.
  const coveredSetOn = (extra: Facility[], cov: ReturnType<typeof service.coverageOn>) => {
    if (!withRequests) return Uint8Array.from(cov.result.coverCount, (c) => (c > 0 ? 1 : 0));
    return coveredOn(ctx, travel, [...cov.facilities, ...extra]);
  };
  const alreadyCovered = coveredSetOn([], before);
  const codes = ctx.townships.map((t) => t.code);
  const names = new Map(ctx.townships.map((t) => [t.code, t.name]));
  if (req.township && !names.has(req.township)) throw new EngineInputError(`Unknown township ${req.township}`);
  for (const code of Object.keys(req.townshipMinimums ?? {})) if (!names.has(code)) throw new EngineInputError(`Unknown township ${code} in townshipMinimums`);

  const found = candidatesFor(ctx, travel, req);
  const sourceCode = found.sourceCode;
  // Where requests come from is a candidate too (a populated cell may be far from them in straight-line mode).
  const requestCandidates = withRequests && !req.candidates && travel.method !== 'network' ? observed!.points : [];
  const list: Candidate[] = [...found.list, ...requestCandidates.map((r) => ({ lng: r.lng, lat: r.lat, townshipCode: r.townshipCode }))];
  const source = requestCandidates.length ? `${found.source} and request places` : found.source;
  const d = ctx.demand;
  const scopeIndex = req.township ? codes.indexOf(req.township) : -1;
  const weightOf = withRequests ? withRequests.weight : req.older ? d.olderPopulation : d.population;
  const demandWeight = Float64Array.from(weightOf, (w, i) => (scopeIndex >= 0 && d.townshipIndex[i] !== scopeIndex ? 0 : w));
  const excluded = new Uint8Array(list.length);
  list.forEach((c, i) => {
    if (req.township && c.townshipCode !== req.township) excluded[i] = 1;
    else if (req.exclusions?.some((g) => booleanPointInPolygon([c.lng, c.lat], g))) excluded[i] = 1;
  });
  const problem: CoverageProblem = {
    demandWeight, alreadyCovered,
    candidateCovers: reachOfCandidates(ctx, travel, list).map((r) => r.demandIndex),
    candidateTownship: Int32Array.from(list, (c) => (c.townshipCode ? codes.indexOf(c.townshipCode) : -1)),
  };
  const townshipMinimums = Object.fromEntries(Object.entries(req.townshipMinimums ?? {}).map(([code, n]) => [codes.indexOf(code), n]));
  const constraints = { excludedCandidates: excluded, townshipMinimums };

  let sites: PlannedSite[] = [];
  let optimality: PlanOptimality;
  let reachable: boolean | undefined, maxShare: number | undefined, message: string | undefined;
  const heuristic = req.k !== undefined
    ? 'greedy (lazy) + 1-swap + Lagrangian-guided restarts'
    : 'greedy + Lagrangian set-cover heuristic + redundant-site removal + swap/Lagrangian/tabu search for fewer sites';
  const solver = req.exact ? `${heuristic}, checked by HiGHS (MILP)` : heuristic;
  if (req.k !== undefined) {
    const plan = planMaxCoverage(problem, req.k, constraints);
    sites = plan.sites;
    const outcome = req.exact
      ? await runExactInWorker(problem, { objective: 'max-coverage', siteCount: req.k }, { ...constraints, timeLimitSeconds: req.exactTimeLimitSeconds })
      : undefined;
    const checked = outcome?.ok
      ? planCheckExact({ objective: 'max-coverage', newlyCoveredWeight: plan.newlyCoveredWeight, totalWeight: plan.totalWeight }, outcome.result)
      : undefined;
    const exact = checked?.ok ? checked.result : undefined;
    const gap = planOptimalityGap(plan, exact);
    const boundMethod: PlanBoundMethod = gap.referenceKind === 'optimum' ? 'highs-optimum'
      : exact?.bestBound != null && gap.referenceValue < plan.upperBound ? 'highs-bound' : plan.boundMethod;
    const unit = withRequests?.unit === 'requests' ? 'requests' : withRequests ? 'weighted residents (blend)' : 'people';
    const boundName = { 'highs-bound': 'HiGHS best bound', lagrangian: 'Lagrangian bound', 'greedy-online': 'greedy online bound', 'reachable-weight': `all reachable ${unit}` } as Record<string, string>;
    optimality = {
      status: gap.referenceKind === 'optimum' ? 'optimum-known' : 'bound',
      method: heuristic, bound: Math.round(gap.referenceValue), boundKind: 'upper', boundMethod,
      heuristicValue: Math.round(gap.heuristicValue), referenceValue: Math.round(gap.referenceValue), referenceKind: gap.referenceKind,
      gap: Math.round(gap.gap * 10000) / 10000,
      exactStatus: exact?.status ?? (outcome ? 'failed' : null), exactSeconds: exact ? Math.round(exact.solverSeconds * 100) / 100 : null,
      ...(checked && !checked.ok ? { exactRefused: checked.message } : {}),
      noteCode: gap.referenceKind === 'optimum' ? 'optimum' : req.townshipMinimums && !exact ? 'bound-without-minimums' : 'bound',
      noteParams: { reference: Math.round(gap.referenceValue), reached: Math.round((1 - gap.gap) * 10000) / 10000, gap: Math.round(gap.gap * 10000) / 10000, boundMethod },
      note: (gap.referenceKind === 'optimum'
        ? `HiGHS proved the optimum: ${Math.round(gap.referenceValue)} ${unit}; this plan reaches ${(100 * (1 - gap.gap)).toFixed(2)}% of it.`
        : `Upper bound ${Math.round(gap.referenceValue)} ${unit} (${boundName[boundMethod]}${req.townshipMinimums && !exact ? ', ignoring township minimums' : ''}); this plan is within ${(100 * gap.gap).toFixed(2)}% of it.`)
        + exactFailureNote(outcome) + (checked && !checked.ok ? ` ${checked.message}.` : ''),
    };
  } else {
    const plan = planMinSites(problem, req.targetShare!, constraints);
    reachable = plan.reachable;
    maxShare = Math.round(plan.maxShare * 10000) / 10000;
    if (!plan.reachable) {
      message = plan.message;
      optimality = {
        status: 'unreachable', note: plan.message, method: heuristic,
        noteCode: 'unreachable', noteParams: { target: req.targetShare!, maxShare: Math.round(plan.maxShare * 10000) / 10000 },
      };
    } else {
      sites = plan.sites;
      const outcome = req.exact
        ? await runExactInWorker(problem, { objective: 'min-sites', targetShare: req.targetShare! }, { ...constraints, timeLimitSeconds: req.exactTimeLimitSeconds })
        : undefined;
      const checked = outcome?.ok
        ? planCheckExact({ objective: 'min-sites', siteCount: plan.siteCount, reached: true, totalWeight: plan.totalWeight }, outcome.result)
        : undefined;
      const exact = checked?.ok ? checked.result : undefined;
      const optimum = exact?.status === 'optimal' && exact.objective !== null ? Math.round(exact.objective) : null;
      const exactBound = Math.ceil((exact?.bestBound ?? 0) - 1e-4);
      let lowerBound = plan.lowerBound;
      let boundMethod: PlanBoundMethod = plan.boundMethod;
      if (optimum !== null) { lowerBound = optimum; boundMethod = 'highs-optimum'; } else if (exactBound > lowerBound) { lowerBound = exactBound; boundMethod = 'highs-bound'; }
      lowerBound = Math.min(lowerBound, plan.siteCount);
      const gap = plan.siteCount > 0 ? (plan.siteCount - lowerBound) / plan.siteCount : 0;
      optimality = {
        status: optimum !== null || lowerBound === plan.siteCount ? 'optimum-known' : 'bound',
        method: heuristic, bound: lowerBound, boundKind: 'lower', boundMethod,
        heuristicValue: plan.siteCount, lowerBound, exactOptimum: optimum, gap: Math.round(gap * 10000) / 10000,
        exactStatus: exact?.status ?? (outcome ? 'failed' : null),
        ...(checked && !checked.ok ? { exactRefused: checked.message } : {}),
        noteCode: optimum !== null ? 'min-optimum' : lowerBound === plan.siteCount ? 'min-proven' : 'min-bound',
        noteParams: { target: req.targetShare!, lowerBound, sites: plan.siteCount, boundMethod },
        note: (optimum !== null
          ? `HiGHS: the fewest sites for ${Math.round(req.targetShare! * 100)}% is ${optimum}; this plan uses ${plan.siteCount}.`
          : lowerBound === plan.siteCount
            ? `No plan reaches ${Math.round(req.targetShare! * 100)}% with fewer than ${lowerBound} sites (${boundMethod} bound): this plan is optimal.`
            : `No plan reaches ${Math.round(req.targetShare! * 100)}% with fewer than ${lowerBound} sites (${boundMethod} bound); this plan uses ${plan.siteCount}.`)
          + exactFailureNote(outcome) + (checked && !checked.ok ? ` ${checked.message}.` : ''),
      };
    }
  }
  const kindName = SITE_KIND_NAMES[req.kind].zh;
  const proposed = sites.map((s) => {
    const c = list[s.candidateIndex];
    const tName = c.townshipCode ? names.get(c.townshipCode) ?? '' : '';
    return {
      rank: s.rank, lng: c.lng, lat: c.lat, townshipCode: c.townshipCode, townshipName: tName || null, kind: req.kind,
      marginalGain: Math.round(s.marginalGain), name: c.name ?? `${tName}拟建${kindName}${s.rank}`,
    };
  });
  const extra: Facility[] = proposed.map((p) => ({ id: `proposal-${p.rank}`, kind: p.kind, lng: p.lng, lat: p.lat, townshipCode: p.townshipCode }));
  const after = service.coverageOn(baseCtx, q, extra);
  const requestsCovered = (covered: ArrayLike<number>) => {
    if (!withRequests) return 0;
    let n = 0;
    for (let i = withRequests.firstRequestIndex; i < covered.length; i++) if (covered[i] > 0) n++;
    return n;
  };
  const demandMethod = withRequests && observed ? {
    kind: req.demand, share, requests: observed.points.length, villageOnly: observed.villageOnly,
    from: req.requestsFrom ?? observed.firstDay, to: req.requestsTo ?? observed.lastDay,
    requestsCoveredBefore: requestsCovered(alreadyCovered), requestsCoveredAfter: requestsCovered(coveredSetOn(extra, before)),
    label: `observed requests, ${observed.points.length} requests from ${req.requestsFrom ?? observed.firstDay} to ${req.requestsTo ?? observed.lastDay}`
      + (share < 1 ? `, blended with residents (${Math.round(share * 100)}% of the weight from requests, each side normalised)` : '')
      + (observed.villageOnly ? `; ${observed.villageOnly} with only a village left out` : '')
      + '; cancelled requests left out; a request inside a current circle counts as covered',
  } : { kind: 'population' as const, share: 0, label: req.older ? 'residents aged 65+' : 'residents' };
  return {
    objective: req.k !== undefined ? ('max-coverage' as const) : ('min-sites' as const),
    solver, method: travel.method, mode: travel.mode, minutes: travel.minutes, older: travel.older,
    travelDescription: travel.description, travelDescriptionZh: travel.descriptionZh, demand: ctx.demandInfo, weight: withRequests ? demandMethod.label : req.older ? 'residents aged 65+' : 'residents', demandMethod,
    candidateCount: list.length, candidatesAllowed: list.length - excluded.reduce((a, b) => a + b, 0), candidateSource: source, candidateSourceCode: sourceCode,
    candidateRequestPlaces: requestCandidates.length,
    ...(sourceCode === 'road-nodes' ? { candidateCellMeters: ROAD_CANDIDATE_CELL_METERS } : {}),
    township: req.township ?? null,
    proposed, before: before.report.totals, after: after.report.totals,
    ...(reachable !== undefined ? { reachable, maxShare } : {}), ...(message ? { message } : {}),
    optimality,
    timeMs: Math.round(performance.now() - t0),
  };
}
