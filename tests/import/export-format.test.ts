import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from '../../api/src/export/export-column.ts';
import { rowsToCsv } from '../../api/src/export/rows-to-csv.ts';
import { rowsToXlsx } from '../../api/src/export/rows-to-xlsx.ts';

const columns: ExportColumn[] = [
  { key: 'name', header: '名称' }, { key: 'n', header: '人口', type: 'number', decimals: 0 },
  { key: 'share', header: '覆盖率', type: 'percent', decimals: 1 }, { key: 'ok', header: '达标', type: 'boolean' },
];
const rows = [
  { name: '朝天村, "老街"', n: 1234.4, share: 0.8766, ok: true },
  { name: '=HYPERLINK("x")', n: null, share: null, ok: false },
  { name: '两\n行', n: -3, share: 1, ok: undefined },
];

describe('rowsToCsv', () => {
  it('writes a UTF-8 BOM, CRLF, Chinese headers, quotes where needed and defuses formulas', () => {
    const csv = rowsToCsv(columns, rows);
    expect(csv.startsWith('\uFEFF名称,人口,覆盖率,达标\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Read back with an independent CSV parser.
    const back = parse(csv.slice(1), { relax_column_count: false }) as string[][];
    expect(back).toEqual([
      ['名称', '人口', '覆盖率', '达标'],
      ['朝天村, "老街"', '1234', '87.7%', '是'],
      ["'=HYPERLINK(\"x\")", '', '', '否'],
      ['两\n行', '-3', '100.0%', ''],
    ]);
  });
});

describe('rowsToXlsx', () => {
  it('writes typed cells: numbers stay numbers, percentages stay fractions, booleans become 是/否', async () => {
    const bytes = await rowsToXlsx([{ name: '表', columns, rows }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.getWorksheet('表')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['名称', '人口', '覆盖率', '达标']);
    expect(ws.getCell('B2').value).toBe(1234.4);
    expect(ws.getCell('B2').numFmt).toBe('0');
    expect(ws.getCell('C2').value).toBe(0.8766);
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    expect(ws.getCell('D2').value).toBe('是');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('A3').value).toBe('=HYPERLINK("x")');
  });
});
