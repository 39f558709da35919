/**
 * A county pack (district.geojson, townships.json, villages.json, census-2020.json, sources.json, README.md) for any
 * county of 广元市 from the city-wide copies in geodata/sources/guangyuan-city/, by the same pipeline as 朝天区's
 * (GCJ-02 → WGS-84, 2016 seats matched to current townships by name and village composition, census totals).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/area';
import { multiPolygon } from '@turf/helpers';
import { CITY_CENSUS_FILES, readCountySources, readFence } from './geodata-read.ts';
import { buildCrosswalk } from './geodata-crosswalk.ts';
import { decideSeat, townshipRecord } from './geodata-seats.ts';
import { villageShortName } from './geodata-names.ts';
import { censusRecord } from './geodata-census.ts';
import { converter, json } from './geodata-build.ts';
import { matchReport, type MatchSummary } from './geodata-match-report.ts';
import { countyReadme } from './geodata-county-readme.ts';
import { countySourceRecords } from './geodata-county-sources.ts';
import type { DatumStats } from './geodata-readme.ts';

/** The seven county-level divisions of 广元市 (510800); 朝天区 is built by buildGeodata into geodata/ itself. */
export const CITY_CODE = '510800';
export const COUNTY_CODES = ['510802', '510811', '510812', '510821', '510822', '510823', '510824'] as const;
/** Standard romanised names of the counties (the sources carry none for townships, so township nameEn is null). */
export const COUNTY_NAME_EN: Readonly<Record<string, string>> = {
  510800: 'Guangyuan City', 510802: 'Lizhou District', 510811: 'Zhaohua District', 510812: 'Chaotian District',
  510821: 'Wangcang County', 510822: 'Qingchuan County', 510823: 'Jiange County', 510824: 'Cangxi County',
};
export const COUNTY_PACK_FILES = ['district.geojson', 'townships.json', 'villages.json', 'census-2020.json', 'sources.json', 'README.md'];
const MAX_RESIDUAL_METERS = 0.1;

export interface CountyPack { files: Record<string, string>; summary: MatchSummary; report: string; stats: DatumStats }

/** Builds county `code`'s pack in memory from `cityDir` (geodata/sources/guangyuan-city). */
export function buildCountyPack(code: string, cityDir: string): CountyPack {
  const s = readCountySources(cityDir, code);
  const stats: DatumStats = {
    points: 0, vertices: [], areaKm2: 0, gcoordOnlyMaxMeters: 0, refinedMaxMeters: 0, storedMaxMeters: 0, referenceMaxMeters: 0,
  };
  const convert = converter(stats);
  const coordinates = s.boundaryGcj02.coordinates.map((poly) => poly.map((ring) => ring.map(convert)));
  stats.vertices = coordinates.map((poly) => poly.reduce((n, ring) => n + ring.length, 0));
  stats.areaKm2 = Math.round(area(multiPolygon(coordinates)) / 1e6);
  const county = s.divisions2016.find((d) => d.level === 'county');
  if (!county?.gcj02) throw new Error(`${code}: no county row with a point in adcode-2016/${code}.csv`);
  const [lng, lat] = convert(county.gcj02);
  const seatSource = `Vonng/adcode ${code}.csv county row ${county.code} (AMap district point, usually the county ` +
    `government seat; 2016 snapshot), GCJ-02 ${county.gcj02.join(',')} converted to WGS-84 (gcoord + iterative refinement).`;
  const district = {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: { code, name: s.name, nameEn: COUNTY_NAME_EN[code] ?? null, parentCode: CITY_CODE, seat: { lng, lat }, seatSource },
      geometry: { type: 'MultiPolygon', coordinates },
    }],
  };
  const cw = buildCrosswalk(s.divisions2016, s.townships2022, s.villages2022, s.name);
  const decisions = s.townships2022.map((t) => decideSeat(t, cw));
  decisions.forEach((d) => d.old?.division.gcj02 && convert(d.old.division.gcj02));
  const townships = decisions.map((d) => townshipRecord(d, cw, s.villages2022, null));
  const villages = s.villages2022.map((v) => {
    const { shortName, type } = villageShortName(v.name);
    return { code: v.code, name: v.name, shortName, townshipCode: v.townshipCode, type };
  });
  if (stats.refinedMaxMeters >= MAX_RESIDUAL_METERS || stats.storedMaxMeters >= MAX_RESIDUAL_METERS) {
    throw new Error(`${code}: GCJ-02 residual ${stats.storedMaxMeters} m ≥ 0.1 m`);
  }
  const census = censusRecord(s.census, { code, name: s.name, files: CITY_CENSUS_FILES.map((f) => `guangyuan-city/census-2020/${f}`) });
  const { summary, text } = matchReport({ code, name: s.name, cw, decisions, townships, villages2022: s.villages2022 });
  const sources = countySourceRecords(code, s.name, s.divisions2016.filter((d) => d.level !== 'county').length);
  const files: Record<string, string> = {
    'district.geojson': json(district),
    'townships.json': json(townships),
    'villages.json': json(villages),
    'census-2020.json': json(census),
    'sources.json': json(sources),
    'README.md': countyReadme({ code, name: s.name, stats, census, villages, sources, report: text }),
  };
  return { files, summary, report: text, stats };
}

/** Writes county `code`'s pack into `outDir`. */
export function writeCountyPack(code: string, cityDir: string, outDir: string): CountyPack {
  const pack = buildCountyPack(code, cityDir);
  mkdirSync(outDir, { recursive: true });
  for (const name of COUNTY_PACK_FILES) writeFileSync(join(outDir, name), pack.files[name]);
  return pack;
}

/** The city (510800) as a parent record: its outline in WGS-84 and the county codes, written to `outDir`. */
export function writeCityRecord(cityDir: string, outDir: string): void {
  const stats: DatumStats = {
    points: 0, vertices: [], areaKm2: 0, gcoordOnlyMaxMeters: 0, refinedMaxMeters: 0, storedMaxMeters: 0, referenceMaxMeters: 0,
  };
  const convert = converter(stats);
  const coordinates = readFence(cityDir, CITY_CODE).coordinates.map((poly) => poly.map((ring) => ring.map(convert)));
  const city = {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: {
        code: CITY_CODE, name: '广元市', nameEn: COUNTY_NAME_EN[CITY_CODE], children: [...COUNTY_CODES],
        source: `Vonng/adcode data/fences/${CITY_CODE}.json (AMap-derived, CC BY 4.0 as stated), GCJ-02 converted to WGS-84`,
      },
      geometry: { type: 'MultiPolygon', coordinates },
    }],
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'district.geojson'), json(city));
}
