import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterEach, beforeEach, describe } from 'vitest';
import { hc } from 'hono/client';
import { openDatabase, type Database } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { seedShippedData } from '../../api/src/db/seed.ts';
import { createApp, type AppType } from '../../api/src/app.ts';

export type Backend = 'embedded' | 'postgres';

/** Backends every database test runs on: embedded PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

const root = new URL('../../', import.meta.url).pathname;

/**
 * A key for the migrated (and seeded) starting state: a hash of everything that shapes it — the migrations,
 * the code that applies them and seeds, the shipped data and the PGlite version. A snapshot or template made
 * from other inputs is never reused.
 */
function snapshotKey(seed: boolean): string {
  const h = createHash('sha256').update(seed ? 'seeded' : 'empty');
  const files = [
    'api/src/db/client.ts', 'api/src/db/migrate.ts', 'api/src/db/seed.ts', 'api/src/db/version-repo.ts',
    'node_modules/@electric-sql/pglite/package.json',
    ...readdirSync(join(root, 'api/src/db/migrations')).sort().map((f) => `api/src/db/migrations/${f}`),
    ...(seed ? readdirSync(join(root, 'geodata')).filter((f) => /\.(geo)?json$/.test(f)).sort().map((f) => `geodata/${f}`) : []),
  ];
  for (const f of files) h.update(f).update(readFileSync(join(root, f)));
  return h.digest('hex').slice(0, 16);
}

async function migrateAndSeed(db: Database, seed: boolean) {
  await migrate(db.sql);
  if (seed) await seedShippedData(db.sql);
}

const snapshots = new Map<string, Promise<Blob>>();

/**
 * The migrated (and seeded) embedded database as a data-folder tarball, made once and kept in the system temp
 * folder under its key (written to a temporary name, then renamed, so parallel workers never read half a file).
 */
function embeddedSnapshot(seed: boolean): Promise<Blob> {
  const key = snapshotKey(seed);
  let p = snapshots.get(key);
  if (!p) {
    p = (async () => {
      const dir = join(tmpdir(), 'planner-test-snapshots');
      const file = join(dir, `pglite-${key}.tar`);
      if (existsSync(file)) return new Blob([readFileSync(file)]);
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        await migrateAndSeed(db, seed);
        const blob = await db.dumpDataDir!();
        mkdirSync(dir, { recursive: true });
        const part = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
        writeFileSync(part, new Uint8Array(await blob.arrayBuffer()));
        renameSync(part, file);
        return blob;
      } finally {
        await db.close();
      }
    })();
    snapshots.set(key, p);
  }
  return p;
}

const templates = new Map<string, Promise<string>>();

/**
 * The name of a migrated (and seeded) template database on the TEST_DATABASE_URL server, made once under its key:
 * built under a private name, then renamed, so a concurrent worker either finds the finished one or makes its own.
 */
function postgresTemplate(admin: postgres.Sql, url: URL, seed: boolean): Promise<string> {
  const name = `tpl_${snapshotKey(seed)}`;
  let p = templates.get(name);
  if (!p) {
    p = (async () => {
      const exists = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
      if (exists.length) return name;
      const building = `tb_${randomBytes(6).toString('hex')}`;
      await admin.unsafe(`CREATE DATABASE ${building}`);
      const u = new URL(url);
      u.pathname = `/${building}`;
      const db = await openDatabase({ url: u.toString() });
      try {
        await migrateAndSeed(db, seed);
      } finally {
        await db.close();
      }
      try {
        await admin.unsafe(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } catch {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`); // another worker finished first
      }
      return name;
    })();
    templates.set(name, p);
  }
  return p;
}

/**
 * Opens a brand-new database, migrated, and seeded unless told not to: on embedded PGlite, a copy of a snapshot
 * made once; on PostgreSQL, a new database created from a template (dropped again by `close`).
 */
export async function freshDatabase(backend: Backend, opts: { seed?: boolean } = {}): Promise<Database> {
  const seed = opts.seed !== false;
  if (backend === 'embedded') {
    return openDatabase({ dataDir: 'memory://', loadDataDir: await embeddedSnapshot(seed) });
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const name = `t_${randomBytes(6).toString('hex')}`;
  try {
    const template = await postgresTemplate(admin, url, seed);
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } catch (err) {
    await admin.end();
    throw err;
  }
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    close: async () => {
      await db.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface ApiHarness {
  db: Database;
  app: ReturnType<typeof createApp>;
  /** The typed client, calling the app in-process (no sockets) with a real database behind it. */
  client: ReturnType<typeof hc<AppType>>;
}

/**
 * Declares a `describe` block per backend in which every test gets a fresh, seeded (unless `seed: false`)
 * database and the app on it. `run` receives a getter, valid inside tests (and `beforeEach` hooks declared in `run`).
 */
export function describeApi(name: string, run: (h: () => ApiHarness, backend: Backend) => void, opts: { seed?: boolean } = {}) {
  for (const backend of BACKENDS) {
    describe(`${name} [${backend}]`, () => {
      let harness: ApiHarness | undefined;
      beforeEach(async () => {
        const db = await freshDatabase(backend, opts);
        const app = createApp({ db });
        const client = hc<AppType>('http://localhost', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init) });
        harness = { db, app, client };
      });
      afterEach(async () => {
        const h = harness;
        harness = undefined;
        await h?.db.close();
      });
      run(() => {
        if (!harness) throw new Error('harness not ready: use it inside a test');
        return harness;
      }, backend);
    });
  }
}

