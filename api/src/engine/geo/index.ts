/** The engine's geo domain: its public surface. */
export * from './earth-radius-meters.ts';
export * from './round6.ts';
export * from './haversine-meters.ts';
export * from './seat-planar-coords.ts';
export * from './kdbush-around.ts';
export * from './grid-rings.ts';
