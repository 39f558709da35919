/** The engine's coverage domain: its public surface. */
export * from './coverage-from-reach.ts';
export * from './coverage-gaps.ts';
export * from './create-straight-line-reach.ts';
export * from './straight-line-reach.ts';
export * from './straight-line-radius-meters.ts';
export * from './incremental-coverage.ts';
export * from './service-circle.ts';
export * from './nearest-facility.ts';
export * from './nearest-facilities-to-point.ts';
export * from './coverage-summary.ts';
export * from './straight-line-covered.ts';
