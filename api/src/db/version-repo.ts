import { z } from 'zod';
import type { Sql } from './client.ts';
import { int8, parseRows } from './rows.ts';

const VersionRow = z.object({ version: int8 });

/**
 * Bumps the district's data version (call inside the transaction that changes its data); caches keyed on
 * district + version expire. A district without a row starts at 1.
 */
export async function bumpDataVersion(tx: Sql, district: string): Promise<number> {
  const [r] = parseRows(VersionRow, await tx`INSERT INTO data_version (district_code, version) VALUES (${district}, 1)
    ON CONFLICT (district_code) DO UPDATE SET version = data_version.version + 1 RETURNING version`);
  return r.version;
}

/** The district's data version; 0 before anything of it was loaded. */
export async function getDataVersion(sql: Sql, district: string): Promise<number> {
  const [r] = parseRows(VersionRow, await sql`SELECT version FROM data_version WHERE district_code = ${district}`);
  return r?.version ?? 0;
}
