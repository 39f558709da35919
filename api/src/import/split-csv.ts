import { ImportFileError } from './import-file-error.ts';

/** The delimiter used most on the first five lines: comma, tab, semicolon or full-width comma (default comma). */
export function guessCsvDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/, 5).join('\n');
  const counts = [',', '\t', ';', '，'].map((d) => [d, firstLines.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/**
 * Splits CSV text into rows of cells, the one CSV reader of server imports and the browser's candidate lists:
 * double-quoted cells with "" escapes, CRLF or LF, the delimiter guessed from the first lines. A quote inside an
 * unquoted cell is kept as text; rows may differ in length; a quoted cell left open at the end of the file is an
 * ImportFileError. Empty lines stay (as `['']`), so row i is line i + 1 of the file.
 * @example splitCsv('名称,经度\n"a, b",105.9') // [['名称', '经度'], ['a, b', '105.9']]
 */
export function splitCsv(text: string, delimiter = guessCsvDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let quotedFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') { quoted = true; quotedFrom = rows.length + 1; }
    else if (ch === delimiter) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new ImportFileError(`the CSV file could not be parsed: the quoted cell opened on line ${quotedFrom} is never closed`);
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
