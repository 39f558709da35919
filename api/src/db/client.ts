import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import postgres from 'postgres';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type Sql = postgres.Sql<Record<string, never>>;

export interface Database {
  sql: Sql;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
  /** Embedded only: the whole data folder as a tarball, which `openDatabase({ loadDataDir })` opens again. */
  dumpDataDir?: () => Promise<Blob>;
  /** Embedded only: the owner-only Unix socket the database is served on. */
  socketPath?: string;
}

/** Connections in the postgres.js pool on a PostgreSQL server. */
export const POOL_SIZE = 4;

/**
 * Postgres settings for the embedded database, added to PGlite's own. PGlite runs one backend in one
 * WebAssembly heap that never shrinks, so every buffer Postgres sizes for a server is paid for in RSS:
 * 8 MB of shared buffers instead of 128 MB (the district data is ~30 MB on disk), and small work areas.
 */
export const EMBEDDED_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c', 'shared_buffers=8MB',
  '-c', 'temp_buffers=4MB',
  '-c', 'work_mem=4MB',
  '-c', 'maintenance_work_mem=16MB',
  '-c', 'wal_buffers=1MB',
];

const clientOptions = {
  onnotice: () => {},
  // bytea comes back as Buffer; bigint (int8) as number is safe for our counters.
  types: { bigint: postgres.BigInt },
  transform: { undefined: null },
} as const;

/**
 * Opens the database: a PostgreSQL server when `url` is given, else embedded PGlite (in `dataDir`, or in memory
 * when `dataDir` is `memory://`; `loadDataDir` starts it from a `dumpDataDir` tarball instead of an empty cluster;
 * `pglite` passes a file system that already holds a cluster, and a compiled module, as the tests do).
 *
 * The embedded database is served on a Unix socket with owner-only permissions (in `dataDir`, or a private
 * temporary folder for memory) — never on a TCP port — to one postgres.js connection: PGlite is a single session,
 * and several connections multiplexed onto it interleave extended-protocol messages (`portal "" does not exist`).
 * postgres.js queues queries on that one connection, and a transaction holds it until it ends, so code inside
 * `inTransaction` must use its `tx`, never the outer `sql`.
 */
export async function openDatabase(opts: {
  url?: string; dataDir?: string; loadDataDir?: Blob; pglite?: Pick<PGliteOptions, 'fs' | 'pgliteWasmModule' | 'fsBundle'>;
}): Promise<Database> {
  if (opts.url) {
    const sql = postgres(opts.url, { ...clientOptions, max: POOL_SIZE }) as unknown as Sql;
    await sql`select 1`;
    return { sql, kind: 'postgres', close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = opts.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let socketDir: string;
  if (inMemory) {
    socketDir = mkdtempSync(join(tmpdir(), 'planner-pg-'));
  } else {
    socketDir = join(dataDir, 'socket');
    mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  }
  chmodSync(socketDir, 0o700);
  const socketPath = join(socketDir, '.s.PGSQL.5432');
  rmSync(socketPath, { force: true }); // left behind by a process that was killed
  const pgDataDir = inMemory ? undefined : `${dataDir}/pglite`;
  let loadDataDir = opts.loadDataDir;
  if (!loadDataDir && !opts.pglite?.fs && !(pgDataDir && existsSync(`${pgDataDir}/PG_VERSION`))) {
    // A new cluster: made by initdb in a child process (see initCluster), written straight to the data folder.
    if (pgDataDir) initCluster(pgDataDir);
    else loadDataDir = await initCluster();
  }
  const pg = await PGlite.create({
    dataDir: pgDataDir,
    loadDataDir,
    startParams: EMBEDDED_START_PARAMS,
    pgliteWasmModule: opts.pglite?.pgliteWasmModule ?? await baselineCompiledPglite(),
    ...opts.pglite,
  });
  const server = new PGLiteSocketServer({ db: pg, path: socketPath, maxConnections: 1 });
  await server.start();
  chmodSync(socketPath, 0o600);
  const sql = postgres({
    ...clientOptions,
    path: socketPath,
    // PGlite is one session: its socket server interleaves the protocol messages of concurrent connections
    // ("portal does not exist" under load), so one connection carries every query in turn.
    max: 1,
    database: 'postgres',
    username: 'postgres',
    idle_timeout: 0,
  }) as unknown as Sql;
  await sql`select 1`;
  return {
    sql,
    kind: 'embedded',
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop();
      await pg.close();
      rmSync(inMemory ? socketDir : socketPath, { recursive: true, force: true });
    },
    dumpDataDir: async () => pg.dumpDataDir('none'),
    socketPath,
  };
}

let baselineModule: Promise<WebAssembly.Module> | undefined;

/**
 * PGlite's WebAssembly module compiled by V8's baseline compiler (Liftoff) only, never tiered up to TurboFan.
 * Postgres is a large module: the optimised code V8 adds for it as it runs cost ~45–70 MB of resident memory for
 * good (measured: a PGlite opened and queried on the shipped data, 192–209 MB RSS with tier-up, 147–157 MB
 * without), while its queries here ran at a similar speed (the optimising compiler's own work costs as much as it
 * saves on our small queries). The flag is set only while this module compiles, then cleared, so other WebAssembly
 * (the HiGHS solver in the planner's worker) still gets optimised code. Compiled once per process.
 */
function baselineCompiledPglite(): Promise<WebAssembly.Module> {
  baselineModule ??= (async () => {
    const bytes = readFileSync(new URL('pglite.wasm', pgliteEntryUrl()));
    setFlagsFromString('--liftoff-only');
    try {
      return await WebAssembly.compile(bytes);
    } finally {
      setFlagsFromString('--no-liftoff-only');
    }
  })();
  return baselineModule;
}

/**
 * The URL of PGlite's ES module entry, for the initdb child process. Node resolves it with `import.meta.resolve`; Vite's
 * module runner (vitest's global setup, which builds the test snapshots on a fresh machine) has no such function, so
 * there it is resolved as CommonJS would and the ES entry taken beside it (`exports['.'].import` of the package).
 */
function pgliteEntryUrl(): string {
  try {
    return import.meta.resolve('@electric-sql/pglite');
  } catch {
    return pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'index.js')).href;
  }
}

/**
 * Creates a new, empty database cluster with PGlite's initdb in a short-lived child process: in `pgDataDir`, or
 * (without it) returned as a data-folder tarball. initdb runs a second PGlite and the initdb WebAssembly module
 * beside the first, and WebAssembly memory never shrinks: done in-process it left the server at ~800 MB RSS for
 * good; in a child the memory is returned when it exits.
 */
function initCluster(pgDataDir: string): void;
function initCluster(): Promise<Blob>;
function initCluster(pgDataDir?: string): void | Promise<Blob> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-initdb-'));
  try {
    const tar = join(dir, 'cluster.tar');
    // Beside the final folder, on the same file system, so the rename below is atomic.
    const target = pgDataDir ? `${pgDataDir}.init-${process.pid}` : undefined;
    const script = `const { PGlite } = await import(${JSON.stringify(pgliteEntryUrl())});
      const pg = await PGlite.create(${JSON.stringify(target ?? '')} || undefined);
      ${target ? '' : `const blob = await pg.dumpDataDir('none');
      (await import('node:fs')).writeFileSync(${JSON.stringify(tar)}, new Uint8Array(await blob.arrayBuffer()));`}
      await pg.close();`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (target) {
      // Made beside, then moved into place: an interrupted initdb never leaves half a cluster in the data folder.
      renameSync(target, pgDataDir!);
      return;
    }
    return Promise.resolve(new Blob([readFileSync(tar)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (pgDataDir) rmSync(`${pgDataDir}.init-${process.pid}`, { recursive: true, force: true });
  }
}

/** Answers when the database does (a round trip), else throws. */
export async function pingDatabase(sql: Sql): Promise<void> {
  await sql`select 1`;
}

/**
 * Runs `fn` in one transaction: all of it is written, or none of it.
 * (postgres.js types a transaction apart from the pool; repositories take either, so it is cast once here.)
 */
export function inTransaction<T>(sql: Sql, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return sql.begin((tx) => fn(tx as unknown as Sql)) as Promise<T>;
}
