/** Township coverage and coverage-gap tables (rows for CSV/XLSX) from the engine's coverage results. */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CoverageGapProperties, QuotaItem } from '../engine/types.ts';
import { SITE_KIND_NAMES, type SiteKind } from '../schemas/sites.ts';
import type { ExportColumn, ExportRow } from './export-column.ts';

/** One township line of the coverage report (services/coverage-service.ts `report.townships`). */
export interface TownshipReportLine {
  code: string; name: string; population: number; covered: number; share: number | null;
  olderPopulation: number; olderCovered: number; approximate: boolean;
  counts: Record<string, number>; unplaced: number; quotaMet: boolean;
  /** Quota lines by kind (what is met, short or over). */
  quota?: QuotaItem[];
}

/** The district totals and district-level quotas (report.totals and report.district). */
export interface DistrictReportLine {
  population: number; covered: number; share: number | null; olderPopulation: number; olderCovered: number;
  counts: Record<string, number>; quota: QuotaItem[];
}

export const TOWNSHIP_COVERAGE_COLUMNS: ExportColumn[] = [
  { key: 'code', header: '乡镇代码', width: 12 },
  { key: 'name', header: '乡镇', width: 12 },
  { key: 'population', header: '人口', type: 'number', decimals: 0 },
  { key: 'covered', header: '覆盖人口', type: 'number', decimals: 0 },
  { key: 'share', header: '覆盖率', type: 'percent', decimals: 1 },
  { key: 'olderPopulation', header: '65岁以上人口', type: 'number', decimals: 0, width: 14 },
  { key: 'olderCovered', header: '65岁以上覆盖人口', type: 'number', decimals: 0, width: 18 },
  { key: 'olderShare', header: '65岁以上覆盖率', type: 'percent', decimals: 1, width: 16 },
  { key: 'institutes', header: '实践所', type: 'number', decimals: 0 },
  { key: 'stations', header: '实践站', type: 'number', decimals: 0 },
  { key: 'squares', header: '广场', type: 'number', decimals: 0 },
  { key: 'bases', header: '基地', type: 'number', decimals: 0 },
  { key: 'points', header: '实践点', type: 'number', decimals: 0 },
  { key: 'unplaced', header: '未放置站点', type: 'number', decimals: 0, width: 12 },
  { key: 'quotaMet', header: '配额达标', type: 'boolean' },
  { key: 'quotaShort', header: '缺额（按类型）', width: 30 },
  { key: 'quotaOver', header: '超额（按类型）', width: 20 },
  { key: 'quotaMetItems', header: '已达标（按类型）', width: 30 },
  { key: 'area', header: '乡镇范围', width: 22 },
];

/**
 * Township lines of a coverage report → rows (shares as fractions, site counts by kind, area provenance).
 * @example townshipCoverageRows(report.townships)
 */
export function townshipCoverageRows(lines: TownshipReportLine[]): ExportRow[] {
  return lines.map((t) => ({
    code: t.code, name: t.name, population: t.population, covered: t.covered, share: t.share,
    olderPopulation: t.olderPopulation, olderCovered: t.olderCovered,
    olderShare: t.olderPopulation > 0 ? t.olderCovered / t.olderPopulation : null,
    institutes: t.counts.institute ?? 0, stations: t.counts.station ?? 0, squares: t.counts.square ?? 0,
    bases: t.counts.base ?? 0, points: t.counts.point ?? 0, unplaced: t.unplaced, quotaMet: t.quotaMet,
    ...quotaColumns(t.quota ?? []),
    area: t.approximate ? '近似（按最近乡镇驻地划分）' : '导入的乡镇边界',
  }));
}

/**
 * The 全区 row, as on screen: population and coverage summed over the townships; quota columns hold the
 * district-level quotas (squares, bases, demonstration sites), not the townships' quotas added up.
 */
export function districtCoverageRow(d: DistrictReportLine, unplaced: number): ExportRow {
  return {
    code: '全区', name: '全区（区级指标；人口与覆盖为各乡镇合计）', population: d.population, covered: d.covered, share: d.share,
    olderPopulation: d.olderPopulation, olderCovered: d.olderCovered, olderShare: d.olderPopulation > 0 ? d.olderCovered / d.olderPopulation : null,
    institutes: d.counts.institute ?? 0, stations: d.counts.station ?? 0, squares: d.counts.square ?? 0,
    bases: d.counts.base ?? 0, points: d.counts.point ?? 0, unplaced, quotaMet: d.quota.every((i) => i.status === 'met'),
    ...quotaColumns(d.quota), area: '',
  };
}

const itemText = (i: QuotaItem) => {
  const kind = `${i.demonstration ? '示范' : ''}${SITE_KIND_NAMES[i.kind as SiteKind]?.zh ?? i.kind}`;
  const req = i.required.max === undefined ? `≥${i.required.min}` : i.required.max === i.required.min ? `${i.required.min}` : `${i.required.min}–${i.required.max}`;
  return `${kind} ${i.actual}/${req}`;
};
const quotaColumns = (items: QuotaItem[]) => ({
  quotaShort: items.filter((i) => i.status === 'short').map(itemText).join('、'),
  quotaOver: items.filter((i) => i.status === 'over').map(itemText).join('、'),
  quotaMetItems: items.filter((i) => i.status === 'met').map(itemText).join('、'),
});

export const GAP_COLUMNS: ExportColumn[] = [
  { key: 'rank', header: '排序', type: 'number', decimals: 0 },
  { key: 'township', header: '乡镇', width: 12 },
  { key: 'population', header: '未覆盖人口', type: 'number', decimals: 0, width: 12 },
  { key: 'olderPopulation', header: '其中65岁以上', type: 'number', decimals: 0, width: 14 },
  { key: 'areaKm2', header: '面积（平方公里）', type: 'number', decimals: 2, width: 16 },
  { key: 'demandPointCount', header: '需求点数', type: 'number', decimals: 0 },
  { key: 'nearestSite', header: '最近站点', width: 30 },
  { key: 'nearestMinutes', header: '到最近站点（分钟）', type: 'number', decimals: 1, width: 18 },
  { key: 'centerLng', header: '中心经度', type: 'number', decimals: 6, width: 12 },
  { key: 'centerLat', header: '中心纬度', type: 'number', decimals: 6, width: 12 },
];

/**
 * Gap polygons → rows (one per gap, with its population-weighted centre for finding it on a map).
 * @example gapRows(gaps.features, townshipNames, siteNames)
 */
export function gapRows(
  gaps: Feature<Polygon | MultiPolygon, CoverageGapProperties>[], townshipNames: Map<string, string>, siteNames: Map<string, string>,
): ExportRow[] {
  return gaps.map((g) => {
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    const polys = g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates;
    for (const poly of polys) for (const [x, y] of poly[0] ?? []) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
    const p = g.properties;
    return {
      rank: p.rank, township: p.townshipCode ? (townshipNames.get(p.townshipCode) ?? p.townshipCode) : '',
      population: p.population, olderPopulation: p.olderPopulation, areaKm2: p.areaKm2, demandPointCount: p.demandPointCount,
      nearestSite: p.nearestSiteId ? (siteNames.get(p.nearestSiteId) ?? p.nearestSiteId) : '',
      nearestMinutes: p.nearestMinutes,
      centerLng: Number.isFinite(p.centerLng) ? p.centerLng : Number.isFinite(w) ? (w + e) / 2 : null,
      centerLat: Number.isFinite(p.centerLat) ? p.centerLat : Number.isFinite(s) ? (s + n) / 2 : null,
    };
  });
}
