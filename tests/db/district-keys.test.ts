import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase, type Database, type Sql } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { seedShippedData } from '../../api/src/db/seed.ts';
import { MIGRATIONS_DIR } from '../../api/src/project-paths.ts';
import { BACKENDS, freshDatabase, type Backend } from '../helpers/test-db.ts';

/**
 * Global tables that carry a district_code as an attribute, not as their distribution key (Citus reference tables
 * or the audit trail): a user's home district, audit rows (NULL for account rows), data sources (NULL = shared).
 * Every other table with a district_code column is a district table, found from the catalog.
 */
const GLOBAL_WITH_DISTRICT = ['audit_log', 'data_sources', 'users'];

interface Key { table: string; name: string; columns: string[]; refTable: string | null; refColumns: string[]; onDelete: string; setNullColumns: string[] }

async function districtTables(sql: Sql): Promise<string[]> {
  const rows = await sql`SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'district_code' ORDER BY table_name`;
  return rows.map((r) => String(r.table_name));
}

/** Primary and foreign keys of the public schema, columns in key order. */
async function keys(sql: Sql): Promise<Key[]> {
  const rows = await sql`
    SELECT c.conname, c.contype, c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS ref, c.confdeltype,
      array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
      array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_cols,
      array(SELECT a.attname::text FROM unnest(c.confdelsetcols) k(n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS set_null_cols
    FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'f')`;
  return rows.map((r) => ({
    table: String(r.tbl), name: String(r.conname), columns: r.cols as string[],
    refTable: r.contype === 'f' ? String(r.ref) : null, refColumns: (r.ref_cols ?? []) as string[],
    onDelete: String(r.confdeltype), setNullColumns: (r.set_null_cols ?? []) as string[],
  }));
}

/** What Citus needs to distribute every district table by district_code, checked on the live catalog. */
async function expectDistributable(sql: Sql) {
  const withColumn = await districtTables(sql);
  for (const g of GLOBAL_WITH_DISTRICT) expect(withColumn, `${g} is listed as global but has no district_code`).toContain(g);
  const district = withColumn.filter((t) => !GLOBAL_WITH_DISTRICT.includes(t));
  expect(district).toEqual(expect.arrayContaining(['townships', 'villages', 'sites', 'service_requests', 'user_sites']));
  const all = await keys(sql);
  for (const t of district) {
    const pk = all.filter((k) => k.table === t && k.refTable === null);
    expect(pk.map((k) => k.columns[0]), `primary key of ${t}`).toEqual(['district_code']);
  }
  const between = all.filter((k) => k.refTable !== null && district.includes(k.table) && district.includes(k.refTable));
  expect(between.length).toBeGreaterThan(15);
  for (const fk of between) {
    const i = fk.columns.indexOf('district_code');
    expect(i, `${fk.table}.${fk.name} has no district_code`).toBeGreaterThanOrEqual(0);
    expect(fk.refColumns[i], `${fk.name} pairs district_code with ${fk.refTable}.${fk.refColumns[i]}`).toBe('district_code');
    if (fk.onDelete === 'n') { // ON DELETE SET NULL must name its columns, never district_code
      expect(fk.setNullColumns.length, `${fk.name} sets every column NULL`).toBeGreaterThan(0);
      expect(fk.setNullColumns).not.toContain('district_code');
    }
  }
}

describe.each(BACKENDS)('district keys (%s)', (backend: Backend) => {
  let db: Database | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await db?.close();
    await dropDatabase?.();
    db = undefined;
    dropDatabase = undefined;
  });

  it('every district table is keyed by district_code first, and every foreign key between them carries it', async () => {
    db = await freshDatabase(backend, { seed: false });
    await expectDistributable(db.sql);
  });

  it('a cross-county reference is refused, and deleting a site nulls the reference but keeps the district', async () => {
    db = await freshDatabase(backend);
    const sql = db.sql;
    const [t] = await sql`SELECT district_code, code FROM townships WHERE district_code = '510812' LIMIT 1`;
    // A field check filed under 利州区 (510802) for a 朝天区 township.
    await expect(sql`INSERT INTO field_checks (id, district_code, township_code, on_date, inspector)
      VALUES ('fc-x', '510802', ${t.code}, '2026-01-01', 'x')`).rejects.toMatchObject({ code: '23503' });
    await sql`INSERT INTO sites (id, district_code, kind, name, township_code) VALUES ('s-x', ${t.district_code}, 'point', 'x', ${t.code})`;
    await sql`INSERT INTO activities (id, district_code, title, on_date, site_id) VALUES ('a-x', ${t.district_code}, 'x', '2026-01-01', 's-x')`;
    await sql`DELETE FROM sites WHERE id = 's-x'`;
    expect(await sql`SELECT district_code, site_id FROM activities WHERE id = 'a-x'`).toEqual([{ district_code: t.district_code, site_id: null }]);
  });

  it('an existing, populated install migrates: rows kept, dispatcher sites take their site\'s district', async () => {
    ({ db, dropDatabase } = await blankDatabase(backend));
    const sql = db.sql;
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
    const before = files.filter((f) => f < '013');
    for (const file of before) {
      await inTransaction(sql, async (tx) => {
        await tx.unsafe(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
        await tx`INSERT INTO schema_migrations (name) VALUES (${file})`;
      }).catch((err: unknown) => { throw new Error(`${file}: ${String(err)}`); });
    }
    await seedShippedData(sql);
    const [site] = await sql`SELECT id, district_code FROM sites ORDER BY id LIMIT 1`;
    await sql`INSERT INTO users (id, username, password_hash, role) VALUES ('u-d', 'disp', 'x', 'dispatcher')`;
    await sql`INSERT INTO user_sites (user_id, site_id) VALUES ('u-d', ${site.id})`;
    const count = async () => (await sql`SELECT (SELECT count(*) FROM sites)::int AS sites, (SELECT count(*) FROM villages)::int AS villages,
      (SELECT count(*) FROM volunteer_teams)::int AS teams`)[0];
    const rowsBefore = await count();

    await expect(expectDistributable(sql), 'the checks fail on the keys before 013').rejects.toThrow();
    expect(await migrate(sql)).toContain('013_district_keys.sql');
    expect(await count()).toEqual(rowsBefore);
    expect(await sql`SELECT district_code, site_id FROM user_sites`).toEqual([{ district_code: site.district_code, site_id: site.id }]);
    await expectDistributable(sql);
  });
});

/** A database with no tables yet (schema_migrations only), as an install before the migrations under test. */
async function blankDatabase(backend: Backend): Promise<{ db: Database; dropDatabase?: () => Promise<void> }> {
  const create = `CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;
  if (backend === 'embedded') {
    // A new cluster made here (openDatabase makes one in a child process, which the test runner cannot start).
    const pg = await PGlite.create();
    const blank = await pg.dumpDataDir('none');
    await pg.close();
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: blank });
    await db.sql.unsafe(create);
    return { db };
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  await db.sql.unsafe(create);
  return {
    db,
    dropDatabase: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
