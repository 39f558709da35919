/** SQL for the planner's demand inputs: the active imported demand set and what the demand depends on. */
import { z } from 'zod';
import type { Sql } from './client.ts';
import { parseRows } from './rows.ts';

const DemandSetRow = z.object({
  id: z.number(), kind: z.enum(['villages', 'grid']), cell_half_size_meters: z.number(),
  points: z.array(z.array(z.number()).min(3)), source_id: z.string(), name: z.string(), modelled: z.boolean(), notes: z.string(),
});

/** The active imported demand set (points `[lng, lat, population, older?]`, WGS-84) with its source, or null (modelled demand). */
export async function getActiveDemandSet(sql: Sql, district: string) {
  const [set] = parseRows(DemandSetRow, await sql`SELECT d.id, d.kind, d.cell_half_size_meters, d.points, s.id AS source_id,
      s.name, s.modelled, s.notes
    FROM demand_sets d JOIN data_sources s ON s.id = d.source_id WHERE d.district_code = ${district} AND d.active`);
  return set ?? null;
}

/**
 * A key of the stored demand inputs (the active demand set, the imported township boundaries, the placed villages): equal keys mean the
 * demand built from them is the same.
 */
export async function getDemandInputsKey(sql: Sql, district: string): Promise<string> {
  const [k] = parseRows(z.object({ set_id: z.number(), areas: z.string(), villages: z.string() }), await sql`SELECT
      (SELECT coalesce(max(id), 0) FROM demand_sets WHERE district_code = ${district} AND active) AS set_id,
      (SELECT coalesce(string_agg(code || ':' || md5(boundary::text), ',' ORDER BY code), '') FROM townships
        WHERE district_code = ${district} AND boundary IS NOT NULL) AS areas,
      (SELECT md5(coalesce(string_agg(code || ':' || lng || ',' || lat, ';' ORDER BY code), '')) FROM villages
        WHERE district_code = ${district} AND lng IS NOT NULL) AS villages`);
  return `${k.set_id}|${k.areas}|${k.villages}`;
}
