import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { describeApi } from '../helpers/test-db.ts';
import { basemapsFromEnv } from '../../api/src/services/basemap-config.ts';
import { pmtilesArchive, solidPng } from '../fixtures/tiny-tiles.ts';

const ENV_KEYS = ['TIANDITU_TOKEN', 'TIANDITU_HOST', 'BASEMAP_XYZ', 'BASEMAP_PMTILES', 'BASEMAP_PMTILES_ATTRIBUTION'];
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV_KEYS) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
});

it('offers only the offline map without configuration; Tianditu with a token; XYZ from JSON; never GCJ-02', () => {
  expect(basemapsFromEnv({}).basemaps.map((b) => b.id)).toEqual(['offline']);
  expect(basemapsFromEnv({}).basemaps[0].attribution).toMatch(/HydroRIVERS.*450 m/);
  const t = basemapsFromEnv({ TIANDITU_TOKEN: 'abc123' }).basemaps;
  expect(t.map((b) => b.id)).toEqual(['offline', 'tianditu-vec', 'tianditu-img']);
  expect(t[1].tiles).toHaveLength(8);
  expect(t[1].tiles![0]).toBe('https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123');
  expect(t[1].labelTiles![0]).toContain('/cva_w/wmts?');
  expect(t[2].tiles![0]).toContain('LAYER=img');
  expect(t[2].labelTiles![0]).toContain('LAYER=cia');
  const x = basemapsFromEnv({ BASEMAP_XYZ: JSON.stringify([{ name: 'OSM', url: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' }]) }).basemaps;
  expect(x[1]).toMatchObject({ id: 'xyz-1', type: 'raster', tiles: ['https://tile.example.org/{z}/{x}/{y}.png'], attribution: '© OpenStreetMap contributors' });
  expect(() => basemapsFromEnv({ BASEMAP_XYZ: '[{"name":"x","url":"https://a/b.png"}]' })).toThrow(/BASEMAP_XYZ/);
  expect(() => basemapsFromEnv({ BASEMAP_XYZ: 'not json' })).toThrow(/JSON array/);
});

describeApi('basemaps API', (h) => {
  it('GET /api/basemaps sends the token only inside tile URLs; the rivers are the shipped main stem', async () => {
    process.env.TIANDITU_TOKEN = 'secret-token';
    const { basemaps } = await (await h().request('/api/basemaps')).json();
    const text = JSON.stringify(basemaps);
    for (const b of basemaps) {
      const { tiles, labelTiles, ...rest } = b;
      expect(JSON.stringify(rest)).not.toContain('secret-token');
      void tiles; void labelTiles;
    }
    expect(text).toContain('tk=secret-token');
    const rivers = await (await h().request('/api/basemaps/rivers')).json();
    expect(rivers.features[0].properties).toMatchObject({ name: '嘉陵江', precisionMeters: 450 });
    expect(rivers.features[0].geometry.type).toBe('MultiLineString');
  });

  it('serves a local PMTiles file with range requests that the pmtiles reader can read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmtiles-'));
    const tile = solidPng([30, 120, 200], 8);
    const path = join(dir, 'local.pmtiles');
    writeFileSync(path, pmtilesArchive([[0, 0, 0, tile], [1, 1, 0, solidPng([200, 30, 30], 8)]]));
    process.env.BASEMAP_PMTILES = path;
    const { basemaps } = await (await h().request('/api/basemaps')).json();
    expect(basemaps.find((b: { type: string }) => b.type === 'pmtiles')).toMatchObject({ url: '/api/basemaps/local.pmtiles' });

    const ranges: string[] = [];
    const source: Source = {
      getKey: () => 'local',
      async getBytes(offset: number, length: number): Promise<RangeResponse> {
        const range = `bytes=${offset}-${offset + length - 1}`;
        ranges.push(range);
        const res = await h().request('/api/basemaps/local.pmtiles', { headers: { range } });
        expect(res.status).toBe(206);
        expect(res.headers.get('accept-ranges')).toBe('bytes');
        return { data: await res.arrayBuffer() };
      },
    };
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    expect(header.tileType).toBe(TileType.Png);
    const got = await archive.getZxy(0, 0, 0);
    expect(Buffer.from(got!.data)).toEqual(tile);
    expect(ranges.length).toBeGreaterThan(0);

    const whole = await h().request('/api/basemaps/local.pmtiles');
    expect(whole.status).toBe(200);
    const bad = await h().request('/api/basemaps/local.pmtiles', { headers: { range: 'bytes=999999-' } });
    expect(bad.status).toBe(416);
    expect((await bad.json()).error.code).toBe('invalid_request');
    delete process.env.BASEMAP_PMTILES;
    const none = await h().request('/api/basemaps/local.pmtiles');
    expect(none.status).toBe(404);
    expect((await none.json()).error.code).toBe('not_found');
  });
});
