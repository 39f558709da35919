import gcoord from 'gcoord';
import { distance } from '@turf/distance';
import { expect, it } from 'vitest';
import { getDataVersion } from '../../api/src/db/version-repo.ts';
import { describeApi, type ApiHarness } from '../helpers/test-db.ts';
import { postImport } from '../helpers/import-upload.ts';
import type { ImportKind } from '../helpers/json-body.ts';

const P1: [number, number] = [105.884081, 32.643374]; // 朝天镇 seat
const P2: [number, number] = [105.907423, 32.775374]; // 大滩镇 seat
const P3: [number, number] = [106.15, 32.64];
const toGcj = (p: number[]) => gcoord.transform(p as [number, number], gcoord.WGS84, gcoord.GCJ02) as [number, number];
const meters = (a: number[], b: number[]) => distance(a as [number, number], b as [number, number], { units: 'meters' });
const square = (c: [number, number], d: number): number[][] => [
  [c[0] - d, c[1] - d], [c[0] + d, c[1] - d], [c[0] + d, c[1] + d], [c[0] - d, c[1] + d], [c[0] - d, c[1] - d],
];

const post = <K extends ImportKind>(h: () => ApiHarness, path: K, file: string, fields: Record<string, string>, fileName = 'data.csv') =>
  postImport(h, path, file, fileName, fields);

describeApi('POST /api/import/townships', (h) => {
  const wgsSquares = { chaotian: square(P1, 0.01), datan: square(P2, 0.01) };
  const fc = (extra: object[] = []) => JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { 乡镇代码: '510812100' }, geometry: { type: 'Polygon', coordinates: [wgsSquares.chaotian.map(toGcj)] } },
      { type: 'Feature', properties: { 名称: '大滩' }, geometry: { type: 'MultiPolygon', coordinates: [[wgsSquares.datan.map(toGcj)]] } },
      ...extra,
    ],
  });

  it('previews: matches by code and by name without suffix, lists problems per feature', async () => {
    const r = await post(h, 'townships', fc([
      { type: 'Feature', properties: { 名称: '不存在乡' }, geometry: { type: 'Polygon', coordinates: [square(P3, 0.01)] } },
      { type: 'Feature', properties: { 名称: '羊木镇' }, geometry: { type: 'Point', coordinates: P3 } },
      { type: 'Feature', properties: { 名称: '曾家镇' }, geometry: { type: 'Polygon', coordinates: [square([104.0, 30.6], 0.01)] } },
    ]), { crs: 'gcj02', licence: 'CC BY 4.0' }, 'townships.geojson');
    expect(r.status).toBe(200);
    expect(r.body.townships.map((t) => [t.row, t.code])).toEqual([[1, '510812100'], [2, '510812101']]);
    expect(r.body.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([
      [3, 'township_not_found'], [4, 'bad_geometry'], [5, 'outside_district'],
    ]);
    expect(r.body.summary.missingTownships).toHaveLength(10);
  });

  it('commits polygons converted to WGS-84 (vertices within 1 m) and records the source', async () => {
    const v0 = await getDataVersion(h().db.sql, '510812');
    const r = await post(h, 'townships', fc(), { crs: 'gcj02', mode: 'commit', licence: 'CC BY 4.0', sourceName: '乡镇界线', vintage: '2023' }, 't.geojson');
    expect(r.status).toBe(200);
    expect(r.body.committed).toMatchObject({ updated: 2 });
    const [t] = await h().db.sql`SELECT boundary, boundary_source FROM townships WHERE code = '510812100'`;
    expect(t.boundary_source).toBe(r.body.committed!.sourceId);
    t.boundary.coordinates[0].forEach((p: number[], i: number) => expect(meters(p, wgsSquares.chaotian[i])).toBeLessThan(1));
    const [d] = await h().db.sql`SELECT boundary FROM townships WHERE code = '510812101'`;
    expect(d.boundary.type).toBe('MultiPolygon');
    const [src] = await h().db.sql`SELECT name, licence, vintage, datum, modelled FROM data_sources WHERE id = ${r.body.committed!.sourceId}`;
    expect(src).toEqual({ name: '乡镇界线', licence: 'CC BY 4.0', vintage: '2023', datum: 'WGS-84 (converted from GCJ-02 with gcoord)', modelled: false });
    expect(await getDataVersion(h().db.sql, '510812')).toBeGreaterThan(v0);
  });

  it('requires a licence, and GeoJSON', async () => {
    const noLicence = await post(h, 'townships', fc(), { crs: 'wgs84', mode: 'commit' }, 't.geojson');
    expect(noLicence.status).toBe(400);
    expect(noLicence.body.error!.issues!.map((i) => i.path)).toContainEqual(['licence']);
    const csv = await post(h, 'townships', '名称\n朝天镇\n', { crs: 'wgs84', licence: 'x' });
    expect(csv.status).toBe(422);
    expect(csv.body.error!.message).toMatch(/GeoJSON/);
  });
});

describeApi('POST /api/import/villages', (h) => {
  const csv = [
    '编码,村名,乡镇,经度,纬度,人口,65岁以上',
    `,朝天村,朝天镇,${toGcj(P1).join(',')},1200,300`,
    `510812101221,,,${toGcj(P2).join(',')},800,`,
    `,不存在村,朝天镇,${toGcj(P1).join(',')},10,`,
    ',青云,朝天镇,,,abc,',
  ].join('\n');

  it('previews: code or name (+ township) matching, problems by row', async () => {
    const r = await post(h, 'villages', csv, { crs: 'gcj02', licence: '区统计局提供' });
    expect(r.status).toBe(200);
    expect(r.body.villages.map((v) => [v.row, v.code, v.population])).toEqual([[2, '510812100200', 1200], [3, '510812101221', 800]]);
    expect(r.body.issues.map((i) => [i.row, i.column, i.code])).toEqual([[4, '村名', 'village_not_found'], [5, '人口', 'bad_number']]);
  });

  it('commit refuses problems unless skipInvalid; then updates villages and activates a villages demand set', async () => {
    expect((await post(h, 'villages', csv, { crs: 'gcj02', licence: '区统计局提供', mode: 'commit' })).status).toBe(422);
    const r = await post(h, 'villages', csv, { crs: 'gcj02', licence: '区统计局提供', mode: 'commit', skipInvalid: 'true', vintage: '2020' });
    expect(r.status).toBe(200);
    expect(r.body.committed).toMatchObject({ updated: 2, demandPoints: 2 });
    expect(r.body.committed!.skipped.map((s) => s.row)).toEqual([4, 5]);
    const [v] = await h().db.sql`SELECT lng, lat, population, source FROM villages WHERE code = '510812100200'`;
    expect(v.population).toBe(1200);
    expect(v.source).toBe(r.body.committed!.sourceId);
    expect(meters([v.lng, v.lat], P1)).toBeLessThan(1);
    const sets = await h().db.sql`SELECT kind, points, source_id FROM demand_sets WHERE active`;
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ kind: 'villages', source_id: r.body.committed!.sourceId });
    expect(sets[0].points.map((p: number[]) => p[2]).sort()).toEqual([1200, 800]);
    const [src] = await h().db.sql`SELECT modelled, licence, vintage FROM data_sources WHERE id = ${r.body.committed!.sourceId}`;
    expect(src).toEqual({ modelled: false, licence: '区统计局提供', vintage: '2020' });
  });
});

describeApi('POST /api/import/population', (h) => {
  it('CSV points: outside points are left out with a warning, zero rows skipped, bad rows reported', async () => {
    const csv = ['lng,lat,population,65岁以上', `${P1.join(',')},100,20`, `${P3.join(',')},50,`, '104.0,30.6,10,', `${P2.join(',')},0,`, `${P2.join(',')},-5,`].join('\n');
    const r = await post(h, 'population', csv, { crs: 'wgs84', licence: 'CC BY 4.0', cellSizeMeters: '200' });
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({ rows: 5, valid: 2, invalid: 1, outside: 1, zero: 1, totalPopulation: 150 });
    expect(r.body.cellHalfSizeMeters).toBe(100);
    expect(r.body.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[4, 'outside_district', 'warning'], [6, 'bad_number', 'error']]);
    const c = await post(h, 'population', csv, { crs: 'wgs84', licence: 'CC BY 4.0', cellSizeMeters: '200', mode: 'commit', skipInvalid: 'true' });
    expect(c.status).toBe(200);
    const [set] = await h().db.sql`SELECT kind, points, cell_half_size_meters FROM demand_sets WHERE active`;
    expect(set.kind).toBe('grid');
    expect(set.cell_half_size_meters).toBe(100);
    expect(set.points).toEqual([[...P1, 100, 20], [...P3, 50]]);
  });

  it('GeoJSON polygons count at their centre; the cell size comes from their area; the new set replaces the old', async () => {
    // 100 m × 100 m cells: half-sizes in degrees from the mean earth radius.
    const dLat = 50 / 111194.93;
    const cell = (c: [number, number]) => {
      const dLng = dLat / Math.cos((c[1] * Math.PI) / 180);
      return [[c[0] - dLng, c[1] - dLat], [c[0] + dLng, c[1] - dLat], [c[0] + dLng, c[1] + dLat], [c[0] - dLng, c[1] + dLat], [c[0] - dLng, c[1] - dLat]];
    };
    const fc = {
      type: 'FeatureCollection',
      features: [P1, P3].map((p, i) => ({ type: 'Feature', properties: { pop: 10 * (i + 1) }, geometry: { type: 'Polygon', coordinates: [cell(p)] } })),
    };
    const r = await post(h, 'population', JSON.stringify(fc), { crs: 'wgs84', licence: 'WorldPop CC BY 4.0', mode: 'commit' }, 'grid.geojson');
    expect(r.status).toBe(200);
    expect(r.body.cellHalfSizeMeters).toBeGreaterThan(49.5);
    expect(r.body.cellHalfSizeMeters).toBeLessThan(50.5);
    const sets = await h().db.sql`SELECT points, id FROM demand_sets WHERE active`;
    expect(sets).toHaveLength(1);
    expect(sets[0].id).toBe(r.body.committed!.demandSetId);
    expect(meters(sets[0].points[0].slice(0, 2), P1)).toBeLessThan(1);
    expect(meters(sets[0].points[1].slice(0, 2), P3)).toBeLessThan(1);
    expect(sets[0].points.map((p: number[]) => p[2])).toEqual([10, 20]);
  });

  it('requires a licence and a population column', async () => {
    expect((await post(h, 'population', `lng,lat,population\n${P1.join(',')},5\n`, { crs: 'wgs84' })).status).toBe(400);
    const r = await post(h, 'population', `lng,lat,备注\n${P1.join(',')},x\n`, { crs: 'wgs84', licence: 'x', mode: 'commit' });
    expect(r.status).toBe(422);
    expect(r.body.error!.message).toMatch(/no population column/);
  });
});
