/** Appended to the name of a block that needs PostgreSQL, so a skip says why in the output. */
export const WITHOUT_POSTGRES_SKIPPED = process.env.TEST_DATABASE_URL
  ? ''
  : ' (skipped: needs TEST_DATABASE_URL, a PostgreSQL with PostGIS and pgRouting)';
