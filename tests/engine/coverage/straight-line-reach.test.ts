import { describe, expect, it, afterAll, beforeAll } from 'vitest';
import { distance } from '@turf/distance';
import { point } from '@turf/helpers';
import postgres from 'postgres';
import { straightLineReach } from '../../../api/src/engine/coverage/straight-line-reach';
import { coverageFromReach } from '../../../api/src/engine/coverage/coverage-from-reach';
import { EngineInputError } from '../../../api/src/engine/types';
import type { Facility } from '../../../api/src/engine/types';
import { makeDemand, METERS_PER_DEGREE_LAT, randomDemand, randomFacilities } from '../coverage-helpers';
import { needsPostgres, WITHOUT_POSTGRES_SKIPPED } from '../../helpers/skip-reasons.ts';

const R = 6371008.8;
const site: Facility = { id: 's', kind: 'station', lng: 106.1, lat: 32.65, townshipCode: null };
const opts = { radiusMeters: 1000, speedKmh: 4.5, detourFactor: 1.3 };

describe('straightLineReach', () => {
  it('includes points exactly on the radius (north and east) and excludes 1 cm beyond', () => {
    // Same meridian: distance = R·Δφ. Same parallel: haversine gives d when sin(Δλ/2) = sin(d/2R)/cos φ.
    const dLngDeg = (2 * Math.asin(Math.sin(1000 / (2 * R)) / Math.cos((32.65 * Math.PI) / 180)) * 180) / Math.PI;
    const demand = makeDemand([
      [106.1, 32.65 + 1000 / METERS_PER_DEGREE_LAT, 1], // 0: north, exactly 1000 m
      [106.1 + dLngDeg, 32.65, 1], // 1: east, exactly 1000 m
      [106.1, 32.65 + 1000.01 / METERS_PER_DEGREE_LAT, 1], // 2: north, 1000.01 m
      [106.1 - dLngDeg * 1.00001, 32.65, 1], // 3: west, 1000.01 m
      [106.1, 32.65, 1], // 4: at the site
      [106.1, 32.65 - 500 / METERS_PER_DEGREE_LAT, 1], // 5: south, 500 m
    ]);
    const [reach] = straightLineReach(demand, [site], opts);
    expect([...reach.demandIndex]).toEqual([0, 1, 4, 5]);
    // minutes = metres × 1.3 ÷ (4.5 km/h = 75 m/min)
    expect(reach.minutes[0]).toBeCloseTo((1000 * 1.3) / 75, 4);
    expect(reach.minutes[2]).toBe(0);
    expect(reach.minutes[3]).toBeCloseTo((500 * 1.3) / 75, 4);
  });

  it('matches a brute-force Turf distance check on random points', () => {
    const box: [number, number, number, number] = [106.0, 32.6, 106.2, 32.7];
    const demand = randomDemand(3000, 11, box);
    const facilities = randomFacilities(20, 12, box);
    const reach = straightLineReach(demand, facilities, { ...opts, radiusMeters: 865 });
    facilities.forEach((f, k) => {
      const got = new Set(reach[k].demandIndex);
      for (let i = 0; i < demand.lng.length; i++) {
        const m = distance(point([f.lng, f.lat]), point([demand.lng[i], demand.lat[i]]), { units: 'kilometers' }) * 1000;
        if (Math.abs(m - 865) < 0.01) continue; // too close to call between two formulas
        expect(got.has(i), `facility ${k} point ${i} at ${m} m`).toBe(m <= 865);
      }
    });
  });

  it('minutes equal the trigonometric haversine to float32 precision, for small reach (series) and large (trig)', () => {
    const box: [number, number, number, number] = [105.6, 32.4, 106.4, 32.9];
    const demand = randomDemand(4000, 21, box);
    const facilities = randomFacilities(30, 22, box);
    for (const radiusMeters of [865, 20_000, 80_000]) {
      const reach = straightLineReach(demand, facilities, { ...opts, radiusMeters });
      facilities.forEach((f, k) => {
        reach[k].demandIndex.forEach((i, n) => {
          const s1 = Math.sin(((demand.lat[i] - f.lat) * Math.PI) / 360);
          const s2 = Math.sin(((demand.lng[i] - f.lng) * Math.PI) / 360);
          const h = s1 * s1 + Math.cos((f.lat * Math.PI) / 180) * Math.cos((demand.lat[i] * Math.PI) / 180) * s2 * s2;
          const minutes = (2 * R * Math.asin(Math.sqrt(h)) * 1.3) / 75;
          expect(reach[k].minutes[n]).toBe(Math.fround(minutes));
        });
      });
    }
  });

  it('handles no demand, no facilities and rejects bad coordinates', () => {
    expect(straightLineReach(makeDemand([]), [site], opts)[0].demandIndex.length).toBe(0);
    expect(straightLineReach(makeDemand([[106.1, 32.65, 1]]), [], opts)).toEqual([]);
    expect(() => straightLineReach(makeDemand([]), [{ ...site, lng: NaN }], opts)).toThrow(EngineInputError);
    expect(() => straightLineReach(makeDemand([]), [site], { ...opts, speedKmh: 0 })).toThrow(EngineInputError);
  });
});

const dbUrl = process.env.TEST_DATABASE_URL;

describe.runIf(needsPostgres('straightLineReach vs PostGIS ST_DWithin') && dbUrl)(`straightLineReach vs PostGIS ST_DWithin (sphere)${WITHOUT_POSTGRES_SKIPPED}`, () => {
  // PostGIS with use_spheroid=false measures on a sphere of radius (2a+b)/3 = 6,371,008.7714 m; the engine
  // uses 6,371,008.8 m (4.5e-9 relative: 4 µm at 865 m). With random points the chance that one lies
  // within 4 µm of a circle is about 1e-6, so the two must agree point for point.
  const schema = `coverage_test_${process.pid}_${Date.now()}`;
  const sql = postgres(dbUrl ?? '', { max: 1, onnotice: () => {} });
  const box: [number, number, number, number] = [106.0, 32.55, 106.2, 32.75];
  const demand = randomDemand(5000, 2024, box);
  const facilities = randomFacilities(50, 2025, box);
  const radiusMeters = (4.5 * 1000 / 60) * 15 / 1.3; // 15 min walk, detour 1.3

  beforeAll(async () => {
    await sql.unsafe(`create schema ${schema}`);
    await sql.unsafe(`create table ${schema}.demand (id int primary key, population float8, g geography(Point, 4326))`);
    await sql.unsafe(`create table ${schema}.site (id int primary key, g geography(Point, 4326))`);
    const ids = Array.from(demand.lng, (_, i) => i);
    await sql`insert into ${sql(schema)}.demand
      select id, p, ST_SetSRID(ST_MakePoint(x, y), 4326)::geography
      from unnest(${ids}::int[], ${[...demand.population]}::float8[], ${[...demand.lng]}::float8[], ${[...demand.lat]}::float8[]) as t(id, p, x, y)`;
    await sql`insert into ${sql(schema)}.site
      select id, ST_SetSRID(ST_MakePoint(x, y), 4326)::geography
      from unnest(${facilities.map((_, k) => k)}::int[], ${facilities.map((f) => f.lng)}::float8[], ${facilities.map((f) => f.lat)}::float8[]) as t(id, x, y)`;
  });
  afterAll(async () => {
    await sql.unsafe(`drop schema if exists ${schema} cascade`);
    await sql.end();
  });

  it('gives the same cover count for every point and the same covered population', async () => {
    const rows = await sql<{ id: number; n: number }[]>`
      select d.id, count(s.id)::int as n
      from ${sql(schema)}.demand d left join ${sql(schema)}.site s on ST_DWithin(d.g, s.g, ${radiusMeters}, false)
      group by d.id order by d.id`;
    const [{ covered }] = await sql<{ covered: number }[]>`
      select coalesce(sum(population), 0)::float8 as covered from ${sql(schema)}.demand d
      where exists (select 1 from ${sql(schema)}.site s where ST_DWithin(d.g, s.g, ${radiusMeters}, false))`;
    const result = coverageFromReach(demand, facilities, straightLineReach(demand, facilities, { radiusMeters, speedKmh: 4.5, detourFactor: 1.3 }));
    expect(rows.length).toBe(5000);
    expect([...result.coverCount]).toEqual(rows.map((r) => r.n));
    expect(result.totals.covered).toBe(covered); // integer populations: exact sums
    expect(covered).toBeGreaterThan(0);
  });
});
