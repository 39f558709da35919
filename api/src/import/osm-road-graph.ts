/**
 * Streams an OpenStreetMap extract (PBF or XML) once and builds the engine road graph of the district.
 *
 * Memory: only nodes inside the bounding box of the buffered district are kept, in typed-array hash
 * maps; kept road segments are typed arrays too. A province extract of several hundred MB therefore
 * costs memory in proportion to the district, not to the file. This needs the usual sorted order
 * (all nodes before all ways), which every PBF from Geofabrik/osmium and every JOSM/Overpass XML has.
 */
import { bbox as turfBbox } from '@turf/bbox';
import { buffer as turfBuffer } from '@turf/buffer';
import { feature } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import { MODE_BIT, ROAD_CLASSES, type RoadEdgeInput, type RoadGraph, type TravelMode } from '../engine/types.ts';
import { roadGraphFromEdges } from '../engine/network/index.ts';
import { ImportFileError } from './import-file-error.ts';
import { NodeCoordMap } from './node-coord-map.ts';
import { detectOsmFormat, type OsmFormat } from './osm-detect-format.ts';
import type { OsmHandlers, ReadProgress } from './osm-handlers.ts';
import { readOsmPbf } from './osm-read-pbf.ts';
import { readOsmXml } from './osm-read-xml.ts';
import { osmWayModes } from './osm-way-modes.ts';
import { pointInPolygonGrid } from './point-in-polygon-grid.ts';

export interface OsmRoadGraphOptions {
  /** District boundary, WGS-84. */
  boundary: Polygon | MultiPolygon;
  /** Keep road segments with an endpoint within this distance of the boundary. Default 2000 m. */
  marginMeters?: number;
  onProgress?: ReadProgress;
}

export interface OsmRoadGraphStats {
  format: OsmFormat;
  bytesRead: number;
  nodesRead: number;
  nodesKeptInBox: number;
  waysRead: number;
  roadWays: number;
  segmentsKept: number;
  nodeCount: number;
  directedEdgeCount: number;
  /** Road length kept in kilometres (each segment once). */
  roadKm: number;
  marginMeters: number;
}

const EARTH_RADIUS_METERS = 6371008.8;

function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2
    + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Growable parallel typed arrays for kept segments. */
class SegmentList {
  count = 0;
  from = new Uint32Array(1 << 14);
  to = new Uint32Array(1 << 14);
  roadClass = new Uint8Array(1 << 14);
  modeMask = new Uint8Array(1 << 14);
  oneway = new Uint8Array(1 << 14);

  push(from: number, to: number, roadClass: number, modeMask: number, oneway: boolean): void {
    if (this.count === this.from.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.from = grow(this.from); this.to = grow(this.to); this.roadClass = grow(this.roadClass);
      this.modeMask = grow(this.modeMask); this.oneway = grow(this.oneway);
    }
    const i = this.count++;
    this.from[i] = from; this.to[i] = to; this.roadClass[i] = roadClass; this.modeMask[i] = modeMask; this.oneway[i] = oneway ? 1 : 0;
  }
}

const modesOfMask = (mask: number): TravelMode[] =>
  (['walk', 'bike', 'car'] as const).filter((m) => (mask & MODE_BIT[m]) !== 0);

/**
 * Reads `path` (format detected from its bytes) and returns the road graph clipped to the buffered district.
 * Throws {@link ImportFileError} for a file that is not OSM, is truncated, or has no road inside the district.
 * @example const { graph, stats } = await osmRoadGraph('sichuan-latest.osm.pbf', { boundary })
 */
export async function osmRoadGraph(path: string, opts: OsmRoadGraphOptions): Promise<{ graph: RoadGraph; stats: OsmRoadGraphStats }> {
  const format = await detectOsmFormat(path);
  const marginMeters = opts.marginMeters ?? 2000;
  const buffered = marginMeters > 0
    ? turfBuffer(feature(opts.boundary), marginMeters / 1000, { units: 'kilometers', steps: 8 })
    : feature(opts.boundary);
  if (!buffered) throw new Error('buffering the district boundary failed');
  const insideBuffered = pointInPolygonGrid(buffered.geometry as Polygon | MultiPolygon);
  // Nodes are collected in the buffered bbox plus a little more, so a segment leaving the buffer keeps both ends.
  const [w, s, e, n] = turfBbox(buffered);
  const pad = 0.02;
  const west = w - pad, south = s - pad, east = e + pad, north = n + pad;

  const nodes = new NodeCoordMap(1 << 16);
  let inside = new Uint8Array(1 << 16); // per dense node: 0 unknown, 1 inside buffer, 2 outside
  const segments = new SegmentList();
  const stats = { nodesRead: 0, waysRead: 0, roadWays: 0 };
  let sawWay = false;
  let bytesRead = 0;

  const isInside = (i: number): boolean => {
    if (i >= inside.length) {
      const grown = new Uint8Array(Math.max(i + 1, inside.length * 2));
      grown.set(inside);
      inside = grown;
    }
    if (inside[i] === 0) inside[i] = insideBuffered(nodes.lng[i], nodes.lat[i]) ? 1 : 2;
    return inside[i] === 1;
  };

  const handlers: OsmHandlers = {
    node(id, lng, lat) {
      stats.nodesRead++;
      if (sawWay) {
        throw new ImportFileError(`${path} is not sorted (a node follows a way); sort it first: osmium sort ${path} -o sorted.osm.pbf`);
      }
      if (lng >= west && lng <= east && lat >= south && lat <= north) nodes.set(id, lng, lat);
    },
    way(_id, refs, tags) {
      sawWay = true;
      stats.waysRead++;
      const modes = osmWayModes(tags);
      if (!modes || refs.length < 2) return;
      stats.roadWays++;
      let mask = 0;
      for (const m of modes.modes) mask |= MODE_BIT[m];
      let prev = nodes.get(refs[0]);
      for (let k = 1; k < refs.length; k++) {
        const cur = nodes.get(refs[k]);
        if (prev >= 0 && cur >= 0 && prev !== cur && (isInside(prev) || isInside(cur))) {
          if (modes.reversed) segments.push(cur, prev, modes.roadClassIndex, mask, modes.oneway);
          else segments.push(prev, cur, modes.roadClassIndex, mask, modes.oneway);
        }
        prev = cur;
      }
    },
  };
  const progress: ReadProgress = (read, total) => {
    bytesRead = read;
    opts.onProgress?.(read, total);
  };
  if (format === 'pbf') await readOsmPbf(path, handlers, progress);
  else await readOsmXml(path, handlers, progress);

  if (stats.nodesRead === 0 && stats.waysRead === 0) throw new ImportFileError(`${path} contains no OSM nodes or ways`);
  if (segments.count === 0) {
    throw new ImportFileError(
      `${path} has no usable road inside the district (+${marginMeters} m): read ${stats.nodesRead} nodes, ${stats.roadWays} road ways`,
    );
  }

  // Compact: dense map indices → graph node indices, in order of first use.
  const graphIndex = new Int32Array(nodes.size).fill(-1);
  const graphNodes: { lng: number; lat: number }[] = [];
  const index = (i: number) => {
    if (graphIndex[i] < 0) {
      graphIndex[i] = graphNodes.length;
      graphNodes.push({ lng: nodes.lng[i], lat: nodes.lat[i] });
    }
    return graphIndex[i];
  };
  const modeSets = new Map<number, TravelMode[]>();
  const edges: RoadEdgeInput[] = new Array(segments.count);
  let roadMeters = 0;
  for (let k = 0; k < segments.count; k++) {
    const a = segments.from[k], b = segments.to[k];
    const mask = segments.modeMask[k];
    let modes = modeSets.get(mask);
    if (!modes) modeSets.set(mask, (modes = modesOfMask(mask)));
    edges[k] = { from: index(a), to: index(b), roadClass: ROAD_CLASSES[segments.roadClass[k]], oneway: segments.oneway[k] === 1, modes };
    roadMeters += haversineMeters(nodes.lng[a], nodes.lat[a], nodes.lng[b], nodes.lat[b]);
  }
  const graph = roadGraphFromEdges(graphNodes, edges);
  return {
    graph,
    stats: {
      format, bytesRead, nodesRead: stats.nodesRead, nodesKeptInBox: nodes.size, waysRead: stats.waysRead,
      roadWays: stats.roadWays, segmentsKept: segments.count, nodeCount: graph.nodeCount,
      directedEdgeCount: graph.targets.length, roadKm: roadMeters / 1000, marginMeters,
    },
  };
}
