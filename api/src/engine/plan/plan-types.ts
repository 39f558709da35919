/**
 * Types of the site-planning optimisation engine (plan-*.ts).
 *
 * The engine sees only abstract coverage sets, so it does not care how reach was measured: the API builds
 * `candidateCovers` from straight-line or network travel times and maps exclusion areas and township scope
 * into {@link CoverageConstraints.excludedCandidates}. Weights are residents (population) unless the caller
 * passes another weight (e.g. older residents); all "weight" results are in the same unit.
 */

/** A maximal-covering / set-covering problem over demand points and candidate sites. */
export interface CoverageProblem {
  /** Population (weight) of each demand point; finite and ≥ 0. */
  demandWeight: Float64Array;
  /** 1 = the demand point is already covered by existing or planned sites, 0 = not covered. Same length as demandWeight. */
  alreadyCovered: Uint8Array;
  /** For each candidate site, the demand indices it covers within the time limit. */
  candidateCovers: Uint32Array[];
  /** Township index of each candidate (-1 = none). Required when township minimums are given. */
  candidateTownship?: Int32Array;
  /** Caller's id of each candidate, echoed in results. */
  candidateIds?: string[];
}

/** Constraints on which candidates may be chosen. */
export interface CoverageConstraints {
  /** Truthy = the candidate may not be chosen (exclusion areas, township scope). Length = candidate count. */
  excludedCandidates?: Uint8Array | readonly boolean[];
  /** Minimum number of new sites per township: `{ townshipIndex: minimumCount }` (the plan's quotas). */
  townshipMinimums?: Readonly<Record<number, number>>;
}

/** One chosen site in a heuristic plan. */
export interface PlannedSite {
  /** 1 = build first. Ranks follow greedy order: each site adds the most coverage given the sites ranked before it. */
  rank: number;
  candidateIndex: number;
  candidateId: string | null;
  /** Newly covered weight this site adds given the sites ranked before it. Sums to the plan total. */
  marginalGain: number;
  /** Township index of the candidate (-1 = none or unknown). */
  townshipIndex: number;
}

/** Options of the maximal-covering heuristic. */
export interface MaxCoverageOptions {
  /** Budget of the 1-swap local search, counted in sweeps (each sweep applies at most one swap). Default 1000. */
  maxSwapSweeps?: number;
  /** Skip the swap local search and the Lagrangian phase (pure lazy greedy). Default false. */
  skipSwaps?: boolean;
  /** Subgradient steps of the Lagrangian phase (bound + guide plans); 0 skips it. Default 300. */
  lagrangianIterations?: number;
  /** Guide plans from the Lagrangian phase polished by the swap search. Default 6. */
  guidePlans?: number;
  /** The Lagrangian phase stops once the plan is within this share of its bound (as HiGHS's default mip_rel_gap). Default 1e-4; 0 = only a proof of optimality stops it. */
  gapTolerance?: number;
}

/** Result of {@link planMaxCoverage} (greedy + swap maximal covering). */
export interface MaxCoverageResult {
  sites: PlannedSite[];
  /** Number of sites asked for; `sites.length` is smaller only when no further site adds coverage. */
  requestedSiteCount: number;
  /** Weight newly covered by the chosen sites (not counting already covered demand). */
  newlyCoveredWeight: number;
  /** Newly covered weight after the greedy phase, before swaps. */
  greedyCoveredWeight: number;
  /**
   * Upper bound on the best possible newly covered weight with `requestedSiteCount` sites (ignoring township
   * minimums, which can only lower the optimum): the least of the Lagrangian bound, the greedy online bound and
   * the reachable weight; never above the reachable weight.
   */
  upperBound: number;
  /** Which bound gave `upperBound`. */
  boundMethod: 'lagrangian' | 'greedy-online' | 'reachable-weight';
  /** Greedy online bound: f(S) + sum of the k largest marginal gains given S, the lesser at the greedy's first step and at the final set S. */
  greedyOnlineBound: number;
  /** Lagrangian (LP-strength) bound, null when that phase was skipped. */
  lagrangianBound: number | null;
  /** Open weight that at least one allowed candidate covers (the most any plan can newly cover). */
  reachableWeight: number;
  /** (upperBound − newlyCoveredWeight) / upperBound; 0 when upperBound is 0. */
  gapToUpperBound: number;
  totalWeight: number;
  alreadyCoveredWeight: number;
  /** Share of total weight covered before/after, in percent. */
  coveragePercentBefore: number;
  coveragePercentAfter: number;
  /** Newly covered weight after the first 1-swap search, before the Lagrangian-guided restarts. */
  swapCoveredWeight: number;
  /** Swaps applied and sweeps run, over the first swap search and all guided restarts. */
  swapCount: number;
  swapSweeps: number;
  /** 'sweep-budget' when any swap search ran out of sweeps (the result may then not be a 1-swap local optimum). */
  swapStoppedBy: 'no-improving-swap' | 'sweep-budget' | 'skipped';
  /** Subgradient steps of the Lagrangian phase (0 when the bounds before it already proved the plan optimal). */
  lagrangianIterations: number;
  /** Lagrangian guide plans polished, and how many of them beat the plan before. */
  guidePlansTried: number;
  guideImprovements: number;
  /** Marginal-gain evaluations in the lazy greedy (a measure of work). */
  gainEvaluations: number;
}

/** Result of {@link planMinSites} (greedy set covering to a target share). */
export type MinSitesResult =
  | {
      reachable: true;
      targetShare: number;
      sites: PlannedSite[];
      siteCount: number;
      /** Covered share of total weight (already covered + new), 0..1. */
      coveredShare: number;
      newlyCoveredWeight: number;
      /** Best share reachable with every allowed candidate, 0..1. */
      maxShare: number;
      /** No plan can reach the target with fewer sites than this. */
      lowerBound: number;
      /** Which argument gave `lowerBound`. */
      boundMethod: 'lp-relaxation' | 'lagrangian' | 'greedy-gains' | 'township-minimums';
      /** (siteCount − lowerBound) ÷ siteCount: 0 = proven optimal. */
      gapToLowerBound: number;
      /** Sites of the plain greedy before the improvement phase. */
      greedySiteCount: number;
      totalWeight: number;
    }
  | {
      reachable: false;
      targetShare: number;
      maxShare: number;
      /** Human-readable reason. */
      message: string;
      totalWeight: number;
    };

/** Options of the fewest-sites heuristic. */
export interface MinSitesOptions {
  /** Skip the improvement phase (plain greedy). Default false. */
  skipImprovement?: boolean;
  /** Subgradient steps of each Lagrangian run. Default 300. */
  lagrangianIterations?: number;
  /** A loaded HiGHS instance: with it the LP relaxation gives the lower bound when the reduced model is small. */
  highs?: import('highs').Highs;
  /** Largest reduced model (nonzeros) for the LP bound. Default 200,000. */
  lpMaxNonzeros?: number;
  /**
   * Largest reduced model (nonzeros) for the Lagrangian set-cover heuristic (planSetCover); larger models use the
   * greedy plan and the improvement phase only. Default 150,000 (the stress set's models have 20,000–50,000).
   */
  setCoverMaxNonzeros?: number;
  /** Largest greedy sites × model columns for planSetCover (its greedy runs once per subgradient step). Default 400,000. */
  setCoverMaxWork?: number;
  /** Tabu swaps tried at each site count before giving up (planTabuMinSites; capped by model size). Default 1000. */
  tabuIterationsPerLevel?: number;
}

/** Status of an exact solve. */
export type ExactStatus = 'optimal' | 'time-limit' | 'infeasible' | 'failed';

/** Size of the reduced model handed to the solver. */
export interface ExactModelSize {
  demandPoints: number;
  /** Demand points not yet covered, with weight > 0, reachable by ≥ 1 allowed candidate. */
  relevantDemandPoints: number;
  /** Rows after merging demand points that the same candidates cover. */
  mergedDemandRows: number;
  candidateColumns: number;
  nonzeros: number;
}

/** Result of an exact MCLP or LSCP solve with HiGHS. */
export interface ExactCoverageResult {
  status: ExactStatus;
  /** HiGHS model status name, e.g. "optimal", "timeLimit". */
  solverStatus: string;
  /** Chosen candidate indices of the best solution found (empty when none). */
  chosenCandidates: number[];
  chosenCandidateIds: (string | null)[];
  /** MCLP: newly covered weight; LSCP: number of sites. Null when no solution was found. */
  objective: number | null;
  /** Newly covered weight of the best solution found (both problems). Null when none. */
  newlyCoveredWeight: number | null;
  /** Best proven bound: an upper bound for MCLP, a lower bound for LSCP. Null when unknown. */
  bestBound: number | null;
  /** HiGHS relative MIP gap |incumbent − bound| / |incumbent|. Null when unknown. */
  mipGap: number | null;
  /** HiGHS's own run-time clock, seconds. */
  solverSeconds: number;
  model: ExactModelSize;
}

/** Options of the exact solves. */
export interface ExactOptions {
  /** HiGHS `time_limit` in seconds. Default: none. */
  timeLimitSeconds?: number;
  /** HiGHS `mip_rel_gap`. Default 0 (prove optimality). */
  mipRelativeGap?: number;
  /** Solve the LP relaxation (x continuous in [0, 1]) instead: its objective is a bound, its solution fractional. */
  lpRelaxation?: boolean;
}
