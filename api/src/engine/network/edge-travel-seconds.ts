import {
  EngineInputError, MODE_BIT, ROAD_CLASSES,
  type RoadClass, type RoadGraph, type TravelMode, type TravelSpeeds, type CarSpeedTableKmh,
} from '../types';

/**
 * Default car speeds in km/h per road class, modelled for a mountain district (winding roads, villages
 * along them): motorway 80, trunk 60, primary 50, secondary 40, tertiary 35,
 * unclassified 30, residential 25, service 15, living_street 10, track 15. Classes that cars normally
 * may not use (path, footway, cycleway, steps, pedestrian) only matter when an edge's mode mask allows
 * cars anyway; they get a slow 10 km/h. `other` (unknown) gets 20 km/h.
 */
export const DEFAULT_CAR_SPEEDS_KMH: Readonly<Record<RoadClass, number>> = {
  motorway: 80, trunk: 60, primary: 50, secondary: 40, tertiary: 35, unclassified: 30, residential: 25,
  service: 15, living_street: 10, track: 15, path: 10, footway: 10, cycleway: 10, steps: 10, pedestrian: 10,
  other: 20,
};

/**
 * Upper bound of cycling speed per road class in km/h (cycling speed = min(speeds.bikeKmh, cap)):
 * track 10, path 8, footway 6, pedestrian 6, steps 3 (carrying the bike), living_street 10, service 12;
 * other classes are not capped. Modelled values; slopes are not modelled (the graph has no elevation).
 */
export const DEFAULT_BIKE_CAP_KMH: Readonly<Partial<Record<RoadClass, number>>> = {
  track: 10, path: 8, footway: 6, pedestrian: 6, steps: 3, living_street: 10, service: 12,
};

/**
 * Travel time in seconds over every directed edge for one mode; Infinity where the mode may not use the edge.
 * Walking uses `speeds.walkKmh` (or `speeds.olderWalkKmh` when `older`) on every walkable edge; cycling
 * uses min(`speeds.bikeKmh`, {@link DEFAULT_BIKE_CAP_KMH}); driving uses {@link DEFAULT_CAR_SPEEDS_KMH}
 * merged with `carSpeedsKmh` (speeds.carKmh is the straight-line planners' average and is not used here).
 * seconds = lengthMeters ÷ (kmh ÷ 3.6).
 *
 * @example
 * const seconds = edgeTravelSeconds(graph, 'walk', DEFAULT_SPEEDS); // 1125 m at 4.5 km/h → 900 s
 * @see https://wiki.openstreetmap.org/wiki/Key:highway
 */
export function edgeTravelSeconds(
  graph: RoadGraph,
  mode: TravelMode,
  speeds: TravelSpeeds,
  options: { older?: boolean; carSpeedsKmh?: CarSpeedTableKmh } = {},
): Float64Array {
  const bit = MODE_BIT[mode];
  if (bit === undefined) throw new EngineInputError(`unknown travel mode ${String(mode)}`);
  const classKmh = new Float64Array(ROAD_CLASSES.length);
  for (let c = 0; c < ROAD_CLASSES.length; c++) {
    const name = ROAD_CLASSES[c];
    let kmh: number;
    if (mode === 'walk') kmh = options.older ? speeds.olderWalkKmh : speeds.walkKmh;
    else if (mode === 'bike') kmh = Math.min(speeds.bikeKmh, DEFAULT_BIKE_CAP_KMH[name] ?? Infinity);
    else kmh = options.carSpeedsKmh?.[name] ?? DEFAULT_CAR_SPEEDS_KMH[name];
    if (!(kmh > 0) || !Number.isFinite(kmh)) throw new EngineInputError(`${mode} speed for ${name} must be a positive number of km/h`);
    classKmh[c] = kmh / 3.6; // metres per second
  }
  const edgeCount = graph.targets.length;
  const seconds = new Float64Array(edgeCount);
  const { lengthMeters, roadClass, modeMask } = graph;
  for (let e = 0; e < edgeCount; e++) {
    seconds[e] = (modeMask[e] & bit) === 0 ? Infinity : lengthMeters[e] / classKmh[roadClass[e]];
  }
  return seconds;
}
