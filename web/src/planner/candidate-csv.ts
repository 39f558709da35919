/**
 * Reads a planner's list of candidate sites (CSV with longitude, latitude and an optional name) in the
 * browser, converting the coordinates the user says they are in to WGS-84.
 */
import { toWgs84, type ImportCrs } from '../../../api/src/import/crs';
import { decodeText, type TextEncodingName } from '../../../api/src/import/decode-text';
import { splitCsv } from '../../../api/src/import/split-csv';

export interface CandidateRow {
  name?: string;
  lng: number;
  lat: number;
}

export interface CandidateProblem {
  /** 1-based line of the file. */
  row: number;
  message: string;
}

export interface CandidateList {
  candidates: CandidateRow[];
  problems: CandidateProblem[];
  encoding: TextEncodingName;
  /** True when the first line was a header naming the columns. */
  header: boolean;
}

const ALIASES = {
  lng: ['经度', 'lng', 'lon', 'long', 'longitude', 'x'],
  lat: ['纬度', 'lat', 'latitude', 'y'],
  name: ['名称', '名字', '地点', '站点名称', 'name', 'site'],
};
const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '').replace(/\(.*\)$/, '');

/**
 * Parses a candidate CSV: a header naming 经度/纬度/名称 (lng/lat/name) columns, or no header and the
 * columns in the order lng, lat, name. Coordinates are converted from `crs` to WGS-84.
 * @example parseCandidateCsv(bytes, 'gcj02').candidates // [{ name: '文化站', lng: 105.88, lat: 32.64 }]
 */
export function parseCandidateCsv(bytes: Uint8Array, crs: ImportCrs): CandidateList {
  const { text, encoding } = decodeText(bytes);
  // Keep the file's line numbers (1-based) for the problems list.
  const rows = splitCsv(text).map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const problems: CandidateProblem[] = [];
  const candidates: CandidateRow[] = [];
  if (!rows.length) return { candidates, problems: [{ row: 1, message: 'empty file' }], encoding, header: false };
  const head = rows[0].cells.map(norm);
  const find = (k: keyof typeof ALIASES) => head.findIndex((h) => ALIASES[k].includes(h));
  const header = find('lng') >= 0 && find('lat') >= 0;
  const col = header ? { lng: find('lng'), lat: find('lat'), name: find('name') } : { lng: 0, lat: 1, name: 2 };
  for (const { line, cells } of header ? rows.slice(1) : rows) {
    const rawLng = cells[col.lng]?.trim() ?? '';
    const rawLat = cells[col.lat]?.trim() ?? '';
    const lng = Number(rawLng);
    const lat = Number(rawLat);
    if (rawLng === '' || rawLat === '' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      problems.push({ row: line, message: `not a longitude/latitude pair: "${rawLng}", "${rawLat}"` });
      continue;
    }
    if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      problems.push({ row: line, message: `out of range: ${lng}, ${lat}` });
      continue;
    }
    const [x, y] = toWgs84(lng, lat, crs);
    const name = col.name >= 0 ? cells[col.name]?.trim() : undefined;
    candidates.push({ lng: Math.round(x * 1e6) / 1e6, lat: Math.round(y * 1e6) / 1e6, ...(name ? { name: name.slice(0, 200) } : {}) });
  }
  return { candidates, problems, encoding, header };
}
