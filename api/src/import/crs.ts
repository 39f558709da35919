import gcoord from 'gcoord';

/** Coordinate systems accepted on import: WGS-84 (GPS), GCJ-02 (Amap/Tencent) and BD-09 (Baidu). */
export const IMPORT_CRS = ['wgs84', 'gcj02', 'bd09'] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

export const CRS_LABEL: Record<ImportCrs, string> = { wgs84: 'WGS-84', gcj02: 'GCJ-02', bd09: 'BD-09' };

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** Residual, in degrees, below which the inverse is refined no further (1e-10° ≈ 0.01 mm). */
export const REFINE_TOLERANCE_DEGREES = 1e-10;
const MAX_REFINE_STEPS = 50;

/**
 * Converts one point from `crs` to WGS-84 with gcoord, then refines it with gcoord's exact forward transform
 * (wgs −= forward(wgs) − input) until the residual is below {@link REFINE_TOLERANCE_DEGREES}: gcoord's own inverse
 * stops at 1e-6° and can be off by ~0.1 m. The one conversion of imports, the browser and the geodata build.
 * @example toWgs84(106.154, 32.638, 'gcj02') // ≈ [106.15, 32.64]
 */
export function toWgs84(lng: number, lat: number, crs: ImportCrs): [number, number] {
  if (crs === 'wgs84') return [lng, lat];
  const from = GCOORD_CRS[crs];
  let [x, y] = gcoord.transform([lng, lat] as [number, number], from, gcoord.WGS84) as [number, number];
  for (let step = 0; step < MAX_REFINE_STEPS; step++) {
    const [fx, fy] = gcoord.transform([x, y] as [number, number], gcoord.WGS84, from) as [number, number];
    const dx = fx - lng, dy = fy - lat;
    if (Math.abs(dx) < REFINE_TOLERANCE_DEGREES && Math.abs(dy) < REFINE_TOLERANCE_DEGREES) return [x, y];
    x -= dx;
    y -= dy;
  }
  throw new Error(`toWgs84: no convergence for ${lng},${lat} (${crs})`);
}

/** Datum note stored with a data source: "WGS-84" or "WGS-84 (converted from GCJ-02 with gcoord)". */
export function datumNote(crs: ImportCrs): string {
  return crs === 'wgs84' ? 'WGS-84' : `WGS-84 (converted from ${CRS_LABEL[crs]} with gcoord)`;
}
