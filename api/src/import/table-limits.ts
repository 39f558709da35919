/** Limits on what an uploaded table may expand to, so a small file cannot grow the server without bound. */
import { ImportFileError } from './import-file-error.ts';

export const TABLE_LIMITS = {
  /** Data rows (spreadsheet rows or GeoJSON features). */
  maxRows: 100_000,
  /** Cells over all rows. */
  maxCells: 2_000_000,
  /** Characters in one cell. */
  maxCellChars: 10_000,
  /** Declared uncompressed size of all entries of an XLSX (zip) file. */
  maxUncompressedBytes: 200 * 1024 * 1024,
};

/** Counts rows and cells as they are read and refuses a cell that is too long or holds NUL. */
export function tableGuard(limits = TABLE_LIMITS) {
  let rows = 0;
  let cells = 0;
  return (row: number, values: string[], header?: string[]) => {
    rows++;
    cells += values.length;
    if (rows > limits.maxRows) throw new ImportFileError(`the file has more than ${limits.maxRows.toLocaleString('en')} rows; split it`, true);
    if (cells > limits.maxCells) throw new ImportFileError(`the file has more than ${limits.maxCells.toLocaleString('en')} cells; split it`, true);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const where = () => `row ${row}, column ${header?.[i] ? `"${header[i].slice(0, 40)}"` : i + 1}`;
      if (v.length > limits.maxCellChars) throw new ImportFileError(`${where()}: a cell has ${v.length.toLocaleString('en')} characters; the limit is ${limits.maxCellChars.toLocaleString('en')}`);
      if (v.includes('\u0000')) throw new ImportFileError(`${where()}: a cell contains a NUL (\\u0000) character`);
    }
  };
}

/**
 * Sum of the uncompressed sizes a zip file declares in its central directory (ZIP64 counts as too large).
 * @example zipUncompressedBytes(xlsxBytes) // 52_431
 */
export function zipUncompressedBytes(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ImportFileError('the XLSX file could not be read (no zip directory: truncated?)');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ImportFileError('the XLSX file could not be read (bad zip directory)');
    const size = view.getUint32(p + 24, true);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return total;
}
