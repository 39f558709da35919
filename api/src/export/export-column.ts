/** One column of an exported table: the row key, its (Chinese) header, and how to format it. */
export interface ExportColumn {
  key: string;
  header: string;
  /** number: written as a number in XLSX; boolean: 是/否; percent: 0.873 → 87.3% (XLSX keeps the fraction). */
  type?: 'text' | 'number' | 'boolean' | 'percent';
  /** Decimal places for number/percent columns. */
  decimals?: number;
  /** XLSX column width in characters. */
  width?: number;
}

export type ExportRow = Record<string, unknown>;

/** Formats one cell as text (CSV): booleans as 是/否, numbers rounded, null/undefined empty. */
export function cellText(col: ExportColumn, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (col.type === 'boolean' || typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (col.type === 'percent') return `${(v * 100).toFixed(col.decimals ?? 1)}%`;
    return col.decimals !== undefined ? v.toFixed(col.decimals) : String(v);
  }
  return String(v);
}
