import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { hc } from 'hono/client';
import { openDatabase, type Database } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { seedShippedData } from '../../api/src/db/seed.ts';
import { createApp, type AppType } from '../../api/src/app.ts';

export type Backend = 'embedded' | 'postgres';

/** Backends every database test runs on: embedded PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

/**
 * Opens a brand-new database: an in-memory PGlite, or a new database created on the
 * TEST_DATABASE_URL server (dropped again by `close`). Migrated, and seeded unless told not to.
 */
export async function freshDatabase(backend: Backend, opts: { seed?: boolean } = {}): Promise<Database> {
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  if (backend === 'embedded') {
    db = await openDatabase({ dataDir: 'memory://' });
  } else {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    url.pathname = `/${name}`;
    db = await openDatabase({ url: url.toString() });
    drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  await migrate(db.sql);
  if (opts.seed !== false) await seedShippedData(db.sql);
  const close = db.close;
  return { ...db, close: async () => { await close(); await drop?.(); } };
}

export interface ApiHarness {
  db: Database;
  app: ReturnType<typeof createApp>;
  /** The typed client, calling the app in-process (no sockets) with a real database behind it. */
  client: ReturnType<typeof hc<AppType>>;
}

/**
 * Declares a `describe` block per backend with a fresh, seeded database and the app on it.
 * `run` receives a getter, valid inside tests.
 */
export function describeApi(name: string, run: (h: () => ApiHarness, backend: Backend) => void, opts: { seed?: boolean } = {}) {
  for (const backend of BACKENDS) {
    describe(`${name} [${backend}]`, () => {
      let harness: ApiHarness | undefined;
      beforeAll(async () => {
        const db = await freshDatabase(backend, opts);
        const app = createApp({ db });
        const client = hc<AppType>('http://localhost', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init) });
        harness = { db, app, client };
      });
      afterAll(async () => {
        await harness?.db.close();
      });
      run(() => {
        if (!harness) throw new Error('harness not ready');
        return harness;
      }, backend);
    });
  }
}
