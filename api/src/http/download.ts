import type { Context } from 'hono';
import { beijingStamp } from '../export/beijing-time.ts';

/** Today in Beijing time as YYYYMMDD, for download file names. */
export const stamp = () => beijingStamp();

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Content-Disposition with an ASCII fallback and the UTF-8 (Chinese) file name. */
export function attachment(asciiName: string, utf8Name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}

/** A file download (exports of sites, coverage, gaps and the audit trail): 200 with its type and both file names. */
export function download(c: Context, body: string | Uint8Array, type: string, ascii: string, utf8: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', attachment(ascii, utf8));
  return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>), 200);
}
