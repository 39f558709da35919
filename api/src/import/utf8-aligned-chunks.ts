/**
 * exceljs's streaming reader decodes each zip chunk to text on its own, so a Chinese character split across two
 * chunks becomes "��" (exceljs lib/utils/parse-sax.js). These wrappers hand it chunks that end on whole UTF-8
 * characters; `patchWorkbookReader` installs them on the WorkbookReader prototype once.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** Bytes at the end of `b` that start a UTF-8 character not finished in `b`. */
function incompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const byte = b[b.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Re-chunks a byte stream so that no chunk ends inside a UTF-8 character. */
export async function* utf8AlignedChunks(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.concat([carry, chunk]);
    if (typeof chunk === 'string') { yield buf; continue; }
    const tail = incompleteTail(buf);
    carry = Buffer.from(buf.subarray(buf.length - tail));
    if (buf.length > tail) yield buf.subarray(0, buf.length - tail);
  }
  if (carry.length) yield carry;
}

let patched = false;

/** Makes `ExcelJS.stream.xlsx.WorkbookReader` read shared strings and worksheets through {@link utf8AlignedChunks}. */
export function patchWorkbookReader(excel: typeof ExcelJS): void {
  if (patched) return;
  patched = true;
  const proto = excel.stream.xlsx.WorkbookReader.prototype as unknown as {
    _parseSharedStrings(entry: unknown): AsyncGenerator<unknown>;
    _parseWorksheet(iterator: unknown, sheetNo: unknown): Generator<unknown>;
  };
  const sharedStrings = proto._parseSharedStrings;
  const worksheet = proto._parseWorksheet;
  proto._parseSharedStrings = function (entry) {
    return sharedStrings.call(this, Readable.from(utf8AlignedChunks(entry as AsyncIterable<Uint8Array>), { objectMode: false }));
  };
  proto._parseWorksheet = function (iterator, sheetNo) {
    return worksheet.call(this, utf8AlignedChunks(iterator as AsyncIterable<Uint8Array>), sheetNo);
  };
}
