/**
 * Turns a read site register into a plan: for every row either the site fields to create/update
 * (WGS-84) or the problems that stop it, and which existing site it updates. Pure: the caller loads
 * the context from the database and commits the plan.
 */
import type { ExistingSite, ImportedSiteFields, PlannedSite } from '../db/import-repo.ts';
import { resolveColumns, type ColumnMapping } from './column-mapping.ts';
import type { ImportCrs } from './crs.ts';
import { hasFileError, rowsWithErrors, type ImportIssue } from './import-issue.ts';
import { ACCEPTED_KIND_NAMES, guessKind, parseBoolean, parseKind, parsePrecision, parseStatus, type SiteStatus } from './parse-values.ts';
import { OPENING_HOURS_MAX, SITE_KIND_NAMES } from '../schemas/sites.ts';
import { parsePoint } from './parse-point.ts';
import type { PlaceMatcher } from './place-matcher.ts';
import type { PointInPolygon } from './point-in-polygon-grid.ts';
import type { RawTable, TableFormat } from './read-table.ts';
import { SITE_FIELDS, SITE_FIELD_LABELS } from './site-fields.ts';

export type { ExistingSite, ImportedSiteFields, PlannedSite } from '../db/import-repo.ts';

export interface SiteImportContext {
  places: PlaceMatcher;
  insideDistrict: PointInPolygon;
  districtName: string;
  existing: ExistingSite[];
}

export interface SiteImportPlan {
  format: TableFormat;
  encoding: string | null;
  sheet: string | null;
  crs: ImportCrs;
  rowKind: 'row' | 'feature';
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  unmappedHeaders: string[];
  /** Valid rows, in file order. */
  sites: PlannedSite[];
  issues: ImportIssue[];
  summary: { rows: number; valid: number; invalid: number; create: number; update: number; warnings: number; fileErrors: number };
}

const BOOLEAN_FIELDS = ['demonstration', 'hasSign', 'hasStaff', 'hasActivities', 'hasProjects', 'hasRules'] as const;
const TEXT_LIMITS = { address: 500, contact: 100, phone: 50, openingHours: OPENING_HOURS_MAX, notes: 2000 } as const;
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Checks every row of a site register and plans the creates/updates.
 * @example const plan = planSiteImport(await readTable(bytes), context, { crs: 'gcj02' })
 */
export function planSiteImport(
  table: RawTable, ctx: SiteImportContext, opts: { crs: ImportCrs; mapping?: ColumnMapping },
): SiteImportPlan {
  const cols = resolveColumns(table, SITE_FIELDS, opts.mapping);
  const issues: ImportIssue[] = [];
  const col = (f: string) => cols.mapping[f] ?? null;
  for (const f of ['name', 'kind'] as const) {
    if (cols.columnIndex[f] === undefined) {
      issues.push({ row: null, column: null, field: f, code: 'missing_column', severity: 'error',
        message: `no column for ${SITE_FIELD_LABELS[f]} (${f}); columns found: ${cols.headers.filter(Boolean).join(', ')}` });
    }
  }
  if (table.format !== 'geojson' && (cols.columnIndex.lng === undefined) !== (cols.columnIndex.lat === undefined)) {
    const missing = cols.columnIndex.lng === undefined ? 'lng' : 'lat';
    issues.push({ row: null, column: null, field: missing, code: 'missing_column', severity: 'error',
      message: `there is a column for ${SITE_FIELD_LABELS[missing === 'lng' ? 'lat' : 'lng']} but none for ${SITE_FIELD_LABELS[missing]}` });
  }

  const hasCoordinateColumns = table.format === 'geojson' || cols.columnIndex.lng !== undefined || cols.columnIndex.lat !== undefined;
  if (!hasCoordinateColumns) {
    issues.push({ row: null, column: null, field: 'lng', code: 'no_coordinates', severity: 'warning',
      message: 'the file has no 经度/纬度 columns: new sites are imported unplaced (place them on the map later); existing sites keep their location' });
  }

  const byId = new Map(ctx.existing.map((s) => [s.id, s]));
  const byCode = new Map(ctx.existing.filter((s) => s.code).map((s) => [norm(s.code!), s]));
  const byName = new Map(ctx.existing.map((s) => [`${norm(s.name)}|${s.townshipCode ?? ''}`, s]));
  const placeholders = new Map<string, ExistingSite[]>();
  for (const s of ctx.existing) {
    if (s.code) continue;
    const key = s.kind === 'station' && s.villageCode ? `v|${s.villageCode}` : s.kind === 'institute' && s.townshipCode ? `t|${s.townshipCode}` : null;
    if (key) placeholders.set(key, [...(placeholders.get(key) ?? []), s]);
  }

  const seenKey = new Map<string, number>();
  const seenSite = new Map<string, number>();
  const sites: PlannedSite[] = [];
  const pointCtx = { crs: opts.crs, insideDistrict: ctx.insideDistrict, districtName: ctx.districtName };

  for (const rec of cols.records) {
    const row = rec.row;
    const cell = (f: string) => (cols.columnIndex[f] === undefined ? undefined : (rec.cells[cols.columnIndex[f]] ?? ''));
    const err = (field: string, code: ImportIssue['code'], message: string, value?: string) =>
      issues.push({ row, column: col(field), field, code, severity: 'error', message, ...(value !== undefined ? { value } : {}) });
    const before = issues.length;

    const name = (cell('name') ?? '').trim();
    if (cols.columnIndex.name !== undefined && !name) err('name', 'missing_name', 'name is empty');
    if (name.length > 200) err('name', 'too_long', 'name is longer than 200 characters');
    const kindText = cell('kind') ?? '';
    const kind = parseKind(kindText);
    if (cols.columnIndex.kind !== undefined && !kind) {
      const guess = kindText ? guessKind(kindText) : null;
      err('kind', 'unknown_kind', kindText
        ? `unknown site kind "${kindText.slice(0, 60)}"; accepted: ${ACCEPTED_KIND_NAMES} (or 实践站, 实践所, 广场, 基地, 实践点, 实践户, 志愿服务站点)`
          + (guess ? `. Did you mean ${SITE_KIND_NAMES[guess].zh}? Write it in the file to confirm` : '')
        : 'kind is empty', kindText);
    }

    let townshipCode: string | null | undefined;
    const townshipText = cell('township');
    if (townshipText) {
      const t = ctx.places.township(townshipText);
      if (!t) err('township', 'township_not_found', `township "${townshipText}" is not one of the district's townships`, townshipText);
      else townshipCode = t.code;
    } else if (townshipText !== undefined) townshipCode = null;
    let villageCode: string | null | undefined;
    const villageText = cell('village');
    if (villageText) {
      const m = ctx.places.village(villageText, townshipCode ?? null);
      if (m.ok) {
        villageCode = m.village.code;
        if (!townshipCode) townshipCode = m.village.townshipCode;
      } else if (m.reason === 'not_in_township') {
        const where = [...new Set(m.candidates.map((c) => ctx.places.townshipByCode(c.townshipCode)?.name ?? c.townshipCode))].join(', ');
        err('village', 'village_not_in_township', `"${villageText}" is not in ${townshipText}; it is in ${where}`, villageText);
      } else if (m.reason === 'ambiguous') {
        err('village', 'village_ambiguous', `"${villageText}" matches several villages (${m.candidates.map((c) => c.name).join(', ')}); give the township`, villageText);
      } else {
        err('village', 'village_not_found', `village/community "${villageText}" not found${townshipCode ? ` in ${townshipText}` : ''}`, villageText);
      }
    } else if (villageText !== undefined) villageCode = null;

    const point = parsePoint(rec, cols, pointCtx, issues);
    const fields: Partial<ImportedSiteFields> = {};
    for (const f of BOOLEAN_FIELDS) {
      const text = cell(f);
      if (text === undefined) continue;
      const b = parseBoolean(text);
      if (b === undefined) err(f, 'bad_value', `"${text}" is not yes/no (是/否, √, 1/0)`, text);
      else fields[f] = b ?? false;
    }
    const statusText = cell('status');
    if (statusText) {
      const st = parseStatus(statusText);
      if (!st) err('status', 'bad_value', `unknown status "${statusText}" (现有/规划/建议 or existing/planned/proposed)`, statusText);
      else fields.status = st;
    }
    for (const f of ['address', 'contact', 'phone', 'openingHours', 'notes'] as const) {
      const text = cell(f);
      if (text === undefined) continue;
      if (text.length > TEXT_LIMITS[f]) err(f, 'too_long', `${SITE_FIELD_LABELS[f]} is longer than ${TEXT_LIMITS[f]} characters`);
      else fields[f] = text;
    }
    const precisionText = cell('precision') ?? '';
    const precision = parsePrecision(precisionText);
    if (precision === undefined) err('precision', 'bad_value', `unknown location precision "${precisionText}" (精确/近似)`, precisionText);
    const code = cell('code');
    if (code !== undefined) {
      if (code.length > 64) err('code', 'too_long', 'code is longer than 64 characters');
      else fields.code = code || null;
    }
    if (point === null && hasCoordinateColumns && issues.length === before) {
      issues.push({ row, column: col('lng'), field: 'lng', code: 'no_coordinates', severity: 'warning',
        message: 'no coordinates: the site is imported unplaced (place it on the map later)' });
    }
    if (issues.slice(before).some((i) => i.severity === 'error') || !kind || !name) continue;

    // Duplicates within the file: by code, else by name + township.
    const key = code ? `c|${norm(code)}` : `n|${norm(name)}|${townshipCode ?? ''}`;
    const first = seenKey.get(key);
    if (first !== undefined) {
      err(code ? 'code' : 'name', 'duplicate_in_file', `same ${code ? 'code' : 'name and township'} as row ${first}`, code || name);
      continue;
    }
    seenKey.set(key, row);

    // Which existing site this row updates.
    const idText = cell('id');
    let match: ExistingSite | undefined;
    let matchedBy: PlannedSite['matchedBy'] = null;
    const tryMatch = (s: ExistingSite | undefined, by: NonNullable<PlannedSite['matchedBy']>) => {
      if (!match && s) { match = s; matchedBy = by; }
    };
    if (idText) tryMatch(byId.get(idText), 'id');
    if (code) tryMatch(byCode.get(norm(code)), 'code');
    tryMatch(byName.get(`${norm(name)}|${townshipCode ?? ''}`), 'name');
    // A placeholder (uncoded seeded station/institute) is taken over by the first row of its village/township
    // only; later rows there are new sites, not duplicates.
    if (kind === 'station' && villageCode) {
      const list = placeholders.get(`v|${villageCode}`);
      if (list?.length === 1 && !seenSite.has(list[0].id)) tryMatch(list[0], 'village');
    }
    if (kind === 'institute' && townshipCode) {
      const list = placeholders.get(`t|${townshipCode}`);
      if (list?.length === 1 && !seenSite.has(list[0].id)) tryMatch(list[0], 'township');
    }
    const matched = match as ExistingSite | undefined;
    if (matched) {
      const firstRow = seenSite.get(matched.id);
      if (firstRow !== undefined) {
        err('name', 'duplicate_in_file', `row ${firstRow} already updates the same site "${matched.name}"`, name);
        continue;
      }
      seenSite.set(matched.id, row);
    }

    Object.assign(fields, { kind, name });
    if (townshipCode !== undefined) fields.townshipCode = townshipCode;
    if (villageCode !== undefined) fields.villageCode = villageCode;
    // Coordinates are exact unless the file says they are approximate.
    if (point) Object.assign(fields, { lng: point.lng, lat: point.lat, locationPrecision: precision ?? 'exact' });
    sites.push({ row, action: matched ? 'update' : 'create', siteId: matched?.id ?? null, matchedBy, fields: fields as ImportedSiteFields });
  }

  const errorRows = rowsWithErrors(issues);
  const fileErrors = issues.filter((i) => i.row === null && i.severity === 'error').length;
  return {
    format: table.format, encoding: table.encoding, sheet: table.sheet, crs: opts.crs, rowKind: table.rowKind,
    headerRow: cols.headerRow, headers: cols.headers, mapping: cols.mapping, unmappedHeaders: cols.unmappedHeaders,
    sites: hasFileError(issues) ? [] : sites, issues,
    summary: {
      rows: cols.records.length, valid: hasFileError(issues) ? 0 : sites.length, invalid: errorRows.size,
      create: sites.filter((s) => s.action === 'create').length, update: sites.filter((s) => s.action === 'update').length,
      warnings: issues.filter((i) => i.severity === 'warning').length, fileErrors,
    },
  };
}
