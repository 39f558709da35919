import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { listTownships, listVillages } from '../db/reference-repo.ts';
import { listSites } from '../db/sites-repo.ts';
import { featuresToGeoJson } from '../export/features-to-geojson.ts';
import { rowsToCsv } from '../export/rows-to-csv.ts';
import { rowsToXlsx } from '../export/rows-to-xlsx.ts';
import { SITE_EXPORT_COLUMNS, siteExportRows } from '../export/site-export.ts';
import { SiteQuerySchema, type SiteQuery } from '../schemas/sites.ts';
import type { Sql } from '../db/client.ts';

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/** Content-Disposition with an ASCII fallback and the UTF-8 (Chinese) file name. */
export function attachment(asciiName: string, utf8Name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}

async function siteTable(sql: Sql, q: SiteQuery) {
  const [features, townships, villages] = await Promise.all([listSites(sql, q), listTownships(sql), listVillages(sql)]);
  const rows = siteExportRows(features, new Map(townships.map((t) => [t.code, t.name])), new Map(villages.map((v) => [v.code, v.name])));
  return { features, rows };
}

function download(c: Context, body: string | Uint8Array, type: string, ascii: string, utf8: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', attachment(ascii, utf8));
  return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>), 200);
}

/** Downloads: the site register as GeoJSON, CSV (UTF-8 BOM, CRLF) or XLSX, with the columns the importer reads. */
export const exportRoutes = new Hono<AppEnv>()
  .get('/sites.geojson', validate('query', SiteQuerySchema), async (c) => {
    const { features } = await siteTable(c.var.deps.db.sql, c.req.valid('query'));
    const doc = featuresToGeoJson(features, { title: '朝天区新时代文明实践阵地', exportedAt: new Date().toISOString() });
    return download(c, JSON.stringify(doc), 'application/geo+json; charset=utf-8', `sites-${stamp()}.geojson`, `朝天区站点-${stamp()}.geojson`);
  })
  .get('/sites.csv', validate('query', SiteQuerySchema), async (c) => {
    const { rows } = await siteTable(c.var.deps.db.sql, c.req.valid('query'));
    return download(c, rowsToCsv(SITE_EXPORT_COLUMNS, rows), 'text/csv; charset=utf-8', `sites-${stamp()}.csv`, `朝天区站点-${stamp()}.csv`);
  })
  .get('/sites.xlsx', validate('query', SiteQuerySchema), async (c) => {
    const { rows } = await siteTable(c.var.deps.db.sql, c.req.valid('query'));
    const bytes = await rowsToXlsx([{ name: '站点', columns: SITE_EXPORT_COLUMNS, rows }]);
    return download(c, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `sites-${stamp()}.xlsx`, `朝天区站点-${stamp()}.xlsx`);
  });
