import { pingDatabase } from '../db/client.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { cachedAnswer } from '../http/answer-cache.ts';
import { notFound } from '../http/errors.ts';
import { VillageQuerySchema } from '../schemas/reference.ts';
import { getDistrict, listSources, listTownships, listVillages } from '../db/reference-repo.ts';

/** How long /api/health waits for the database before answering it is busy. */
const HEALTH_DB_WAIT_MS = 50;

/** Health, the district boundary, townships, villages and data sources. */
export const referenceRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const { db, jobs } = c.var.deps;
    // Never waits behind a long import transaction: a database slower than this is reported busy, not awaited.
    const answered = await Promise.race([
      pingDatabase(db.sql).then(() => true, () => false),
      new Promise<'busy'>((resolve) => setTimeout(() => resolve('busy'), HEALTH_DB_WAIT_MS).unref()),
    ]);
    const database = answered === 'busy' ? ('busy' as const) : answered ? ('ok' as const) : ('down' as const);
    return c.json({ ok: true as const, database: db.kind, databaseStatus: database, jobs: jobs.stats() }, 200);
  })
  .get('/boundary', cachedAnswer, async (c) => {
    const d = await getDistrict(c.var.deps.db.sql, c.var.district);
    if (!d) throw notFound('District boundary');
    return c.json(
      {
        type: 'FeatureCollection' as const,
        features: [
          {
            type: 'Feature' as const,
            geometry: d.boundary,
            properties: { code: d.code, name: d.name, nameEn: d.nameEn, seat: d.seat, seatSource: d.seatSource },
          },
        ],
      },
      200,
    );
  })
  .get('/townships', cachedAnswer, async (c) => c.json({ townships: await listTownships(c.var.deps.db.sql, c.var.district) }, 200))
  .get('/villages', cachedAnswer, validate('query', VillageQuerySchema), async (c) => {
    const { township } = c.req.valid('query');
    return c.json({ villages: await listVillages(c.var.deps.db.sql, c.var.district, township) }, 200);
  })
  .get('/sources', async (c) => c.json({ sources: await listSources(c.var.deps.db.sql, c.var.district) }, 200));
