/** The engine's network domain: its public surface. */
export * from './bounded-dijkstra.ts';
export * from './edge-travel-seconds.ts';
export * from './multi-source-travel-minutes.ts';
export * from './network-isochrone.ts';
export * from './network-reach.ts';
export * from './network-route.ts';
export * from './prepare-travel-network.ts';
export * from './road-graph-from-edges.ts';
export * from './snap-to-road.ts';
export * from './facility-seeds.ts';
export * from './single-facility-reach.ts';
