import type { Database } from '../db/client.ts';
import type { CoverageService } from '../services/coverage-service.ts';

/** What routes need from the outside world; tests pass a real database opened fresh per file. */
export interface AppDeps {
  db: Database;
  coverage: CoverageService;
}

export type AppEnv = { Variables: { deps: AppDeps } };
