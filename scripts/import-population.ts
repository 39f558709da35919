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
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_CRS, type ImportCrs } from '../api/src/import/crs.ts';
import { formatIssues } from '../api/src/import/format-issues.ts';
import { importPopulation, importVillages } from '../api/src/import/import-reference-data.ts';
import { runImportCli } from './lib/run-import-cli.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      crs: { type: 'string' }, licence: { type: 'string' }, villages: { type: 'boolean' }, 'cell-size': { type: 'string' },
      name: { type: 'string' }, vintage: { type: 'string' }, commit: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log('usage: npx tsx scripts/import-population.ts FILE --crs wgs84|gcj02|bd09 --licence TEXT [--villages] [--cell-size M] [--commit]');
    return values.help ? 0 : 1;
  }
  if (!values.crs || !(IMPORT_CRS as readonly string[]).includes(values.crs)) {
    console.error('error: --crs is required: wgs84, gcj02 or bd09 (never guessed)');
    return 1;
  }
  if (!values.licence) {
    console.error('error: --licence is required (under which licence or permission the data may be used)');
    return 1;
  }
  const cellSizeMeters = values['cell-size'] === undefined ? undefined : Number(values['cell-size']);
  if (cellSizeMeters !== undefined && !(cellSizeMeters > 0)) {
    console.error('error: --cell-size must be a positive number of metres');
    return 1;
  }
  const file = positionals[0];
  return runImportCli(file, async (sql, bytes) => {
    const input = {
      bytes, fileName: basename(file), crs: values.crs as ImportCrs, mode: values.commit ? 'commit' as const : 'preview' as const,
      skipInvalid: values['skip-invalid'] ?? false, licence: values.licence, sourceName: values.name, vintage: values.vintage,
    };
    const r = values.villages ? await importVillages(sql, input) : await importPopulation(sql, input, { cellSizeMeters });
    console.log(`${basename(file)}: ${JSON.stringify(r.summary)}`);
    console.log(`columns: ${Object.entries(r.mapping).filter(([, h]) => h).map(([f, h]) => `${f}←${h}`).join(', ')}`);
    if (r.issues.length) console.log(formatIssues(r.issues, r.rowKind));
    if (r.committed) console.log(`committed: ${JSON.stringify(r.committed, (k, v) => (k === 'skipped' ? (v as unknown[]).length : v))}`);
    else console.log('preview only: nothing was written (add --commit to import)');
    return r.summary.invalid > 0 && !r.committed ? 1 : 0;
  });
}

main().then((code) => { process.exitCode = code; }, (err) => { console.error(err); process.exitCode = 1; });
