/** The engine's plan domain: its public surface. */
export * from './plan-check-problem.ts';
export * from './plan-cover-state.ts';
export * from './plan-exact.ts';
export * from './plan-lazy-greedy.ts';
export * from './plan-max-coverage.ts';
export * from './plan-meet-minimums.ts';
export * from './plan-min-sites.ts';
export * from './plan-optimality-gap.ts';
export * from './plan-lagrangian.ts';
export * from './plan-check-exact.ts';
export * from './plan-improve-max-coverage.ts';
export * from './plan-improve-min-sites.ts';
export * from './plan-rank-sites.ts';
export * from './plan-reduce-demand.ts';
export * from './plan-sum-of-largest.ts';
export * from './plan-swap-search.ts';
export * from './plan-types.ts';
