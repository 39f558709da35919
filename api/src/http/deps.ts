import type { Database } from '../db/client.ts';
import type { CoverageService } from '../services/coverage-service.ts';
import type { JobQueue } from '../services/job-queue.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import type { AnswerCache } from './answer-cache.ts';
import type { Principal } from '../db/users-repo.ts';
import type { RequestConfig } from '../services/request-config.ts';

/** What routes need from the outside world; tests pass a real database opened fresh per file. */
export interface AppDeps {
  db: Database;
  coverage: CoverageService;
  /** Bounded queue for heavy work (plans, imports, exports); see services/job-queue.ts. */
  jobs: JobQueue;
  throttle: LoginThrottle;
  /** Who a session cookie or API token belongs to, cached briefly (auth/principal-cache.ts). */
  principals: PrincipalCache;
  /** JSON answers of read routes for the current data version (http/answer-cache.ts). */
  answers: AnswerCache;
  /** Set the session cookie with `Secure` (behind HTTPS); also set when the request itself is https. */
  secureCookies: boolean;
  /** Trust `X-Forwarded-For` for the client address (behind a reverse proxy). */
  trustProxy: boolean;
  /** Service requests: time limits, abuse limits, retention (services/request-config.ts). */
  requests: RequestConfig;
  /** Loads a county's shipped pack on first use (http/district.ts). */
  loadDistrict: (code: string) => Promise<unknown>;
}

/** `district`: the county code the request is about (http/district.ts), the default district for unprefixed routes. */
export type AppEnv = { Variables: { deps: AppDeps; principal: Principal | null; district: string } };
