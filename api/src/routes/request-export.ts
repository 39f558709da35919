import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { auditActor } from '../http/auth.ts';
import { clientKey } from '../http/client-key.ts';
import { inTransaction } from '../db/client.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { listRequests } from '../db/requests-repo.ts';
import { CSV_TYPE, download, stamp, XLSX_TYPE } from '../http/download.ts';
import { rowsToCsv } from '../export/rows-to-csv.ts';
import { rowsToXlsx } from '../export/rows-to-xlsx.ts';
import { beijingTime } from '../export/beijing-time.ts';
import { REQUEST_EXPORT_COLUMNS, requestExportRows } from '../export/request-export.ts';
import { RequestListQuerySchema, type RequestListQuery } from '../schemas/requests.ts';

/** The requests of a query as export rows, the export audited (who, format, filters, how many) in its own transaction. */
async function exportTable(c: Context<AppEnv>, q: RequestListQuery, format: 'csv' | 'xlsx') {
  const sql = c.var.deps.db.sql;
  const rows = requestExportRows(await listRequests(sql, c.var.district, q));
  await inTransaction(sql, (tx) => recordAudit(tx, { actor: auditActor(c), action: 'request.export', entity: 'request', details: { format, filters: q, rows: rows.length } }));
  return rows;
}

/** A whole file is built in memory: one export at a time per client, a few at once overall (the job queue). */
const queued = <T>(c: Context<AppEnv>, work: () => Promise<T>) => c.var.deps.jobs.run(clientKey(c), work, c.req.raw.signal);

/**
 * Downloads of service requests for planners and leaders (CSV, XLSX): name and phone masked, no tracking codes.
 * Mounted under /requests (no middleware here: a sub-app's `use('*')` would wrap every /requests route).
 */
export const requestExportRoutes = new Hono<AppEnv>()
  .get('/export.csv', validate('query', RequestListQuerySchema), async (c) => queued(c, async () => {
    const rows = await exportTable(c, c.req.valid('query'), 'csv');
    return download(c, rowsToCsv(REQUEST_EXPORT_COLUMNS, rows), CSV_TYPE, `requests-${stamp()}.csv`, `群众点单-${stamp()}.csv`);
  }))
  .get('/export.xlsx', validate('query', RequestListQuerySchema), async (c) => queued(c, async () => {
    const q = c.req.valid('query');
    const rows = await exportTable(c, q, 'xlsx');
    const notes = {
      name: '说明', columns: [{ key: 'k', header: '项目', width: 16 }, { key: 'v', header: '内容', width: 90 }],
      rows: [
        { k: '导出时间', v: `${beijingTime(new Date())}（北京时间）` },
        { k: '筛选条件', v: Object.entries(q).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`).join('；') || '全部' },
        { k: '条数', v: String(rows.length) },
        { k: '个人信息', v: '联系人与电话已脱敏（如 张**、138****5678）；超过保存期限的已删除。不含查询码。' },
        { k: '服务圈外', v: '提交时按当时的服务圈判断；"大致位置"为只选了村、未判断。' },
      ],
    };
    const bytes = await rowsToXlsx([{ name: '点单', columns: REQUEST_EXPORT_COLUMNS, rows }, notes]);
    return download(c, bytes, XLSX_TYPE, `requests-${stamp()}.xlsx`, `群众点单-${stamp()}.xlsx`);
  }));
