import { z } from 'zod';
import type { Sql } from './client.ts';
import { int8, parseRows } from './rows.ts';

const VersionRow = z.object({ version: int8 });

/** Bumps the data version (call inside the transaction that changes data); caches keyed on it expire. */
export async function bumpDataVersion(tx: Sql): Promise<number> {
  const [r] = parseRows(VersionRow, await tx`UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version`);
  return r.version;
}

export async function getDataVersion(sql: Sql): Promise<number> {
  const [r] = parseRows(VersionRow, await sql`SELECT version FROM data_version WHERE id = 1`);
  return r.version;
}
