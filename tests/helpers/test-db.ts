import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterEach, beforeEach, describe } from 'vitest';
import { hc } from 'hono/client';
import { EMBEDDED_START_PARAMS, openDatabase, type Database } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { seedShippedData } from '../../api/src/db/seed.ts';
import { createApp, type AppType } from '../../api/src/app.ts';
import type { Role } from '../../api/src/auth/roles.ts';
import { testToken } from './test-auth.ts';
import { pgliteImage } from './pglite-image.ts';

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
    'api/src/db/client.ts', 'api/src/db/migrate.ts', 'api/src/db/seed.ts', 'api/src/db/version-repo.ts', 'api/src/services/district-packs.ts',
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

/**
 * Makes the seeded and the empty snapshot (once: kept on disk under their keys) before any test runs, from the
 * unit project's global setup: on a fresh clone no test or hook then pays for migrating and seeding, or times out on it.
 */
export async function prepareEmbeddedSnapshots(): Promise<void> {
  await embeddedSnapshot(true);
  await embeddedSnapshot(false);
}

const images = new Map<string, ReturnType<typeof pgliteImage>>();

/** The snapshot held in memory by this worker, ready to start new instances from (see `pgliteImage`). */
function embeddedImage(seed: boolean) {
  const key = snapshotKey(seed);
  let p = images.get(key);
  if (!p) {
    p = embeddedSnapshot(seed).then((tarball) => pgliteImage(tarball, EMBEDDED_START_PARAMS));
    images.set(key, p);
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
 * Opens a brand-new database, migrated, and seeded unless told not to: on embedded PGlite, a new instance on its
 * own copy of a snapshot made once (held in memory per worker); on PostgreSQL, a new database created from a template (dropped again by `close`).
 */
export async function freshDatabase(backend: Backend, opts: { seed?: boolean } = {}): Promise<Database> {
  const seed = opts.seed !== false;
  if (backend === 'embedded') {
    return openDatabase({ dataDir: 'memory://', pglite: (await embeddedImage(seed)).options() });
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

export type ApiClient = ReturnType<typeof hc<AppType>>;

export interface ApiHarness {
  db: Database;
  app: ReturnType<typeof createApp>;
  /** The typed client, calling the app in-process (no sockets) with a real database behind it, as a `planner`. */
  client: ApiClient;
  /** A client acting as a test user of `role` (a township editor of `townships`), through an API token. */
  asRole(role: Role, townships?: string[]): ApiClient;
  /** A client with no login. */
  anonymous: ApiClient;
  /** `app.request` as a planner (a bearer token is added unless the request sets its own Authorization). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** An in-process client of `app`; `token` (if given, resolved on first use) is sent as `Authorization: Bearer`. */
export function inProcessClient(app: ReturnType<typeof createApp>, token?: () => Promise<string>): ApiClient {
  let bearer: Promise<string> | undefined;
  return hc<AppType>('http://localhost', {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set('authorization', `Bearer ${await (bearer ??= token())}`);
      return app.request(input, { ...init, headers });
    },
  });
}

/**
 * Declares a `describe` block per backend in which every test gets a fresh, seeded (unless `seed: false`)
 * database and the app on it. `run` receives a getter, valid inside tests (and `beforeEach` hooks declared in `run`).
 * `client` acts as a planner; `asRole` as any role.
 */
export function describeApi(name: string, run: (h: () => ApiHarness, backend: Backend) => void, opts: { seed?: boolean } = {}) {
  for (const backend of BACKENDS) {
    describe(`${name} [${backend}]`, () => {
      let harness: ApiHarness | undefined;
      beforeEach(async () => {
        const db = await freshDatabase(backend, opts);
        const app = createApp({ db });
        const clients = new Map<string, ApiClient>();
        const asRole = (role: Role, townships: string[] = []) => {
          const key = [role, ...townships].join(',');
          if (!clients.has(key)) clients.set(key, inProcessClient(app, () => testToken(db.sql, role, townships)));
          return clients.get(key)!;
        };
        let plannerToken: Promise<string> | undefined;
        const request = async (path: string, init?: RequestInit) => {
          const headers = new Headers(init?.headers);
          if (!headers.has('authorization')) headers.set('authorization', `Bearer ${await (plannerToken ??= testToken(db.sql, 'planner'))}`);
          return app.request(path, { ...init, headers });
        };
        harness = { db, app, client: asRole('planner'), asRole, anonymous: inProcessClient(app), request };
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

