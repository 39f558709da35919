import { z } from 'zod';
import type { Sql } from './client.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import { nullableNumber, parseRows, polygonal } from './rows.ts';

const seatOf = (r: { seat_lng: number | null; seat_lat: number | null }) =>
  r.seat_lng === null || r.seat_lat === null ? null : { lng: r.seat_lng, lat: r.seat_lat };

const DistrictRow = z.object({
  code: z.string(), name: z.string(), name_en: z.string(),
  // A Polygon stored by an older seed is served as the one-part MultiPolygon the API promises.
  boundary: polygonal.transform((g) => (g.type === 'Polygon' ? { type: 'MultiPolygon' as const, coordinates: [g.coordinates] } : g)),
  seat_lng: nullableNumber, seat_lat: nullableNumber, seat_source: z.string(),
});
const TownshipRow = z.object({
  code: z.string(), name: z.string(), name_en: z.string(), seat_lng: nullableNumber, seat_lat: nullableNumber,
  seat_precision: z.enum(['seat-2016', 'approximate']).nullable(), seat_method: z.string(),
  has_boundary: z.boolean(), boundary_source: z.string().nullable(),
});
const VillageRow = z.object({
  code: z.string(), name: z.string(), short_name: z.string(), township_code: z.string(), type: z.enum(['village', 'community']),
  lng: nullableNumber, lat: nullableNumber, population: nullableNumber, source: z.string().nullable(),
  location_precision: z.enum(['exact', 'approximate']).nullable(), placed_by: z.enum(['import', 'hand']).nullable(),
});
const DataSourceRow = z.object({
  id: z.string(), name: z.string(), licence: z.string(), attribution: z.string(), datum: z.string(), vintage: z.string(),
  modelled: z.boolean(), origin: z.string(), notes: z.string(), loaded_at: z.union([z.date(), z.string()]),
});

export interface District {
  code: string; name: string; nameEn: string;
  boundary: MultiPolygon;
  seat: { lng: number; lat: number } | null; seatSource: string;
}
export interface Township {
  code: string; name: string; nameEn: string;
  seat: { lng: number; lat: number } | null;
  seatPrecision: 'seat-2016' | 'approximate' | null; seatMethod: string;
  hasBoundary: boolean; boundarySource: string | null;
}
export interface Village {
  code: string; name: string; shortName: string; townshipCode: string; type: 'village' | 'community';
  lng: number | null; lat: number | null; population: number | null; source: string | null;
  /** `exact` / `approximate` for a placed point, null while unplaced. */
  precision: 'exact' | 'approximate' | null;
  /** Who set the point: the village-points import or a hand placement; null while unplaced. */
  placedBy: 'import' | 'hand' | null;
}
export interface DataSource {
  id: string; name: string; licence: string; attribution: string; datum: string; vintage: string;
  modelled: boolean; origin: string; notes: string; loadedAt: string;
}

export async function getDistrict(sql: Sql, district: string): Promise<District | null> {
  const [r] = parseRows(DistrictRow, await sql`SELECT code, name, name_en, boundary, seat_lng, seat_lat, seat_source FROM district
    WHERE code = ${district}`);
  if (!r) return null;
  return {
    code: r.code, name: r.name, nameEn: r.name_en, boundary: r.boundary,
    seat: seatOf(r), seatSource: r.seat_source,
  };
}

export async function listTownships(sql: Sql, district: string): Promise<Township[]> {
  const rows = parseRows(TownshipRow, await sql`SELECT code, name, name_en, seat_lng, seat_lat, seat_precision, seat_method,
    boundary IS NOT NULL AS has_boundary, boundary_source FROM townships WHERE district_code = ${district} ORDER BY code`);
  return rows.map((r) => ({
    code: r.code, name: r.name, nameEn: r.name_en,
    seat: seatOf(r),
    seatPrecision: r.seat_precision, seatMethod: r.seat_method, hasBoundary: r.has_boundary,
    boundarySource: r.boundary_source,
  }));
}

/** Imported township polygons (WGS-84 GeoJSON geometry), keyed by code. */
export async function listTownshipBoundaries(sql: Sql, district: string): Promise<{ code: string; boundary: Polygon | MultiPolygon }[]> {
  return parseRows(z.object({ code: z.string(), boundary: polygonal }),
    await sql`SELECT code, boundary FROM townships WHERE district_code = ${district} AND boundary IS NOT NULL ORDER BY code`);
}

export async function listVillages(sql: Sql, district: string, township?: string): Promise<Village[]> {
  const rows = parseRows(VillageRow, await sql`SELECT code, name, short_name, township_code, type, lng, lat, population, source,
    location_precision, placed_by FROM villages WHERE district_code = ${district} ${township ? sql`AND township_code = ${township}` : sql``}
    ORDER BY code`);
  return rows.map(villageOf);
}

function villageOf(r: z.infer<typeof VillageRow>): Village {
  return {
    code: r.code, name: r.name, shortName: r.short_name, townshipCode: r.township_code, type: r.type,
    lng: r.lng, lat: r.lat, population: r.population, source: r.source,
    precision: r.location_precision ?? null, placedBy: r.placed_by ?? null,
  };
}

/** One village, or null. */
export async function getVillage(sql: Sql, district: string, code: string): Promise<Village | null> {
  const [r] = parseRows(VillageRow, await sql`SELECT code, name, short_name, township_code, type, lng, lat, population, source,
    location_precision, placed_by FROM villages WHERE district_code = ${district} AND code = ${code}`);
  return r ? villageOf(r) : null;
}

/** Placed village points (WGS-84) with their township, for the demand model; sorted by code. */
export async function placedVillagePoints(sql: Sql, district: string): Promise<{ code: string; townshipCode: string; type: 'village' | 'community'; lng: number; lat: number }[]> {
  const rows = parseRows(VillageRow.pick({ code: true, township_code: true, type: true }).extend({ lng: z.number(), lat: z.number() }),
    await sql`SELECT code, township_code, type, lng, lat FROM villages WHERE district_code = ${district} AND lng IS NOT NULL ORDER BY code`);
  return rows.map((r) => ({ code: r.code, townshipCode: r.township_code, type: r.type, lng: r.lng, lat: r.lat }));
}

/** Villages and communities per township (all of them, placed or not). */
export async function villageCounts(sql: Sql, district: string): Promise<{ townshipCode: string; villages: number; communities: number }[]> {
  const rows = parseRows(z.object({ township_code: z.string(), villages: z.number(), communities: z.number() }),
    await sql`SELECT township_code, count(*) FILTER (WHERE type = 'village')::int AS villages,
    count(*) FILTER (WHERE type = 'community')::int AS communities FROM villages WHERE district_code = ${district}
    GROUP BY township_code ORDER BY township_code`);
  return rows.map((r) => ({ townshipCode: r.township_code, villages: r.villages, communities: r.communities }));
}

/** The district's own data sources and the shared ones (basemap rivers). */
export async function listSources(sql: Sql, district: string): Promise<DataSource[]> {
  const rows = parseRows(DataSourceRow, await sql`SELECT id, name, licence, attribution, datum, vintage, modelled, origin, notes, loaded_at
    FROM data_sources WHERE district_code = ${district} OR district_code IS NULL ORDER BY loaded_at, id`);
  return rows.map((r) => ({
    id: r.id, name: r.name, licence: r.licence, attribution: r.attribution, datum: r.datum, vintage: r.vintage,
    modelled: r.modelled, origin: r.origin, notes: r.notes, loadedAt: new Date(r.loaded_at).toISOString(),
  }));
}

/** Whether a township with this code exists. */
export async function townshipExists(sql: Sql, district: string, code: string): Promise<boolean> {
  return parseRows(z.object({ code: z.string() }), await sql`SELECT code FROM townships WHERE district_code = ${district} AND code = ${code}`).length > 0;
}

/** The township of a village/community, or null when there is no such village. */
export async function getVillageTownshipCode(sql: Sql, district: string, villageCode: string): Promise<string | null> {
  const [r] = parseRows(z.object({ township_code: z.string() }),
    await sql`SELECT township_code FROM villages WHERE district_code = ${district} AND code = ${villageCode}`);
  return r?.township_code ?? null;
}

/** The codes in `codes` that name no township (in the order given). */
export async function unknownTownshipCodes(sql: Sql, district: string, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const known = new Set(parseRows(z.object({ code: z.string() }), await sql`SELECT code FROM townships
    WHERE district_code = ${district} AND code IN ${sql(codes)}`).map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}
