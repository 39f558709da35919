import { z } from 'zod';
import type { Sql } from './client.ts';
import { parseRows } from './rows.ts';
import type { RequestListQuery } from '../schemas/requests.ts';
import type { RequestStatus } from '../engine/requests/index.ts';

const ts = z.date().nullable();
/** A service_requests row as stored (personal data included: callers decide what to show). */
const RequestRowSchema = z.object({
  id: z.string(), tracking_code: z.string(), service: z.string(), description: z.string(),
  contact_name: z.string().nullable(), phone: z.string().nullable(), erased_at: ts,
  lng: z.number().nullable(), lat: z.number().nullable(), village_code: z.string().nullable(),
  location_precision: z.enum(['point', 'village']), township_code: z.string().nullable(), outside_circle: z.boolean().nullable(),
  proposed: z.array(z.object({ siteId: z.string(), name: z.string(), minutes: z.number().nullable() })),
  first_site_id: z.string().nullable(), site_id: z.string().nullable(), team_id: z.string().nullable(),
  status: z.enum(['submitted', 'dispatched', 'accepted', 'done', 'rated', 'declined', 'passed_up', 'cancelled', 'expired']),
  reason: z.string(), note: z.string(), stars: z.number().nullable(), rating_comment: z.string(), accepted_by: z.string().nullable(),
  submitted_at: z.date(), dispatched_at: ts, accepted_at: ts, done_at: ts, rated_at: ts, closed_at: ts,
  dispatch_due_at: z.date(), accept_due_at: ts,
  district_code: z.string(), site_name: z.string().nullable(), team_name: z.string().nullable(), township_name: z.string().nullable(),
}).loose();
export type RequestRow = z.infer<typeof RequestRowSchema>;

const SELECT = (sql: Sql) => sql`
  SELECT r.*, s.name AS site_name, t.name AS team_name, tw.name AS township_name
  FROM service_requests r LEFT JOIN sites s ON s.district_code = r.district_code AND s.id = r.site_id
  LEFT JOIN volunteer_teams t ON t.district_code = r.district_code AND t.id = r.team_id
  LEFT JOIN townships tw ON tw.district_code = r.district_code AND tw.code = r.township_code`;

export interface NewRequest {
  district: string; id: string; trackingCode: string; service: string; description: string; contactName: string; phone: string; phoneHash: string; clientHash: string;
  lng: number | null; lat: number | null; villageCode: string | null; precision: 'point' | 'village'; townshipCode: string | null;
  outsideCircle: boolean | null; proposed: { siteId: string; name: string; minutes: number | null }[]; siteId: string | null;
  submittedAt: Date; dispatchDueAt: Date;
}

export async function insertRequest(tx: Sql, r: NewRequest): Promise<RequestRow> {
  await tx`
    INSERT INTO service_requests (district_code, id, tracking_code, service, description, contact_name, phone, phone_hash, client_hash, lng, lat, village_code,
      location_precision, township_code, outside_circle, proposed, first_site_id, site_id, submitted_at, dispatch_due_at)
    VALUES (${r.district}, ${r.id}, ${r.trackingCode}, ${r.service}, ${r.description}, ${r.contactName}, ${r.phone}, ${r.phoneHash}, ${r.clientHash}, ${r.lng}, ${r.lat},
      ${r.villageCode}, ${r.precision}, ${r.townshipCode}, ${r.outsideCircle}, ${tx.json(r.proposed)}, ${r.siteId}, ${r.siteId}, ${r.submittedAt}, ${r.dispatchDueAt})`;
  return (await getRequest(tx, r.district, { id: r.id }))!;
}

/** One request of a district, by id or tracking code. */
export async function getRequest(sql: Sql, district: string, by: { id: string } | { trackingCode: string }): Promise<RequestRow | null> {
  const rows = 'id' in by
    ? await sql`${SELECT(sql)} WHERE r.district_code = ${district} AND r.id = ${by.id}`
    : await sql`${SELECT(sql)} WHERE r.district_code = ${district} AND r.tracking_code = ${by.trackingCode}`;
  return parseRows(RequestRowSchema, rows)[0] ?? null;
}

/** Requests since `since` from one client address, one phone, and first routed to one site (abuse limits). */
export async function recentRequestCounts(sql: Sql, q: { clientHash: string; phoneHash: string; siteId: string | null; since: Date; siteSince: Date }) {
  const [r] = await sql`
    SELECT count(*) FILTER (WHERE client_hash = ${q.clientHash} AND submitted_at >= ${q.since})::int AS client,
           count(*) FILTER (WHERE phone_hash = ${q.phoneHash} AND submitted_at >= ${q.since})::int AS phone,
           count(*) FILTER (WHERE first_site_id = ${q.siteId} AND submitted_at >= ${q.siteSince})::int AS site
    FROM service_requests WHERE submitted_at >= least(${q.since}::timestamptz, ${q.siteSince}::timestamptz)`;
  return { client: Number(r.client), phone: Number(r.phone), site: Number(r.site) };
}

/** What a transition writes besides the status. */
export interface TransitionSet {
  siteId?: string | null; teamId?: string | null; reason?: string; note?: string; stars?: number; ratingComment?: string; acceptedBy?: string;
  dispatchedAt?: Date; acceptedAt?: Date; doneAt?: Date; ratedAt?: Date; closedAt?: Date; acceptDueAt?: Date | null; dispatchDueAt?: Date;
}

/**
 * Moves a request from one of `from` to `to` in one conditional UPDATE: of two callers racing on the same request,
 * exactly one finds it still in `from` and wins; the other gets null.
 */
export async function transitionRequest(tx: Sql, id: string, from: readonly RequestStatus[], to: RequestStatus, set: TransitionSet): Promise<RequestRow | null> {
  const has = (k: keyof TransitionSet) => set[k] !== undefined;
  const updated = await tx`
    UPDATE service_requests SET status = ${to}, updated_at = now()
      ${has('siteId') ? tx`, site_id = ${set.siteId!}` : tx``}
      ${has('teamId') ? tx`, team_id = ${set.teamId!}` : tx``}
      ${has('reason') ? tx`, reason = ${set.reason!}` : tx``}
      ${has('note') ? tx`, note = ${set.note!}` : tx``}
      ${has('stars') ? tx`, stars = ${set.stars!}` : tx``}
      ${has('ratingComment') ? tx`, rating_comment = ${set.ratingComment!}` : tx``}
      ${has('acceptedBy') ? tx`, accepted_by = ${set.acceptedBy!}` : tx``}
      ${has('dispatchedAt') ? tx`, dispatched_at = ${set.dispatchedAt!}` : tx``}
      ${has('acceptedAt') ? tx`, accepted_at = ${set.acceptedAt!}` : tx``}
      ${has('doneAt') ? tx`, done_at = ${set.doneAt!}` : tx``}
      ${has('ratedAt') ? tx`, rated_at = ${set.ratedAt!}` : tx``}
      ${has('closedAt') ? tx`, closed_at = ${set.closedAt!}` : tx``}
      ${has('acceptDueAt') ? tx`, accept_due_at = ${set.acceptDueAt!}` : tx``}
      ${has('dispatchDueAt') ? tx`, dispatch_due_at = ${set.dispatchDueAt!}` : tx``}
    WHERE id = ${id} AND status IN ${tx([...from])}
    RETURNING id, district_code`;
  return updated.length ? getRequest(tx, String(updated[0].district_code), { id }) : null;
}

/** Requests for the inbox or the planners' layer, newest first; `sites` limits them to a dispatcher's sites; dates are Beijing dates. */
export async function listRequests(sql: Sql, district: string, q: RequestListQuery & { sites?: string[] }): Promise<RequestRow[]> {
  const rows = await sql`${SELECT(sql)} WHERE r.district_code = ${district}
    ${q.sites ? sql`AND r.site_id IN ${sql(q.sites.length ? q.sites : [''])}` : sql``}
    ${q.status?.length ? sql`AND r.status IN ${sql(q.status)}` : sql``}
    ${q.service?.length ? sql`AND r.service IN ${sql(q.service)}` : sql``}
    ${q.township ? sql`AND r.township_code = ${q.township}` : sql``}
    ${q.site ? sql`AND r.site_id = ${q.site}` : sql``}
    ${q.from ? sql`AND r.submitted_at >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'` : sql``}
    ${q.to ? sql`AND r.submitted_at < (${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'` : sql``}
    ORDER BY r.submitted_at DESC, r.id LIMIT 5000`;
  return parseRows(RequestRowSchema, rows);
}

/** Open requests nobody accepted by `before` (submitted earlier): candidates for `expire`. */
/** Open requests submitted before `before`, in every district. */
export async function staleRequestIds(sql: Sql, before: Date): Promise<{ id: string; district: string }[]> {
  const rows = await sql`SELECT id, district_code FROM service_requests WHERE status IN ('submitted','dispatched','declined','passed_up') AND submitted_at < ${before}`;
  return rows.map((r) => ({ id: String(r.id), district: String(r.district_code) }));
}

/** Erases name and phone of requests submitted before `before`; returns how many. The phone hash stays for the limits. */
export async function eraseContacts(sql: Sql, before: Date, now: Date): Promise<number> {
  const rows = await sql`UPDATE service_requests SET contact_name = NULL, phone = NULL, erased_at = ${now}
    WHERE erased_at IS NULL AND submitted_at < ${before} RETURNING id`;
  return rows.length;
}

/** A site that can dispatch: station, institute or centre. */
export interface DispatchSite { id: string; name: string; kind: string; townshipCode: string | null; villageCode: string | null }

export async function getDispatchSite(sql: Sql, district: string, id: string): Promise<DispatchSite | null> {
  const [r] = await sql`SELECT id, name, kind, township_code, village_code FROM sites WHERE district_code = ${district} AND id = ${id}`;
  return r ? { id: r.id, name: r.name, kind: r.kind, townshipCode: r.township_code, villageCode: r.village_code } : null;
}

/** The dispatching sites of a level (`kind`), in a township or anywhere; existing ones, stable order. */
export async function dispatchSitesOf(sql: Sql, district: string, kind: 'station' | 'institute' | 'center', where: { townshipCode?: string | null; villageCode?: string }): Promise<DispatchSite[]> {
  const rows = await sql`SELECT id, name, kind, township_code, village_code FROM sites WHERE district_code = ${district} AND kind = ${kind} AND status = 'existing'
    ${where.townshipCode ? sql`AND township_code = ${where.townshipCode}` : sql``}
    ${where.villageCode ? sql`AND village_code = ${where.villageCode}` : sql``}
    ORDER BY id`;
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, townshipCode: r.township_code, villageCode: r.village_code }));
}

export async function teamExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql`SELECT 1 FROM volunteer_teams WHERE id = ${id}`).length > 0;
}

/** The sites a dispatcher works for. */
export async function userSiteIds(sql: Sql, userId: string): Promise<string[]> {
  return (await sql`SELECT site_id FROM user_sites WHERE user_id = ${userId} ORDER BY site_id`).map((r) => String(r.site_id));
}

export async function setUserSites(tx: Sql, userId: string, siteIds: string[]): Promise<void> {
  await tx`DELETE FROM user_sites WHERE user_id = ${userId}`;
  // A row carries its site's district (the key leads with it); an unknown site gets no district, so the composite
  // foreign key rejects it (23503 → 422) as it did before.
  for (const s of [...new Set(siteIds)]) {
    await tx`INSERT INTO user_sites (district_code, user_id, site_id)
      VALUES (coalesce((SELECT district_code FROM sites WHERE id = ${s}), ''), ${userId}, ${s})`;
  }
}

/** The figures of one group of requests: counts, average stars, overdue, outside the circles, mean response hours. */
const STAT_COLUMNS = (sql: Sql, now: Date) => sql`
      count(*)::int AS requests,
      count(*) FILTER (WHERE r.status IN ('done','rated'))::int AS done,
      avg(r.stars)::float8 AS average_stars,
      count(*) FILTER (WHERE (r.status IN ('submitted','passed_up','declined') AND r.dispatch_due_at < ${now})
                          OR (r.status = 'dispatched' AND r.accept_due_at < ${now}))::int AS overdue,
      count(*) FILTER (WHERE r.outside_circle)::int AS outside_circle,
      avg(extract(epoch FROM r.accepted_at - r.submitted_at) / 3600)::float8 AS hours_to_accept,
      avg(extract(epoch FROM r.done_at - r.submitted_at) / 3600)::float8 AS hours_to_done`;
const MONTH = (sql: Sql) => sql`to_char(r.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);
const statFigures = (r: Record<string, unknown>) => ({
  requests: Number(r.requests), done: Number(r.done), averageStars: num(r.average_stars), overdue: Number(r.overdue),
  outsideCircle: Number(r.outside_circle), hoursToAccept: num(r.hours_to_accept), hoursToDone: num(r.hours_to_done),
});

/** Per township and month (Beijing): requests, done (done or rated), average stars, overdue (open past a due time), outside circle, response hours. */
export async function requestStats(sql: Sql, district: string, q: { month?: string; now: Date }) {
  const rows = await sql`
    SELECT r.township_code, tw.name AS township_name, ${MONTH(sql)} AS month, ${STAT_COLUMNS(sql, q.now)}
    FROM service_requests r LEFT JOIN townships tw ON tw.district_code = r.district_code AND tw.code = r.township_code
    WHERE r.district_code = ${district}
    ${q.month ? sql`AND ${MONTH(sql)} = ${q.month}` : sql``}
    GROUP BY 1, 2, 3 ORDER BY 3 DESC, 1`;
  return rows.map((r) => ({
    townshipCode: r.township_code as string | null, townshipName: r.township_name as string | null, month: String(r.month), ...statFigures(r),
  }));
}

/** The same figures per site now handling the requests (response times per site), per month. */
export async function requestSiteStats(sql: Sql, district: string, q: { month?: string; now: Date }) {
  const rows = await sql`
    SELECT r.site_id, s.name AS site_name, s.kind AS site_kind, s.township_code, ${MONTH(sql)} AS month, ${STAT_COLUMNS(sql, q.now)}
    FROM service_requests r LEFT JOIN sites s ON s.district_code = r.district_code AND s.id = r.site_id
    WHERE r.district_code = ${district}
    ${q.month ? sql`AND ${MONTH(sql)} = ${q.month}` : sql``}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 5 DESC, 4, 2`;
  return rows.map((r) => ({
    siteId: r.site_id as string | null, siteName: r.site_name as string | null, siteKind: r.site_kind as string | null,
    townshipCode: r.township_code as string | null, month: String(r.month), ...statFigures(r),
  }));
}

/**
 * Observed demand for the planner: the place of every request submitted in [from, to] except cancelled ones (one
 * point each), how many had only a village (no point, left out), and the first and last submission dates.
 */
export async function requestDemandPoints(sql: Sql, district: string, q: { from?: string; to?: string }) {
  const rows = await sql`
    SELECT lng, lat, township_code, to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
    FROM service_requests WHERE district_code = ${district} AND status <> 'cancelled'
    ${q.from ? sql`AND submitted_at >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'` : sql``}
    ${q.to ? sql`AND submitted_at < (${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'` : sql``}
    ORDER BY submitted_at, id`;
  const parsed = parseRows(z.object({ lng: z.number().nullable(), lat: z.number().nullable(), township_code: z.string().nullable(), day: z.string() }), rows);
  const placed = parsed.filter((r) => r.lng !== null && r.lat !== null);
  return {
    points: placed.map((r) => ({ lng: r.lng!, lat: r.lat!, townshipCode: r.township_code, weight: 1 })),
    villageOnly: parsed.length - placed.length,
    firstDay: parsed[0]?.day ?? null, lastDay: parsed.at(-1)?.day ?? null,
  };
}
export type RequestDemand = Awaited<ReturnType<typeof requestDemandPoints>>;
