import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../project-paths.ts';
import { inTransaction, type Sql } from './client.ts';
import { z } from 'zod';
import { parseRows } from './rows.ts';

/** Advisory lock key taken by every migration transaction, so processes starting together apply each file once. */
const MIGRATION_LOCK = 510_812_001;

/**
 * Applies every `migrations/NNN_*.sql` not yet recorded in `schema_migrations`, each in its own transaction.
 * Each transaction holds an advisory lock and re-reads `schema_migrations`, so several servers starting at once on
 * one PostgreSQL apply each migration exactly once (the others wait, then skip it).
 */
export async function migrate(sql: Sql): Promise<string[]> {
  await inTransaction(sql, async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;
  });
  const done = new Set(parseRows(z.object({ name: z.string() }), await sql`SELECT name FROM schema_migrations`).map((r) => r.name));
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const text = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    const ran = await inTransaction(sql, async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      const [already] = await tx`SELECT 1 FROM schema_migrations WHERE name = ${file}`;
      if (already) return false;
      await tx.unsafe(text);
      await tx`INSERT INTO schema_migrations (name) VALUES (${file})`;
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}
