import type { ResolvedColumns } from './column-mapping.ts';
import { CRS_LABEL, toWgs84, type ImportCrs } from './crs.ts';
import type { ImportIssue } from './import-issue.ts';
import { parseDegrees } from './parse-values.ts';
import type { PointInPolygon } from './point-in-polygon-grid.ts';
import type { TableRecord } from './read-table.ts';

export interface PointContext {
  crs: ImportCrs;
  insideDistrict: PointInPolygon;
  districtName: string;
}

const valid = (lng: number, lat: number) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90;

/**
 * Reads a record's point — a GeoJSON Point geometry, else the lng/lat columns — converts it from the
 * chosen system to WGS-84 and checks it lies in the district. Pushes problems to `issues`.
 * Returns the WGS-84 point, `null` when the record gives no coordinates, `undefined` on error.
 * @example parsePoint(record, columns, { crs: 'gcj02', insideDistrict, districtName: '朝天区' }, issues)
 */
export function parsePoint(
  rec: TableRecord, cols: ResolvedColumns, ctx: PointContext, issues: ImportIssue[],
): { lng: number; lat: number } | null | undefined {
  const lngCol = cols.columnIndex.lng;
  const latCol = cols.columnIndex.lat;
  const header = (f: 'lng' | 'lat') => cols.mapping[f] ?? null;
  let lng: number | null = null;
  let lat: number | null = null;
  if (rec.geometry) {
    const g = rec.geometry;
    if (g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) {
      issues.push({ row: rec.row, column: null, field: 'geometry', code: 'bad_geometry', severity: 'error', message: `geometry must be a Point, not ${g.type}` });
      return undefined;
    }
    [lng, lat] = g.coordinates as [number, number];
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      issues.push({ row: rec.row, column: null, field: 'geometry', code: 'bad_number', severity: 'error', message: 'point coordinates are not numbers' });
      return undefined;
    }
  } else {
    const rawLng = lngCol === undefined ? '' : (rec.cells[lngCol] ?? '');
    const rawLat = latCol === undefined ? '' : (rec.cells[latCol] ?? '');
    lng = parseDegrees(rawLng);
    lat = parseDegrees(rawLat);
    let bad = false;
    for (const [f, v, raw] of [['lng', lng, rawLng], ['lat', lat, rawLat]] as const) {
      if (v !== null && Number.isNaN(v)) {
        issues.push({ row: rec.row, column: header(f), field: f, code: 'bad_number', severity: 'error', value: raw,
          message: `${f === 'lng' ? 'longitude' : 'latitude'} "${raw}" is not a number of degrees` });
        bad = true;
      }
    }
    if (bad) return undefined;
    if (lng === null && lat === null) return null;
    if (lng === null || lat === null) {
      const missing = lng === null ? 'lng' : 'lat';
      issues.push({ row: rec.row, column: header(missing), field: missing, code: 'missing_coordinate', severity: 'error',
        message: `${missing === 'lng' ? 'longitude' : 'latitude'} is empty while the other coordinate is given` });
      return undefined;
    }
  }
  const where = { row: rec.row, column: header('lng'), field: 'lng' };
  const value = `${lng}, ${lat}`;
  if (Math.abs(lng) > 1000 || Math.abs(lat) > 1000) {
    issues.push({ ...where, code: 'bad_number', severity: 'error', value,
      message: `${value} look like projected metres; give longitude/latitude in degrees (${CRS_LABEL[ctx.crs]})` });
    return undefined;
  }
  const swappedInside = valid(lat, lng) && ctx.insideDistrict(...toWgs84(lat, lng, ctx.crs));
  if (!valid(lng, lat) || !ctx.insideDistrict(...toWgs84(lng, lat, ctx.crs))) {
    if (swappedInside) {
      issues.push({ ...where, code: 'lat_lng_swapped', severity: 'error', value,
        message: `longitude and latitude look swapped: (${value}) is outside ${ctx.districtName}, (${lat}, ${lng}) is inside` });
    } else if (!valid(lng, lat)) {
      issues.push({ ...where, code: 'bad_number', severity: 'error', value, message: `(${value}) is not a valid longitude/latitude` });
    } else {
      issues.push({ ...where, code: 'outside_district', severity: 'error', value,
        message: `(${value}, ${CRS_LABEL[ctx.crs]}) lies outside ${ctx.districtName}; check the coordinates and the coordinate system` });
    }
    return undefined;
  }
  const [x, y] = toWgs84(lng, lat, ctx.crs);
  return { lng: x, lat: y };
}
