/**
 * The test harness's promise: every fresh database starts from the same migrated and seeded state, whatever other
 * databases (opened before, beside or after it) have written. On embedded PGlite the instances share the image's
 * file bytes until they write (copy-on-write), so this checks that a write, flushed to the files by a checkpoint,
 * reaches neither a database open beside it nor one opened after it.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, freshDatabase } from '../helpers/test-db.ts';

for (const backend of BACKENDS) {
  describe(`fresh databases [${backend}]`, () => {
    it('do not see each other\'s writes, flushed or not, and each starts from the seeded state', async () => {
      const a = await freshDatabase(backend);
      const b = await freshDatabase(backend);
      try {
        const [{ n: sites }] = await a.sql`SELECT count(*)::int AS n FROM sites`;
        const [{ n: villages }] = await a.sql`SELECT count(*)::int AS n FROM villages`;
        expect(sites).toBeGreaterThan(0);
        await a.sql`UPDATE villages SET name = 'changed by a'`;
        await a.sql`CREATE TABLE only_in_a (x int)`;
        await a.sql`CHECKPOINT`;
        const [{ n: changed }] = await b.sql`SELECT count(*)::int AS n FROM villages WHERE name = 'changed by a'`;
        expect(changed).toBe(0);
        expect(await b.sql`SELECT 1 FROM pg_class WHERE relname = 'only_in_a'`).toHaveLength(0);
        const c = await freshDatabase(backend);
        try {
          const [{ n: after }] = await c.sql`SELECT count(*)::int AS n FROM villages WHERE name = 'changed by a'`;
          expect(after).toBe(0);
          const [{ n: cVillages }] = await c.sql`SELECT count(*)::int AS n FROM villages`;
          const [{ n: cSites }] = await c.sql`SELECT count(*)::int AS n FROM sites`;
          expect([cSites, cVillages]).toEqual([sites, villages]);
          expect(await c.sql`SELECT 1 FROM pg_class WHERE relname = 'only_in_a'`).toHaveLength(0);
        } finally {
          await c.close();
        }
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}
