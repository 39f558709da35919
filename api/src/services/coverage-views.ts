import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { networkIsochrone } from '../engine/network/index.ts';
import { networkRoute } from '../engine/network/index.ts';
import { nearestFacilitiesToPoint } from '../engine/coverage/index.ts';
import { serviceCircle } from '../engine/coverage/index.ts';
import { townshipAreas } from '../engine/townships/index.ts';
import { haversineMeters } from '../engine/geo/index.ts';
import type { Facility } from '../engine/types.ts';
import type { SiteKind } from '../schemas/sites.ts';
import type { PlannerContext } from './planner-context.ts';
import type { TravelSetup } from './coverage-service.ts';

export interface IsochroneProperties {
  siteId: string; name: string; kind: string; minutes: number; mode: string; method: string; radiusMeters: number | null;
}

/** One isochrone polygon per facility: network isochrones when a road graph is loaded, else circles. */
export function isochroneFeatures(ctx: PlannerContext, travel: TravelSetup, facilities: Facility[]): Feature<Polygon | MultiPolygon, IsochroneProperties>[] {
  const names = new Map(ctx.sites.map((s) => [s.properties.id, s.properties.name]));
  return facilities.map((f) => {
    const props: IsochroneProperties = {
      siteId: f.id, name: names.get(f.id) ?? f.id, kind: f.kind, minutes: travel.minutes, mode: travel.mode,
      method: travel.method, radiusMeters: travel.radiusMeters ?? null,
    };
    const geometry = travel.method === 'network'
      ? networkIsochrone(ctx.road!.graph, f, { mode: travel.mode, speeds: travel.speeds, older: travel.older, minutes: travel.minutes, carSpeedsKmh: ctx.road!.carSpeedsKmh }).geometry
      : serviceCircle(f.lng, f.lat, travel.radiusMeters!).geometry;
    return { type: 'Feature', geometry, properties: props };
  });
}

export interface NearestSite {
  id: string; name: string; kind: SiteKind; townshipCode: string | null; status: string; address: string; phone: string; openingHours: string;
  lng: number; lat: number; minutes: number; meters: number; straightMeters: number; route: LineString | null;
}

/** The nearest sites to a point by travel time, with routes along roads when a network is loaded. */
export function nearestSites(ctx: PlannerContext, travel: TravelSetup, facilities: Facility[], q: { lng: number; lat: number; limit: number }): NearestSite[] {
  const byId = new Map(ctx.sites.map((s) => [s.properties.id, s.properties]));
  const describe = (f: Facility, minutes: number, meters: number, route: LineString | null): NearestSite => {
    const p = byId.get(f.id)!;
    return {
      id: f.id, name: p.name, kind: p.kind, townshipCode: p.townshipCode, status: p.status, address: p.address, phone: p.phone, openingHours: p.openingHours,
      lng: f.lng, lat: f.lat, minutes: Math.round(minutes * 10) / 10, meters: Math.round(meters),
      straightMeters: Math.round(haversineMeters(q.lng, q.lat, f.lng, f.lat)), route,
    };
  };
  if (travel.method === 'network') {
    return networkRoute(ctx.road!.graph, q, facilities, {
      mode: travel.mode, speeds: travel.speeds, older: travel.older, carSpeedsKmh: ctx.road!.carSpeedsKmh, limit: q.limit,
    }).map((r) => describe(facilities[r.facilityIndex], r.minutes, r.meters, r.line.geometry));
  }
  return nearestFacilitiesToPoint(q.lng, q.lat, facilities, { limit: q.limit, speedKmh: travel.speedKmh, detourFactor: travel.detourFactor! })
    .map((n) => describe(facilities[n.index], n.minutes, n.meters * travel.detourFactor!, {
      type: 'LineString', coordinates: [[q.lng, q.lat], [facilities[n.index].lng, facilities[n.index].lat]],
    }));
}

/** Demand points in use, with population, older population and township. */
export function demandFeatures(ctx: PlannerContext) {
  const d = ctx.demand;
  const population = roundToTotal(d.population);
  const older = roundToTotal(d.olderPopulation);
  const out: { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { population: number; olderPopulation: number; townshipCode: string | null } }[] = [];
  for (let i = 0; i < d.lng.length; i++) {
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [d.lng[i], d.lat[i]] },
      properties: {
        population: population.values[i] / 100, olderPopulation: older.values[i] / 100,
        townshipCode: d.townshipIndex[i] >= 0 ? d.townshipCodes[d.townshipIndex[i]] : null,
      },
    });
  }
  return { features: out, population: population.total / 100, olderPopulation: older.total / 100 };
}

/**
 * Values in hundredths whose sum is exactly the rounded total (largest-remainder rounding): rounding each of
 * thousands of identical rural cells on its own drifts the sum by tens of persons.
 */
function roundToTotal(values: Float64Array): { values: Float64Array; total: number } {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const total = Math.round(sum * 100);
  const out = new Float64Array(n);
  const rest: number[] = [];
  let floorSum = 0;
  for (let i = 0; i < n; i++) { out[i] = Math.floor(values[i] * 100); floorSum += out[i]; rest.push(i); }
  rest.sort((a, b) => (values[b] * 100 - out[b]) - (values[a] * 100 - out[a]) || a - b);
  for (let k = 0; k < total - floorSum && k < n; k++) out[rest[k]]++;
  return { values: out, total };
}

type TownshipAreaCollection = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; approximate: boolean }>;

/**
 * The last approximate areas computed (clipping Voronoi cells to the detailed boundary takes ~1.6 s), keyed by
 * the context's demand key, which changes only with seats, imported boundaries or demand — not with site edits.
 */
let lastAreas: { key: string; areas: TownshipAreaCollection } | undefined;

/** Township areas: imported polygons where loaded, else nearest-seat (Voronoi) cells clipped to the district, marked approximate. */
export function townshipAreaFeatures(ctx: PlannerContext): TownshipAreaCollection {
  const names = new Map(ctx.townships.map((t) => [t.code, t.name]));
  if (ctx.areas.length) {
    return {
      type: 'FeatureCollection',
      features: ctx.areas.map((a) => ({ type: 'Feature', geometry: a.geometry, properties: { code: a.code, name: names.get(a.code) ?? a.code, approximate: false } })),
    };
  }
  if (lastAreas?.key === ctx.demandKey) return lastAreas.areas;
  const seats = ctx.townships.filter((t) => t.seat).map((t) => ({ code: t.code, ...t.seat! }));
  const fc = townshipAreas(ctx.boundary, seats);
  const areas: TownshipAreaCollection = {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({ ...f, properties: { code: f.properties.code, name: names.get(f.properties.code) ?? f.properties.code, approximate: true } })),
  };
  lastAreas = { key: ctx.demandKey, areas };
  return areas;
}
