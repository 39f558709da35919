import { Hono } from 'hono';
import { beijingTime } from '../export/beijing-time.ts';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { clientKey } from '../http/client-key.ts';
import { listTownships, listVillages } from '../db/reference-repo.ts';
import { listSites } from '../db/sites-repo.ts';
import { featuresToGeoJson } from '../export/features-to-geojson.ts';
import { rowsToCsv } from '../export/rows-to-csv.ts';
import { CSV_TYPE, download, stamp, XLSX_TYPE } from '../http/download.ts';
import { rowsToXlsx } from '../export/rows-to-xlsx.ts';
import { SITE_EXPORT_COLUMNS, siteExportRows } from '../export/site-export.ts';
import { SITE_KIND_NAMES, SiteQuerySchema, type SiteQuery } from '../schemas/sites.ts';
import type { Sql } from '../db/client.ts';
import { listTownshipBoundaries } from '../db/reference-repo.ts';
import { GAP_COLUMNS, TOWNSHIP_COVERAGE_COLUMNS, districtCoverageRow, gapRows, townshipCoverageRows } from '../export/coverage-export.ts';
import type { ExportSheet } from '../export/rows-to-xlsx.ts';
import { CoverageQuerySchema, type CoverageQuery } from '../schemas/coverage.ts';
import type { CoverageService } from '../services/coverage-service.ts';
import { demandMethodText, message } from '../schemas/messages.ts';

import { townshipAreaFeatures } from '../services/coverage-views.ts';
import { districtNameOf } from '../services/district-packs.ts';

async function siteTable(sql: Sql, district: string, q: SiteQuery) {
  const [features, townships, villages] = await Promise.all([listSites(sql, district, q), listTownships(sql, district), listVillages(sql, district)]);
  const rows = siteExportRows(features, new Map(townships.map((t) => [t.code, t.name])), new Map(villages.map((v) => [v.code, v.name])));
  return { features, rows };
}

/** The coverage report for a query, with the names and the notes every coverage export carries. */
async function coverageTables(coverage: CoverageService, district: string, q: CoverageQuery) {
  const ctx = await coverage.context(district);
  const { report } = coverage.coverageOn(ctx, q);
  const townshipNames = new Map(ctx.townships.map((t) => [t.code, t.name]));
  const siteNames = new Map(ctx.sites.map((s) => [s.properties.id, s.properties.name]));
  const about = {
    exportedAt: new Date().toISOString(), method: report.method, mode: report.mode, minutes: report.minutes, older: report.older,
    speedKmh: report.speedKmh, travelDescription: report.travelDescription, dataVersion: report.dataVersion,
    demand: report.demand, totals: report.totals, siteStatuses: q.status, siteKinds: q.kinds ?? 'all',
  };
  const notes: ExportSheet = {
    name: '说明',
    columns: [{ key: 'k', header: '项目', width: 16 }, { key: 'v', header: '内容', width: 100 }],
    rows: [
      { k: '导出时间', v: `${beijingTime(about.exportedAt)}（北京时间）` },
      { k: '计算方法', v: `${report.method === 'network' ? '路网' : '直线距离'}：${report.travelDescriptionZh}` },
      { k: '出行方式', v: `${message('zh', `mode.${report.mode}`)}${report.older ? '（老年人步速）' : ''}，${report.minutes} 分钟，${report.speedKmh} km/h` },
      {
        k: '需求（人口）',
        v: `${report.demand.methodCode === 'modelled' ? '模型估算人口' : report.demand.name}${report.demand.modelled ? '（模型估算）' : ''}：${demandMethodText(report.demand, 'zh')}`,
      },
      { k: '乡镇归属', v: report.demand.townshipAssignment === 'imported-boundaries' ? '导入的乡镇边界' : '近似：按最近乡镇驻地划分' },
      { k: '站点', v: `状态 ${q.status.map((s) => message('zh', `status.${s}`)).join('、')}；类型 ${q.kinds?.map((k) => SITE_KIND_NAMES[k].zh).join('、') ?? '全部'}` },
      { k: '全区覆盖率', v: `${(report.totals.share * 100).toFixed(1)}%（${report.totals.covered} / ${report.totals.population}）` },
      { k: '数据版本', v: String(report.dataVersion) },
      { k: '坐标系', v: 'WGS-84' },
    ],
  };
  return { ctx, report, townshipNames, siteNames, about, notes };
}

/**
 * Downloads: the site register as GeoJSON, CSV (UTF-8 BOM, CRLF) or XLSX with the columns the importer reads;
 * the coverage report per township and its gaps as CSV/XLSX (with a 说明 sheet on method and data) or GeoJSON.
 */
export const exportRoutes = new Hono<AppEnv>()
  // Every export builds a whole file in memory: one at a time per client, a few at once overall.
  .use('*', async (c, next) => c.var.deps.jobs.run(clientKey(c), () => next(), c.req.raw.signal))
  .get('/sites.geojson', validate('query', SiteQuerySchema), async (c) => {
    const { features } = await siteTable(c.var.deps.db.sql, c.var.district, c.req.valid('query'));
    const doc = featuresToGeoJson(features, { title: `${districtNameOf(c.var.district)}新时代文明实践阵地`, exportedAt: new Date().toISOString() });
    return download(c, JSON.stringify(doc), 'application/geo+json; charset=utf-8', `sites-${stamp()}.geojson`, `${districtNameOf(c.var.district)}站点-${stamp()}.geojson`);
  })
  .get('/sites.csv', validate('query', SiteQuerySchema), async (c) => {
    const { rows } = await siteTable(c.var.deps.db.sql, c.var.district, c.req.valid('query'));
    return download(c, rowsToCsv(SITE_EXPORT_COLUMNS, rows), CSV_TYPE, `sites-${stamp()}.csv`, `${districtNameOf(c.var.district)}站点-${stamp()}.csv`);
  })
  .get('/sites.xlsx', validate('query', SiteQuerySchema), async (c) => {
    const { rows } = await siteTable(c.var.deps.db.sql, c.var.district, c.req.valid('query'));
    const bytes = await rowsToXlsx([{ name: '站点', columns: SITE_EXPORT_COLUMNS, rows }]);
    return download(c, bytes, XLSX_TYPE, `sites-${stamp()}.xlsx`, `${districtNameOf(c.var.district)}站点-${stamp()}.xlsx`);
  })
  // Coverage report downloads (same query as GET /api/coverage): per township and the uncovered gaps.
  .get('/townships.csv', validate('query', CoverageQuerySchema), async (c) => {
    const { report } = await coverageTables(c.var.deps.coverage, c.var.district, c.req.valid('query'));
    const body = rowsToCsv(TOWNSHIP_COVERAGE_COLUMNS, townshipRowsWithDistrict(report));
    return download(c, body, CSV_TYPE, `townships-${stamp()}.csv`, `${districtNameOf(c.var.district)}乡镇覆盖-${stamp()}.csv`);
  })
  .get('/townships.xlsx', validate('query', CoverageQuerySchema), async (c) => {
    const { report, notes } = await coverageTables(c.var.deps.coverage, c.var.district, c.req.valid('query'));
    const bytes = await rowsToXlsx([{ name: '乡镇覆盖', columns: TOWNSHIP_COVERAGE_COLUMNS, rows: townshipRowsWithDistrict(report) }, notes]);
    return download(c, bytes, XLSX_TYPE, `townships-${stamp()}.xlsx`, `${districtNameOf(c.var.district)}乡镇覆盖-${stamp()}.xlsx`);
  })
  .get('/townships.geojson', validate('query', CoverageQuerySchema), async (c) => {
    const { ctx, report, about } = await coverageTables(c.var.deps.coverage, c.var.district, c.req.valid('query'));
    const imported = new Map((await listTownshipBoundaries(c.var.deps.db.sql, c.var.district)).map((b) => [b.code, b.boundary]));
    const approx = new Map(townshipAreaFeatures(ctx).features.map((f) => [f.properties.code, f.geometry]));
    const rows = townshipCoverageRows(report.townships);
    const features = report.townships.map((t, i) => ({
      type: 'Feature' as const,
      geometry: (imported.get(t.code) ?? approx.get(t.code) ?? null) as never,
      properties: { ...rows[i], areaSource: imported.has(t.code) ? 'imported' : 'approximate-nearest-seat' },
    }));
    const doc = featuresToGeoJson(features, { title: `${districtNameOf(c.var.district)}乡镇覆盖`, ...about });
    return download(c, JSON.stringify(doc), 'application/geo+json; charset=utf-8', `townships-${stamp()}.geojson`, `${districtNameOf(c.var.district)}乡镇覆盖-${stamp()}.geojson`);
  })
  .get('/gaps.geojson', validate('query', CoverageQuerySchema), async (c) => {
    const { report, about } = await coverageTables(c.var.deps.coverage, c.var.district, c.req.valid('query'));
    const doc = featuresToGeoJson(report.gaps.features, { title: `${districtNameOf(c.var.district)}服务圈覆盖缺口`, ...about });
    return download(c, JSON.stringify(doc), 'application/geo+json; charset=utf-8', `gaps-${stamp()}.geojson`, `${districtNameOf(c.var.district)}覆盖缺口-${stamp()}.geojson`);
  })
  .get('/gaps.csv', validate('query', CoverageQuerySchema), async (c) => {
    const { report, townshipNames, siteNames } = await coverageTables(c.var.deps.coverage, c.var.district, c.req.valid('query'));
    const body = rowsToCsv(GAP_COLUMNS, gapRows(report.gaps.features, townshipNames, siteNames));
    return download(c, body, CSV_TYPE, `gaps-${stamp()}.csv`, `${districtNameOf(c.var.district)}覆盖缺口-${stamp()}.csv`);
  })
  .get('/gaps.xlsx', validate('query', CoverageQuerySchema), async (c) => {
    const { report, townshipNames, siteNames, notes } = await coverageTables(c.var.deps.coverage, c.var.district, c.req.valid('query'));
    const bytes = await rowsToXlsx([{ name: '覆盖缺口', columns: GAP_COLUMNS, rows: gapRows(report.gaps.features, townshipNames, siteNames) }, notes]);
    return download(c, bytes, XLSX_TYPE, `gaps-${stamp()}.xlsx`, `${districtNameOf(c.var.district)}覆盖缺口-${stamp()}.xlsx`);
  });

/** Township rows and, last, the 全区 row (as the report on screen shows them). */
function townshipRowsWithDistrict(report: Awaited<ReturnType<typeof coverageTables>>['report']) {
  const unplaced = report.townships.reduce((n, t) => n + t.unplaced, 0);
  return [...townshipCoverageRows(report.townships), districtCoverageRow({ ...report.totals, ...report.district }, unplaced)];
}
