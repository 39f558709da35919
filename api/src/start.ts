import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedShippedData } from './db/seed.ts';
import { createApp } from './app.ts';
import { apiFallback } from './http/not-found.ts';
import { countAdmins } from './db/users-repo.ts';
import { allowedHostsFromEnv, hostAllowlist, securityHeaders } from './http/security.ts';
import { basemapTileOrigins } from './services/basemap-config.ts';
import { onError } from './http/errors.ts';
import { requestConfig } from './services/request-config.ts';
import { startRequestSweeper } from './services/request-sweeper.ts';

/** Printed at start-up while no admin account exists: nothing can be changed until one does. */
export const NO_ADMIN_MESSAGE = [
  '',
  '  No admin account yet: the map is read-only until you create one. Stop the app and run',
  '      npm run user:add -- --role admin NAME',
  '  (it asks for the password; pipe it on standard input in scripts). 尚无管理员账号：请先运行上述命令创建。',
  '',
].join('\n');

/**
 * Opens and migrates the database, loads the shipped data on first start, and returns a fetch
 * handler serving the API under /api and the built web app (if `staticDir` exists) elsewhere.
 */
export async function startApp(opts: { databaseUrl?: string; dataDir: string; staticDir?: string; database?: Database }) {
  const t0 = performance.now();
  // `database`: one already opened (the browser tests start each server on a copy of the migrated, seeded snapshot).
  let db: Database = opts.database ?? await openDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir });
  const applied = await migrate(db.sql);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  if (await seedShippedData(db.sql)) {
    console.log('shipped district data loaded');
    if (db.kind === 'embedded' && !opts.dataDir.startsWith('memory://')) {
      // The load grew PGlite's WebAssembly heap, which never shrinks: reopen so the server runs on a fresh one.
      await db.close();
      db = await openDatabase({ dataDir: opts.dataDir });
    }
  }
  if ((await countAdmins(db.sql)) === 0) console.log(NO_ADMIN_MESSAGE);
  const allowedHosts = allowedHostsFromEnv();
  const api = createApp({ db, allowedHosts });
  const root = new Hono();
  root.onError(onError);
  root.use('*', hostAllowlist(allowedHosts), securityHeaders(basemapTileOrigins(process.env)));
  root.route('/', api);
  // Unknown /api/* routes and wrong methods answer JSON, never the web app's HTML or a plain-text 404.
  root.all('/api/*', apiFallback(api));
  if (opts.staticDir && existsSync(opts.staticDir)) {
    const dir = opts.staticDir;
    root.use('/*', serveStatic({ root: dir }));
    root.get('*', serveStatic({ path: `${dir}/index.html` }));
  }
  // Expiry and erasure of service requests: once now (before the first answer), then on a timer.
  const sweeper = startRequestSweeper({ db, requests: requestConfig() });
  await sweeper.started;
  return { fetch: root.fetch, db, sweeper, startupMs: Math.round(performance.now() - t0) };
}
