import type { Database } from '../db/client.ts';
import type { CoverageService } from '../services/coverage-service.ts';
import type { JobQueue } from '../services/job-queue.ts';

/** What routes need from the outside world; tests pass a real database opened fresh per file. */
export interface AppDeps {
  db: Database;
  coverage: CoverageService;
  /** Bounded queue for heavy work (plans, imports, exports); see services/job-queue.ts. */
  jobs: JobQueue;
}

export type AppEnv = { Variables: { deps: AppDeps } };
