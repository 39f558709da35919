/**
 * npx tsx scripts/import-population.ts FILE --crs wgs84|gcj02|bd09 --licence TEXT [--villages] [--cell-size 100]
 *   [--name TEXT] [--vintage 2020] [--commit] [--skip-invalid]
 *
 * Population data replacing the modelled demand:
 *  - default: a grid/point set (CSV/XLSX lng,lat,population[,65+], or GeoJSON points/polygons) → the active
 *    demand set of kind `grid`;
 *  - --villages: village/community locations and populations (name or code, lng, lat, population) → villages
 *    table + the active demand set of kind `villages`.
 * Records a data source (name, vintage, licence, datum, modelled: false). Without --commit only previews.
 * Database: DATABASE_URL, else embedded PGlite in DATA_DIR (default ./data). Exit code 1 on problems.
 * Remote mode: --server https://host --token TOKEN (or PLANNER_TOKEN) sends the file to the server's import API
 * (POST /api/d/<county>/import/population, or /villages with --villages) instead of opening a database.
 */
import { importPopulationCli } from './lib/import-population-cli.ts';
import { runCli } from './lib/run-import-cli.ts';

runCli(importPopulationCli);
