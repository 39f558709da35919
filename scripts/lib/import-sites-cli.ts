/** `importSitesCli(argv, io)`: the whole of npm run import:sites (options and behaviour are described in that script), callable in-process. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_CRS, type ImportCrs } from '../../api/src/import/crs.ts';
import { formatIssues } from '../../api/src/import/format-issues.ts';
import { importSites, type SiteImportResult } from '../../api/src/import/import-sites.ts';
import { SITE_KIND_NAMES } from '../../api/src/schemas/sites.ts';
import { runImportCli, type CliIo } from './run-import-cli.ts';
import { districtOption } from './district-option.ts';
import { remoteImport, remoteTarget, runRemoteImportCli } from './remote-import.ts';

const TABLE_ROWS = 20;

/** The planned rows as an aligned table (the first {@link TABLE_ROWS}). */
function rowsTable(r: SiteImportResult): string {
  const cells = r.rows.slice(0, TABLE_ROWS).map((p) => [
    String(p.row), p.action === 'create' ? '新建 create' : `更新 update ${p.siteId ?? ''}`.trim(), p.fields.name,
    SITE_KIND_NAMES[p.fields.kind]?.zh ?? p.fields.kind, p.fields.townshipCode ?? '', p.fields.villageCode ?? '',
    p.fields.lng != null && p.fields.lat != null ? `${p.fields.lng.toFixed(6)},${p.fields.lat.toFixed(6)}` : '',
  ]);
  const head = ['行 row', '操作 action', '名称 name', '类型 kind', '乡镇 township', '村 village', '经纬度 WGS-84'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const line = (c: string[]) => '  ' + c.map((x, i) => x + ' '.repeat(widths[i] - width(x))).join('  ').trimEnd();
  const more = r.rows.length > TABLE_ROWS || r.rowsTruncated ? [`  … ${r.summary.valid - TABLE_ROWS} more valid rows`] : [];
  return [line(head), ...cells.map(line), ...more].join('\n');
}

export async function importSitesCli(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      crs: { type: 'string' }, commit: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, mapping: { type: 'string' },
      licence: { type: 'string' }, name: { type: 'string' }, server: { type: 'string' }, token: { type: 'string' }, district: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    io.log('usage: npm run import:sites -- FILE --crs wgs84|gcj02|bd09 [--commit] [--skip-invalid] [--mapping JSON] [--district CODE] [--server URL --token TOKEN]');
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
  const district = districtOption(io, values.district);
  if (district === false) return 1;
  const remote = remoteTarget(io, values.server, values.token, district);
  if (remote === false) return 1;
  const file = positionals[0];
  const mode = values.commit ? 'commit' as const : 'preview' as const;
  const t0 = performance.now();
  const report = (r: SiteImportResult, where: string) => {
    const s = r.summary;
    io.log(`${basename(file)}: ${r.format.toUpperCase()}${r.encoding ? ` (${r.encoding})` : ''}${r.sheet ? `, sheet "${r.sheet}"` : ''}, `
      + `header row ${r.headerRow ?? '—'}, coordinates ${values.crs}; ${where}`);
    io.log(`columns: ${Object.entries(r.mapping).filter(([, h]) => h).map(([f, h]) => `${f}←${h}`).join(', ')}`);
    if (r.unmappedHeaders.length) io.log(`ignored columns: ${r.unmappedHeaders.join(', ')}`);
    io.log(`${s.rows} rows: ${s.valid} valid (${s.create} new, ${s.update} updates), ${s.invalid} with problems, ${s.warnings} warnings`);
    if (!r.committed && r.rows.length) io.log(rowsTable(r));
    if (r.issues.length) io.log(formatIssues(r.issues, r.rowKind));
    if (r.committed) {
      io.log(`committed: ${r.committed.created} created, ${r.committed.updated} updated, ${r.committed.skipped.length} rows skipped; `
        + `data version ${r.committed.dataVersion}; source ${r.committed.sourceId}`);
    } else {
      io.log('preview only: nothing was written (add --commit to import)');
    }
    io.log(`${((performance.now() - t0) / 1000).toFixed(2)} s${remote ? '' : `, peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`}`);
    return s.invalid > 0 && !r.committed ? 1 : 0;
  };
  if (remote) {
    const target = remote;
    return runRemoteImportCli(io, file, async () => report(await remoteImport<SiteImportResult>(target, 'sites', file, {
      crs: values.crs, mode, skipInvalid: String(values['skip-invalid'] ?? false), mapping: values.mapping,
      licence: values.licence, sourceName: values.name,
    }), `server ${target.server}`));
  }
  return runImportCli(io, file, async (sql, bytes) => report(await importSites(sql, {
    district, bytes, fileName: basename(file), crs: values.crs as ImportCrs, mode,
    skipInvalid: values['skip-invalid'] ?? false, mapping, licence: values.licence, sourceName: values.name,
  }), 'local database'), district);
}
