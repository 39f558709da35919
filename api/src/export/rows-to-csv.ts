import { cellText, type ExportColumn, type ExportRow } from './export-column.ts';

const NEEDS_QUOTES = /[",\r\n]/;
/**
 * Text starting like a formula is prefixed with ' so spreadsheets do not execute it (CSV injection); text that
 * already starts with apostrophes before such a character gets one more, so the import's unescape is exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

function field(col: ExportColumn, v: unknown): string {
  let s = cellText(col, v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows → CSV text for Excel in China: UTF-8 with BOM, CRLF line ends, headers from `columns`.
 * @example rowsToCsv([{ key: 'name', header: '名称' }], [{ name: '朝天村' }]) // '\uFEFF名称\r\n朝天村\r\n'
 */
export function rowsToCsv(columns: ExportColumn[], rows: ExportRow[]): string {
  const lines = [columns.map((c) => field({ key: c.key, header: c.header }, c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(c, r[c.key])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
