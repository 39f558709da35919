import type { ImportIssue } from './import-issue.ts';

/**
 * Problems as aligned text lines for a terminal: `row 12  经度  outside_district  (…) lies outside 朝天区`.
 * @example console.log(formatIssues(result.issues, 'row', 50))
 */
export function formatIssues(issues: ImportIssue[], rowKind: 'row' | 'feature', limit = 50): string {
  const lines = issues.slice(0, limit).map((i) => {
    const where = i.row === null ? 'file' : `${rowKind} ${i.row}`;
    return `  ${i.severity === 'error' ? 'ERROR' : 'warn '} ${where.padEnd(11)} ${(i.column ?? i.field ?? '').padEnd(8)} ${i.code.padEnd(24)} ${i.message}`;
  });
  if (issues.length > limit) lines.push(`  … and ${issues.length - limit} more`);
  return lines.join('\n');
}
