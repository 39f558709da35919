const why = 'needs TEST_DATABASE_URL, a PostgreSQL with PostGIS and pgRouting';

/** Appended to the name of a block that needs PostgreSQL, so a skip says why wherever names are listed. */
export const WITHOUT_POSTGRES_SKIPPED = process.env.TEST_DATABASE_URL ? '' : ` (skipped: ${why})`;

/**
 * For `describe.runIf(needsPostgres('…'))`: true when TEST_DATABASE_URL is set; otherwise prints why the block is
 * skipped, so the skip shows in the run's output (vitest's default reporter lists no skipped names).
 */
export function needsPostgres(what: string): boolean {
  if (process.env.TEST_DATABASE_URL) return true;
  console.log(`skipped: ${what} — ${why}`);
  return false;
}
