/**
 * Plans a population import: CSV/XLSX rows of lng, lat, population (optionally 65+), or GeoJSON
 * points or polygons (a polygon counts at its centre of mass), converted to WGS-84. Points outside
 * the district are left out with a warning (grids are usually rectangular around it).
 */
import { area as turfArea } from '@turf/area';
import { centerOfMass } from '@turf/center-of-mass';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { resolveColumns, type ColumnMapping, type FieldSpec } from './column-mapping.ts';
import type { ImportCrs } from './crs.ts';
import { hasFileError, rowsWithErrors, type ImportIssue } from './import-issue.ts';
import { parseCount } from './parse-values.ts';
import { parsePoint } from './parse-point.ts';
import type { PointInPolygon } from './point-in-polygon-grid.ts';
import type { RawTable } from './read-table.ts';

export const POPULATION_FIELDS: FieldSpec[] = [
  { field: 'lng', aliases: ['经度', 'lng', 'lon', 'longitude', 'x'] },
  { field: 'lat', aliases: ['纬度', 'lat', 'latitude', 'y'] },
  { field: 'population', aliases: ['人口', '人口数', '人数', '常住人口', 'population', 'pop', 'value', 'count'] },
  { field: 'older', aliases: ['65岁以上', '65岁及以上', '65岁及以上人口', '老年人口', 'older', 'population65', 'pop65'] },
];

export interface PopulationImportPlan {
  rowKind: 'row' | 'feature';
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  unmappedHeaders: string[];
  /** [lng, lat, population] or [lng, lat, population, older], WGS-84. */
  points: number[][];
  /** Half the cell size (m): from the polygons' median area, or from the given cell size; 0 for plain points. */
  cellHalfSizeMeters: number;
  issues: ImportIssue[];
  summary: { rows: number; valid: number; invalid: number; outside: number; zero: number; totalPopulation: number; warnings: number };
}

/**
 * Checks every row/feature and collects the demand points.
 * @example planPopulationImport(table, { insideDistrict, districtName: '朝天区' }, { crs: 'wgs84', cellSizeMeters: 100 })
 */
export function planPopulationImport(
  table: RawTable,
  ctx: { insideDistrict: PointInPolygon; districtName: string },
  opts: { crs: ImportCrs; mapping?: ColumnMapping; cellSizeMeters?: number },
): PopulationImportPlan {
  const cols = resolveColumns(table, POPULATION_FIELDS, opts.mapping);
  const issues: ImportIssue[] = [];
  if (cols.columnIndex.population === undefined) {
    issues.push({ row: null, column: null, field: 'population', code: 'missing_column', severity: 'error',
      message: `no population column; columns found: ${cols.headers.filter(Boolean).join(', ')}` });
  }
  if (table.format !== 'geojson' && (cols.columnIndex.lng === undefined || cols.columnIndex.lat === undefined)) {
    issues.push({ row: null, column: null, field: 'lng', code: 'missing_column', severity: 'error', message: 'no 经度/纬度 (lng/lat) columns' });
  }
  const points: number[][] = [];
  const halfSizes: number[] = [];
  let outside = 0, zero = 0, total = 0;
  const pointCtx = { crs: opts.crs, insideDistrict: ctx.insideDistrict, districtName: ctx.districtName };
  for (const rec of cols.records) {
    const row = rec.row;
    const cell = (f: string) => (cols.columnIndex[f] === undefined ? '' : (rec.cells[cols.columnIndex[f]] ?? ''));
    const before = issues.length;
    let r = rec;
    const g = rec.geometry;
    if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      const f: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry: g, properties: {} };
      r = { ...rec, geometry: centerOfMass(f).geometry };
      halfSizes.push(Math.sqrt(turfArea(f)) / 2);
    }
    const pop = parseCount(cell('population'));
    if (pop === null || Number.isNaN(pop)) {
      issues.push({ row, column: cols.mapping.population ?? null, field: 'population', code: 'bad_number', severity: 'error', value: cell('population'),
        message: pop === null ? 'population is empty' : `population "${cell('population')}" is not a number ≥ 0` });
    }
    const older = cols.columnIndex.older === undefined ? null : parseCount(cell('older'));
    if (older !== null && Number.isNaN(older)) {
      issues.push({ row, column: cols.mapping.older ?? null, field: 'older', code: 'bad_number', severity: 'error', value: cell('older'), message: `"${cell('older')}" is not a number ≥ 0` });
    }
    const point = parsePoint(r, cols, pointCtx, issues);
    // Outside the district is expected at the edges of a grid: a warning, the point is left out.
    for (let i = before; i < issues.length; i++) {
      if (issues[i].code === 'outside_district') { issues[i].severity = 'warning'; outside++; }
    }
    if (point === null) {
      issues.push({ row, column: cols.mapping.lng ?? null, field: 'lng', code: 'missing_coordinate', severity: 'error', message: 'no coordinates' });
    }
    if (issues.slice(before).some((i) => i.severity === 'error') || !point || pop === null || Number.isNaN(pop)) continue;
    if (pop === 0) { zero++; continue; }
    total += pop;
    points.push(older !== null ? [point.lng, point.lat, pop, older] : [point.lng, point.lat, pop]);
  }
  halfSizes.sort((a, b) => a - b);
  const cellHalfSizeMeters = halfSizes.length ? halfSizes[Math.floor(halfSizes.length / 2)] : (opts.cellSizeMeters ?? 0) / 2;
  const fileError = hasFileError(issues);
  return {
    rowKind: table.rowKind, headerRow: cols.headerRow, headers: cols.headers, mapping: cols.mapping, unmappedHeaders: cols.unmappedHeaders,
    points: fileError ? [] : points, cellHalfSizeMeters, issues,
    summary: {
      rows: cols.records.length, valid: fileError ? 0 : points.length, invalid: rowsWithErrors(issues).size, outside, zero,
      totalPopulation: total, warnings: issues.filter((i) => i.severity === 'warning').length,
    },
  };
}
