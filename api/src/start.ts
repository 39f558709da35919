import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedShippedData } from './db/seed.ts';
import { createApp } from './app.ts';
import { apiFallback } from './http/not-found.ts';
import { onError } from './http/errors.ts';

/**
 * Opens and migrates the database, loads the shipped data on first start, and returns a fetch
 * handler serving the API under /api and the built web app (if `staticDir` exists) elsewhere.
 */
export async function startApp(opts: { databaseUrl?: string; dataDir: string; staticDir?: string }) {
  const t0 = performance.now();
  let db: Database = await openDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir });
  const applied = await migrate(db.sql);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  if (await seedShippedData(db.sql)) {
    console.log('shipped district data loaded');
    if (db.kind === 'embedded') {
      // The load grew PGlite's WebAssembly heap, which never shrinks: reopen so the server runs on a fresh one.
      await db.close();
      db = await openDatabase({ dataDir: opts.dataDir });
    }
  }
  const api = createApp({ db });
  const root = new Hono();
  root.route('/', api);
  // Unknown /api/* routes and wrong methods answer JSON, never the web app's HTML or a plain-text 404.
  root.all('/api/*', apiFallback(api));
  root.onError(onError);
  if (opts.staticDir && existsSync(opts.staticDir)) {
    const dir = opts.staticDir;
    root.use('/*', serveStatic({ root: dir }));
    root.get('*', serveStatic({ path: `${dir}/index.html` }));
  }
  return { fetch: root.fetch, db, startupMs: Math.round(performance.now() - t0) };
}
