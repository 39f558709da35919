/** Readers for the raw source files in geodata/sources/ (see each folder's PROVENANCE.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LngLat } from './geodata-datum.ts';

export interface Township2022 { code: string; name: string }
export interface Village2022 { code: string; name: string; townshipCode: string }
/** One row of Vonng/adcode 510812.csv (2016 code set, AMap GCJ-02 points for county and township rows). */
export interface Division2016 {
  code: string; parent: string; name: string; level: 'county' | 'town' | 'village';
  urCode: string; gcj02: LngLat | null;
}
export interface SourceFiles {
  boundaryGcj02: { type: 'MultiPolygon'; coordinates: LngLat[][][] };
  boundaryReferenceWgs84: { features: { geometry: { type: 'MultiPolygon'; coordinates: LngLat[][][] } }[] };
  townships2022: Township2022[];
  villages2022: Village2022[];
  divisions2016: Division2016[];
  /** Header → value of the single 510812 row of each tudigong CSV. */
  census: { population: Record<string, string>; ages: Record<string, string>; households: Record<string, string>; ghsl: Record<string, string> };
}

export const SOURCE_FOLDERS = {
  boundary: 'district-boundary-vonng-adcode',
  divisions2016: 'divisions-2016-vonng-adcode',
  divisions2022: 'divisions-2022-modood',
  census: 'census-2020-county-tudigong',
  geonames: 'geonames-cities500',
  river: 'rivers-hydrorivers-jialing',
} as const;

function csv(path: string, columns: boolean): Record<string, string>[] | string[][] {
  return parse(readFileSync(path, 'utf8'), { columns, skip_empty_lines: true });
}

function censusRow(dir: string, file: string, code = '510812'): Record<string, string> {
  const rows = (csv(join(dir, file), true) as Record<string, string>[]).filter((r) => r.CODE === code);
  if (rows.length !== 1) throw new Error(`${file}: expected one ${code} row, got ${rows.length}`);
  return rows[0];
}

function division2016(cells: string[]): Division2016 {
  const file = `${cells[0].slice(0, 6)}.csv`;
  if (cells.length !== 20) throw new Error(`${file}: expected 20 columns, got ${cells.length} in ${cells[0]}`);
  const [code, parent, name, level] = cells;
  if (level !== 'county' && level !== 'town' && level !== 'village') throw new Error(`${file}: bad level ${level}`);
  const gcj02: LngLat | null = cells[12] && cells[13] ? [Number(cells[12]), Number(cells[13])] : null;
  return { code, parent, name, level, urCode: cells[8], gcj02 };
}

/** Reads every raw file the build uses from `sourcesDir` (normally geodata/sources). */
export function readSources(sourcesDir: string): SourceFiles {
  const f = SOURCE_FOLDERS;
  const json = (folder: string, file: string) => JSON.parse(readFileSync(join(sourcesDir, folder, file), 'utf8'));
  const d22 = join(sourcesDir, f.divisions2022);
  const census = join(sourcesDir, f.census);
  return {
    boundaryGcj02: json(f.boundary, '510812.gcj02.json'),
    boundaryReferenceWgs84: json(f.boundary, 'chaotian-district.wgs84.geojson'),
    townships2022: (csv(join(d22, 'townships-510812.csv'), true) as Record<string, string>[])
      .map((r) => ({ code: r.code, name: r.name })),
    villages2022: (csv(join(d22, 'villages-510812.csv'), true) as Record<string, string>[])
      .map((r) => ({ code: r.code, name: r.name, townshipCode: r.streetCode })),
    divisions2016: (csv(join(sourcesDir, f.divisions2016, '510812.csv'), false) as string[][]).map(division2016),
    census: {
      population: censusRow(census, 'population-510812.csv'),
      ages: censusRow(census, 'ages-510812.csv'),
      households: censusRow(census, 'households-510812.csv'),
      ghsl: censusRow(census, 'ghsl-510812.csv'),
    },
  };
}

/** The city-wide copies in geodata/sources/guangyuan-city/ (see its PROVENANCE.md). */
export const CITY_SOURCES_FOLDER = 'guangyuan-city';
export const CITY_CENSUS_FILES = ['population.csv', 'ages.csv', 'households.csv', 'ghsl.csv'];

/** One county's sources from the city-wide copies: as SourceFiles, without a reference WGS-84 boundary. */
export type CountySourceFiles = Omit<SourceFiles, 'boundaryReferenceWgs84'> & { name: string };

/** Outline of `code` from fences-gcj02/ as a MultiPolygon (the files hold a bare Polygon or MultiPolygon). */
export function readFence(cityDir: string, code: string): { type: 'MultiPolygon'; coordinates: LngLat[][][] } {
  const g = JSON.parse(readFileSync(join(cityDir, 'fences-gcj02', `${code}.json`), 'utf8'));
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (g.type === 'MultiPolygon') return g;
  throw new Error(`fences-gcj02/${code}.json: expected a Polygon or MultiPolygon, got ${g.type}`);
}

/** Reads county `code` (e.g. "510802") from the city-wide copies in `cityDir`. */
export function readCountySources(cityDir: string, code: string): CountySourceFiles {
  const d22 = join(cityDir, 'divisions-2022');
  const census = join(cityDir, 'census-2020');
  const [population, ages, households, ghsl] = CITY_CENSUS_FILES.map((f) => censusRow(census, f, code));
  return {
    name: population.NAME,
    boundaryGcj02: readFence(cityDir, code),
    townships2022: (csv(join(d22, 'streets.csv'), true) as Record<string, string>[])
      .filter((r) => r.areaCode === code).map((r) => ({ code: r.code, name: r.name })),
    villages2022: (csv(join(d22, 'villages.csv'), true) as Record<string, string>[])
      .filter((r) => r.areaCode === code).map((r) => ({ code: r.code, name: r.name, townshipCode: r.streetCode })),
    divisions2016: (csv(join(cityDir, 'adcode-2016', `${code}.csv`), false) as string[][]).map(division2016),
    census: { population, ages, households, ghsl },
  };
}
