import { Hono } from 'hono';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { cachedAnswer } from '../http/answer-cache.ts';
import { notFound } from '../http/errors.ts';
import { CoverageQuerySchema, IsochroneQuerySchema, NearestQuerySchema } from '../schemas/coverage.ts';
import { facilitiesOf, travelSetup } from '../services/coverage-service.ts';
import { isochroneFeatures, nearestSites, townshipAreaFeatures, demandFeatures } from '../services/coverage-views.ts';

/** Coverage report, isochrones, nearest sites, demand points and township areas. */
export const coverageRoutes = new Hono<AppEnv>()
  .get('/coverage', cachedAnswer, validate('query', CoverageQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const t0 = performance.now();
    const { report } = await c.var.deps.coverage.coverage(c.var.district, q);
    return c.json({ ...report, computeMs: Math.round(performance.now() - t0) }, 200);
  })
  .get('/isochrones', cachedAnswer, validate('query', IsochroneQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const ctx = await c.var.deps.coverage.context(c.var.district);
    const travel = travelSetup(ctx, q);
    let facilities = facilitiesOf(ctx.sites, q);
    if (q.site) {
      const site = ctx.sites.find((s) => s.properties.id === q.site);
      if (!site) throw notFound('Site');
      facilities = facilitiesOf([site], { status: [site.properties.status] });
      if (!facilities.length) return c.json({ type: 'FeatureCollection' as const, method: travel.method, features: [] }, 200);
    }
    return c.json({ type: 'FeatureCollection' as const, method: travel.method, features: isochroneFeatures(ctx, travel, facilities) }, 200);
  })
  .get('/nearest', cachedAnswer, validate('query', NearestQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const ctx = await c.var.deps.coverage.context(c.var.district);
    const travel = travelSetup(ctx, { ...q, speedKmh: undefined, detourFactor: undefined });
    const inside = booleanPointInPolygon([q.lng, q.lat], ctx.boundary);
    // Planned is not built: a resident is sent only to sites that exist.
    const statuses: ('existing')[] = ['existing'];
    const results = nearestSites(ctx, travel, facilitiesOf(ctx.sites, { kinds: q.kinds, status: statuses }), q);
    return c.json({
      method: travel.method, mode: travel.mode, minutes: q.minutes, older: travel.older, speedKmh: travel.speedKmh,
      detourFactor: travel.detourFactor ?? null, radiusMeters: travel.radiusMeters ?? null,
      travelDescription: travel.description, travelDescriptionZh: travel.descriptionZh, point: { lng: q.lng, lat: q.lat }, insideDistrict: inside,
      withinCircle: results.length > 0 && results[0].minutes <= q.minutes, statuses,
      results,
    }, 200);
  })
  .get('/demand', cachedAnswer, async (c) => {
    const ctx = await c.var.deps.coverage.context(c.var.district);
    const { features, population, olderPopulation } = demandFeatures(ctx);
    // The totals beside the features are their exact sums (hundredths of a person).
    return c.json({ type: 'FeatureCollection' as const, demand: { ...ctx.demandInfo, population, olderPopulation }, features }, 200);
  })
  .get('/township-areas', cachedAnswer, async (c) => {
    const ctx = await c.var.deps.coverage.context(c.var.district);
    return c.json(townshipAreaFeatures(ctx), 200);
  });
