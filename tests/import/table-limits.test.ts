import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable, unescapeFormula } from '../../api/src/import/read-table.ts';
import { ImportFileError } from '../../api/src/import/import-file-error.ts';
import { TABLE_LIMITS, zipUncompressedBytes } from '../../api/src/import/table-limits.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function refusal(bytes: Uint8Array): Promise<ImportFileError> {
  const err = await readTable(bytes).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFileError);
  return err as ImportFileError;
}

describe('readTable limits', () => {
  it('reads an XLSX as a stream: rows and numbers as text', async () => {
    const t = await readTable(await xlsx([['名称', '经度'], ['甲', 106.15], [], ['乙', 106.2]]));
    expect(t).toMatchObject({ format: 'xlsx', sheet: '表' });
    expect(t.records.map((r) => [r.row, ...r.cells])).toEqual([[1, '名称', '经度'], [2, '甲', '106.15'], [4, '乙', '106.2']]);
  });
  it('refuses a CSV with a multi-megabyte cell (422, not a copy of the cell)', async () => {
    const err = await refusal(utf8(`名称,备注\r\n甲,${'x'.repeat(3 * 1024 * 1024)}\r\n`));
    expect(err.tooLarge).toBe(false);
    expect(err.message.length).toBeLessThan(300);
  });
  it('refuses a cell longer than the limit, naming row and column', async () => {
    const err = await refusal(utf8(`名称,备注\r\n甲,${'x'.repeat(TABLE_LIMITS.maxCellChars + 1)}\r\n`));
    expect(err.message).toMatch(/row 2, column "备注"/);
  });
  // (XML, and so XLSX, cannot hold NUL at all.)
  it('refuses NUL in a cell of a CSV or a GeoJSON, naming row and column', async () => {
    expect((await refusal(utf8(`名称,备注\r\n${'甲,'.repeat(1)}${'y'.repeat(2000)}\r\n乙,a\u0000b\r\n`))).message).toMatch(/row 3, column "备注".*NUL/);
    const gj = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { 名称: 'a\u0000' } }] });
    expect((await refusal(utf8(gj))).message).toMatch(/row 1, column "名称".*NUL/);
  });
  it('refuses more rows than the limit with 413', async () => {
    const rows = Array.from({ length: TABLE_LIMITS.maxRows + 2 }, (_, i) => `r${i}`).join('\n');
    const err = await refusal(utf8(`名称\n${rows}\n`));
    expect(err.tooLarge).toBe(true);
  });
  it('refuses an XLSX "bomb" declaring a huge uncompressed size with 413, before inflating it', async () => {
    const bytes = await xlsx([['名称'], ['甲']]);
    expect(zipUncompressedBytes(bytes)).toBeGreaterThan(1000);
    // Forge the central directory: the first entry declares 3 GB uncompressed.
    const view = new DataView(bytes.buffer);
    let eocd = bytes.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    view.setUint32(view.getUint32(eocd + 16, true) + 24, 3_000_000_000, true);
    const err = await refusal(bytes);
    expect([err.tooLarge, err.message]).toEqual([true, expect.stringMatching(/expands to .* MB; the limit is 200 MB/)]);
  });
  it('unescapes the export formula guard exactly', () => {
    expect(['\'=SUM(A1)', '\'+86 839', '\'-5', '\'\'=x', '\'plain', 'a\'=b'].map(unescapeFormula)).toEqual(['=SUM(A1)', '+86 839', '-5', '\'=x', '\'plain', 'a\'=b']);
  });
});
