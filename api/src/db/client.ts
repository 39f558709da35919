import { mkdirSync } from 'node:fs';
import postgres from 'postgres';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type Sql = postgres.Sql<Record<string, never>>;

export interface Database {
  sql: Sql;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
}

/** Connections in the postgres.js pool; the embedded socket server accepts exactly as many. */
export const POOL_SIZE = 4;

const clientOptions = {
  max: POOL_SIZE,
  onnotice: () => {},
  // bytea comes back as Buffer; bigint (int8) as number is safe for our counters.
  types: { bigint: postgres.BigInt },
} as const;

/**
 * Opens the database: a PostgreSQL server when `url` is given, else embedded PGlite
 * (in `dataDir`, or in memory when `dataDir` is `memory://`) served on a loopback socket,
 * so the same postgres.js code and SQL serve both.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    const sql = postgres(opts.url, { ...clientOptions, transform: { undefined: null } }) as unknown as Sql;
    await sql`select 1`;
    return { sql, kind: 'postgres', close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = opts.dataDir ?? './data';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir.startsWith('memory://') ? undefined : `${dataDir}/pglite`);
  const server = new PGLiteSocketServer({ db: pg, host: '127.0.0.1', port: 0, maxConnections: POOL_SIZE });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  const sql = postgres({
    ...clientOptions,
    // PGlite is one session: its socket server interleaves the protocol messages of concurrent connections
    // outside a transaction ("portal does not exist" under load), so one connection carries every query in turn.
    max: 1,
    host,
    port: Number(port),
    database: 'postgres',
    username: 'postgres',
    password: 'postgres',
    transform: { undefined: null },
    // PGlite has one session: idle connections are cheap, but keep the pool stable.
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
    },
  };
}

/**
 * Runs `fn` in one transaction: all of it is written, or none of it.
 * (postgres.js types a transaction apart from the pool; repositories take either, so it is cast once here.)
 */
export function inTransaction<T>(sql: Sql, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return sql.begin((tx) => fn(tx as unknown as Sql)) as Promise<T>;
}
