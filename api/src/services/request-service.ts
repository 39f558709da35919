import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AppDeps } from '../http/deps.ts';
import { inTransaction, type Sql } from '../db/client.ts';
import { recordAudit, type AuditActor } from '../db/audit-repo.ts';
import { getVillage } from '../db/reference-repo.ts';
import {
  dispatchSitesOf, eraseContacts, getDispatchSite, getRequest, insertRequest, recentRequestCounts, staleRequestIds, teamExists,
  transitionRequest, userSiteIds, type DispatchSite, type RequestRow, type TransitionSet,
} from '../db/requests-repo.ts';
import { ConflictError, NotFoundError, RateLimitError, UnprocessableError } from '../domain-errors.ts';
import {
  IllegalTransitionError, REQUEST_TRANSITIONS, requestTransition, routeRequest, type RequestAction, type RequestRouting,
} from '../engine/requests/index.ts';
import type { RequestCreate } from '../schemas/requests.ts';
import type { Principal } from '../db/users-repo.ts';
import { facilitiesOf, travelSetup } from './coverage-service.ts';
import { nearestSites } from './coverage-views.ts';
import { townshipsAt } from './township-at.ts';
import { DEFAULT_DISTRICT_CODE } from './district-packs.ts';

const HOUR_MS = 3_600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const trackingCode = () => Array.from(randomBytes(10), (b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('');

/** The first existing site of a level in a township, else the district centre. */
async function townshipFallback(sql: Sql, district: string, townshipCode: string | null): Promise<DispatchSite | null> {
  const institutes = townshipCode ? await dispatchSitesOf(sql, district, 'institute', { townshipCode }) : [];
  return institutes[0] ?? (await dispatchSitesOf(sql, district, 'center', {}))[0] ?? null;
}

/** Where a request goes: by the circles for a point; for a village alone, its own station or its township's institute. */
async function routeOf(deps: AppDeps, district: string, body: RequestCreate): Promise<RequestRouting & { townshipCode: string | null; precision: 'point' | 'village' }> {
  const sql = deps.db.sql;
  if (body.lng === undefined || body.lat === undefined) {
    const village = await getVillage(sql, district, body.villageCode!);
    if (!village) throw new UnprocessableError(`Village ${body.villageCode} does not exist`, [{ path: ['villageCode'], message: 'village not found' }]);
    const site = (await dispatchSitesOf(sql, district, 'station', { villageCode: village.code }))[0] ?? (await townshipFallback(sql, district, village.townshipCode));
    return { proposedSites: site ? [{ siteId: site.id, name: site.name, minutes: null }] : [], outsideCircle: null, townshipCode: village.townshipCode, precision: 'village' };
  }
  const point = { lng: body.lng, lat: body.lat };
  const ctx = await deps.coverage.context(district);
  if (!booleanPointInPolygon([point.lng, point.lat], ctx.boundary))
    throw new UnprocessableError('The place is outside the district', [{ path: ['lng'], message: 'outside the district' }]);
  const { mode, minutes } = deps.requests;
  const travel = travelSetup(ctx, { mode, minutes, older: false, method: 'auto', speedKmh: undefined, detourFactor: undefined });
  const facilities = facilitiesOf(ctx.sites, { kinds: ['station', 'institute', 'center'], status: ['existing'] });
  const near = facilities.length ? nearestSites(ctx, travel, facilities, { ...point, limit: 10 }) : [];
  const [townshipCode] = townshipsAt(ctx, [point]);
  const fallback = await townshipFallback(sql, district, townshipCode);
  const fb = fallback ? { siteId: fallback.id, name: fallback.name, kind: fallback.kind, townshipCode: fallback.townshipCode, minutes: near.find((n) => n.id === fallback.id)?.minutes ?? Infinity } : null;
  const routed = routeRequest(near.map((n) => ({ siteId: n.id, name: n.name, kind: n.kind, townshipCode: n.townshipCode, minutes: n.minutes })), minutes, fb);
  const proposedSites = routed.proposedSites.map((s) => ({ ...s, minutes: s.minutes !== null && Number.isFinite(s.minutes) ? s.minutes : null }));
  return { proposedSites, outsideCircle: routed.outsideCircle, townshipCode, precision: 'point' };
}

/** 点单: checks the abuse limits, routes the request through the circles and stores it (audited). */
export async function submitRequest(deps: AppDeps, body: RequestCreate, actor: AuditActor, now = new Date()) {
  const cfg = deps.requests;
  const phoneHash = sha256(body.phone.replace(/[^0-9+]/g, ''));
  const clientHash = sha256(actor.address || 'local');
  const district = actor.district ?? DEFAULT_DISTRICT_CODE;
  const route = await routeOf(deps, district, body);
  const siteId = route.proposedSites[0]?.siteId ?? null;
  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const counts = await recentRequestCounts(deps.db.sql, { clientHash, phoneHash, siteId, since: dayAgo, siteSince: dayAgo });
  if (counts.client >= cfg.perClientPerDay) throw new RateLimitError(`Too many requests from this address: at most ${cfg.perClientPerDay} a day`, 3600);
  if (counts.phone >= cfg.perPhonePerDay) throw new RateLimitError(`Too many requests from this phone number: at most ${cfg.perPhonePerDay} a day`, 3600);
  if (siteId && counts.site >= cfg.perSitePerDay) throw new RateLimitError(`This site has had its ${cfg.perSitePerDay} requests for today; please try tomorrow`, 3600);
  return inTransaction(deps.db.sql, async (tx) => {
    const row = await insertRequest(tx, {
      district, id: randomUUID(), trackingCode: trackingCode(), service: body.service, description: body.description, contactName: body.name, phone: body.phone,
      phoneHash, clientHash, lng: body.lng ?? null, lat: body.lat ?? null, villageCode: body.villageCode ?? null, precision: route.precision,
      townshipCode: route.townshipCode, outsideCircle: route.outsideCircle, proposed: route.proposedSites, siteId,
      submittedAt: now, dispatchDueAt: new Date(now.getTime() + cfg.dispatchHours * HOUR_MS),
    });
    await recordAudit(tx, {
      actor, action: 'request.submit', entity: 'request', entityId: row.id, townshipCode: row.township_code, siteId,
      after: { status: row.status, service: row.service, outsideCircle: row.outside_circle, precision: row.location_precision },
    });
    return row;
  });
}

/** Whether `p` may handle requests at `siteId`: planners and admins anywhere, a dispatcher at its own sites. */
export async function mayHandle(sql: Sql, p: Principal, siteId: string | null): Promise<boolean> {
  if (p.role === 'admin' || p.role === 'planner') return true;
  if (p.role !== 'dispatcher' || !siteId) return false;
  return (await userSiteIds(sql, p.user.id)).includes(siteId);
}

export interface ActInput { action: Exclude<RequestAction, 'expire'>; siteId?: string; teamId?: string; reason?: string; note?: string; stars?: number; comment?: string }

/** The site above: a station passes up to its township's institute, an institute to the district centre. */
async function siteAbove(sql: Sql, district: string, siteId: string | null): Promise<DispatchSite> {
  const site = siteId ? await getDispatchSite(sql, district, siteId) : null;
  const above = site?.kind === 'station' ? await townshipFallback(sql, district, site.townshipCode)
    : site?.kind === 'institute' ? (await dispatchSitesOf(sql, district, 'center', {}))[0] ?? null : null;
  if (!above) throw new UnprocessableError(`There is no site above ${site?.name ?? 'this request'} to pass it up to`);
  return above;
}

/**
 * One transition of a request, checked (legal from its state, by someone allowed at its site), written with one
 * conditional UPDATE (of two racing callers exactly one wins; the other gets 409) and audited in the same transaction.
 * `p` is null for the resident's rating (checked by tracking code instead).
 */
export async function actOnRequest(deps: AppDeps, by: { id: string } | { trackingCode: string }, input: ActInput, actor: AuditActor, p: Principal | null, now = new Date()) {
  const sql = deps.db.sql;
  return inTransaction(sql, async (tx) => {
    const row = await getRequest(tx, actor.district ?? DEFAULT_DISTRICT_CODE, by);
    if (!row) throw new NotFoundError('Request');
    if (p && !(await mayHandle(tx, p, row.site_id))) throw new NotFoundError('Request'); // not theirs: as if absent
    let to;
    try {
      to = requestTransition(row.status, input.action);
    } catch (err) {
      if (err instanceof IllegalTransitionError) throw new ConflictError(err.message);
      throw err;
    }
    const set: TransitionSet = {};
    const cfg = deps.requests;
    switch (input.action) {
      case 'dispatch': {
        if (input.siteId && input.siteId !== row.site_id) {
          const target = await getDispatchSite(tx, row.district_code, input.siteId);
          if (!target) throw new UnprocessableError(`Site ${input.siteId} does not exist`, [{ path: ['siteId'], message: 'site not found' }]);
          if (p && !(await mayHandle(tx, p, target.id))) throw new UnprocessableError('A dispatcher may dispatch only to its own sites', [{ path: ['siteId'], message: 'not your site' }]);
          set.siteId = target.id;
        }
        if (input.teamId) {
          if (!(await teamExists(tx, input.teamId))) throw new UnprocessableError(`Team ${input.teamId} does not exist`, [{ path: ['teamId'], message: 'team not found' }]);
          set.teamId = input.teamId;
        }
        set.dispatchedAt = now;
        set.acceptDueAt = new Date(now.getTime() + cfg.acceptHours * HOUR_MS);
        break;
      }
      case 'accept': set.acceptedAt = now; set.acceptedBy = actor.username; set.acceptDueAt = null; break;
      case 'decline': set.reason = input.reason ?? ''; set.dispatchDueAt = new Date(now.getTime() + cfg.dispatchHours * HOUR_MS); break;
      case 'done': set.doneAt = now; set.note = input.note ?? ''; break;
      case 'rate': set.ratedAt = now; set.stars = input.stars; set.ratingComment = input.comment ?? ''; set.closedAt = now; break;
      case 'pass_up': {
        const above = await siteAbove(tx, row.district_code, row.site_id);
        set.siteId = above.id; set.reason = input.reason ?? ''; set.dispatchDueAt = new Date(now.getTime() + cfg.dispatchHours * HOUR_MS);
        break;
      }
      case 'cancel': set.closedAt = now; break;
    }
    const updated = await transitionRequest(tx, row.id, REQUEST_TRANSITIONS[input.action].from, to, set);
    if (!updated) throw new ConflictError(`The request changed meanwhile (now ${(await getRequest(tx, row.district_code, { id: row.id }))?.status}); reload it`);
    await recordAudit(tx, {
      actor, action: `request.${input.action.replace('_', '-')}`, entity: 'request', entityId: row.id, townshipCode: row.township_code,
      siteId: updated.site_id, before: { status: row.status, siteId: row.site_id, teamId: row.team_id },
      after: { status: updated.status, siteId: updated.site_id, teamId: updated.team_id },
      details: input.reason || input.note || input.stars ? { reason: input.reason, note: input.note, stars: input.stars } : undefined,
    });
    return updated;
  });
}

const SYSTEM: AuditActor = { userId: null, username: '(system)', role: null, address: '' };

/** Expires requests nobody accepted within `expireHours`, and erases contacts past the retention period (each audited). */
export async function sweepRequests(deps: Pick<AppDeps, 'db' | 'requests'>, now = new Date()): Promise<{ expired: number; erased: number }> {
  const cfg = deps.requests;
  const sql = deps.db.sql;
  let expired = 0;
  for (const { id, district } of await staleRequestIds(sql, new Date(now.getTime() - cfg.expireHours * HOUR_MS))) {
    const done = await inTransaction(sql, async (tx) => {
      const row = await getRequest(tx, district, { id });
      if (!row) return false;
      const updated = await transitionRequest(tx, id, REQUEST_TRANSITIONS.expire.from, 'expired', { closedAt: now });
      if (!updated) return false;
      await recordAudit(tx, { actor: { ...SYSTEM, district }, action: 'request.expire', entity: 'request', entityId: id, townshipCode: row.township_code, siteId: row.site_id,
        before: { status: row.status }, after: { status: 'expired' } });
      return true;
    });
    if (done) expired++;
  }
  const erased = await inTransaction(sql, async (tx) => {
    const n = await eraseContacts(tx, new Date(now.getTime() - cfg.retentionDays * 24 * HOUR_MS), now);
    if (n) await recordAudit(tx, { actor: SYSTEM, action: 'request.erase', entity: 'request', details: { erased: n, retentionDays: cfg.retentionDays } });
    return n;
  });
  return { expired, erased };
}

/** Due times and whether the request is overdue now. */
export function dueOf(r: RequestRow, now: Date) {
  const waitingDispatch = r.status === 'submitted' || r.status === 'passed_up' || r.status === 'declined';
  const dueAt = waitingDispatch ? r.dispatch_due_at : r.status === 'dispatched' ? r.accept_due_at : null;
  return { dueAt: dueAt?.toISOString() ?? null, overdue: dueAt !== null && dueAt < now };
}
