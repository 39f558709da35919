/**
 * Plans a township boundary import: GeoJSON (Multi)Polygon features matched to townships by code or
 * name, every vertex converted to WGS-84; a polygon must overlap the district (its centre inside).
 */
import { centerOfMass } from '@turf/center-of-mass';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { resolveColumns, type ColumnMapping, type FieldSpec } from './column-mapping.ts';
import { toWgs84, type ImportCrs } from './crs.ts';
import { ImportFileError } from './import-file-error.ts';
import { hasFileError, rowsWithErrors, type ImportIssue } from './import-issue.ts';
import type { PlaceMatcher } from './place-matcher.ts';
import type { PointInPolygon } from './point-in-polygon-grid.ts';
import type { RawTable } from './read-table.ts';

export const TOWNSHIP_FIELDS: FieldSpec[] = [
  { field: 'code', aliases: ['编码', '区划代码', '乡镇代码', '代码', 'code', 'adcode', 'xzqdm'] },
  { field: 'name', aliases: ['名称', '乡镇', '乡镇名称', '镇乡', 'name', 'township', 'xzqmc'] },
];

export interface TownshipImportPlan {
  mapping: ColumnMapping;
  headers: string[];
  boundaries: { row: number; code: string; name: string; boundary: Polygon | MultiPolygon }[];
  issues: ImportIssue[];
  summary: { features: number; valid: number; invalid: number; missingTownships: string[] };
}

const convertRing = (ring: Position[], crs: ImportCrs): Position[] => ring.map(([x, y]) => toWgs84(x, y, crs));

function validRings(rings: Position[][]): boolean {
  return rings.length > 0 && rings.every((r) => r.length >= 4 && r.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])));
}

/**
 * Checks every feature and plans the township boundary updates.
 * @example planTownshipImport(geojsonTable, { places, allTownships, insideDistrict, districtName }, { crs: 'gcj02' })
 */
export function planTownshipImport(
  table: RawTable,
  ctx: { places: PlaceMatcher; allTownships: { code: string; name: string }[]; insideDistrict: PointInPolygon; districtName: string },
  opts: { crs: ImportCrs; mapping?: ColumnMapping },
): TownshipImportPlan {
  if (table.format !== 'geojson') throw new ImportFileError('township boundaries must be a GeoJSON FeatureCollection of polygons');
  const cols = resolveColumns(table, TOWNSHIP_FIELDS, opts.mapping);
  const issues: ImportIssue[] = [];
  if (cols.columnIndex.code === undefined && cols.columnIndex.name === undefined) {
    issues.push({ row: null, column: null, field: 'name', code: 'missing_column', severity: 'error',
      message: `no property for the township name or code; properties found: ${cols.headers.join(', ')}` });
  }
  const boundaries: TownshipImportPlan['boundaries'] = [];
  const seen = new Map<string, number>();
  for (const rec of cols.records) {
    const row = rec.row;
    const cell = (f: string) => (cols.columnIndex[f] === undefined ? '' : (rec.cells[cols.columnIndex[f]] ?? ''));
    const err = (field: string | null, code: ImportIssue['code'], message: string) =>
      issues.push({ row, column: field ? (cols.mapping[field] ?? null) : null, field, code, severity: 'error', message });
    const t = (cell('code') && ctx.places.township(cell('code'))) || (cell('name') && ctx.places.township(cell('name'))) || null;
    if (!t) err(cell('name') ? 'name' : 'code', 'township_not_found', `"${cell('name') || cell('code')}" is not one of the district's townships`);
    const g = rec.geometry;
    let boundary: Polygon | MultiPolygon | null = null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      err(null, 'bad_geometry', `geometry must be a Polygon or MultiPolygon, not ${g ? g.type : 'empty'}`);
    } else if (g.type === 'Polygon' ? !validRings(g.coordinates) : !g.coordinates.every(validRings) || g.coordinates.length === 0) {
      err(null, 'bad_geometry', 'polygon rings must have at least 4 numeric positions');
    } else {
      boundary = g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map((r) => convertRing(r, opts.crs)) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => convertRing(r, opts.crs))) };
      const [cx, cy] = centerOfMass({ type: 'Feature', geometry: boundary, properties: {} }).geometry.coordinates;
      if (!ctx.insideDistrict(cx, cy)) err(null, 'outside_district', `the polygon's centre (${cx.toFixed(5)}, ${cy.toFixed(5)}) lies outside ${ctx.districtName}`);
    }
    if (!t || !boundary || issues.some((i) => i.row === row && i.severity === 'error')) continue;
    const first = seen.get(t.code);
    if (first !== undefined) { err('name', 'duplicate_in_file', `${t.name} already has a polygon in feature ${first}`); continue; }
    seen.set(t.code, row);
    boundaries.push({ row, code: t.code, name: t.name, boundary });
  }
  const missingTownships = ctx.allTownships.filter((t) => !seen.has(t.code)).map((t) => t.name);
  if (missingTownships.length) {
    issues.push({ row: null, column: null, field: null, code: 'township_not_found', severity: 'warning',
      message: `no polygon for ${missingTownships.join(', ')} (their current areas are kept)` });
  }
  const fileError = hasFileError(issues);
  return {
    mapping: cols.mapping, headers: cols.headers, boundaries: fileError ? [] : boundaries, issues,
    summary: { features: cols.records.length, valid: fileError ? 0 : boundaries.length, invalid: rowsWithErrors(issues).size, missingTownships },
  };
}
