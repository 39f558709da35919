/**
 * npm run import:roads -- FILE [--margin 2000] [--speeds speeds.json] [--name "OSM 2025-03-01"]
 *
 * Reads an OpenStreetMap extract (.osm.pbf or .osm XML, e.g. Geofabrik's china/sichuan), keeps the roads
 * within the district boundary + margin, and stores the road graph as the active one (atomically: a
 * failure leaves the previous graph in place). Database: DATABASE_URL, else embedded PGlite in DATA_DIR
 * (default ./data; stop the app first, PGlite allows one process). Exit code 1 on any error.
 *
 * --speeds: JSON object of car speeds in km/h per road class overriding DEFAULT_CAR_SPEEDS_KMH
 *   (classes: motorway trunk primary secondary tertiary unclassified residential service living_street
 *   track path footway cycleway steps pedestrian other). Stored with the graph.
 */
import { importRoadsCli } from './lib/import-roads-cli.ts';
import { runCli } from './lib/run-import-cli.ts';

runCli(importRoadsCli);
