import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { listSites } from '../db/sites-repo.ts';
import { activityDatesFrom } from '../db/leaders-repo.ts';
import { ACTIVITY_DAYS_WINDOW_DAYS, activityDays } from '../engine/leaders/index.ts';
import { todayIso } from '../services/leaders-service.ts';

/**
 * What the resident page may show without a login: placed existing/planned sites, their public fields (name, kind,
 * address, phone, opening hours) and when activities take place, from the activity records (the site's own, else its
 * township's).
 */
export const publicRoutes = new Hono<AppEnv>().get('/sites', async (c) => {
  const { sql } = c.var.deps.db;
  const today = todayIso();
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - ACTIVITY_DAYS_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [sites, activities] = await Promise.all([listSites(sql, c.var.district, { status: ['existing', 'planned'], placed: true }), activityDatesFrom(sql, c.var.district, from)]);
  const bySite = new Map<string, string[]>();
  const byTownship = new Map<string, string[]>();
  for (const a of activities) {
    if (a.siteId) bySite.set(a.siteId, [...(bySite.get(a.siteId) ?? []), a.date]);
    if (a.townshipCode) byTownship.set(a.townshipCode, [...(byTownship.get(a.townshipCode) ?? []), a.date]);
  }
  const features = sites.map((f) => {
    const p = f.properties;
    const own = bySite.get(p.id);
    const days = own
      ? activityDays(own, today, 'site')
      : p.townshipCode && byTownship.has(p.townshipCode) ? activityDays(byTownship.get(p.townshipCode)!, today, 'township') : null;
    return {
      type: 'Feature' as const, id: f.id, geometry: f.geometry,
      properties: {
        id: p.id, name: p.name, kind: p.kind, status: p.status, demonstration: p.demonstration, townshipCode: p.townshipCode,
        villageCode: p.villageCode, lng: p.lng, lat: p.lat, placed: p.placed, locationPrecision: p.locationPrecision, address: p.address, phone: p.phone,
        openingHours: p.openingHours, activityDays: days,
      },
    };
  });
  return c.json({ type: 'FeatureCollection' as const, features }, 200);
});
