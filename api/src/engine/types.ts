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
  /** `parameters`: the numbers a modelled surface was made with (named as in its method text). */
  source: { name: string; modelled: boolean; method: string; parameters?: Record<string, number> };
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

// ---------------------------------------------------------------------------------------------
// Coverage engine types (added by the coverage helper). Additions only; shapes above unchanged.
// ---------------------------------------------------------------------------------------------

/** Re-exported for older imports; the one definition lives in geo/earth-radius-meters.ts. */
export { EARTH_RADIUS_METERS } from './geo/earth-radius-meters';

/** A township (or district) seat: where the township government sits. */
export interface TownshipSeat {
  /** Township code (one of the codes the demand uses). */
  code: string;
  lng: number;
  lat: number;
  /** True for the district seat (朝天区 government); it may also be a township's seat. */
  isDistrictSeat?: boolean;
}

/** Demand whose township assignment is approximate (nearest seat, i.e. Voronoi cells). */
export interface ApproximateTownshipDemand extends DemandPoints {
  townshipApproximate: true;
}

/** Population totals for a set of demand points. Shares are 0..1; 0 when there is nobody. */
export interface CoverageTotals {
  population: number;
  covered: number;
  share: number;
  olderPopulation: number;
  olderCovered: number;
  olderShare: number;
}

/** Coverage of one township. `code` is null for demand points outside every township (townshipIndex -1). */
export interface TownshipCoverage {
  code: string | null;
  population: number;
  covered: number;
  share: number;
  olderPopulation: number;
  olderCovered: number;
}

/** What one facility serves: everyone in its reach, and the part nobody else reaches. */
export interface FacilityToDemand {
  id: string;
  population: number;
  uniquePopulation: number;
}

/** Result of {@link FacilityReach}-based coverage (see coverage-from-reach.ts). */
export interface CoverageResult {
  totals: CoverageTotals;
  /** Number of facilities reaching each demand point (saturates at 65,535). */
  coverCount: Uint16Array;
  /** Index (into the facilities array) of the quickest facility in reach, -1 if none. */
  nearestFacilityIndex: Int32Array;
  /** Minutes to that facility; Infinity if none in reach. */
  nearestMinutes: Float32Array;
  facilityToDemand: FacilityToDemand[];
  /** Population reached by 3 or more facilities. */
  redundantPopulation: number;
  perTownship: TownshipCoverage[];
}

/** Reach of one facility, computed on demand (straight-line or network adapter). */
export type ReachFunction = (facility: Facility) => FacilityReach;

/** Properties of one uncovered-demand polygon (coverage-gaps.ts). */
export interface CoverageGapProperties {
  /** 1 = the gap with the most people. */
  rank: number;
  population: number;
  olderPopulation: number;
  areaKm2: number;
  demandPointCount: number;
  /** Population-weighted centre of the gap (WGS-84). */
  centerLng: number;
  centerLat: number;
  /** Facility nearest to the gap's demand point closest to its population-weighted centre, null if none known. */
  nearestSiteId: string | null;
  nearestMinutes: number | null;
  /** Township holding most of the gap's population (null if the points have none). */
  townshipCode: string | null;
}

/** A planned site as the quota check sees it (placed or not). */
export interface QuotaSite {
  kind: string;
  /** null = a district-level site. */
  townshipCode: string | null;
  demonstration: boolean;
  placed: boolean;
}

/** One quota line: the plan's requirement for a kind, and the count found. */
export interface QuotaItem {
  kind: string;
  /** True when the line counts demonstration sites only. */
  demonstration: boolean;
  required: { min: number; max?: number };
  actual: number;
  status: 'met' | 'short' | 'over';
}

/** Travel-time limits are inclusive (≤); sums within this many seconds above the limit still count. */
export const NETWORK_CUTOFF_TOLERANCE_SECONDS = 1e-6;
