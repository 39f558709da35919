/**
 * Checks the shipped geodata/ files against the raw sources (read here independently of the build code),
 * Turf, gcoord and GeoNames (an independent WGS-84 reference), and checks that the build reproduces them exactly.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { point } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { parse } from 'csv-parse/sync';
import { buildGeodata } from '../../scripts/build-geodata.ts';
import { OUTPUT_FILES } from '../../scripts/lib/geodata-build.ts';
import { gcj02ToWgs84, gcoordInverse, residualMeters } from '../../scripts/lib/geodata-datum.ts';

const GEODATA = join(import.meta.dirname, '../../geodata');
const SOURCES = join(GEODATA, 'sources');
const readJson = (file: string) => JSON.parse(readFileSync(join(GEODATA, file), 'utf8'));

interface Township { code: string; name: string; nameEn: string; seat: { lng: number; lat: number } | null;
  seatPrecision: string | null; seatMethod: string }
interface Village { code: string; name: string; shortName: string; townshipCode: string; type: string }

const district = readJson('district.geojson') as FeatureCollection<MultiPolygon>;
const feature = district.features[0] as Feature<MultiPolygon, { code: string; seat: { lng: number; lat: number } }>;
const townships = readJson('townships.json') as Township[];
const villages = readJson('villages.json') as Village[];
const census = readJson('census-2020.json');
const sources = readJson('sources.json') as { id: string; datum: string; modelled: boolean; origin: string }[];

// Raw 2016 csv (no header): col 0 code, col 2 name, col 12/13 GCJ-02 lon/lat.
const rows2016 = parse(readFileSync(join(SOURCES, 'divisions-2016-vonng-adcode/510812.csv'), 'utf8')) as string[][];
const rawGcj = (name: string): Position => {
  const row = rows2016.find((r) => r[2] === name && r[12]);
  if (!row) throw new Error(`no 2016 point for ${name}`);
  return [Number(row[12]), Number(row[13])];
};
const geonames = readFileSync(join(SOURCES, 'geonames-cities500/cities500-chaotian-bbox.tsv'), 'utf8')
  .trim().split('\n').map((l) => l.split('\t'))
  .map((c) => ({ name: c[2], admin2: c[11], lngLat: [Number(c[5]), Number(c[4])] as Position }));
const meters = (a: Position, b: Position) => distance(point(a), point(b), { units: 'meters' });
const toGcj = (p: Position) => gcoord.transform([p[0], p[1]] as [number, number], gcoord.WGS84, gcoord.GCJ02);
const township = (name: string) => townships.find((t) => t.name === name) as Township;
const seatOf = (name: string): Position => { const s = township(name).seat!; return [s.lng, s.lat]; };

describe('geodata counts and codes', () => {
  it('has 12 townships and 139 villages: 15 communities + 124 villages', () => {
    expect(townships).toHaveLength(12);
    expect(villages).toHaveLength(139);
    expect(villages.filter((v) => v.type === 'community')).toHaveLength(15);
    expect(villages.filter((v) => v.type === 'village')).toHaveLength(124);
  });

  it('uses 9-digit township codes and 12-digit village codes prefixed by their township code', () => {
    const codes = new Set(townships.map((t) => t.code));
    expect(codes.size).toBe(12);
    for (const t of townships) expect(t.code).toMatch(/^510812\d{3}$/);
    expect(new Set(villages.map((v) => v.code)).size).toBe(139);
    for (const v of villages) {
      expect(v.code).toMatch(/^\d{12}$/);
      expect(codes.has(v.townshipCode)).toBe(true);
      expect(v.code.startsWith(v.townshipCode)).toBe(true);
    }
  });

  it('derives short names and types from the committee suffix', () => {
    const byCode = (code: string) => villages.find((v) => v.code === code) as Village;
    expect(byCode('510812110201')).toMatchObject({ name: '鲤鱼村村民委员会', shortName: '鲤鱼村', type: 'village' });
    expect(byCode('510812110001')).toMatchObject({ name: '菜籽坝社区居民委员会', shortName: '菜籽坝社区', type: 'community' });
    for (const v of villages) {
      const suffix = v.type === 'community' ? '社区居民委员会' : '村民委员会';
      expect(v.name.endsWith(suffix)).toBe(true);
      expect(v.shortName).toBe(v.type === 'community' ? v.name.replace(suffix, '社区') : v.name.replace(suffix, ''));
    }
  });
});

describe('geodata geometry and datum', () => {
  it('has one MultiPolygon feature with both source polygons', () => {
    const raw = JSON.parse(readFileSync(join(SOURCES, 'district-boundary-vonng-adcode/510812.gcj02.json'), 'utf8'));
    expect(district.features).toHaveLength(1);
    expect(feature.geometry.type).toBe('MultiPolygon');
    expect(feature.geometry.coordinates.map((p) => p[0].length)).toEqual(raw.coordinates.map((p: Position[][]) => p[0].length));
  });

  it('matches the independently derived WGS-84 boundary within 1 m at every vertex', () => {
    const ref = JSON.parse(readFileSync(join(SOURCES, 'district-boundary-vonng-adcode/chaotian-district.wgs84.geojson'), 'utf8'));
    const refCoords = ref.features[0].geometry.coordinates as Position[][][];
    let worst = 0;
    feature.geometry.coordinates.forEach((poly, i) => poly.forEach((ring, j) => ring.forEach((p, k) => {
      worst = Math.max(worst, meters(p, refCoords[i][j][k]));
    })));
    expect(worst).toBeLessThan(1);
  });

  it('puts the district seat and every township seat inside the district polygon', () => {
    const seats = [feature.properties.seat, ...townships.flatMap((t) => (t.seat ? [t.seat] : []))];
    expect(seats.length).toBe(13);
    for (const s of seats) expect(booleanPointInPolygon(point([s.lng, s.lat]), feature)).toBe(true);
  });

  it('stores WGS-84: each seat converted back with gcoord lands within 1 m of the raw GCJ-02 point', () => {
    const direct = townships.filter((t) => t.seatPrecision === 'seat-2016');
    expect(direct).toHaveLength(10);
    for (const t of direct) {
      const oldName = t.name === '李家镇' ? '李家乡' : t.name === '两河口镇' ? '两河口乡' : t.name;
      expect(meters(toGcj(seatOf(t.name)), rawGcj(oldName))).toBeLessThan(1);
    }
    const d = feature.properties.seat;
    expect(meters(toGcj([d.lng, d.lat]), rawGcj('朝天区'))).toBeLessThan(1);
  });

  it('puts the GeoNames (WGS-84) Chaotian point closer to our seat than to the raw GCJ-02 seat', () => {
    const gn = geonames.find((g) => g.name === 'Chaotian')!;
    const toOurs = meters(gn.lngLat, seatOf('朝天镇'));
    const toRaw = meters(gn.lngLat, rawGcj('朝天镇'));
    expect(toOurs).toBeLessThan(toRaw);
    expect(toRaw - toOurs).toBeGreaterThan(150); // the GCJ-02 offset here is ≈ 400–450 m
  });

  it('uses GeoNames spellings for nameEn where GeoNames has the place', () => {
    for (const t of townships) {
      const gn = geonames.find((g) => g.name === t.nameEn && g.admin2 === '5108');
      if (gn) expect(meters(gn.lngLat, seatOf(t.name))).toBeLessThan(2000);
    }
    const found = townships.filter((t) => geonames.some((g) => g.name === t.nameEn));
    expect(found.map((t) => t.name).sort()).toEqual(['中子镇', '临溪乡', '曾家镇', '朝天镇', '李家镇', '麻柳乡'].sort());
  });

  it('stores at most 6 decimals', () => {
    const text = readFileSync(join(GEODATA, 'district.geojson'), 'utf8') + readFileSync(join(GEODATA, 'townships.json'), 'utf8');
    expect(text).not.toMatch(/\d+\.\d{7,}/);
  });
});

describe('geodata seats of merged townships', () => {
  it('takes 云雾山镇 from 东溪河乡 (4 of its 8 village names) and 水磨沟镇 from 马家坝乡, both approximate', () => {
    expect(township('云雾山镇').seatPrecision).toBe('approximate');
    expect(meters(toGcj(seatOf('云雾山镇')), rawGcj('东溪河乡'))).toBeLessThan(1);
    expect(township('云雾山镇').seatMethod).toContain('4 match 东溪河乡 (鲤鱼, 三龙, 中坝, 石门)');
    expect(township('水磨沟镇').seatPrecision).toBe('approximate');
    expect(meters(toGcj(seatOf('水磨沟镇')), rawGcj('马家坝乡'))).toBeLessThan(1);
    expect(township('李家镇').seatMethod).toContain('李家乡');
  });
});

describe('geodata census and sources', () => {
  it('reads the census figures from the CSVs', () => {
    const ages = (parse(readFileSync(join(SOURCES, 'census-2020-county-tudigong/ages-510812.csv'), 'utf8'), { columns: true }) as Record<string, string>[])[0];
    const band65 = ['AGES_65-69', 'AGES_70-74', 'AGES_75-79', 'AGES_80-84', 'AGES_85P'].reduce((s, c) => s + Number(ages[c]), 0);
    expect(census.population).toBe(126506);
    expect(census.urbanShare).toBe(0.3151);
    expect(census.olderShare).toBeCloseTo(0.2105, 4);
    expect(Math.abs(census.olderShare - band65)).toBeLessThan(0.0015);
    expect(census.ghslPopulation.modelled).toBe(true);
    expect(census.ghslPopulation.value).toBeGreaterThan(census.population);
  });

  it('lists every source id referenced, with a datum and an origin; only GHSL is modelled', () => {
    const ids = new Set(sources.map((s) => s.id));
    expect(ids.has(census.source.id)).toBe(true);
    expect(ids.has(census.ghslPopulation.sourceId)).toBe(true);
    for (const s of sources) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['GCJ-02 converted to WGS-84', 'WGS-84', 'none']).toContain(s.datum);
      expect(s.origin.length).toBeGreaterThan(10);
    }
    expect(sources.filter((s) => s.modelled).map((s) => s.id)).toEqual(['ghsl-pop-tudigong']);
  });
});

describe('geodata build', () => {
  it('refines gcoord\'s inverse to a residual below 0.1 m where gcoord alone may not be', () => {
    let worstGcoord = 0;
    for (let lng = 105.6; lng <= 106.35; lng += 0.05) {
      for (let lat = 32.45; lat <= 32.9; lat += 0.05) {
        const gcj: [number, number] = [lng, lat];
        expect(residualMeters(gcj02ToWgs84(gcj), gcj)).toBeLessThan(0.001);
        worstGcoord = Math.max(worstGcoord, residualMeters(gcoordInverse(gcj), gcj));
      }
    }
    expect(worstGcoord).toBeGreaterThan(0.001);
  });

  it('reproduces the committed files byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geodata-'));
    try {
      buildGeodata(dir);
      for (const file of OUTPUT_FILES) {
        expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readFileSync(join(GEODATA, file), 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
