/** The engine's demand domain: its public surface. */
export * from './demand-grid.ts';
export * from './modelled-demand.ts';
export * from './snap-demand-points.ts';
export * from './spread-around-point.ts';
export * from './request-weighted-demand.ts';
