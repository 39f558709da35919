import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './http/deps.ts';
import type { Database } from './db/client.ts';
import { createCoverageService } from './services/coverage-service.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { planRoutes } from './routes/plan.ts';
import { ApiError, errorBody, onError } from './http/errors.ts';
import { referenceRoutes } from './routes/reference.ts';
import { siteRoutes } from './routes/sites.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { importRoutes } from './routes/import.ts';
import { exportRoutes } from './routes/export.ts';
import { villageRoutes } from './routes/villages.ts';
import { basemapRoutes } from './routes/basemaps.ts';
import { districtRoutes } from './routes/districts.ts';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** Builds the API (mounted under `/api`) on the given dependencies. */
export function createApp(opts: { db: Database }) {
  const deps = { db: opts.db, coverage: createCoverageService(opts.db.sql) };
  const app = new Hono<AppEnv>().basePath('/api');
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'Request body is larger than 25 MB');
      },
    }),
  );
  app.onError(onError);
  app.notFound((c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404));
  return app
    .route('/', referenceRoutes)
    .route('/sites', siteRoutes)
    .route('/', coverageRoutes)
    .route('/scenarios', scenarioRoutes)
    .route('/plan', planRoutes)
    .route('/import', importRoutes)
    .route('/export', exportRoutes)
    .route('/villages', villageRoutes)
    .route('/basemaps', basemapRoutes)
    .route('/districts', districtRoutes)
    .route('/', openApiRoutes);
}

export type AppType = ReturnType<typeof createApp>;
