import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Sql } from '../db/client.ts';
import { getDistrict, getVillageTownshipCode, townshipExists } from '../db/reference-repo.ts';
import { UnprocessableError, type ErrorIssue } from '../domain-errors.ts';

interface Placement {
  townshipCode?: string | null;
  villageCode?: string | null;
  lng?: number | null;
  lat?: number | null;
}

/**
 * Checks a site's references and location against the database: township and village exist,
 * the village belongs to the township, the point lies inside the district. Returns the township
 * inferred from the village when none was given. Throws UnprocessableError with every problem found.
 */
export async function checkPlacement(sql: Sql, district: string, p: Placement): Promise<{ townshipCode?: string | null }> {
  const issues: ErrorIssue[] = [];
  let townshipCode = p.townshipCode;
  if (p.townshipCode) {
    if (!(await townshipExists(sql, district, p.townshipCode))) issues.push({ path: ['townshipCode'], message: `Unknown township ${p.townshipCode}` });
  }
  if (p.villageCode) {
    const villageTownship = await getVillageTownshipCode(sql, district, p.villageCode);
    if (villageTownship === null) issues.push({ path: ['villageCode'], message: `Unknown village/community ${p.villageCode}` });
    else if (p.townshipCode && villageTownship !== p.townshipCode)
      issues.push({ path: ['villageCode'], message: `Village ${p.villageCode} is not in township ${p.townshipCode}` });
    else if (!p.townshipCode) townshipCode = villageTownship;
  }
  if (p.lng != null && p.lat != null) {
    const d = await getDistrict(sql, district);
    if (d && !booleanPointInPolygon([p.lng, p.lat], d.boundary))
      issues.push({ path: ['lng'], message: `Point ${p.lng}, ${p.lat} lies outside ${d.name} (WGS-84 expected)` });
  }
  if (issues.length) throw new UnprocessableError(issues.map((i) => i.message).join('; '), issues);
  return p.villageCode && !p.townshipCode ? { townshipCode } : {};
}
