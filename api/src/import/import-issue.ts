/** One problem found in an uploaded file, located by spreadsheet row (or feature number) and column. */
export interface ImportIssue {
  /** Spreadsheet row (1-based, header included) or feature number; null for a problem with the whole file. */
  row: number | null;
  /** The user's column header, when the problem is in one cell. */
  column: string | null;
  /** Our field name. */
  field: string | null;
  code: ImportIssueCode;
  /** Errors block a commit (unless skipInvalid); warnings never do. */
  severity: 'error' | 'warning';
  message: string;
  value?: string;
}

export type ImportIssueCode =
  | 'missing_column' | 'missing_name' | 'unknown_kind' | 'township_not_found' | 'village_not_found'
  | 'village_not_in_township' | 'village_ambiguous' | 'bad_number' | 'bad_value' | 'missing_coordinate'
  | 'outside_district' | 'lat_lng_swapped' | 'duplicate_in_file' | 'no_coordinates' | 'bad_geometry'
  | 'township_mismatch' | 'too_long' | 'zero_population'
  | 'bad_date' | 'missing_value' | 'site_not_found' | 'team_not_found' | 'unknown_project' | 'unknown_level' | 'inconsistent_counts';

/** Rows with at least one error. */
export function rowsWithErrors(issues: ImportIssue[]): Set<number> {
  const rows = new Set<number>();
  for (const i of issues) if (i.severity === 'error' && i.row !== null) rows.add(i.row);
  return rows;
}

/** True when a problem concerns the whole file (cannot be skipped row by row). */
export const hasFileError = (issues: ImportIssue[]) => issues.some((i) => i.severity === 'error' && i.row === null);

const clipText = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`);

/** The result with every issue's message and echoed value cut short, so a response never echoes a whole cell back. */
export function clipIssues<T extends { issues: ImportIssue[] }>(result: T): T {
  return {
    ...result,
    issues: result.issues.map((i) => ({
      ...i, message: clipText(i.message, 300), ...(i.value !== undefined ? { value: clipText(i.value, 200) } : {}),
      column: i.column === null ? null : clipText(i.column, 100),
    })),
  };
}
