import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { SiteCreateSchema, SiteIdParamSchema, SiteQuerySchema, SiteUpdateSchema } from '../schemas/sites.ts';
import { deleteSite, getSite, insertSite, listSites, updateSite } from '../db/sites-repo.ts';
import { checkPlacement } from '../services/check-placement.ts';
import { inTransaction } from '../db/client.ts';
import { townshipsAt } from '../services/township-at.ts';

const smallBody = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'Request body is larger than 64 KB');
  },
});

/** CRUD for practice sites; lists are GeoJSON with unplaced sites as `geometry: null`. */
export const siteRoutes = new Hono<AppEnv>()
  .get('/', validate('query', SiteQuerySchema), async (c) => {
    const features = await listSites(c.var.deps.db.sql, c.req.valid('query'));
    return c.json({ type: 'FeatureCollection' as const, features }, 200);
  })
  .get('/:id', validate('param', SiteIdParamSchema), async (c) => {
    const site = await getSite(c.var.deps.db.sql, c.req.valid('param').id);
    if (!site) throw notFound('Site');
    return c.json(site, 200);
  })
  .post('/', smallBody, validate('json', SiteCreateSchema), async (c) => {
    let body = c.req.valid('json');
    const { sql } = c.var.deps.db;
    if (body.lng != null && body.lat != null && !body.townshipCode && !body.villageCode) {
      // No township given: take it from the point, as demand is assigned (imported boundaries, else nearest seat).
      const ctx = await c.var.deps.coverage.context();
      const [code] = townshipsAt(ctx, [{ lng: body.lng, lat: body.lat }]);
      const how = ctx.areas.length ? '乡镇按导入边界推断 / township from imported boundaries' : '乡镇按最近驻地推断（近似）/ township inferred from the nearest seat (approximate)';
      if (code) body = { ...body, townshipCode: code, notes: [body.notes, how].filter(Boolean).join('\n') };
    }
    const site = await inTransaction(sql, async (tx) => {
      const inferred = await checkPlacement(tx, body);
      return insertSite(tx, { ...body, ...inferred });
    });
    return c.json(site, 201);
  })
  .patch('/:id', smallBody, validate('param', SiteIdParamSchema), validate('json', SiteUpdateSchema), async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const site = await inTransaction(c.var.deps.db.sql, async (tx) => {
      // Locked: a DELETE racing this PATCH waits, or has already removed the row (404 either way, never `null`).
      const current = await getSite(tx, id, { forUpdate: true });
      if (!current) throw notFound('Site');
      const p = current.properties;
      const merged = {
        townshipCode: patch.townshipCode !== undefined ? patch.townshipCode : p.townshipCode,
        villageCode: patch.villageCode !== undefined ? patch.villageCode : p.villageCode,
        lng: patch.lng !== undefined ? patch.lng : p.lng,
        lat: patch.lat !== undefined ? patch.lat : p.lat,
      };
      const inferred = await checkPlacement(tx, patch.townshipCode === undefined && patch.villageCode ? { ...merged, townshipCode: null } : merged);
      const updated = await updateSite(tx, id, { ...patch, ...inferred });
      if (!updated) throw notFound('Site');
      return updated;
    });
    return c.json(site, 200);
  })
  .delete('/:id', validate('param', SiteIdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const ok = await inTransaction(c.var.deps.db.sql, (tx) => deleteSite(tx, id));
    if (!ok) throw notFound('Site');
    return c.json({ deleted: id }, 200);
  });
