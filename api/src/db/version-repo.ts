import type { Sql } from './client.ts';

/** Bumps the data version (call inside the transaction that changes data); caches keyed on it expire. */
export async function bumpDataVersion(tx: Sql): Promise<number> {
  const [r] = await tx<{ version: number }[]>`UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version`;
  return Number(r.version);
}

export async function getDataVersion(sql: Sql): Promise<number> {
  const [r] = await sql<{ version: number }[]>`SELECT version FROM data_version WHERE id = 1`;
  return Number(r.version);
}
