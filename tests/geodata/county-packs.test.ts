/**
 * Checks the shipped county packs (geodata/districts/<code>/) against the raw city-wide sources, read here with
 * csv-parse independently of the build code, and checks that the build reproduces them byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { buildCountyPack, COUNTY_CODES, COUNTY_PACK_FILES } from '../../scripts/lib/geodata-county.ts';
import { modelledDemand } from '../../api/src/engine/demand/index.ts';

const GEODATA = join(import.meta.dirname, '../../geodata');
const CITY = join(GEODATA, 'sources/guangyuan-city');
const csv = (file: string, columns: boolean): unknown => parse(readFileSync(join(CITY, file), 'utf8'), { columns, skip_empty_lines: true });
const streets = csv('divisions-2022/streets.csv', true) as Record<string, string>[];
const villageRows = csv('divisions-2022/villages.csv', true) as Record<string, string>[];
const populationRows = csv('census-2020/population.csv', true) as Record<string, string>[];
const city = JSON.parse(readFileSync(join(GEODATA, 'districts/510800/district.geojson'), 'utf8')) as FeatureCollection<MultiPolygon>;
const cityOutline = city.features[0] as Feature<MultiPolygon>;
const cityRings = cityOutline.geometry.coordinates.flat();

interface Township { code: string; name: string; seat: { lng: number; lat: number } | null; seatPrecision: string | null; seatMethod: string }
const packDir = (code: string) => (code === '510812' ? GEODATA : join(GEODATA, 'districts', code));
const read = (code: string, file: string) => JSON.parse(readFileSync(join(packDir(code), file), 'utf8'));

/** Metres from `p` to the city outline when `p` lies outside it, else 0 (local equirectangular, ample at 1 m). */
function outsideCityMeters(p: number[]): number {
  if (booleanPointInPolygon(p, cityOutline)) return 0;
  const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110_574;
  let best = Infinity;
  for (const ring of cityRings) for (let i = 1; i < ring.length; i++) {
    const ax = (ring[i - 1][0] - p[0]) * kx, ay = (ring[i - 1][1] - p[1]) * ky;
    const bx = (ring[i][0] - p[0]) * kx, by = (ring[i][1] - p[1]) * ky;
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

it('ships a pack for each of the seven counties, 朝天区 at the top level of geodata/', () => {
  expect(COUNTY_CODES).toHaveLength(7);
  for (const code of COUNTY_CODES) {
    for (const f of COUNTY_PACK_FILES) expect(existsSync(join(packDir(code), f)), `${code} ${f}`).toBe(true);
    expect(read(code, 'district.geojson').features[0].properties.code).toBe(code);
  }
});

describe.each(['510802', '510824'])('county pack %s', (code) => {
  const townships = read(code, 'townships.json') as Township[];
  const villages = read(code, 'villages.json') as { code: string; townshipCode: string }[];
  const census = read(code, 'census-2020.json');
  const rows2016 = csv(`adcode-2016/${code}.csv`, false) as string[][];

  it('is what the build makes from the sources, byte for byte', () => {
    const pack = buildCountyPack(code, CITY);
    for (const f of COUNTY_PACK_FILES) expect(pack.files[f], f).toBe(readFileSync(join(packDir(code), f), 'utf8'));
  });

  it('has every township and village row of the source, and no other', () => {
    expect(townships.map((t) => t.code).sort()).toEqual(streets.filter((r) => r.areaCode === code).map((r) => r.code).sort());
    expect(villages.map((v) => v.code).sort()).toEqual(villageRows.filter((r) => r.areaCode === code).map((r) => r.code).sort());
    const codes = new Set(townships.map((t) => t.code));
    for (const v of villages) expect(codes.has(v.townshipCode)).toBe(true);
  });

  it('has the census population of the source row, and a modelled demand that sums to it', () => {
    const row = populationRows.find((r) => r.CODE === code)!;
    expect(census.population).toBe(Number(row.POPU));
    expect(census.urbanShare).toBe(Number(row.POPU_URB));
    const boundary = read(code, 'district.geojson').features[0];
    const seats = townships.filter((t) => t.seat).map((t) => ({ code: t.code, ...t.seat!, isDistrictSeat: false }));
    const demand = modelledDemand({
      boundary, seats, townshipCodes: townships.map((t) => t.code), population: census.population,
      urbanShare: census.urbanShare, olderShare: census.olderShare, cellMeters: 400,
    });
    const total = demand.population.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(census.population, 3);
    expect(demand.source.modelled).toBe(true);
  });

  it('lies inside the city outline in WGS-84 (vertices on the shared border within 1 m)', () => {
    const boundary = read(code, 'district.geojson').features[0] as Feature<MultiPolygon>;
    let worst = 0;
    for (const poly of boundary.geometry.coordinates) for (const ring of poly) for (const p of ring.filter((_, i) => i % 5 === 0)) {
      worst = Math.max(worst, outsideCityMeters(p));
    }
    expect(worst).toBeLessThan(1);
    for (const t of townships.filter((x) => x.seat)) expect(booleanPointInPolygon([t.seat!.lng, t.seat!.lat], cityOutline), t.name).toBe(true);
  });

  it('gives every township a seat with precision and method, or says why it has none', () => {
    for (const t of townships) {
      expect(t.seatMethod.length, t.name).toBeGreaterThan(20);
      expect(t.seat === null, t.name).toBe(t.seatPrecision === null);
      if (t.seatPrecision === 'approximate') expect(t.seatMethod).toMatch(/^Approximate/);
      if (t.seat === null) {
        expect(t.seatMethod).toMatch(/seat unknown/);
        // Unknown only when the matched 2016 row has no point, or nothing matched.
        const matched = t.seatMethod.match(/row (\d{12})/)?.[1];
        if (matched) expect(rows2016.find((r) => r[0] === matched)?.[12]).toBe('');
      }
    }
  });
});
