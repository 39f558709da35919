/** Site register export: the same columns the importer reads, so an export can be edited and re-imported. */
import { SITE_KIND_NAMES, type SiteFeature } from '../schemas/sites.ts';
import type { ExportColumn, ExportRow } from './export-column.ts';
import { message } from '../schemas/messages.ts'; // one vocabulary with the UI: 现有 (the importer still reads 已建 too)

export const SITE_EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'id', header: '站点ID', width: 22 },
  { key: 'code', header: '编码', width: 14 },
  { key: 'name', header: '名称', width: 30 },
  { key: 'kind', header: '类型', width: 20 },
  { key: 'township', header: '乡镇', width: 12 },
  { key: 'village', header: '村（社区）', width: 16 },
  { key: 'lng', header: '经度', type: 'number', decimals: 6, width: 12 },
  { key: 'lat', header: '纬度', type: 'number', decimals: 6, width: 12 },
  { key: 'precision', header: '位置精度', width: 10 },
  { key: 'status', header: '状态', width: 8 },
  { key: 'demonstration', header: '是否示范', type: 'boolean' },
  { key: 'hasSign', header: '有标识', type: 'boolean' },
  { key: 'hasStaff', header: '有人员', type: 'boolean' },
  { key: 'hasActivities', header: '有活动', type: 'boolean' },
  { key: 'hasProjects', header: '有项目', type: 'boolean' },
  { key: 'hasRules', header: '有制度', type: 'boolean' },
  { key: 'address', header: '地址', width: 30 },
  { key: 'contact', header: '联系人', width: 10 },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'openingHours', header: '开放时间', width: 24 },
  { key: 'notes', header: '备注', width: 40 },
];

const PRECISION_ZH = { exact: '精确', approximate: '近似' } as const;

/**
 * Site features → export rows with Chinese kind, status and place names; coordinates WGS-84.
 * @example siteExportRows(features, townshipNames, villageNames)
 */
export function siteExportRows(features: SiteFeature[], townshipNames: Map<string, string>, villageNames: Map<string, string>): ExportRow[] {
  return features.map(({ properties: p }) => ({
    id: p.id, code: p.code ?? '', name: p.name, kind: SITE_KIND_NAMES[p.kind].zh,
    township: p.townshipCode ? (townshipNames.get(p.townshipCode) ?? p.townshipCode) : '',
    village: p.villageCode ? (villageNames.get(p.villageCode) ?? p.villageCode) : '',
    lng: p.lng, lat: p.lat, precision: p.placed ? PRECISION_ZH[p.locationPrecision] : '未放置',
    status: message('zh', `status.${p.status}`), demonstration: p.demonstration, hasSign: p.hasSign, hasStaff: p.hasStaff,
    hasActivities: p.hasActivities, hasProjects: p.hasProjects, hasRules: p.hasRules,
    address: p.address, contact: p.contact, phone: p.phone, openingHours: p.openingHours, notes: p.notes,
  }));
}
