/**
 * Reads an uploaded table — CSV (any delimiter, UTF-8 or GB18030), XLSX (first sheet with data) or
 * GeoJSON (a FeatureCollection; properties become columns) — into raw records with their spreadsheet
 * row numbers (1-based, header included) so problems can be reported where the user will look.
 */
import type ExcelJS from 'exceljs';
import type { Geometry } from 'geojson';
import { Readable } from 'node:stream';
import { TABLE_LIMITS, tableGuard, zipUncompressedBytes } from './table-limits.ts';
import { patchWorkbookReader } from './utf8-aligned-chunks.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';
import { splitCsv } from './split-csv.ts';

export type TableFormat = 'csv' | 'xlsx' | 'geojson';

export interface TableRecord {
  /** Spreadsheet row number (CSV/XLSX) or 1-based feature number (GeoJSON). */
  row: number;
  cells: string[];
  /** GeoJSON only. */
  geometry?: Geometry | null;
}

export interface RawTable {
  format: TableFormat;
  encoding: TextEncodingName | null;
  sheet: string | null;
  /** For GeoJSON the property names are the header, given here; for CSV/XLSX it is one of `records`. */
  header: string[] | null;
  records: TableRecord[];
  /** 'row' for spreadsheets, 'feature' for GeoJSON. */
  rowKind: 'row' | 'feature';
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * Reads the first worksheet with data as a stream (exceljs WorkbookReader), so memory follows the rows kept,
 * never the expanded workbook; refuses a workbook declaring more than the uncompressed-size limit (413).
 */
async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const declared = zipUncompressedBytes(bytes);
  if (declared > TABLE_LIMITS.maxUncompressedBytes) {
    throw new ImportFileError(`the XLSX file expands to ${Number.isFinite(declared) ? `${(declared / 1048576).toFixed(0)} MB` : 'more than 4 GB'}; the limit is ${TABLE_LIMITS.maxUncompressedBytes / 1048576} MB`, true);
  }
  // Loaded on first use (~25 MB resident), like the XLSX export.
  const excel = (await import('exceljs')).default;
  patchWorkbookReader(excel);
  const guard = tableGuard();
  const records: TableRecord[] = [];
  let sheetName: string | null = null;
  try {
    const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
      sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]) ?? [];
        const cells: string[] = [];
        for (let col = 1; col < values.length; col++) cells[col - 1] = cellText(values[col] ?? null).trim();
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (!cells.some((c) => c !== '')) continue;
        guard(row.number, cells, records[0]?.cells);
        records.push({ row: row.number, cells });
      }
      if (records.length) {
        sheetName = (sheet as unknown as { name?: string }).name ?? null;
        break;
      }
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError(`the XLSX file could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!records.length) throw new ImportFileError('the XLSX workbook has no sheet with data');
  return { format: 'xlsx', encoding: null, sheet: sheetName, header: null, records, rowKind: 'row' };
}

/** Undoes the CSV formula guard of our exports (`'=1+2` → `=1+2`, `''=x` → `'=x`), so an export re-imports unchanged. */
export function unescapeFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function readCsv(bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  const rows = splitCsv(text);
  const records: TableRecord[] = [];
  const guard = tableGuard();
  rows.forEach((cells, i) => {
    const trimmed = cells.map((c) => unescapeFormula(c.trim()));
    if (!trimmed.some((c) => c !== '')) return;
    guard(i + 1, trimmed, records[0]?.cells);
    records.push({ row: i + 1, cells: trimmed });
  });
  return { format: 'csv', encoding, sheet: null, header: null, records, rowKind: 'row' };
}

function readGeoJson(text: string): RawTable {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportFileError(`the GeoJSON file is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const d = doc as { type?: string; features?: unknown[] };
  const features = d.type === 'FeatureCollection' && Array.isArray(d.features) ? d.features : d.type === 'Feature' ? [d] : null;
  if (!features) throw new ImportFileError('the GeoJSON file must be a FeatureCollection (or a single Feature)');
  const header: string[] = [];
  const seen = new Map<string, number>();
  const props = features.map((f) => ((f as { properties?: Record<string, unknown> | null }).properties ?? {}) as Record<string, unknown>);
  for (const p of props) for (const k of Object.keys(p)) if (!seen.has(k)) { seen.set(k, header.length); header.push(k); }
  const guard = tableGuard();
  const records = features.map((f, i) => {
    const cells = header.map((k) => {
      const v = props[i][k];
      return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
    });
    guard(i + 1, cells, header);
    return { row: i + 1, cells, geometry: ((f as { geometry?: Geometry | null }).geometry ?? null) };
  });
  return { format: 'geojson', encoding: 'UTF-8', sheet: null, header, records, rowKind: 'feature' };
}

/**
 * Reads a table file, telling the format from its bytes (zip → XLSX, JSON object → GeoJSON, else CSV).
 * @example const table = await readTable(bytes); table.records[0].cells
 */
export async function readTable(bytes: Uint8Array): Promise<RawTable> {
  if (bytes.length === 0) throw new ImportFileError('the file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportFileError('old Excel .xls files are not supported; save the sheet as .xlsx or CSV');
  }
  const start = bytes.subarray(0, 64);
  const head = new TextDecoder('utf-8').decode(start).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return readGeoJson(decodeText(bytes).text);
  if (bytes.subarray(0, 1024).includes(0)) {
    if (!(bytes[0] === 0xff && bytes[1] === 0xfe)) throw new ImportFileError('the file is binary, not CSV, XLSX or GeoJSON');
  }
  return readCsv(bytes);
}
