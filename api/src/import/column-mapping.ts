/**
 * Finds the header row of a table and maps our field names to the user's column headers, from
 * lists of usual Chinese and English headers; an explicit mapping from the user overrides the guess.
 */
import { ImportFileError } from './import-file-error.ts';
import type { RawTable, TableRecord } from './read-table.ts';

/** One importable field and the headers that usually mean it. */
export interface FieldSpec {
  field: string;
  aliases: string[];
}

/** Our field → the user's header (null when the file has no such column). */
export type ColumnMapping = Record<string, string | null>;

export interface ResolvedColumns {
  /** Row number of the header (null for GeoJSON, whose header is the property names). */
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  /** Our field → column index (absent when unmapped). */
  columnIndex: Record<string, number>;
  unmappedHeaders: string[];
  records: TableRecord[];
}

/** Lower-case, no spaces, half-width brackets, no required-field stars. */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s*＊:：]/g, '')
    .replace(/[（【［]/g, '(')
    .replace(/[）】］]/g, ')')
    .toLowerCase();
}

function matchField(header: string, specs: FieldSpec[]): string | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  for (const s of specs) if (s.aliases.some((a) => normalizeHeader(a) === h)) return s.field;
  // "经度(GCJ-02)", "经度（度）": an alias followed by a bracketed note.
  for (const s of specs) if (s.aliases.some((a) => h.startsWith(normalizeHeader(a) + '('))) return s.field;
  return null;
}

/**
 * Resolves the columns of `table` for `specs`. `override` (our field → header, or null to ignore a column)
 * wins over the guess; an override naming a header that is not in the file throws {@link ImportFileError}.
 * @example resolveColumns(table, SITE_FIELDS).mapping // { name: '站点名称', lng: '经度', … }
 */
export function resolveColumns(table: RawTable, specs: FieldSpec[], override?: ColumnMapping): ResolvedColumns {
  let headerRow: number | null = null;
  let headers: string[];
  let records: TableRecord[];
  if (table.header) {
    headers = table.header;
    records = table.records;
  } else {
    // The header is the record among the first ten that names the most known fields (title rows above it are skipped).
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < Math.min(10, table.records.length); i++) {
      const score = table.records[i].cells.filter((c) => matchField(c, specs) !== null).length;
      if (score > bestScore) { best = i; bestScore = score; }
    }
    if (table.records.length === 0) throw new ImportFileError('the file has no rows');
    headerRow = table.records[best].row;
    headers = table.records[best].cells;
    records = table.records.slice(best + 1);
  }

  const mapping: ColumnMapping = Object.fromEntries(specs.map((s) => [s.field, null]));
  const columnIndex: Record<string, number> = {};
  headers.forEach((h, i) => {
    const field = matchField(h, specs);
    if (field && columnIndex[field] === undefined) {
      columnIndex[field] = i;
      mapping[field] = h;
    }
  });
  if (override) {
    const known = new Set(specs.map((s) => s.field));
    for (const [field, header] of Object.entries(override)) {
      if (!known.has(field)) throw new ImportFileError(`mapping names an unknown field "${field}" (known: ${[...known].join(', ')})`);
      delete columnIndex[field];
      mapping[field] = null;
      if (header === null || header === '') continue;
      const i = headers.indexOf(header);
      if (i < 0) throw new ImportFileError(`mapping for "${field}" names column "${header}", which the file does not have`);
      columnIndex[field] = i;
      mapping[field] = header;
    }
  }
  const used = new Set(Object.values(columnIndex));
  const unmappedHeaders = headers.filter((h, i) => h !== '' && !used.has(i));
  return { headerRow, headers, mapping, columnIndex, unmappedHeaders, records };
}
