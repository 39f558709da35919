import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Sql } from '../db/client.ts';
import { getDataVersion } from '../db/version-repo.ts';
import { getDistrict, listTownshipBoundaries, listTownships, placedVillagePoints, villageCounts, type Township } from '../db/reference-repo.ts';
import { listSites } from '../db/sites-repo.ts';
import { getActiveRoadGraphId, loadActiveRoadGraph } from '../db/road-graph-repo.ts';
import { getActiveDemandSet, getDemandInputsKey } from '../db/demand-repo.ts';
import { modelledDemand } from '../engine/demand/index.ts';
import { assignTownship } from '../engine/townships/index.ts';
import { assignTownshipByArea } from '../engine/townships/index.ts';
import type { DemandPoints, RoadGraph, TownshipSeat } from '../engine/types.ts';
import type { SiteFeature } from '../schemas/sites.ts';
import { censusOf } from './census.ts';
import { demandMethodText } from '../schemas/messages.ts';


export const MODELLED_CELL_METERS = 400;

/** Where the demand came from, as the API reports it. */
export interface DemandInfo {
  name: string;
  modelled: boolean;
  /** The method in English; `methodCode` and `methodParams` word it in either language (`demandMethodText`). */
  method: string;
  methodCode: 'modelled' | 'imported';
  methodParams: Record<string, string | number>;
  points: number;
  population: number;
  /** How demand points got their township. */
  townshipAssignment: 'approximate-nearest-seat' | 'imported-boundaries';
  sourceId: string | null;
  /** Placed villages/communities the modelled surface is anchored on, of all of them (null for imported demand). */
  anchors: { placed: number; total: number } | null;
  /** Where older residents come from: the census district share applied everywhere, or imported per point. */
  olderSource: 'district-share' | 'imported';
  /** Plain-language note on the older-residents figure. */
  olderNote: string;
}

const DISTRICT_SHARE_NOTE = (share: number) =>
  `Older residents (65+) = population × ${(share * 100).toFixed(2)}% (the census district share) everywhere, so older ` +
  'coverage equals overall coverage until data with a real age structure is imported (the population importer ' +
  'accepts an older-population column).';

/** Everything a coverage computation reads, loaded once per data version. */
export interface PlannerContext {
  /** The county (its code) the context is of. */
  district: string;
  version: number;
  boundary: Feature<MultiPolygon>;
  districtName: string;
  townships: Township[];
  sites: SiteFeature[];
  demand: DemandPoints;
  demandInfo: DemandInfo;
  road: { id: number; sourceName: string; graph: RoadGraph; carSpeedsKmh: Record<string, number> } | null;
  /** Imported township polygons (empty until imported). */
  areas: { code: string; geometry: Polygon | MultiPolygon }[];
  /** Identifies the demand inputs (active demand set, imported township boundaries), to reuse the demand across site edits. */
  demandKey: string;
}

async function loadDemand(sql: Sql, district: string, boundary: Feature<MultiPolygon>, townships: Township[], districtSeat: { lng: number; lat: number } | null) {
  const codes = townships.map((t) => t.code);
  const seats: TownshipSeat[] = townships.filter((t) => t.seat).map((t) => ({ code: t.code, ...t.seat!, isDistrictSeat: false }));
  const census = censusOf(district);
  const set = await getActiveDemandSet(sql, district);
  let demand: DemandPoints;
  let info: Omit<DemandInfo, 'points' | 'population' | 'townshipAssignment'>;
  if (set) {
    const pts = set.points;
    const olderImported = pts.length > 0 && pts.every((p) => p.length > 3);
    const n = pts.length;
    demand = {
      lng: Float64Array.from(pts, (p) => p[0]), lat: Float64Array.from(pts, (p) => p[1]),
      population: Float64Array.from(pts, (p) => p[2]),
      olderPopulation: Float64Array.from(pts, (p) => (p.length > 3 ? p[3] : p[2] * census.olderShare)),
      townshipIndex: new Int32Array(n).fill(-1), townshipCodes: codes, cellHalfSizeMeters: set.cell_half_size_meters,
      source: { name: set.name, modelled: set.modelled, method: set.notes || `imported ${set.kind}` },
    };
    demand = seats.length ? assignTownship(demand, seats) : demand;
    info = {
      name: set.name, modelled: set.modelled, method: demand.source.method, sourceId: set.source_id, anchors: null,
      methodCode: 'imported', methodParams: { kind: set.kind, notes: set.notes ?? '' },
      olderSource: olderImported ? 'imported' : 'district-share',
      olderNote: olderImported ? 'Older residents as imported per point.' : DISTRICT_SHARE_NOTE(census.olderShare),
    };
  } else {
    const allSeats = districtSeat ? [...seats, { code: codes[0], ...districtSeat, isDistrictSeat: true }] : seats;
    const points = await placedVillagePoints(sql, district);
    const counts = Object.fromEntries((await villageCounts(sql, district)).map((c) => [c.townshipCode, { villages: c.villages, communities: c.communities }]));
    const total = Object.values(counts).reduce((a, c) => a + c.villages + c.communities, 0);
    demand = modelledDemand({
      boundary, seats: allSeats, townshipCodes: codes, population: census.population,
      urbanShare: census.urbanShare, olderShare: census.olderShare, cellMeters: MODELLED_CELL_METERS,
      anchors: { points, counts },
    });
    // The district seat is a kernel centre only: townships come from the township seats.
    demand = assignTownship(demand, seats);
    info = {
      name: demand.source.name, modelled: true,
      method: demandMethodText({ methodCode: 'modelled', methodParams: demand.source.parameters ?? {} }, 'en'),
      methodCode: 'modelled', methodParams: demand.source.parameters ?? {},
      sourceId: null, anchors: { placed: points.length, total },
      olderSource: 'district-share', olderNote: DISTRICT_SHARE_NOTE(census.olderShare),
    };
  }
  const areas = (await listTownshipBoundaries(sql, district)).map((b) => ({ code: b.code, geometry: b.boundary }));
  if (areas.length) demand = assignTownshipByArea(demand, areas, demand.townshipIndex);
  let population = 0;
  for (const p of demand.population) population += p;
  const demandInfo: DemandInfo = {
    ...info, points: demand.population.length, population,
    townshipAssignment: areas.length ? 'imported-boundaries' : 'approximate-nearest-seat',
  };
  return { demand, demandInfo, areas };
}

/** Loads the planner context of a county for its current data version (`previous`: the same county's last one). */
export async function loadPlannerContext(sql: Sql, code: string, previous?: PlannerContext): Promise<PlannerContext> {
  const version = await getDataVersion(sql, code);
  if (previous && previous.version === version) return previous;
  const district = await getDistrict(sql, code);
  if (!district) throw new Error(`district ${code} data not loaded`);
  const boundary: Feature<MultiPolygon> = { type: 'Feature', geometry: district.boundary, properties: {} };
  const townships = await listTownships(sql, code);
  const sites = await listSites(sql, code);
  const demandKey = `${await getDemandInputsKey(sql, code)}|${townships.map((t) => `${t.seat?.lng},${t.seat?.lat}`).join(';')}`;
  const { demand, demandInfo, areas } = previous && previous.demandKey === demandKey
    ? previous : await loadDemand(sql, code, boundary, townships, district.seat);
  let road: PlannerContext['road'] = previous?.road ?? null;
  const activeId = await getActiveRoadGraphId(sql, code);
  if (activeId === null) road = null;
  else if (!road || road.id !== activeId) {
    const g = await loadActiveRoadGraph(sql, code);
    road = g ? { id: g.id, sourceName: g.sourceName, graph: g.graph, carSpeedsKmh: g.speeds.carSpeedsKmh } : null;
  }
  return { district: code, version, boundary, districtName: district.name, townships, sites, demand, demandInfo, areas, road, demandKey };
}
