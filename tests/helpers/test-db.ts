import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { hc } from 'hono/client';
import { openDatabase, type Database } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { seedShippedData } from '../../api/src/db/seed.ts';
import { createApp, type AppType } from '../../api/src/app.ts';
import type { Role } from '../../api/src/auth/roles.ts';
import { testToken } from './test-auth.ts';

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
 * Declares a `describe` block per backend with a fresh, seeded database and the app on it.
 * `run` receives a getter, valid inside tests. `client` acts as a planner; `asRole` as any role.
 */
export function describeApi(name: string, run: (h: () => ApiHarness, backend: Backend) => void, opts: { seed?: boolean } = {}) {
  for (const backend of BACKENDS) {
    describe(`${name} [${backend}]`, () => {
      let harness: ApiHarness | undefined;
      beforeAll(async () => {
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
