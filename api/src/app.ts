import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './http/deps.ts';
import { ApiError, errorBody, onError } from './http/errors.ts';
import { referenceRoutes } from './routes/reference.ts';
import { siteRoutes } from './routes/sites.ts';
import { openApiRoutes } from './routes/openapi.ts';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** Builds the API (mounted under `/api`) on the given dependencies. */
export function createApp(deps: AppDeps) {
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
    .route('/', openApiRoutes);
}

export type AppType = ReturnType<typeof createApp>;
