import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './http/deps.ts';
import type { Database } from './db/client.ts';
import { createCoverageService } from './services/coverage-service.ts';
import { createJobQueue, DEFAULT_JOB_LIMITS, type JobQueueLimits } from './services/job-queue.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { planRoutes } from './routes/plan.ts';
import { ApiError, onError } from './http/errors.ts';
import { apiFallback } from './http/not-found.ts';
import { referenceRoutes } from './routes/reference.ts';
import { siteRoutes } from './routes/sites.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { importRoutes } from './routes/import.ts';
import { exportRoutes } from './routes/export.ts';
import { villageRoutes } from './routes/villages.ts';
import { basemapRoutes } from './routes/basemaps.ts';
import { leaderImportRoutes } from './routes/leaders-import.ts';
import { leaderRoutes } from './routes/leaders.ts';
import { activityRoutes } from './routes/activities.ts';
import { evaluationRoutes } from './routes/evaluation.ts';
import { reportRoutes } from './routes/reports.ts';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** Builds the API (mounted under `/api`) on the given dependencies. */
export function createApp(opts: { db: Database; jobLimits?: JobQueueLimits }) {
  const deps = { db: opts.db, coverage: createCoverageService(opts.db.sql), jobs: createJobQueue(opts.jobLimits ?? DEFAULT_JOB_LIMITS) };
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
  app.notFound(apiFallback(app));
  return app
    .route('/', referenceRoutes)
    .route('/sites', siteRoutes)
    .route('/', coverageRoutes)
    .route('/scenarios', scenarioRoutes)
    .route('/plan', planRoutes)
    .route('/import', importRoutes)
    .route('/import', leaderImportRoutes)
    .route('/', leaderRoutes)
    .route('/activities', activityRoutes)
    .route('/', evaluationRoutes)
    .route('/', reportRoutes)
    .route('/export', exportRoutes)
    .route('/villages', villageRoutes)
    .route('/basemaps', basemapRoutes)
    .route('/', openApiRoutes);
}

export type AppType = ReturnType<typeof createApp>;
