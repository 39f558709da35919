/** `importSitesCli(argv, io)`: the whole of npm run import:sites (options and behaviour are described in that script), callable in-process. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_CRS, type ImportCrs } from '../../api/src/import/crs.ts';
import { formatIssues } from '../../api/src/import/format-issues.ts';
import { importSites } from '../../api/src/import/import-sites.ts';
import { runImportCli, type CliIo } from './run-import-cli.ts';
import { DEFAULT_DISTRICT_CODE } from '../../api/src/services/district-packs.ts';

export async function importSitesCli(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      crs: { type: 'string' }, commit: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, mapping: { type: 'string' },
      licence: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    io.log('usage: npm run import:sites -- FILE --crs wgs84|gcj02|bd09 [--commit] [--skip-invalid] [--mapping JSON]');
    return values.help ? 0 : 1;
  }
  if (!values.crs || !(IMPORT_CRS as readonly string[]).includes(values.crs)) {
    io.error('error: --crs is required: wgs84 (GPS), gcj02 (Amap/Tencent) or bd09 (Baidu); it is never guessed');
    return 1;
  }
  let mapping: Record<string, string | null> | undefined;
  if (values.mapping) {
    try {
      mapping = JSON.parse(values.mapping);
    } catch {
      io.error('error: --mapping must be JSON, e.g. {"name":"站名","lng":"X"}');
      return 1;
    }
  }
  const file = positionals[0];
  return runImportCli(io, file, async (sql, bytes) => {
    const t0 = performance.now();
    const r = await importSites(sql, {
      district: DEFAULT_DISTRICT_CODE, bytes, fileName: basename(file), crs: values.crs as ImportCrs, mode: values.commit ? 'commit' : 'preview',
      skipInvalid: values['skip-invalid'] ?? false, mapping, licence: values.licence, sourceName: values.name,
    });
    const s = r.summary;
    io.log(`${basename(file)}: ${r.format.toUpperCase()}${r.encoding ? ` (${r.encoding})` : ''}${r.sheet ? `, sheet "${r.sheet}"` : ''}, `
      + `header row ${r.headerRow ?? '—'}, coordinates ${values.crs}`);
    io.log(`columns: ${Object.entries(r.mapping).filter(([, h]) => h).map(([f, h]) => `${f}←${h}`).join(', ')}`);
    if (r.unmappedHeaders.length) io.log(`ignored columns: ${r.unmappedHeaders.join(', ')}`);
    io.log(`${s.rows} rows: ${s.valid} valid (${s.create} new, ${s.update} updates), ${s.invalid} with problems, ${s.warnings} warnings`);
    if (r.issues.length) io.log(formatIssues(r.issues, r.rowKind));
    if (r.committed) {
      io.log(`committed: ${r.committed.created} created, ${r.committed.updated} updated, ${r.committed.skipped.length} rows skipped; `
        + `data version ${r.committed.dataVersion}; source ${r.committed.sourceId}`);
    } else {
      io.log('preview only: nothing was written (add --commit to import)');
    }
    io.log(`${((performance.now() - t0) / 1000).toFixed(2)} s, peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    return s.invalid > 0 && !r.committed ? 1 : 0;
  });
}

