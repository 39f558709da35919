// exceljs (~25 MB resident once loaded) is imported on first use, so a server that never exports XLSX never pays for it.
const loadExcelJs = async () => (await import('exceljs')).default;
import type { ExportColumn, ExportRow } from './export-column.ts';

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: ExportRow[];
}

/**
 * Sheets of rows → an XLSX file: bold frozen header row, numbers as numbers, booleans as 是/否,
 * percentages as fractions with a % format.
 * @example const bytes = await rowsToXlsx([{ name: '站点', columns, rows }])
 */
export async function rowsToXlsx(sheets: ExportSheet[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = '新时代文明实践 15分钟服务圈规划';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header, key: c.key, width: c.width ?? Math.max(8, Math.min(40, c.header.length * 2 + 4)),
      style: c.type === 'percent' ? { numFmt: `0.${'0'.repeat(c.decimals ?? 1)}%` }
        : c.type === 'number' && c.decimals !== undefined ? { numFmt: c.decimals === 0 ? '0' : `0.${'0'.repeat(c.decimals)}` } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      const values: Record<string, unknown> = {};
      for (const c of s.columns) {
        const v = r[c.key];
        if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) values[c.key] = null;
        else if (c.type === 'boolean' || typeof v === 'boolean') values[c.key] = v ? '是' : '否';
        else values[c.key] = v;
      }
      ws.addRow(values);
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
