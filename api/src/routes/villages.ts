import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { notFound } from '../http/errors.ts';
import { VillageCodeParamSchema, VillagePatchSchema } from '../schemas/reference.ts';
import { getVillage } from '../db/reference-repo.ts';
import { commitVillageUpdates } from '../db/import-repo.ts';
import { getDataVersion } from '../db/version-repo.ts';
import { inTransaction } from '../db/client.ts';
import { checkPlacement } from '../services/check-placement.ts';
import { placeUnplacedStationsAt } from '../db/sites-repo.ts';
import { auditActor } from '../http/auth.ts';
import { recordAudit } from '../db/audit-repo.ts';

/**
 * Placing villages by hand. Write route: `PATCH /villages/:code` (sets or clears a point; shares the write path
 * of the village-points import and bumps the data version).
 */
export const villageRoutes = new Hono<AppEnv>()
  .patch('/:code', validate('param', VillageCodeParamSchema), validate('json', VillagePatchSchema), async (c) => {
    const { code } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await inTransaction(c.var.deps.db.sql, async (tx) => {
      const before = await getVillage(tx, c.var.district, code);
      if (!before) throw notFound('Village');
      await checkPlacement(tx, c.var.district, { lng: body.lng, lat: body.lat });
      await commitVillageUpdates(tx, c.var.district, [{ code, lng: body.lng, lat: body.lat, precision: body.precision }], 'hand-placed', 'hand');
      let stationsPlaced: string[] = [];
      if (body.placeStations && body.lng !== null) {
        // Only stations still without a point follow the village: a station placed by hand keeps its own.
        stationsPlaced = await placeUnplacedStationsAt(tx, c.var.district, code, body.lng, body.lat!);
      }
      const village = (await getVillage(tx, c.var.district, code))!;
      await recordAudit(tx, {
        actor: auditActor(c), action: 'village.place', entity: 'village', entityId: code, townshipCode: village.townshipCode,
        before, after: village, details: stationsPlaced.length ? { stationsPlaced } : undefined,
      });
      return { village, previous: { lng: before.lng, lat: before.lat, precision: before.precision }, stationsPlaced, dataVersion: await getDataVersion(tx, c.var.district) };
    });
    return c.json(result, 200);
  });
