/** Shared plumbing of the import services: reference data, the 422 refusal, common input. */
import type { Sql } from '../db/client.ts';
import { loadImportReference, type ImportReference } from '../db/import-repo.ts';
import { TooLargeError, UnprocessableError, type ErrorIssue } from '../domain-errors.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { ImportCrs } from './crs.ts';
import type { ImportIssue } from './import-issue.ts';
import { placeMatcher, type PlaceMatcher } from './place-matcher.ts';
import { pointInPolygonGrid, type PointInPolygon } from './point-in-polygon-grid.ts';

/** Largest accepted upload (bytes). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What every table import receives (from the multipart form or the CLI). */
export interface ImportInput {
  /** The county the file is imported into (its code). */
  district: string;
  bytes: Uint8Array;
  fileName: string;
  crs: ImportCrs;
  mode: 'preview' | 'commit';
  skipInvalid: boolean;
  mapping?: ColumnMapping;
  /** Data source fields recorded on commit. */
  sourceName?: string;
  licence?: string;
  vintage?: string;
  attribution?: string;
  /** Called inside the commit's transaction with its counts (the API records the audit row here). */
  onCommit?: (tx: Sql, committed: Record<string, unknown>) => Promise<void>;
}

export interface LoadedContext {
  reference: ImportReference;
  districtName: string;
  insideDistrict: PointInPolygon;
  places: PlaceMatcher;
}

export async function loadContext(sql: Sql, district: string): Promise<LoadedContext> {
  const reference = await loadImportReference(sql, district);
  if (!reference.district) throw new UnprocessableError('The district boundary is not loaded; start the app once to load the shipped data');
  return {
    reference,
    districtName: reference.district.name,
    insideDistrict: pointInPolygonGrid(reference.district.boundary),
    places: placeMatcher(reference.townships, reference.villages),
  };
}

export function checkSize(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new TooLargeError(`The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 20 MB`);
  }
}

/** Issues in the API error shape: path = [row (or "file"), column or field]. */
export function toErrorIssues(issues: ImportIssue[], limit = 1000): ErrorIssue[] {
  return issues
    .filter((i) => i.severity === 'error')
    .slice(0, limit)
    .map((i) => ({ path: [i.row ?? 'file', i.column ?? i.field ?? ''], message: i.message, code: i.code }));
}

/**
 * Throws the 422 refusal of a commit when the file has problems: always for whole-file problems,
 * for row problems unless `skipInvalid`, and when nothing valid is left.
 */
export function refuseIfNeeded(issues: ImportIssue[], validCount: number, skipInvalid: boolean, what: string): void {
  const errors = issues.filter((i) => i.severity === 'error');
  const fileErrors = errors.filter((i) => i.row === null);
  if (fileErrors.length) {
    throw new UnprocessableError(`The file cannot be imported: ${fileErrors.map((i) => i.message).join('; ')}`, toErrorIssues(errors));
  }
  const badRows = new Set(errors.map((i) => i.row)).size;
  if (errors.length && !skipInvalid) {
    throw new UnprocessableError(
      `${badRows} row(s) have problems; nothing was imported. Fix them, or commit with skipInvalid to import the other ${validCount} ${what}`,
      toErrorIssues(errors));
  }
  if (validCount === 0) throw new UnprocessableError(`No valid ${what} in the file; nothing was imported`, toErrorIssues(errors));
}

/** Rows skipped on a skipInvalid commit, with their reasons. */
export function skippedRows(issues: ImportIssue[]): { row: number; reasons: string[] }[] {
  const byRow = new Map<number, string[]>();
  for (const i of issues) {
    if (i.severity !== 'error' || i.row === null) continue;
    byRow.set(i.row, [...(byRow.get(i.row) ?? []), i.message]);
  }
  return [...byRow].sort((a, b) => a[0] - b[0]).map(([row, reasons]) => ({ row, reasons }));
}
