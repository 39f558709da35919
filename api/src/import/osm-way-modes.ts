/**
 * Which travel modes may use an OSM way, in which direction, and its road class.
 *
 * Rules (documented for planners):
 * - walk: every highway class except motorway/motorway_link (unless foot=yes/designated/permissive);
 *   never where foot=no, or access=no/private without a foot permission. Walking ignores oneway.
 * - bike: not on motorway/trunk, footway, pedestrian, steps unless bicycle=yes/designated/permissive;
 *   never where bicycle=no. Like the engine's graph builder (roadGraphFromEdges), oneway restricts cars
 *   only, so cycling may use both directions.
 * - car: motorway … residential, service, living_street, unclassified, highway=road; not track/path/footway/
 *   cycleway/steps/pedestrian unless motor_vehicle/motorcar=yes; never where access=no/private,
 *   motor_vehicle=no, motorcar=no or vehicle=no. Follows oneway=yes/1/true/-1/reverse,
 *   junction=roundabout/circular and the implied oneway of motorway.
 * Unusable highway values (construction, proposed, platform, …) give `null`.
 */
import { ROAD_CLASSES, type RoadClass, type TravelMode } from '../engine/types.ts';

export type OsmTags = Record<string, string>;

export interface WayModes {
  roadClass: RoadClass;
  /** Index into ROAD_CLASSES. */
  roadClassIndex: number;
  /** Modes allowed along the way (cars only in the oneway direction when `oneway`). */
  modes: TravelMode[];
  /** Cars may only travel in one direction. */
  oneway: boolean;
  /** oneway=-1/reverse: the permitted car direction is against the way's node order. */
  reversed: boolean;
}

/** OSM tag keys the import needs (everything else is dropped while parsing). */
export const WAY_TAG_KEYS = [
  'highway', 'oneway', 'junction', 'access', 'foot', 'bicycle', 'vehicle', 'motor_vehicle', 'motorcar', 'area',
];

const CLASS_OF: Record<string, RoadClass> = {
  motorway: 'motorway', motorway_link: 'motorway',
  trunk: 'trunk', trunk_link: 'trunk',
  primary: 'primary', primary_link: 'primary',
  secondary: 'secondary', secondary_link: 'secondary',
  tertiary: 'tertiary', tertiary_link: 'tertiary',
  unclassified: 'unclassified', residential: 'residential', service: 'service',
  living_street: 'living_street', track: 'track', path: 'path', bridleway: 'path',
  footway: 'footway', corridor: 'footway', cycleway: 'cycleway', steps: 'steps',
  pedestrian: 'pedestrian', road: 'other',
};

const CAR_CLASSES = new Set<RoadClass>([
  'motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'service', 'living_street', 'other',
]);
const NO_BIKE_CLASSES = new Set<RoadClass>(['motorway', 'trunk', 'footway', 'pedestrian', 'steps']);
const NO_WALK_CLASSES = new Set<RoadClass>(['motorway']);

const YES = new Set(['yes', 'designated', 'permissive', 'destination', 'official']);
const NO = new Set(['no', 'private']);
const ONEWAY_FORWARD = new Set(['yes', '1', 'true']);
const ONEWAY_BACKWARD = new Set(['-1', 'reverse']);

/** Allowed unless a tag says no; an explicit permission overrides the general `access`. */
function permitted(tags: OsmTags, byDefault: boolean, keys: string[]): boolean {
  // Most specific key wins: keys are ordered from specific to general.
  for (const k of keys) {
    const v = tags[k];
    if (v === undefined) continue;
    if (NO.has(v)) return false;
    if (YES.has(v)) return true;
  }
  return byDefault;
}

/**
 * Classifies an OSM way by its tags; `null` when no mode may use it.
 * @example osmWayModes({ highway: 'residential', oneway: 'yes' }) // { modes: ['walk','bike','car'], oneway: true, … }
 */
export function osmWayModes(tags: OsmTags | undefined): WayModes | null {
  const highway = tags?.highway;
  if (!tags || !highway) return null;
  const roadClass = CLASS_OF[highway];
  if (!roadClass) return null;

  const walk = permitted(tags, !NO_WALK_CLASSES.has(roadClass), ['foot', 'access']);
  const bike = permitted(tags, !NO_BIKE_CLASSES.has(roadClass), ['bicycle', 'vehicle', 'access']);
  const car = permitted(tags, CAR_CLASSES.has(roadClass), ['motorcar', 'motor_vehicle', 'vehicle', 'access']);

  const oneway = tags.oneway;
  const junction = tags.junction;
  let dir = 0; // 0 both, 1 forward only, -1 backward only
  if (oneway !== undefined && ONEWAY_FORWARD.has(oneway)) dir = 1;
  else if (oneway !== undefined && ONEWAY_BACKWARD.has(oneway)) dir = -1;
  else if (oneway === undefined && (junction === 'roundabout' || junction === 'circular' || highway === 'motorway')) dir = 1;
  const modes: TravelMode[] = [];
  if (walk) modes.push('walk');
  if (bike) modes.push('bike');
  if (car) modes.push('car');
  if (modes.length === 0) return null;
  return { roadClass, roadClassIndex: ROAD_CLASSES.indexOf(roadClass), modes, oneway: car && dir !== 0, reversed: car && dir === -1 };
}
