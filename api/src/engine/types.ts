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

/* ---------------------------------------------------------------------------------------------
 * Road-network travel (network-*.ts, snap-to-road.ts, multi-source-travel-minutes.ts).
 * ------------------------------------------------------------------------------------------- */

/** One road segment for {@link RoadGraph} building: node indices, optional length/class/oneway/modes. */
export interface RoadEdgeInput {
  from: number;
  to: number;
  /** Defaults to the haversine length between the two nodes. */
  lengthMeters?: number;
  /** Defaults to `'other'`. */
  roadClass?: RoadClass;
  /** Oneway restricts cars only (from → to); walking and cycling may use both directions. */
  oneway?: boolean;
  /** Defaults by road class (see road-graph-from-edges.ts). */
  modes?: TravelMode[];
}

/** Car speed per road class in km/h; missing classes fall back to the default table. */
export type CarSpeedTableKmh = Partial<Record<RoadClass, number>>;

/** How to travel on the road network. `older` walks at `speeds.olderWalkKmh` (walk mode and access walks). */
export interface NetworkTravelOptions {
  mode: TravelMode;
  speeds: TravelSpeeds;
  older?: boolean;
  carSpeedsKmh?: CarSpeedTableKmh;
}

/**
 * A point snapped onto the nearest road segment usable by a mode. The segment runs from `fromNode`
 * to `toNode` along directed edge `edge`; `reverseEdge` is the directed edge back (-1 when the mode may not
 * go back, e.g. a oneway street by car). `fraction` is 0 at `fromNode`, 1 at `toNode`.
 */
export interface RoadSnap {
  segment: number;
  edge: number;
  reverseEdge: number;
  fromNode: number;
  toNode: number;
  fraction: number;
  lng: number;
  lat: number;
  /** Straight (off-road) distance from the input point to the snapped point. */
  distanceMeters: number;
}

/** Snaps a WGS-84 point to the road network; null when the graph has no segment usable by the mode. */
export type RoadSnapper = (lng: number, lat: number) => RoadSnap | null;

/** Result of the network adapter: per-facility reach plus each demand point's nearest facility. */
export interface NetworkReachResult {
  /** One entry per facility (same order as the input). */
  reach: FacilityReach[];
  /** Per demand point: index of the nearest facility by travel time, -1 when none is reachable. */
  nearestFacility: Int32Array;
  /** Per demand point: minutes to the nearest facility, Infinity when none is reachable. */
  nearestMinutes: Float32Array;
}

/** One route from a point to a facility over the road network. */
export interface NetworkRoute {
  facilityIndex: number;
  facilityId: string;
  minutes: number;
  meters: number;
  /** point → snapped road point → road nodes → facility's snapped road point → facility. */
  line: import('geojson').Feature<import('geojson').LineString, { facilityId: string; minutes: number; meters: number; mode: TravelMode; method: 'network' }>;
}

/** Travel-time limits are inclusive (≤); sums within this many seconds above the limit still count. */
export const NETWORK_CUTOFF_TOLERANCE_SECONDS = 1e-6;
