/** Service-request export for planners and leaders: no tracking code (it lets anyone rate), name and phone masked. */
import type { RequestRow } from '../db/requests-repo.ts';
import { maskContact } from '../engine/requests/index.ts';
import { REQUEST_SERVICE_NAMES } from '../schemas/requests.ts';
import { beijingTime } from './beijing-time.ts';
import type { ExportColumn, ExportRow } from './export-column.ts';

export const REQUEST_EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'id', header: '点单ID', width: 24 },
  { key: 'submittedAt', header: '提交时间（北京时间）', width: 20 },
  { key: 'service', header: '服务', width: 10 },
  { key: 'description', header: '需求描述', width: 40 },
  { key: 'township', header: '乡镇', width: 12 },
  { key: 'villageCode', header: '村（社区）代码', width: 14 },
  { key: 'lng', header: '经度', type: 'number', decimals: 5, width: 11 },
  { key: 'lat', header: '纬度', type: 'number', decimals: 5, width: 11 },
  { key: 'outsideCircle', header: '服务圈外', width: 9 },
  { key: 'status', header: '状态', width: 9 },
  { key: 'site', header: '负责阵地', width: 24 },
  { key: 'team', header: '服务队伍', width: 20 },
  { key: 'dispatchedAt', header: '派单时间', width: 20 },
  { key: 'acceptedAt', header: '接单时间', width: 20 },
  { key: 'doneAt', header: '办结时间', width: 20 },
  { key: 'hoursToDone', header: '办结用时（小时）', type: 'number', decimals: 1, width: 10 },
  { key: 'stars', header: '评分', type: 'number', width: 6 },
  { key: 'ratingComment', header: '评价', width: 30 },
  { key: 'contactName', header: '联系人（已脱敏）', width: 12 },
  { key: 'phone', header: '电话（已脱敏）', width: 14 },
];

export const REQUEST_STATUS_ZH: Record<RequestRow['status'], string> = {
  submitted: '已提交', dispatched: '已派单', accepted: '已接单', done: '已办结', rated: '已评价',
  declined: '已拒单', passed_up: '已上报', cancelled: '已取消', expired: '已过期',
};

const time = (d: Date | null) => (d ? beijingTime(d) : null);

/**
 * Export rows of requests: Beijing times, Chinese names, contacts masked (`138****5678`, `张**`) or "已删除" after erasure.
 * @example
 * ```ts
 * rowsToCsv(REQUEST_EXPORT_COLUMNS, requestExportRows(await listRequests(sql, {})));
 * ```
 */
export function requestExportRows(rows: RequestRow[]): ExportRow[] {
  return rows.map((r) => ({
    id: r.id, submittedAt: time(r.submitted_at),
    service: REQUEST_SERVICE_NAMES[r.service as keyof typeof REQUEST_SERVICE_NAMES] ?? r.service, description: r.description,
    township: r.township_name, villageCode: r.village_code, lng: r.lng, lat: r.lat,
    outsideCircle: r.outside_circle === null ? '大致位置' : r.outside_circle ? '是' : '否',
    status: REQUEST_STATUS_ZH[r.status], site: r.site_name, team: r.team_name,
    dispatchedAt: time(r.dispatched_at), acceptedAt: time(r.accepted_at), doneAt: time(r.done_at),
    hoursToDone: r.done_at ? (r.done_at.getTime() - r.submitted_at.getTime()) / 3_600_000 : null,
    stars: r.stars, ratingComment: r.rating_comment,
    contactName: r.erased_at ? '已删除' : maskContact(r.contact_name, 'name'), phone: r.erased_at ? '已删除' : maskContact(r.phone, 'phone'),
  }));
}
