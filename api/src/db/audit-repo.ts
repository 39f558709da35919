import { z } from 'zod';
import type { Sql } from './client.ts';
import { int8, isoTimestamp, parseRows } from './rows.ts';

/** Who did it and from where; routes build it with `auditActor(c)` (http/auth.ts). */
export interface AuditActor {
  userId: string | null;
  username: string;
  role: string | null;
  address: string;
  /** The district the request is about (null for accounts and settings); `auditActor(c)` sets it. */
  district?: string | null;
}

export interface AuditInput {
  actor: AuditActor;
  /** `entity.verb`, e.g. `site.create`, `site.move`, `import.sites`, `scenario.accept`, `user.update`. */
  action: string;
  entity: string;
  entityId?: string | null;
  townshipCode?: string | null;
  siteId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

export interface AuditEntry {
  id: number; at: string; userId: string | null; username: string; role: string | null; address: string;
  action: string; entity: string; entityId: string | null; townshipCode: string | null; siteId: string | null;
  before: unknown; after: unknown; details: unknown;
}

/**
 * Appends one audit row. Call it with the transaction of the write it describes, so that the change
 * and its record are committed together or not at all.
 * @example await recordAudit(tx, { actor: auditActor(c), action: 'site.delete', entity: 'site', entityId: id, siteId: id, before })
 */
export async function recordAudit(tx: Sql, e: AuditInput): Promise<void> {
  const json = (v: unknown) => (v === undefined || v === null ? null : tx.json(JSON.parse(JSON.stringify(v))));
  await tx`
    INSERT INTO audit_log (district_code, user_id, username, role, address, action, entity, entity_id, township_code, site_id, before, after, details)
    VALUES (${e.actor.district ?? null}, ${e.actor.userId}, ${e.actor.username}, ${e.actor.role}, ${e.actor.address}, ${e.action}, ${e.entity},
            ${e.entityId ?? null}, ${e.townshipCode ?? null}, ${e.siteId ?? null}, ${json(e.before)}, ${json(e.after)}, ${json(e.details)})`;
}

export interface AuditQuery {
  /** Only rows about this district (and, with `withAccounts`, the rows about no district). */
  district?: string;
  withAccounts?: boolean;
  site?: string;
  user?: string;
  township?: string;
  /** Only these townships (a township editor's view); rows with no township are left out. */
  townshipsIn?: string[];
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: number;
}

const AuditRow = z.object({
  id: int8, at: isoTimestamp, user_id: z.string().nullable(), username: z.string(), role: z.string().nullable(), address: z.string(),
  action: z.string(), entity: z.string(), entity_id: z.string().nullable(), township_code: z.string().nullable(),
  site_id: z.string().nullable(), before: z.unknown(), after: z.unknown(), details: z.unknown(),
});

/** Audit rows, newest first. `user` matches the user id or the username; `to` is inclusive of that day. */
export async function listAudit(sql: Sql, q: AuditQuery): Promise<AuditEntry[]> {
  const rows = parseRows(AuditRow, await sql`
    SELECT * FROM audit_log WHERE true
    ${q.district ? (q.withAccounts ? sql`AND (district_code = ${q.district} OR district_code IS NULL)` : sql`AND district_code = ${q.district}`) : sql``}
    ${q.site ? sql`AND site_id = ${q.site}` : sql``}
    ${q.user ? sql`AND (user_id = ${q.user} OR lower(username) = lower(${q.user}))` : sql``}
    ${q.township ? sql`AND township_code = ${q.township}` : sql``}
    ${q.townshipsIn ? sql`AND township_code IN ${sql(q.townshipsIn.length ? q.townshipsIn : [''])}` : sql``}
    ${q.action ? sql`AND action = ${q.action}` : sql``}
    ${q.from ? sql`AND at >= ${q.from}::date` : sql``}
    ${q.to ? sql`AND at < ${q.to}::date + 1` : sql``}
    ${q.before ? sql`AND id < ${q.before}` : sql``}
    ORDER BY at DESC, id DESC LIMIT ${q.limit ?? 500}`);
  return rows.map((r) => ({
    id: r.id, at: r.at, userId: r.user_id, username: r.username, role: r.role, address: r.address,
    action: r.action, entity: r.entity, entityId: r.entity_id, townshipCode: r.township_code, siteId: r.site_id,
    before: r.before, after: r.after, details: r.details,
  }));
}

/** The site as it was just before its latest deletion, if it was deleted (for restoring it). */
export async function lastDeletedSite(sql: Sql, district: string, siteId: string): Promise<Record<string, unknown> | null> {
  const [r] = parseRows(z.object({ before: z.record(z.string(), z.unknown()).nullable() }),
    await sql`SELECT before FROM audit_log WHERE district_code = ${district} AND site_id = ${siteId} AND action = 'site.delete' ORDER BY at DESC, id DESC LIMIT 1`);
  return r?.before ?? null;
}
