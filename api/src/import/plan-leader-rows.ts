/**
 * The common loop of the leaders' imports (volunteers, teams, activities): resolve the columns, check
 * required columns, parse each row with a row parser that reports issues, and summarise — the same
 * preview shape and issue style as the site import.
 */
import { resolveColumns, type ColumnMapping, type FieldSpec, type ResolvedColumns } from './column-mapping.ts';
import { hasFileError, rowsWithErrors, type ImportIssue } from './import-issue.ts';
import type { RawTable, TableRecord } from './read-table.ts';

export interface RowContext {
  row: number;
  /** Trimmed text of our field's cell ('' when the column is absent). */
  cell(field: string): string;
  has(field: string): boolean;
  error(field: string | null, code: ImportIssue['code'], message: string, value?: string): void;
  warn(field: string | null, code: ImportIssue['code'], message: string): void;
}

export interface LeaderImportPlan<T> {
  rowKind: 'row' | 'feature';
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  unmappedHeaders: string[];
  rows: (T & { row: number })[];
  issues: ImportIssue[];
  summary: { rows: number; valid: number; invalid: number; warnings: number };
}

/**
 * Runs `parseRow` on every record; a row with an error (or returning null) is left out of `rows`.
 * `required` lists groups of fields of which at least one column must exist ([['township', 'village']]).
 * @example planLeaderRows(table, VOLUNTEER_FIELDS, [['date']], (r) => ({ date: r.cell('date') }))
 */
export function planLeaderRows<T extends object>(
  table: RawTable, specs: FieldSpec[], required: string[][], parseRow: (r: RowContext, rec: TableRecord) => T | null,
  mapping?: ColumnMapping,
): LeaderImportPlan<T> {
  const cols: ResolvedColumns = resolveColumns(table, specs, mapping);
  const issues: ImportIssue[] = [];
  for (const group of required) {
    if (group.every((f) => cols.columnIndex[f] === undefined)) {
      const names = group.map((f) => specs.find((s) => s.field === f)?.aliases[0] ?? f).join(' / ');
      issues.push({ row: null, column: null, field: group[0], code: 'missing_column', severity: 'error',
        message: `no column for ${names}; columns found: ${cols.headers.filter(Boolean).join(', ')}` });
    }
  }
  const rows: (T & { row: number })[] = [];
  for (const rec of cols.records) {
    const before = issues.length;
    const push = (field: string | null, code: ImportIssue['code'], severity: 'error' | 'warning', message: string, value?: string) =>
      issues.push({ row: rec.row, column: field ? (cols.mapping[field] ?? null) : null, field, code, severity, message, ...(value !== undefined ? { value } : {}) });
    const ctx: RowContext = {
      row: rec.row,
      cell: (f) => (cols.columnIndex[f] === undefined ? '' : (rec.cells[cols.columnIndex[f]] ?? '').trim()),
      has: (f) => cols.columnIndex[f] !== undefined,
      error: (f, code, message, value) => push(f, code, 'error', message, value),
      warn: (f, code, message) => push(f, code, 'warning', message),
    };
    const parsed = parseRow(ctx, rec);
    if (parsed && !issues.slice(before).some((i) => i.severity === 'error')) rows.push({ ...parsed, row: rec.row });
  }
  const fileError = hasFileError(issues);
  return {
    rowKind: table.rowKind, headerRow: cols.headerRow, headers: cols.headers, mapping: cols.mapping, unmappedHeaders: cols.unmappedHeaders,
    rows: fileError ? [] : rows, issues,
    summary: {
      rows: cols.records.length, valid: fileError ? 0 : rows.length, invalid: rowsWithErrors(issues).size,
      warnings: issues.filter((i) => i.severity === 'warning').length,
    },
  };
}
