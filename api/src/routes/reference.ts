import { pingDatabase } from '../db/client.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { notFound } from '../http/errors.ts';
import { VillageQuerySchema } from '../schemas/reference.ts';
import { getDistrict, listSources, listTownships, listVillages } from '../db/reference-repo.ts';

/** Health, the district boundary, townships, villages and data sources. */
export const referenceRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const { db } = c.var.deps;
    await pingDatabase(db.sql);
    return c.json({ ok: true as const, database: db.kind }, 200);
  })
  .get('/boundary', async (c) => {
    const d = await getDistrict(c.var.deps.db.sql);
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
  .get('/townships', async (c) => c.json({ townships: await listTownships(c.var.deps.db.sql) }, 200))
  .get('/villages', validate('query', VillageQuerySchema), async (c) => {
    const { township } = c.req.valid('query');
    return c.json({ villages: await listVillages(c.var.deps.db.sql, township) }, 200);
  })
  .get('/sources', async (c) => c.json({ sources: await listSources(c.var.deps.db.sql) }, 200));
