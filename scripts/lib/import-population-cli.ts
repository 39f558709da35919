/** `importPopulationCli(argv, io)`: the whole of scripts/import-population.ts (options and behaviour are described in that script), callable in-process. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_CRS, type ImportCrs } from '../../api/src/import/crs.ts';
import { formatIssues } from '../../api/src/import/format-issues.ts';
import { importPopulation, importVillages } from '../../api/src/import/import-reference-data.ts';
import { runImportCli, type CliIo } from './run-import-cli.ts';
import { districtOption } from './district-option.ts';
import { remoteImport, remoteTarget, runRemoteImportCli } from './remote-import.ts';

export async function importPopulationCli(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      crs: { type: 'string' }, licence: { type: 'string' }, villages: { type: 'boolean' }, 'cell-size': { type: 'string' },
      name: { type: 'string' }, vintage: { type: 'string' }, commit: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' },
      server: { type: 'string' }, token: { type: 'string' }, district: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    io.log('usage: npx tsx scripts/import-population.ts FILE --crs wgs84|gcj02|bd09 --licence TEXT [--villages] [--cell-size M] [--commit] [--district CODE] [--server URL --token TOKEN]');
    return values.help ? 0 : 1;
  }
  if (!values.crs || !(IMPORT_CRS as readonly string[]).includes(values.crs)) {
    io.error('error: --crs is required: wgs84, gcj02 or bd09 (never guessed)');
    return 1;
  }
  if (!values.licence) {
    io.error('error: --licence is required (under which licence or permission the data may be used)');
    return 1;
  }
  const cellSizeMeters = values['cell-size'] === undefined ? undefined : Number(values['cell-size']);
  if (cellSizeMeters !== undefined && !(cellSizeMeters > 0)) {
    io.error('error: --cell-size must be a positive number of metres');
    return 1;
  }
  const district = districtOption(io, values.district);
  if (district === false) return 1;
  const remote = remoteTarget(io, values.server, values.token, district);
  if (remote === false) return 1;
  const file = positionals[0];
  const mode = values.commit ? 'commit' as const : 'preview' as const;
  type Result = Awaited<ReturnType<typeof importPopulation>> | Awaited<ReturnType<typeof importVillages>>;
  const report = (r: Result, where: string) => {
    io.log(`${basename(file)} (${where}): ${JSON.stringify(r.summary)}`);
    io.log(`columns: ${Object.entries(r.mapping).filter(([, h]) => h).map(([f, h]) => `${f}←${h}`).join(', ')}`);
    if (r.issues.length) io.log(formatIssues(r.issues, r.rowKind));
    if (r.committed) io.log(`committed: ${JSON.stringify(r.committed, (k, v) => (k === 'skipped' ? (v as unknown[]).length : v))}`);
    else io.log('preview only: nothing was written (add --commit to import)');
    return r.summary.invalid > 0 && !r.committed ? 1 : 0;
  };
  if (remote) {
    const target = remote;
    return runRemoteImportCli(io, file, async () => report(await remoteImport<Result>(target, values.villages ? 'villages' : 'population', file, {
      crs: values.crs, mode, skipInvalid: String(values['skip-invalid'] ?? false), licence: values.licence, sourceName: values.name,
      vintage: values.vintage, cellSizeMeters: values.villages ? undefined : values['cell-size'],
    }), `server ${target.server}`));
  }
  return runImportCli(io, file, async (sql, bytes) => {
    const input = {
      district, bytes, fileName: basename(file), crs: values.crs as ImportCrs, mode,
      skipInvalid: values['skip-invalid'] ?? false, licence: values.licence, sourceName: values.name, vintage: values.vintage,
    };
    return report(values.villages ? await importVillages(sql, input) : await importPopulation(sql, input, { cellSizeMeters }), 'local database');
  }, district);
}

