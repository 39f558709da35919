/**
 * Shared engine types. Pure data shapes: no I/O, no framework imports.
 * Coordinates are always WGS-84 longitude/latitude in degrees.
 */

/** Travel modes the planner knows. `older` is walking at the older-residents speed. */
export type TravelMode = 'walk' | 'bike' | 'car';

/** Bit flags in {@link RoadGraph.modeMask}: which modes may use a directed edge. */
export const MODE_BIT: Record<TravelMode, number> = { walk: 1, bike: 2, car: 4 };

/**
 * Road classes stored per edge (index into {@link ROAD_CLASSES}). Kept small so it fits a Uint8Array.
 */
export const ROAD_CLASSES = [
  'motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential',
  'service', 'living_street', 'track', 'path', 'footway', 'cycleway', 'steps', 'pedestrian', 'other',
] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/**
 * A directed road graph in compressed sparse row (CSR) form.
 * Out-edges of node `u` are `offsets[u] .. offsets[u+1]-1`; each edge `e` goes to `targets[e]`,
 * is `lengthMeters[e]` long, has class `roadClass[e]` and is usable by the modes in `modeMask[e]`.
 * A two-way street is two directed edges. Filled by the road import; tests build small ones by hand.
 */
export interface RoadGraph {
  nodeCount: number;
  nodeLng: Float64Array;
  nodeLat: Float64Array;
  offsets: Uint32Array;
  targets: Uint32Array;
  lengthMeters: Float32Array;
  roadClass: Uint8Array;
  modeMask: Uint8Array;
}

/**
 * Weighted demand points: where people live. Parallel arrays, one entry per point.
 * `olderPopulation` is the number of residents aged 65+ at the point.
 * `townshipIndex` indexes into `townshipCodes` (-1 = none/outside).
 */
export interface DemandPoints {
  lng: Float64Array;
  lat: Float64Array;
  population: Float64Array;
  olderPopulation: Float64Array;
  townshipIndex: Int32Array;
  townshipCodes: string[];
  /** Half the cell size in metres when points stand for grid cells (used to draw gap polygons); 0 for plain points. */
  cellHalfSizeMeters: number;
  source: { name: string; modelled: boolean; method: string };
}

/** A site as the engine sees it: placed sites only. */
export interface Facility {
  id: string;
  kind: string;
  lng: number;
  lat: number;
  townshipCode: string | null;
}

/** Speeds in km/h. `older` is the walking speed of older residents. */
export interface TravelSpeeds {
  walkKmh: number;
  olderWalkKmh: number;
  bikeKmh: number;
  carKmh: number;
}

export const DEFAULT_SPEEDS: TravelSpeeds = { walkKmh: 4.5, olderWalkKmh: 3.0, bikeKmh: 15, carKmh: 30 };

/** Straight-line radius = speed × minutes ÷ detour factor (planners' hand method). */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/** Engine errors the API maps to HTTP 422. */
export class EngineInputError extends Error {
  override name = 'EngineInputError';
}

/**
 * What one facility reaches: the demand points within the time limit and the minutes to each
 * (parallel arrays). Produced by the straight-line or the network adapter; consumed by the coverage core.
 */
export interface FacilityReach {
  demandIndex: Uint32Array;
  minutes: Float32Array;
}

/** Which travel-time method produced an answer. Always reported to the user. */
export type TravelMethod = 'straight-line' | 'network';
