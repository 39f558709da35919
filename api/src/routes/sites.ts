import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { cachedAnswer } from '../http/answer-cache.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { SiteCreateSchema, SiteIdParamSchema, SiteQuerySchema, SiteUpdateSchema } from '../schemas/sites.ts';
import { deleteSite, getSite, insertSite, listSites, updateSite } from '../db/sites-repo.ts';
import { checkPlacement } from '../services/check-placement.ts';
import { inTransaction } from '../db/client.ts';
import { townshipsAt } from '../services/township-at.ts';
import { auditActor } from '../http/auth.ts';
import { lastDeletedSite, recordAudit } from '../db/audit-repo.ts';

const MOVE_FIELDS = new Set(['lng', 'lat', 'locationPrecision']);

const smallBody = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'Request body is larger than 64 KB');
  },
});

/** CRUD for practice sites; lists are GeoJSON with unplaced sites as `geometry: null`. */
export const siteRoutes = new Hono<AppEnv>()
  .get('/', cachedAnswer, validate('query', SiteQuerySchema), async (c) => {
    const features = await listSites(c.var.deps.db.sql, c.var.district, c.req.valid('query'));
    return c.json({ type: 'FeatureCollection' as const, features }, 200);
  })
  .get('/:id', cachedAnswer, validate('param', SiteIdParamSchema), async (c) => {
    const site = await getSite(c.var.deps.db.sql, c.var.district, c.req.valid('param').id);
    if (!site) throw notFound('Site');
    return c.json(site, 200);
  })
  .post('/', smallBody, validate('json', SiteCreateSchema), async (c) => {
    let body = c.req.valid('json');
    const { sql } = c.var.deps.db;
    if (body.lng != null && body.lat != null && !body.townshipCode && !body.villageCode) {
      // No township given: take it from the point, as demand is assigned (imported boundaries, else nearest seat).
      const ctx = await c.var.deps.coverage.context(c.var.district);
      const [code] = townshipsAt(ctx, [{ lng: body.lng, lat: body.lat }]);
      const how = ctx.areas.length ? '乡镇按导入边界推断 / township from imported boundaries' : '乡镇按最近驻地推断（近似）/ township inferred from the nearest seat (approximate)';
      if (code) body = { ...body, townshipCode: code, notes: [body.notes, how].filter(Boolean).join('\n') };
    }
    const site = await inTransaction(sql, async (tx) => {
      const inferred = await checkPlacement(tx, c.var.district, body);
      const created = await insertSite(tx, c.var.district, { ...body, ...inferred });
      await recordAudit(tx, {
        actor: auditActor(c), action: 'site.create', entity: 'site', entityId: created.properties.id, siteId: created.properties.id,
        townshipCode: created.properties.townshipCode, after: created.properties,
      });
      return created;
    });
    return c.json(site, 201);
  })
  .patch('/:id', smallBody, validate('param', SiteIdParamSchema), validate('json', SiteUpdateSchema), async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const site = await inTransaction(c.var.deps.db.sql, async (tx) => {
      // Locked: a DELETE racing this PATCH waits, or has already removed the row (404 either way, never `null`).
      const current = await getSite(tx, c.var.district, id, { forUpdate: true });
      if (!current) throw notFound('Site');
      const p = current.properties;
      const merged = {
        townshipCode: patch.townshipCode !== undefined ? patch.townshipCode : p.townshipCode,
        villageCode: patch.villageCode !== undefined ? patch.villageCode : p.villageCode,
        lng: patch.lng !== undefined ? patch.lng : p.lng,
        lat: patch.lat !== undefined ? patch.lat : p.lat,
      };
      const inferred = await checkPlacement(tx, c.var.district, patch.townshipCode === undefined && patch.villageCode ? { ...merged, townshipCode: null } : merged);
      const updated = await updateSite(tx, c.var.district, id, { ...patch, ...inferred });
      if (!updated) throw notFound('Site');
      const moved = Object.keys(patch).every((k) => MOVE_FIELDS.has(k));
      await recordAudit(tx, {
        actor: auditActor(c), action: moved ? 'site.move' : 'site.update', entity: 'site', entityId: id, siteId: id,
        townshipCode: updated.properties.townshipCode, before: p, after: updated.properties,
      });
      return updated;
    });
    return c.json(site, 200);
  })
  .delete('/:id', validate('param', SiteIdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    await inTransaction(c.var.deps.db.sql, async (tx) => {
      const before = await getSite(tx, c.var.district, id);
      if (!before || !(await deleteSite(tx, c.var.district, id))) throw notFound('Site');
      await recordAudit(tx, {
        actor: auditActor(c), action: 'site.delete', entity: 'site', entityId: id, siteId: id,
        townshipCode: before.properties.townshipCode, before: before.properties,
      });
    });
    return c.json({ deleted: id }, 200);
  })
  .post('/:id/restore', validate('param', SiteIdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const site = await inTransaction(c.var.deps.db.sql, async (tx) => {
      if (await getSite(tx, c.var.district, id)) throw new ApiError(409, 'conflict', 'The site exists; only a deleted site can be restored');
      const before = await lastDeletedSite(tx, c.var.district, id);
      if (!before) throw notFound('Deleted site');
      // Only the writable fields come back, checked as a new site would be (its township or village may be gone).
      const { id: _id, placed: _placed, createdAt: _c, updatedAt: _u, ...fields } = before;
      const parsed = SiteCreateSchema.safeParse(fields);
      if (!parsed.success) throw new ApiError(422, 'unprocessable', 'The deleted site\'s record no longer passes the site checks');
      await checkPlacement(tx, c.var.district, parsed.data);
      const restored = await insertSite(tx, c.var.district, { ...parsed.data, id });
      await recordAudit(tx, {
        actor: auditActor(c), action: 'site.restore', entity: 'site', entityId: id, siteId: id,
        townshipCode: restored.properties.townshipCode, after: restored.properties,
      });
      return restored;
    });
    return c.json(site, 201);
  });
