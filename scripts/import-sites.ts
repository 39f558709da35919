/**
 * npm run import:sites -- FILE --crs wgs84|gcj02|bd09 [--commit] [--skip-invalid] [--mapping JSON] [--licence TEXT]
 *
 * Checks a site register (CSV in UTF-8 or GBK/GB18030, XLSX, or GeoJSON points) and, with --commit,
 * imports it in one transaction (re-importing updates the same sites). Without --commit it only previews.
 * The coordinate system is required: it is never guessed. Database: DATABASE_URL, else embedded PGlite in
 * DATA_DIR (default ./data; stop the app first). Exit code 0 when the file is clean / the commit succeeded,
 * 1 when there are problems (a preview with errors, a refused commit, an unreadable file).
 *
 * Remote mode: --server https://host --token TOKEN (or PLANNER_TOKEN in the environment) sends the file to that
 * server's import API (POST /api/d/<county>/import/sites) as the token's account (planner or admin) instead of opening a
 * database; the preview table, problems and commit are the same. The local mode is for a first install.
 */
import { importSitesCli } from './lib/import-sites-cli.ts';
import { runCli } from './lib/run-import-cli.ts';

runCli(importSitesCli);
