import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Sql } from './client.ts';
import {
  SiteKindSchema, SiteStatusSchema, VenueTypeSchema, type SiteCreate, type SiteFeature, type SiteQuery, type SiteUpdate,
} from '../schemas/sites.ts';
import { isoTimestamp, nullableNumber, parseRows } from './rows.ts';
import { bumpDataVersion } from './version-repo.ts';

type Tx = Sql;

/** Column ↔ API field names for the writable site fields. */
const COLUMNS: Record<string, string> = {
  code: 'code', kind: 'kind', name: 'name', townshipCode: 'township_code', villageCode: 'village_code',
  lng: 'lng', lat: 'lat', locationPrecision: 'location_precision', status: 'status',
  demonstration: 'demonstration', hasSign: 'has_sign', hasStaff: 'has_staff', hasActivities: 'has_activities',
  hasProjects: 'has_projects', hasRules: 'has_rules', venueType: 'venue_type', address: 'address',
  contact: 'contact', phone: 'phone', openingHours: 'opening_hours', notes: 'notes',
};

/** A `sites` row (`SELECT *`). */
const SiteRow = z.object({
  id: z.string(), code: z.string().nullable(), kind: SiteKindSchema, name: z.string(), township_code: z.string().nullable(),
  village_code: z.string().nullable(), lng: nullableNumber, lat: nullableNumber,
  location_precision: z.enum(['exact', 'approximate']), status: SiteStatusSchema,
  demonstration: z.boolean(), has_sign: z.boolean(), has_staff: z.boolean(), has_activities: z.boolean(), has_projects: z.boolean(),
  has_rules: z.boolean(), venue_type: VenueTypeSchema.nullable(), address: z.string(), contact: z.string(), phone: z.string(),
  opening_hours: z.string(), notes: z.string(), created_at: isoTimestamp, updated_at: isoTimestamp,
});

function siteFeature(r: z.infer<typeof SiteRow>): SiteFeature {
  const placed = r.lng !== null && r.lat !== null;
  return {
    type: 'Feature',
    id: r.id,
    geometry: r.lng !== null && r.lat !== null ? { type: 'Point', coordinates: [r.lng, r.lat] } : null,
    properties: {
      id: r.id, code: r.code, kind: r.kind, name: r.name, townshipCode: r.township_code, villageCode: r.village_code,
      lng: r.lng, lat: r.lat, placed, locationPrecision: r.location_precision, status: r.status,
      demonstration: r.demonstration, hasSign: r.has_sign, hasStaff: r.has_staff, hasActivities: r.has_activities,
      hasProjects: r.has_projects, hasRules: r.has_rules, venueType: r.venue_type, address: r.address,
      contact: r.contact, phone: r.phone, openingHours: r.opening_hours, notes: r.notes,
      createdAt: r.created_at, updatedAt: r.updated_at,
    },
  };
}

export async function listSites(sql: Sql, district: string, q: SiteQuery = {}): Promise<SiteFeature[]> {
  const rows = parseRows(SiteRow, await sql`
    SELECT * FROM sites WHERE district_code = ${district}
    ${q.kind?.length ? sql`AND kind IN ${sql(q.kind)}` : sql``}
    ${q.status?.length ? sql`AND status IN ${sql(q.status)}` : sql``}
    ${q.township ? sql`AND township_code = ${q.township}` : sql``}
    ${q.placed === true ? sql`AND lng IS NOT NULL` : q.placed === false ? sql`AND lng IS NULL` : sql``}
    ORDER BY kind, township_code NULLS FIRST, name, id`);
  return rows.map(siteFeature);
}

/** One site; `forUpdate` locks its row until the caller's transaction ends. */
export async function getSite(sql: Sql, district: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<SiteFeature | null> {
  const [row] = parseRows(SiteRow, await sql`SELECT * FROM sites WHERE district_code = ${district} AND id = ${id} ${opts.forUpdate ? sql`FOR UPDATE` : sql``}`);
  return row ? siteFeature(row) : null;
}

function toColumns(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && COLUMNS[k]) out[COLUMNS[k]] = v;
  return out;
}

const IdRow = z.object({ id: z.string() });

export const newSiteId = () => 's_' + randomUUID().replace(/-/g, '').slice(0, 16);

export async function insertSite(tx: Tx, district: string, input: SiteCreate & { id?: string }): Promise<SiteFeature> {
  const row = { id: input.id ?? newSiteId(), district_code: district, ...toColumns(input) };
  const [r] = parseRows(SiteRow, await tx`INSERT INTO sites ${tx(row)} RETURNING *`);
  await bumpDataVersion(tx, district);
  return siteFeature(r);
}

export async function updateSite(tx: Tx, district: string, id: string, patch: SiteUpdate): Promise<SiteFeature | null> {
  const cols = toColumns(patch);
  const [r] = parseRows(SiteRow, await tx`
    UPDATE sites SET ${tx(cols)}, updated_at = now() WHERE district_code = ${district} AND id = ${id} RETURNING *`);
  if (r) await bumpDataVersion(tx, district);
  return r ? siteFeature(r) : null;
}

export async function deleteSite(tx: Tx, district: string, id: string): Promise<boolean> {
  const r = await tx`DELETE FROM sites WHERE district_code = ${district} AND id = ${id}`;
  if (r.count) await bumpDataVersion(tx, district);
  return r.count > 0;
}

/**
 * Places the village's stations that still have no point at the village's point (approximate); a station placed by
 * hand keeps its own. Returns the ids placed.
 */
export async function placeUnplacedStationsAt(tx: Tx, district: string, villageCode: string, lng: number, lat: number): Promise<string[]> {
  const rows = parseRows(IdRow, await tx`UPDATE sites SET lng = ${lng}, lat = ${lat}, location_precision = 'approximate', updated_at = now()
    WHERE district_code = ${district} AND village_code = ${villageCode} AND kind = 'station' AND lng IS NULL RETURNING id`);
  if (rows.length) await bumpDataVersion(tx, district);
  return rows.map((r) => r.id);
}

/** A site's township code: `undefined` when there is no such site, null when it has none. */
export async function getSiteTownshipCode(sql: Sql, district: string, id: string): Promise<string | null | undefined> {
  const [r] = parseRows(z.object({ township_code: z.string().nullable() }),
    await sql`SELECT township_code FROM sites WHERE district_code = ${district} AND id = ${id}`);
  return r ? r.township_code : undefined;
}
