/** SQL for imports: reference data for matching, data source rows, and all-or-nothing commits. */
import { randomBytes } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { SiteKindSchema, type SITE_STATUSES, type SiteKind } from '../schemas/sites.ts';
import type { Sql } from './client.ts';
import { parseRows, polygonal } from './rows.ts';
import { newSiteId } from './sites-repo.ts';
import { bumpDataVersion } from './version-repo.ts';

/** A site as the import matches against it. */
export interface ExistingSite {
  id: string; code: string | null; name: string; kind: SiteKind; townshipCode: string | null; villageCode: string | null;
}

/** Site columns the import writes; only fields the file has are set (an update keeps the others). */
export interface ImportedSiteFields {
  code?: string | null; kind: SiteKind; name: string; townshipCode?: string | null; villageCode?: string | null;
  lng?: number | null; lat?: number | null; locationPrecision?: 'exact' | 'approximate'; status?: (typeof SITE_STATUSES)[number];
  demonstration?: boolean; hasSign?: boolean; hasStaff?: boolean; hasActivities?: boolean; hasProjects?: boolean;
  hasRules?: boolean; address?: string; contact?: string; phone?: string; openingHours?: string; notes?: string;
}

export interface PlannedSite {
  row: number;
  action: 'create' | 'update';
  /** Existing site updated (null for a create). */
  siteId: string | null;
  matchedBy: 'id' | 'code' | 'name' | 'village' | 'township' | null;
  fields: ImportedSiteFields;
}

export interface NewDataSource {
  id: string; name: string; licence: string; attribution?: string; datum: string; vintage?: string;
  modelled?: boolean; origin?: string; notes?: string;
}

/** A data source id such as `import-sites-20250301-0912-a1b2`. */
export function newDataSourceId(kind: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
  return `import-${kind}-${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Stores a data source of a district (`district` null: shared by every district). */
export async function insertDataSource(tx: Sql, district: string | null, s: NewDataSource): Promise<void> {
  await tx`INSERT INTO data_sources ${tx({
    id: s.id, district_code: district, name: s.name, licence: s.licence, attribution: s.attribution ?? '', datum: s.datum, vintage: s.vintage ?? '',
    modelled: s.modelled ?? false, origin: s.origin ?? '', notes: s.notes ?? '',
  })}`;
}

export interface ImportReference {
  district: { code: string; name: string; boundary: Polygon | MultiPolygon } | null;
  townships: { code: string; name: string }[];
  villages: { code: string; name: string; shortName: string; townshipCode: string }[];
}

const DistrictRow = z.object({
  code: z.string(), name: z.string(),
  boundary: polygonal,
});
const CodeNameRow = z.object({ code: z.string(), name: z.string() });
const VillageRefRow = CodeNameRow.extend({ short_name: z.string(), township_code: z.string() });

/** District boundary, townships and villages, for matching names and checking locations. */
export async function loadImportReference(sql: Sql, district: string): Promise<ImportReference> {
  const [d] = parseRows(DistrictRow, await sql`SELECT code, name, boundary FROM district WHERE code = ${district}`);
  const townships = parseRows(CodeNameRow, await sql`SELECT code, name FROM townships WHERE district_code = ${district} ORDER BY code`);
  const villages = parseRows(VillageRefRow, await sql`SELECT code, name, short_name, township_code FROM villages
    WHERE district_code = ${district} ORDER BY code`);
  return {
    district: d ? { code: d.code, name: d.name, boundary: d.boundary } : null,
    townships: townships.map((t) => ({ code: t.code, name: t.name })),
    villages: villages.map((v) => ({ code: v.code, name: v.name, shortName: v.short_name, townshipCode: v.township_code })),
  };
}

const ExistingSiteRow = z.object({
  id: z.string(), code: z.string().nullable(), name: z.string(), kind: SiteKindSchema,
  township_code: z.string().nullable(), village_code: z.string().nullable(),
});

export async function listExistingSites(sql: Sql, district: string): Promise<ExistingSite[]> {
  const rows = parseRows(ExistingSiteRow, await sql`SELECT id, code, name, kind, township_code, village_code FROM sites
    WHERE district_code = ${district} ORDER BY id`);
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, townshipCode: r.township_code, villageCode: r.village_code,
  }));
}

const SITE_COLUMNS: Record<keyof ImportedSiteFields, [string, string]> = {
  code: ['code', 'text'], kind: ['kind', 'text'], name: ['name', 'text'], townshipCode: ['township_code', 'text'],
  villageCode: ['village_code', 'text'], lng: ['lng', 'double precision'], lat: ['lat', 'double precision'],
  locationPrecision: ['location_precision', 'text'], status: ['status', 'text'], demonstration: ['demonstration', 'boolean'],
  hasSign: ['has_sign', 'boolean'], hasStaff: ['has_staff', 'boolean'], hasActivities: ['has_activities', 'boolean'],
  hasProjects: ['has_projects', 'boolean'], hasRules: ['has_rules', 'boolean'], address: ['address', 'text'],
  contact: ['contact', 'text'], phone: ['phone', 'text'], openingHours: ['opening_hours', 'text'], notes: ['notes', 'text'],
};

const CREATE_DEFAULTS: Omit<Required<ImportedSiteFields>, 'kind' | 'name' | 'locationPrecision'> & { locationPrecision: 'exact' } = {
  code: null, townshipCode: null, villageCode: null, lng: null, lat: null, locationPrecision: 'exact', status: 'existing',
  demonstration: false, hasSign: false, hasStaff: false, hasActivities: false, hasProjects: false, hasRules: false,
  address: '', contact: '', phone: '', openingHours: '', notes: '',
};

const CHUNK = 2000;

/** Runs one set-based statement per chunk, rows passed as a JSON array (no parameter-count limits). */
async function inChunks<T>(rows: T[], run: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await run(rows.slice(i, i + CHUNK));
}

/**
 * Writes a site import plan inside the caller's transaction: inserts the new sites (defaults for
 * fields the file lacks) and updates matched sites (only the fields the file has). Bumps the data version.
 */
export async function commitSiteImport(tx: Sql, district: string, planned: PlannedSite[]): Promise<{ created: { row: number; id: string }[]; updated: { row: number; id: string }[] }> {
  const creates = planned.filter((p) => p.action === 'create').map((p) => ({ row: p.row, id: newSiteId(), fields: { ...CREATE_DEFAULTS, ...p.fields } }));
  const updates = planned.filter((p) => p.action === 'update');

  if (creates.length) {
    const keys = Object.keys(SITE_COLUMNS) as (keyof ImportedSiteFields)[];
    const cols = keys.map((k) => SITE_COLUMNS[k][0]);
    const recDef = ['id text', ...keys.map((k) => `${SITE_COLUMNS[k][0]} ${SITE_COLUMNS[k][1]}`)].join(', ');
    await inChunks(creates, (chunk) => {
      const payload = chunk.map((c) => ({ id: c.id, ...Object.fromEntries(keys.map((k) => [SITE_COLUMNS[k][0], c.fields[k] ?? null])) }));
      return tx.unsafe(
        `INSERT INTO sites (district_code, id, ${cols.join(', ')}) SELECT $2, id, ${cols.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${recDef})`,
        [payload as never, district],
      );
    });
  }

  // Updates grouped by the set of fields they carry, so each group is one statement.
  const groups = new Map<string, PlannedSite[]>();
  for (const u of updates) {
    const sig = Object.keys(u.fields).sort().join(',');
    groups.set(sig, [...(groups.get(sig) ?? []), u]);
  }
  for (const [sig, rows] of groups) {
    const keys = sig.split(',') as (keyof ImportedSiteFields)[];
    const setList = keys.map((k) => `${SITE_COLUMNS[k][0]} = x.${SITE_COLUMNS[k][0]}`).join(', ');
    const recDef = ['id text', ...keys.map((k) => `${SITE_COLUMNS[k][0]} ${SITE_COLUMNS[k][1]}`)].join(', ');
    await inChunks(rows, (chunk) => {
      const payload = chunk.map((u) => ({ id: u.siteId, ...Object.fromEntries(keys.map((k) => [SITE_COLUMNS[k][0], u.fields[k] ?? null])) }));
      return tx.unsafe(
        `UPDATE sites AS s SET ${setList}, updated_at = now() FROM jsonb_to_recordset($1::jsonb) AS x(${recDef})
         WHERE s.district_code = $2 AND s.id = x.id`,
        [payload as never, district],
      );
    });
  }
  await bumpDataVersion(tx, district);
  return {
    created: creates.map((c) => ({ row: c.row, id: c.id })),
    updated: updates.map((u) => ({ row: u.row, id: u.siteId! })),
  };
}

/** Sets imported township polygons (WGS-84) and their source. Bumps the data version. */
export async function commitTownshipBoundaries(tx: Sql, district: string, boundaries: { code: string; boundary: Polygon | MultiPolygon }[], sourceId: string): Promise<number> {
  let n = 0;
  for (const b of boundaries) {
    const r = await tx`UPDATE townships SET boundary = ${tx.json(b.boundary as never)}, boundary_source = ${sourceId}
      WHERE district_code = ${district} AND code = ${b.code}`;
    n += r.count;
  }
  await bumpDataVersion(tx, district);
  return n;
}

export interface VillageUpdate {
  code: string; lng?: number | null; lat?: number | null; population?: number | null;
  /** How sure the point is (default `exact` for imports; hand placements say it). */
  precision?: 'exact' | 'approximate';
}

/**
 * Sets village locations and/or populations (fields left undefined are kept): the one write path for both the
 * village-points import and a hand placement (`PATCH /api/villages/:code`). `placedBy` records which; a cleared
 * point clears its precision. Bumps the data version, so demand and coverage follow.
 */
export async function commitVillageUpdates(tx: Sql, district: string, updates: VillageUpdate[], sourceId: string, placedBy: 'import' | 'hand' = 'import'): Promise<number> {
  let n = 0;
  await inChunks(updates, async (chunk) => {
    const payload = chunk.map((u) => ({
      code: u.code, has_point: u.lng !== undefined, lng: u.lng ?? null, lat: u.lat ?? null,
      precision: u.lng == null ? null : (u.precision ?? 'exact'),
      has_population: u.population !== undefined, population: u.population ?? null,
    }));
    const r = await tx.unsafe(
      `UPDATE villages AS v SET
         lng = CASE WHEN x.has_point THEN x.lng ELSE v.lng END,
         lat = CASE WHEN x.has_point THEN x.lat ELSE v.lat END,
         location_precision = CASE WHEN x.has_point THEN x.precision ELSE v.location_precision END,
         placed_by = CASE WHEN x.has_point THEN (CASE WHEN x.lng IS NULL THEN NULL ELSE $3 END) ELSE v.placed_by END,
         population = CASE WHEN x.has_population THEN x.population ELSE v.population END,
         source = $2
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, has_point boolean, lng double precision, lat double precision,
                                                 precision text, has_population boolean, population integer)
       WHERE v.district_code = $4 AND v.code = x.code`,
      [payload as never, sourceId, placedBy, district],
    );
    n += r.count;
  });
  await bumpDataVersion(tx, district);
  return n;
}

/** Village points with a population (WGS-84), for a `villages` demand set. */
export async function villageDemandPoints(tx: Sql, district: string): Promise<[number, number, number][]> {
  const rows = parseRows(z.object({ lng: z.number(), lat: z.number(), population: z.number() }),
    await tx`SELECT lng, lat, population FROM villages
      WHERE district_code = ${district} AND lng IS NOT NULL AND population IS NOT NULL AND population > 0 ORDER BY code`);
  return rows.map((r) => [r.lng, r.lat, r.population]);
}

/**
 * Stores a demand set and makes it the active one (deactivating the previous), inside the caller's
 * transaction. Points are [lng, lat, population] or [lng, lat, population, olderPopulation]. Bumps the data version.
 */
export async function activateDemandSet(
  tx: Sql, district: string, set: { sourceId: string; kind: 'villages' | 'grid'; cellHalfSizeMeters: number; points: number[][] },
): Promise<number> {
  await tx`UPDATE demand_sets SET active = false WHERE district_code = ${district} AND active`;
  const [r] = parseRows(z.object({ id: z.number() }), await tx`INSERT INTO demand_sets (district_code, source_id, kind, cell_half_size_meters, points, active)
    VALUES (${district}, ${set.sourceId}, ${set.kind}, ${set.cellHalfSizeMeters}, ${tx.json(set.points as never)}, true) RETURNING id`);
  await bumpDataVersion(tx, district);
  return r.id;
}
