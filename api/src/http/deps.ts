import type { Database } from '../db/client.ts';

/** What routes need from the outside world; tests pass a real database opened fresh per file. */
export interface AppDeps {
  db: Database;
}

export type AppEnv = { Variables: { deps: AppDeps } };
