/** Site register import: preview (problems + plan) or an all-or-nothing commit. Used by the API and the CLI. */
import { inTransaction, type Sql } from '../db/client.ts';
import { commitSiteImport, insertDataSource, listExistingSites, newDataSourceId } from '../db/import-repo.ts';
import { getDataVersion } from '../db/version-repo.ts';
import { CRS_LABEL, datumNote } from './crs.ts';
import { checkSize, loadContext, refuseIfNeeded, skippedRows, type ImportInput } from './import-context.ts';
import { planSiteImport, type PlannedSite, type SiteImportPlan } from './plan-site-import.ts';
import { readTable } from './read-table.ts';

/** Planned rows listed in a preview (all problems are always listed). */
export const PREVIEW_ROW_LIMIT = 2000;

export interface SiteImportResult extends Omit<SiteImportPlan, 'sites'> {
  mode: 'preview' | 'commit';
  fileName: string;
  rows: PlannedSite[];
  rowsTruncated: boolean;
  committed?: {
    created: number; updated: number; skipped: { row: number; reasons: string[] }[];
    sourceId: string; dataVersion: number;
  };
}

/**
 * Reads, checks and (in `commit` mode) imports a site register. A commit refuses (422) a file with
 * problems unless `skipInvalid`; re-importing updates the matched sites instead of duplicating them.
 * @example await importSites(sql, { bytes, fileName: '站点.csv', crs: 'gcj02', mode: 'preview', skipInvalid: false })
 */
export async function importSites(sql: Sql, input: ImportInput): Promise<SiteImportResult> {
  const { district } = input;
  checkSize(input.bytes);
  const table = await readTable(input.bytes);
  const ctx = await loadContext(sql, district);
  const existing = await listExistingSites(sql, district);
  const plan = planSiteImport(
    table,
    { places: ctx.places, insideDistrict: ctx.insideDistrict, districtName: ctx.districtName, existing },
    { crs: input.crs, mapping: input.mapping },
  );
  const { sites, ...rest } = plan;
  const result: SiteImportResult = {
    mode: input.mode, fileName: input.fileName, ...rest,
    rows: sites.slice(0, PREVIEW_ROW_LIMIT), rowsTruncated: sites.length > PREVIEW_ROW_LIMIT,
  };
  if (input.mode === 'preview') return result;

  refuseIfNeeded(plan.issues, sites.length, input.skipInvalid, 'sites');
  const sourceId = newDataSourceId('sites');
  const skipped = skippedRows(plan.issues);
  const done = await inTransaction(sql, async (tx) => {
    await insertDataSource(tx, district, {
      id: sourceId, name: input.sourceName || `站点名册 / site register: ${input.fileName}`,
      licence: input.licence || '区内资料，未公开 / district internal data', attribution: input.attribution ?? '',
      datum: datumNote(input.crs), vintage: input.vintage ?? '', origin: input.fileName,
      notes: `${plan.format.toUpperCase()}${plan.encoding ? `, ${plan.encoding}` : ''}, coordinates given in ${CRS_LABEL[input.crs]}; `
        + `${sites.filter((s) => s.action === 'create').length} created, ${sites.filter((s) => s.action === 'update').length} updated, ${skipped.length} rows skipped`,
    });
    const r = await commitSiteImport(tx, district, sites);
    await input.onCommit?.(tx, { created: r.created.length, updated: r.updated.length, rowsSkipped: skipped.length, sourceId, createdIds: r.created.map((x) => x.id), updatedIds: r.updated.map((x) => x.id) });
    return { ...r, dataVersion: await getDataVersion(tx, district) };
  });
  result.committed = { created: done.created.length, updated: done.updated.length, skipped, sourceId, dataVersion: done.dataVersion };
  return result;
}
