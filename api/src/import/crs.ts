import gcoord from 'gcoord';

/** Coordinate systems accepted on import: WGS-84 (GPS), GCJ-02 (Amap/Tencent) and BD-09 (Baidu). */
export const IMPORT_CRS = ['wgs84', 'gcj02', 'bd09'] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

export const CRS_LABEL: Record<ImportCrs, string> = { wgs84: 'WGS-84', gcj02: 'GCJ-02', bd09: 'BD-09' };

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * Converts one point from `crs` to WGS-84 with gcoord, then refines it with gcoord's forward transform
 * (wgs −= forward(wgs) − input) until the residual is below 1e-9° (≈ 0.1 mm); gcoord's own inverse alone
 * can be off by ~0.1 m.
 * @example toWgs84(106.154, 32.638, 'gcj02') // ≈ [106.15, 32.64]
 */
export function toWgs84(lng: number, lat: number, crs: ImportCrs): [number, number] {
  if (crs === 'wgs84') return [lng, lat];
  const from = GCOORD_CRS[crs];
  let [x, y] = gcoord.transform([lng, lat] as [number, number], from, gcoord.WGS84) as [number, number];
  for (let i = 0; i < 5; i++) {
    const [fx, fy] = gcoord.transform([x, y] as [number, number], gcoord.WGS84, from) as [number, number];
    const dx = fx - lng, dy = fy - lat;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
  }
  return [x, y];
}

/** Datum note stored with a data source: "WGS-84" or "WGS-84 (converted from GCJ-02 with gcoord)". */
export function datumNote(crs: ImportCrs): string {
  return crs === 'wgs84' ? 'WGS-84' : `WGS-84 (converted from ${CRS_LABEL[crs]} with gcoord)`;
}
