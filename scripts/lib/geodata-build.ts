/** Builds every derived file in geodata/ from the raw copies in geodata/sources/ (deterministic, no clock, no network). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area } from '@turf/area';
import { multiPolygon } from '@turf/helpers';
import { readSources, type SourceFiles } from './geodata-read.ts';
import { distanceMeters, gcj02ToWgs84, gcoordInverse, residualMeters, round6, type LngLat } from './geodata-datum.ts';
import { buildCrosswalk } from './geodata-crosswalk.ts';
import { decideSeat, townshipRecord } from './geodata-seats.ts';
import { villageShortName } from './geodata-names.ts';
import { SOURCE_RECORDS } from './geodata-sources.ts';
import { censusRecord } from './geodata-census.ts';
import { readme, type DatumStats } from './geodata-readme.ts';
import { matchReport, type MatchSummary } from './geodata-match-report.ts';

export const DEFAULT_SOURCES_DIR = fileURLToPath(new URL('../../geodata/sources/', import.meta.url));
export const OUTPUT_FILES = ['district.geojson', 'townships.json', 'villages.json', 'census-2020.json', 'rivers.geojson', 'sources.json', 'README.md'];

const MAX_RESIDUAL_METERS = 0.1;
const MAX_REFERENCE_GAP_METERS = 1;

/** Converts a GCJ-02 point to stored WGS-84 and records residual statistics. */
export function converter(stats: DatumStats) {
  return (gcj: LngLat): LngLat => {
    const refined = gcj02ToWgs84(gcj);
    const stored: LngLat = [round6(refined[0]), round6(refined[1])];
    stats.points++;
    stats.gcoordOnlyMaxMeters = Math.max(stats.gcoordOnlyMaxMeters, residualMeters(gcoordInverse(gcj), gcj));
    stats.refinedMaxMeters = Math.max(stats.refinedMaxMeters, residualMeters(refined, gcj));
    stats.storedMaxMeters = Math.max(stats.storedMaxMeters, residualMeters(stored, gcj));
    return stored;
  };
}

function districtFeature(s: SourceFiles, convert: (p: LngLat) => LngLat, stats: DatumStats) {
  const coordinates = s.boundaryGcj02.coordinates.map((poly) => poly.map((ring) => ring.map(convert)));
  const reference = s.boundaryReferenceWgs84.features[0].geometry.coordinates;
  coordinates.forEach((poly, i) => poly.forEach((ring, j) => ring.forEach((p, k) => {
    stats.referenceMaxMeters = Math.max(stats.referenceMaxMeters, distanceMeters(p, reference[i][j][k]));
  })));
  if (stats.referenceMaxMeters > MAX_REFERENCE_GAP_METERS) {
    throw new Error(`district: ${stats.referenceMaxMeters} m from chaotian-district.wgs84.geojson (> 1 m)`);
  }
  stats.vertices = coordinates.map((poly) => poly.reduce((n, ring) => n + ring.length, 0));
  stats.areaKm2 = Math.round(area(multiPolygon(coordinates)) / 1e6);
  const county = s.divisions2016.find((d) => d.level === 'county');
  if (!county?.gcj02) throw new Error('district: no county row with a point in 510812.csv');
  const [lng, lat] = convert(county.gcj02);
  const seatSource = `Vonng/adcode 510812.csv county row ${county.code} (AMap district point, usually the district ` +
    `government seat; 2016 snapshot), GCJ-02 ${county.gcj02.join(',')} converted to WGS-84 (gcoord + iterative refinement).`;
  return {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: { code: '510812', name: '朝天区', nameEn: 'Chaotian District', seat: { lng, lat }, seatSource },
      geometry: { type: 'MultiPolygon', coordinates },
    }],
  };
}

/** The 嘉陵江 main stem as one MultiLineString, 6 decimals, WGS-84 as the source is. */
function riverCollection(sourcesDir: string) {
  const src = JSON.parse(readFileSync(join(sourcesDir, 'rivers-hydrorivers-jialing', 'jialing_mainstem_hydrorivers.geojson'), 'utf8')) as {
    features: { geometry: { type: string; coordinates: number[][] } }[];
  };
  const lines = src.features.filter((f) => f.geometry.type === 'LineString').map((f) => f.geometry.coordinates.map(([x, y]) => [round6(x), round6(y)]));
  if (lines.length === 0) throw new Error('rivers: no LineString in jialing_mainstem_hydrorivers.geojson');
  return {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: { name: '嘉陵江', nameEn: 'Jialing River', source: 'rivers-hydrorivers-jialing', precisionMeters: 450 },
      geometry: { type: 'MultiLineString', coordinates: lines },
    }],
  };
}

export function json(value: unknown): string {
  // One [lng, lat] pair per line keeps the GeoJSON readable and diffable.
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e-]+),\s+(-?[\d.e-]+)\s+\]/g, '[$1, $2]') + '\n';
}

/** Rebuilds all OUTPUT_FILES into `outDir` from `sourcesDir`; returns the datum statistics and the match report. */
export function buildGeodata(
  outDir: string, sourcesDir: string = DEFAULT_SOURCES_DIR,
): DatumStats & { summary: MatchSummary; report: string } {
  const s = readSources(sourcesDir);
  const stats: DatumStats = {
    points: 0, vertices: [], areaKm2: 0, gcoordOnlyMaxMeters: 0, refinedMaxMeters: 0, storedMaxMeters: 0, referenceMaxMeters: 0,
  };
  const convert = converter(stats);
  const district = districtFeature(s, convert, stats);
  const cw = buildCrosswalk(s.divisions2016, s.townships2022, s.villages2022);
  const decisions = s.townships2022.map((t) => decideSeat(t, cw));
  decisions.forEach((d) => d.old?.division.gcj02 && convert(d.old.division.gcj02)); // residual stats for seats
  const townships = decisions.map((d) => townshipRecord(d, cw, s.villages2022));
  const villages = s.villages2022.map((v) => {
    const { shortName, type } = villageShortName(v.name);
    return { code: v.code, name: v.name, shortName, townshipCode: v.townshipCode, type };
  });
  if (townships.length !== 12 || villages.length !== 139) throw new Error('build: expected 12 townships and 139 villages');
  if (stats.refinedMaxMeters >= MAX_RESIDUAL_METERS || stats.storedMaxMeters >= MAX_RESIDUAL_METERS) {
    throw new Error(`build: GCJ-02 residual ${stats.storedMaxMeters} m ≥ 0.1 m`);
  }
  const census = censusRecord(s.census);
  const files: Record<string, string> = {
    'district.geojson': json(district),
    'townships.json': json(townships),
    'villages.json': json(villages),
    'census-2020.json': json(census),
    'rivers.geojson': json(riverCollection(sourcesDir)),
    'sources.json': json(SOURCE_RECORDS),
    'README.md': readme({ stats, cw, decisions, townships, villages, census, villages2022: s.villages2022 }),
  };
  mkdirSync(outDir, { recursive: true });
  for (const name of OUTPUT_FILES) writeFileSync(join(outDir, name), files[name]);
  const { summary, text } = matchReport({ code: '510812', name: '朝天区', cw, decisions, townships, villages2022: s.villages2022 });
  return { ...stats, summary, report: text };
}
