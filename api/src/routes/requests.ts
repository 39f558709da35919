import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { auditActor, principalOf } from '../http/auth.ts';
import { inTransaction } from '../db/client.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { getRequest, listRequests, requestSiteStats, requestStats, setUserSites, userSiteIds } from '../db/requests-repo.ts';
import { getUser } from '../db/users-repo.ts';
import { NotFoundError, UnprocessableError } from '../domain-errors.ts';
import {
  DispatchSchema, EmptySchema, NoteSchema, RatingSchema, ReasonSchema, RequestCreateSchema, RequestListQuerySchema, RequestStatsQuerySchema,
  TrackingParamSchema, UserSitesSchema,
} from '../schemas/requests.ts';
import { actOnRequest, submitRequest, sweepRequests, type ActInput } from '../services/request-service.ts';
import { inboxRequestView, publicRequestView } from './request-views.ts';
import { requestExportRoutes } from './request-export.ts';

/** Beijing time is UTC+8 all year: a request's month is its Beijing month, as in the statistics. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Runs one signed-in transition and answers the request as the inbox shows it. */
async function act(c: Context<AppEnv>, input: ActInput) {
  const row = await actOnRequest(c.var.deps, { id: c.req.param('id') ?? '' }, input, auditActor(c), principalOf(c));
  return c.json(inboxRequestView(row, new Date(), true), 200);
}

/** Service requests: the resident's submit, track and rate (public); the dispatchers' inbox and transitions. */
export const requestRoutes = new Hono<AppEnv>()
  .post('/requests', validate('json', RequestCreateSchema), async (c) => {
    const row = await submitRequest(c.var.deps, c.req.valid('json'), auditActor(c));
    return c.json({
      id: row.id, trackingCode: row.tracking_code, status: row.status, outsideCircle: row.outside_circle, approximate: row.location_precision === 'village',
      proposedSites: row.proposed, siteName: row.site_name, dispatchDueAt: row.dispatch_due_at.toISOString(),
    }, 201);
  })
  .get('/requests/track/:trackingCode', validate('param', TrackingParamSchema), async (c) => {
    const row = await getRequest(c.var.deps.db.sql, c.var.district, { trackingCode: c.req.valid('param').trackingCode });
    if (!row) throw new NotFoundError('Request');
    return c.json(publicRequestView(row, new Date()), 200);
  })
  .post('/requests/track/:trackingCode/rating', validate('param', TrackingParamSchema), validate('json', RatingSchema), async (c) => {
    const b = c.req.valid('json');
    const row = await actOnRequest(c.var.deps, { trackingCode: c.req.valid('param').trackingCode }, { action: 'rate', stars: b.stars, comment: b.comment }, auditActor(c), null);
    return c.json(publicRequestView(row, new Date()), 200);
  })
  .get('/requests', validate('query', RequestListQuerySchema), async (c) => {
    const p = principalOf(c);
    const sql = c.var.deps.db.sql;
    await sweepRequests(c.var.deps);
    const sites = p.role === 'dispatcher' ? await userSiteIds(sql, p.user.id) : undefined;
    const now = new Date();
    const rows = await listRequests(sql, c.var.district, { ...c.req.valid('query'), sites });
    return c.json({ requests: rows.map((r) => inboxRequestView(r, now, true)), sites: sites ?? null }, 200);
  })
  .get('/requests/map', validate('query', RequestListQuerySchema), async (c) => {
    const now = new Date();
    const rows = await listRequests(c.var.deps.db.sql, c.var.district, c.req.valid('query'));
    // The planners' layer: where requests come from, no personal data (a point, or nothing for a village-only place).
    const features = rows.filter((r) => r.lng !== null && r.lat !== null).map((r) => ({
      type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [r.lng!, r.lat!] as [number, number] },
      properties: { status: r.status, service: r.service, townshipCode: r.township_code, siteId: r.site_id, outsideCircle: r.outside_circle,
        month: new Date(r.submitted_at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7), overdue: publicRequestView(r, now).overdue },
    }));
    const outside = rows.filter((r) => r.outside_circle === true).length;
    return c.json({ type: 'FeatureCollection' as const, features, total: rows.length, outsideCircle: outside, approximate: rows.filter((r) => r.outside_circle === null).length }, 200);
  })
  .route('/requests', requestExportRoutes)
  .get('/requests/stats', validate('query', RequestStatsQuerySchema), async (c) => {
    const q = { month: c.req.valid('query').month, now: new Date() };
    const sql = c.var.deps.db.sql;
    return c.json({ townships: await requestStats(sql, c.var.district, q), sites: await requestSiteStats(sql, c.var.district, q) }, 200);
  })
  .post('/requests/:id/dispatch', validate('json', DispatchSchema), async (c) => act(c, { action: 'dispatch', ...c.req.valid('json') }))
  .post('/requests/:id/accept', validate('json', EmptySchema), async (c) => act(c, { action: 'accept' }))
  .post('/requests/:id/decline', validate('json', ReasonSchema), async (c) => act(c, { action: 'decline', reason: c.req.valid('json').reason }))
  .post('/requests/:id/done', validate('json', NoteSchema), async (c) => act(c, { action: 'done', note: c.req.valid('json').note }))
  .post('/requests/:id/pass-up', validate('json', ReasonSchema), async (c) => act(c, { action: 'pass_up', reason: c.req.valid('json').reason }))
  .post('/requests/:id/cancel', validate('json', EmptySchema), async (c) => act(c, { action: 'cancel' }))
  .put('/users/:id/sites', validate('json', UserSitesSchema), async (c) => {
    const sql = c.var.deps.db.sql;
    const id = c.req.param('id');
    const user = await getUser(sql, id);
    if (!user) throw new NotFoundError('User');
    if (user.role !== 'dispatcher') throw new UnprocessableError('Only a dispatcher has sites', [{ path: ['siteIds'], message: 'not a dispatcher' }]);
    const { siteIds } = c.req.valid('json');
    const before = await userSiteIds(sql, id);
    await inTransaction(sql, async (tx) => {
      await setUserSites(tx, id, siteIds);
      await recordAudit(tx, { actor: auditActor(c), action: 'user.sites', entity: 'user', entityId: id, before: { siteIds: before }, after: { siteIds } });
    });
    return c.json({ userId: id, siteIds: await userSiteIds(sql, id) }, 200);
  });
