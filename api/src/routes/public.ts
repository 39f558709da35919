import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { listSites } from '../db/sites-repo.ts';

/** What the resident page may show without a login: placed existing/planned sites and their public fields. */
export const publicRoutes = new Hono<AppEnv>().get('/sites', async (c) => {
  const sites = await listSites(c.var.deps.db.sql, c.var.district, { status: ['existing', 'planned'], placed: true });
  const features = sites.map((f) => {
    const p = f.properties;
    return {
      type: 'Feature' as const, id: f.id, geometry: f.geometry,
      properties: {
        id: p.id, name: p.name, kind: p.kind, status: p.status, demonstration: p.demonstration, townshipCode: p.townshipCode,
        villageCode: p.villageCode, lng: p.lng, lat: p.lat, placed: p.placed, locationPrecision: p.locationPrecision, address: p.address, phone: p.phone,
      },
    };
  });
  return c.json({ type: 'FeatureCollection' as const, features }, 200);
});
