import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { principalOf } from '../http/auth.ts';
import { AuditQuerySchema, type AuditQuery } from '../schemas/auth.ts';
import { listAudit, type AuditEntry } from '../db/audit-repo.ts';
import { rowsToCsv } from '../export/rows-to-csv.ts';
import { rowsToXlsx } from '../export/rows-to-xlsx.ts';
import type { ExportColumn } from '../export/export-column.ts';
import { CSV_TYPE, download, stamp, XLSX_TYPE } from '../http/download.ts';
import { clientKey } from '../http/client-key.ts';
import { beijingTime } from '../export/beijing-time.ts';

const AUDIT_COLUMNS: ExportColumn[] = [
  { key: 'at', header: '时间（北京时间）', width: 22 }, { key: 'username', header: '用户', width: 14 }, { key: 'role', header: '角色', width: 14 },
  { key: 'address', header: '来源地址', width: 16 }, { key: 'action', header: '操作', width: 18 }, { key: 'entity', header: '对象类型', width: 10 },
  { key: 'entityId', header: '对象', width: 20 }, { key: 'townshipCode', header: '乡镇代码', width: 12 }, { key: 'siteId', header: '站点', width: 20 },
  { key: 'before', header: '修改前 (JSON)', width: 50 }, { key: 'after', header: '修改后 (JSON)', width: 50 }, { key: 'details', header: '详情 (JSON)', width: 40 },
];

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
const exportRows = (rows: AuditEntry[]) => rows.map((r) => ({ ...r, at: beijingTime(r.at), before: json(r.before), after: json(r.after), details: json(r.details) }));

/**
 * The audit query as this account may see it: the rows of the request's district plus the account rows (no district);
 * a township editor only sees rows of their townships.
 */
function scoped(c: Context<AppEnv>, q: AuditQuery) {
  const p = principalOf(c);
  const inDistrict = { ...q, district: c.var.district, withAccounts: true };
  return p.role === 'township_editor' ? { ...inDistrict, townshipsIn: p.user.townships } : inDistrict;
}

/** The audit trail (newest first), filterable by site, user, township, action and date; CSV and XLSX downloads. */
export const auditRoutes = new Hono<AppEnv>()
  .get('/', validate('query', AuditQuerySchema), async (c) =>
    c.json({ entries: await listAudit(c.var.deps.db.sql, scoped(c, c.req.valid('query'))) }, 200))
  // Downloads of up to 100,000 rows: behind the job queue like the other exports.
  .get('/export.csv', validate('query', AuditQuerySchema), async (c) => {
    const rows = await c.var.deps.jobs.run(clientKey(c), () => listAudit(c.var.deps.db.sql, { limit: 100_000, ...scoped(c, c.req.valid('query')) }), c.req.raw.signal);
    return download(c, rowsToCsv(AUDIT_COLUMNS, exportRows(rows)), CSV_TYPE, `audit-${stamp()}.csv`, `操作记录-${stamp()}.csv`);
  })
  .get('/export.xlsx', validate('query', AuditQuerySchema), async (c) => {
    const bytes = await c.var.deps.jobs.run(clientKey(c), async () => {
      const rows = await listAudit(c.var.deps.db.sql, { limit: 100_000, ...scoped(c, c.req.valid('query')) });
      return rowsToXlsx([{ name: '操作记录', columns: AUDIT_COLUMNS, rows: exportRows(rows) }]);
    }, c.req.raw.signal);
    return download(c, bytes, XLSX_TYPE, `audit-${stamp()}.xlsx`, `操作记录-${stamp()}.xlsx`);
  });
