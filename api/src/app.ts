import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
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
import { sessionRoutes } from './routes/session.ts';
import { settingsRoutes, tokenRoutes, userRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { publicRoutes } from './routes/public.ts';
import { getCookie } from 'hono/cookie';
import { authMiddleware, SESSION_COOKIE } from './http/auth.ts';
import { ROUTE_RULES } from './http/route-rules.ts';
import { allowedHostsFromEnv, hostAllowlist, noStore, securityHeaders } from './http/security.ts';
import { basemapTileOrigins } from './services/basemap-config.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { createPrincipalCache } from './auth/principal-cache.ts';
import { createAnswerCache } from './http/answer-cache.ts';
import { districtRoutes } from './routes/districts.ts';
import { requestRoutes } from './routes/requests.ts';
import { requestConfig, type RequestConfig } from './services/request-config.ts';
import { createDistrictLoader, districtScope } from './http/district.ts';
import { cityRoutes } from './routes/city.ts';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface AppOptions {
  db: Database;
  /** Host names the server answers to (DNS-rebinding defence); default: loopback plus `ALLOWED_HOSTS`. */
  allowedHosts?: string[];
  /** Mark the session cookie Secure (behind HTTPS); default: `COOKIE_SECURE=1`. */
  secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For; default: `TRUST_PROXY=1`. */
  trustProxy?: boolean;
  /** Limits of the heavy-work queue (plans, imports, exports); default DEFAULT_JOB_LIMITS. */
  jobLimits?: JobQueueLimits;
  /** Service-request limits; default from the environment (services/request-config.ts). */
  requestConfig?: Partial<RequestConfig>;
}

/** Builds the API (mounted under `/api`) on the given dependencies. */
export function createApp(opts: AppOptions) {
  const deps = {
    db: opts.db, coverage: createCoverageService(opts.db.sql), jobs: createJobQueue(opts.jobLimits ?? DEFAULT_JOB_LIMITS),
    throttle: createLoginThrottle(), principals: createPrincipalCache(), answers: createAnswerCache(), requests: requestConfig(opts.requestConfig),
    loadDistrict: createDistrictLoader(opts.db.sql),
    secureCookies: opts.secureCookies ?? process.env.COOKIE_SECURE === '1', trustProxy: opts.trustProxy ?? process.env.TRUST_PROXY === '1',
  };
  const app = new Hono<AppEnv>().basePath('/api');
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', hostAllowlist(opts.allowedHosts ?? allowedHostsFromEnv()));
  app.use('*', securityHeaders(basemapTileOrigins(process.env)), noStore);
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'Request body is larger than 25 MB');
      },
    }),
  );
  // Writes that carry the session cookie, in the content types a page on another site can send without CORS,
  // must carry our own Origin or Sec-Fetch-Site. authMiddleware also refuses any cross-site Origin and
  // cookie-session writes without the CSRF token. Requests without the cookie carry no ambient credential.
  const sameOrigin = csrf();
  app.use('*', (c, next) => (getCookie(c, SESSION_COOKIE) ? sameOrigin(c, next) : next()));
  app.use('*', districtScope);
  app.use('*', authMiddleware(ROUTE_RULES));
  app.onError(onError);
  app.notFound(apiFallback(app));
  return app
    .route('/', districtApp)
    .route('/d/:district', districtApp)
    .route('/basemaps', basemapRoutes)
    .route('/session', sessionRoutes)
    .route('/users', userRoutes)
    .route('/tokens', tokenRoutes)
    .route('/settings', settingsRoutes)
    .route('/districts', districtRoutes)
    .route('/city', cityRoutes)
    .route('/', openApiRoutes);
}

/**
 * The routes about one district's data, mounted twice: under `/api/…` for the default district (朝天区) and under
 * `/api/d/:district/…` for any county; `districtScope` resolves which into `c.var.district`.
 */
const districtApp = new Hono<AppEnv>()
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
  .route('/audit', auditRoutes)
  .route('/public', publicRoutes)
  .route('/', requestRoutes);

export type AppType = ReturnType<typeof createApp>;
