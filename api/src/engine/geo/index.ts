/** The engine's geo domain: its public surface. */
export * from './haversine-meters.ts';
export * from './seat-planar-coords.ts';
export * from './kdbush-around.ts';
export * from './grid-rings.ts';
