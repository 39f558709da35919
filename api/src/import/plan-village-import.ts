/**
 * Plans a village/community import (CSV/XLSX/GeoJSON points): match each row to a village by code or
 * by name (+ township), read its location (converted to WGS-84) and population.
 */
import { resolveColumns, type ColumnMapping, type FieldSpec } from './column-mapping.ts';
import type { ImportCrs } from './crs.ts';
import { hasFileError, rowsWithErrors, type ImportIssue } from './import-issue.ts';
import { parseCount } from './parse-values.ts';
import { parsePoint } from './parse-point.ts';
import type { PlaceMatcher } from './place-matcher.ts';
import type { PointInPolygon } from './point-in-polygon-grid.ts';
import type { RawTable } from './read-table.ts';

export const VILLAGE_FIELDS: FieldSpec[] = [
  { field: 'code', aliases: ['编码', '区划代码', '统计用区划代码', '村编码', '代码', 'code', 'adcode'] },
  { field: 'name', aliases: ['名称', '村', '社区', '村(社区)', '村/社区', '村名', '村社区', 'name', 'village', 'community'] },
  { field: 'township', aliases: ['乡镇', '镇乡', '所属乡镇', '乡镇(街道)', 'township', 'town'] },
  { field: 'lng', aliases: ['经度', 'lng', 'lon', 'longitude', 'x'] },
  { field: 'lat', aliases: ['纬度', 'lat', 'latitude', 'y'] },
  { field: 'population', aliases: ['人口', '人口数', '户籍人口', '常住人口', '总人口', '人数', 'population', 'pop'] },
  { field: 'older', aliases: ['65岁以上', '65岁及以上', '65岁及以上人口', '65岁以上人口', '老年人口', 'older', 'population65', 'pop65'] },
];

export interface PlannedVillage {
  row: number; code: string; name: string;
  lng?: number; lat?: number; population?: number; older?: number;
}

export interface VillageImportPlan {
  rowKind: 'row' | 'feature';
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  unmappedHeaders: string[];
  villages: PlannedVillage[];
  issues: ImportIssue[];
  summary: { rows: number; valid: number; invalid: number; withPoint: number; withPopulation: number; warnings: number };
}

/**
 * Checks every row and plans the village updates.
 * @example planVillageImport(table, { places, insideDistrict, districtName: '朝天区' }, { crs: 'wgs84' })
 */
export function planVillageImport(
  table: RawTable,
  ctx: { places: PlaceMatcher; insideDistrict: PointInPolygon; districtName: string },
  opts: { crs: ImportCrs; mapping?: ColumnMapping },
): VillageImportPlan {
  const cols = resolveColumns(table, VILLAGE_FIELDS, opts.mapping);
  const issues: ImportIssue[] = [];
  if (cols.columnIndex.code === undefined && cols.columnIndex.name === undefined) {
    issues.push({ row: null, column: null, field: 'name', code: 'missing_column', severity: 'error',
      message: `no column for the village name or code; columns found: ${cols.headers.filter(Boolean).join(', ')}` });
  }
  const hasPoint = table.format === 'geojson' || (cols.columnIndex.lng !== undefined && cols.columnIndex.lat !== undefined);
  if (!hasPoint && cols.columnIndex.population === undefined) {
    issues.push({ row: null, column: null, field: 'population', code: 'missing_column', severity: 'error',
      message: 'the file has neither coordinates (经度/纬度) nor a population column' });
  }
  const villages: PlannedVillage[] = [];
  const seen = new Map<string, number>();
  const pointCtx = { crs: opts.crs, insideDistrict: ctx.insideDistrict, districtName: ctx.districtName };
  for (const rec of cols.records) {
    const row = rec.row;
    const cell = (f: string) => (cols.columnIndex[f] === undefined ? '' : (rec.cells[cols.columnIndex[f]] ?? ''));
    const err = (field: string, code: ImportIssue['code'], message: string, value?: string) =>
      issues.push({ row, column: cols.mapping[field] ?? null, field, code, severity: 'error', message, ...(value !== undefined ? { value } : {}) });
    const before = issues.length;
    let townshipCode: string | null = null;
    if (cell('township')) {
      const t = ctx.places.township(cell('township'));
      if (!t) err('township', 'township_not_found', `township "${cell('township')}" is not one of the district's townships`, cell('township'));
      else townshipCode = t.code;
    }
    const code = cell('code');
    const name = cell('name');
    let village = code ? ctx.places.villageByCode(code) : undefined;
    if (!village) {
      const m = name || code ? ctx.places.village(name || code, townshipCode) : null;
      if (m?.ok) village = m.village;
      else if (!name && !code) err('name', 'missing_name', 'neither name nor code is given');
      else if (m && m.reason === 'ambiguous') err('name', 'village_ambiguous', `"${name}" matches several villages; give the township or the code`, name);
      else if (m && m.reason === 'not_in_township') err('name', 'village_not_in_township', `"${name}" is not in ${cell('township')}`, name);
      else err(name ? 'name' : 'code', 'village_not_found', `village/community "${name || code}" not found`, name || code);
    }
    const point = parsePoint(rec, cols, pointCtx, issues);
    const pop = cols.columnIndex.population === undefined ? null : parseCount(cell('population'));
    if (pop !== null && Number.isNaN(pop)) err('population', 'bad_number', `population "${cell('population')}" is not a whole number ≥ 0`, cell('population'));
    const older = cols.columnIndex.older === undefined ? null : parseCount(cell('older'));
    if (older !== null && Number.isNaN(older)) err('older', 'bad_number', `"${cell('older')}" is not a whole number ≥ 0`, cell('older'));
    if (pop !== null && older !== null && older > pop) err('older', 'bad_number', `older residents (${older}) exceed the population (${pop})`);
    if (issues.slice(before).some((i) => i.severity === 'error') || !village) continue;
    const first = seen.get(village.code);
    if (first !== undefined) {
      err('name', 'duplicate_in_file', `same village as row ${first}`, name || code);
      continue;
    }
    seen.set(village.code, row);
    const planned: PlannedVillage = { row, code: village.code, name: village.name };
    if (point) Object.assign(planned, point);
    if (pop !== null) planned.population = Math.round(pop);
    if (older !== null) planned.older = Math.round(older);
    if (!point && pop === null) {
      issues.push({ row, column: null, field: null, code: 'no_coordinates', severity: 'warning', message: 'row gives neither a location nor a population' });
    }
    villages.push(planned);
  }
  const fileError = hasFileError(issues);
  return {
    rowKind: table.rowKind, headerRow: cols.headerRow, headers: cols.headers, mapping: cols.mapping, unmappedHeaders: cols.unmappedHeaders,
    villages: fileError ? [] : villages, issues,
    summary: {
      rows: cols.records.length, valid: fileError ? 0 : villages.length, invalid: rowsWithErrors(issues).size,
      withPoint: villages.filter((v) => v.lng !== undefined).length,
      withPopulation: villages.filter((v) => v.population !== undefined).length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
    },
  };
}
