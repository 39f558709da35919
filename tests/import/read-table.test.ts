import ExcelJS from 'exceljs';
import { encodeGbk } from '../helpers/gbk.ts';
import { describe, expect, it } from 'vitest';
import { resolveColumns } from '../../api/src/import/column-mapping.ts';
import { decodeText } from '../../api/src/import/decode-text.ts';
import { readTable } from '../../api/src/import/read-table.ts';
import { SITE_FIELDS } from '../../api/src/import/site-fields.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('tells UTF-8, UTF-8 with BOM, UTF-16LE and GB18030 apart', () => {
    expect(decodeText(utf8('名称'))).toEqual({ text: '名称', encoding: 'UTF-8' });
    expect(decodeText(utf8('\uFEFF名称'))).toEqual({ text: '名称', encoding: 'UTF-8 (BOM)' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([0x540d, 0x79f0]).buffer)]))).toEqual({ text: '名称', encoding: 'UTF-16LE' });
    // GBK bytes of 名称 are D1 FB B3 C6: not valid UTF-8.
    expect(Array.from(encodeGbk('名称'))).toEqual([0xc3, 0xfb, 0xb3, 0xc6]);
    expect(decodeText(encodeGbk('名称,朝天镇'))).toEqual({ text: '名称,朝天镇', encoding: 'GB18030' });
    // A GB18030-only character (4-byte sequence) survives.
    expect(decodeText(new Uint8Array([0x95, 0x32, 0x82, 0x36, ...encodeGbk('村')])).text).toBe('𠀀村');
  });
});

describe('readTable', () => {
  it('CSV: quoted fields with commas and newlines, blank lines keep spreadsheet row numbers', async () => {
    const t = await readTable(utf8('名称,备注\r\n"甲,乙","两\r\n行"\r\n\r\n丙,\r\n'));
    expect(t.format).toBe('csv');
    expect(t.records).toEqual([
      { row: 1, cells: ['名称', '备注'] },
      { row: 2, cells: ['甲,乙', '两\r\n行'] },
      { row: 4, cells: ['丙', ''] },
    ]);
  });

  it('CSV: tab-separated', async () => {
    const t = await readTable(utf8('名称\t类型\n甲\t实践点\n'));
    expect(t.records[1].cells).toEqual(['甲', '实践点']);
  });

  it('XLSX: numbers, booleans, rich text and formulas become text; row numbers are the sheet rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '名称';
    ws.getCell('B1').value = '经度';
    ws.getCell('A3').value = { richText: [{ text: '朝天' }, { text: '村' }] };
    ws.getCell('B3').value = 105.884081;
    ws.getCell('C3').value = { formula: '1+1', result: 2 };
    ws.getCell('D3').value = true;
    const t = await readTable(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer));
    expect(t).toMatchObject({ format: 'xlsx', sheet: 'S' });
    expect(t.records).toEqual([{ row: 1, cells: ['名称', '经度'] }, { row: 3, cells: ['朝天村', '105.884081', '2', 'true'] }]);
  });

  it('GeoJSON: property names are the header, features numbered from 1', async () => {
    const t = await readTable(utf8(JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [106, 32] }, properties: { 名称: '甲' } },
        { type: 'Feature', geometry: null, properties: { 名称: '乙', 类型: '实践点' } },
      ],
    })));
    expect(t.header).toEqual(['名称', '类型']);
    expect(t.records.map((r) => [r.row, r.cells])).toEqual([[1, ['甲', '']], [2, ['乙', '实践点']]]);
    expect(t.rowKind).toBe('feature');
  });

  it('refuses non-tables clearly', async () => {
    await expect(readTable(new Uint8Array(0))).rejects.toThrow(/empty/);
    await expect(readTable(utf8('{"type":"Topology"}'))).rejects.toThrow(/FeatureCollection/);
    await expect(readTable(utf8('{not json'))).rejects.toThrow(/not valid JSON/);
    await expect(readTable(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).rejects.toThrow(/binary/);
  });
});

describe('resolveColumns', () => {
  it('finds the header under a title row and maps usual Chinese and English headers', async () => {
    const t = await readTable(utf8('朝天区阵地名册,,,\n站点名称,阵地类型,村（社区）,经度(GCJ-02),Latitude,无关列\n甲,实践点,朝天村,105.9,32.6,x\n'));
    const c = resolveColumns(t, SITE_FIELDS);
    expect(c.headerRow).toBe(2);
    expect(c.mapping).toMatchObject({ name: '站点名称', kind: '阵地类型', village: '村（社区）', lng: '经度(GCJ-02)', lat: 'Latitude', township: null });
    expect(c.unmappedHeaders).toEqual(['无关列']);
    expect(c.records.map((r) => r.row)).toEqual([3]);
  });

  it('an override wins; null unmaps; unknown fields and columns are refused', async () => {
    const t = await readTable(utf8('站名,名称,X,Y\n甲,乙,1,2\n'));
    const c = resolveColumns(t, SITE_FIELDS, { name: '站名', lng: null });
    expect(c.mapping).toMatchObject({ name: '站名', lng: null, lat: 'Y' });
    expect(c.columnIndex.name).toBe(0);
    expect(() => resolveColumns(t, SITE_FIELDS, { colour: '站名' })).toThrow(/unknown field/);
    expect(() => resolveColumns(t, SITE_FIELDS, { name: '名字' })).toThrow(/does not have/);
  });
});
