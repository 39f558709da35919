import { Hono } from 'hono';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GEODATA_DIR } from '../project-paths.ts';
import type { AppEnv } from '../http/deps.ts';
import { ApiError } from '../http/errors.ts';
import { basemapsFromEnv } from '../services/basemap-config.ts';

/**
 * Basemaps on offer (read-only) and the local PMTiles archive served with HTTP range requests, so an office
 * without internet still has a basemap. Both routes are reads.
 */
const RIVERS = join(GEODATA_DIR, 'rivers.geojson');

export const basemapRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ basemaps: basemapsFromEnv(process.env).basemaps }, 200))
  /** The 嘉陵江 main stem for the offline map (HydroRIVERS, ~450 m precision). */
  .get('/rivers', async (c) => c.json(JSON.parse(await readFile(RIVERS, 'utf8')) as {
    type: 'FeatureCollection'; features: { type: 'Feature'; properties: { name: string; nameEn: string; precisionMeters: number }; geometry: { type: 'MultiLineString'; coordinates: [number, number][][] } }[];
  }, 200))
  .on(['GET', 'HEAD'], '/local.pmtiles', async (c) => {
    const path = basemapsFromEnv(process.env).pmtilesPath;
    if (!path) throw new ApiError(404, 'not_found', 'No local tiles file is configured (BASEMAP_PMTILES)');
    const size = (await stat(path).catch(() => { throw new ApiError(404, 'not_found', 'The local tiles file is missing'); })).size;
    const range = c.req.header('range');
    let start = 0, end = size - 1;
    if (range) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
      if (!m || (m[1] === '' && m[2] === '')) throw new ApiError(400, 'invalid_request', `Unsupported Range "${range}"`);
      if (m[1] === '') start = Math.max(0, size - Number(m[2]));
      else { start = Number(m[1]); if (m[2] !== '') end = Math.min(size - 1, Number(m[2])); }
      if (start > end || start >= size) {
        c.header('Content-Range', `bytes */${size}`);
        return c.json({ error: { code: 'invalid_request' as const, message: 'Range not satisfiable' } }, 416 as never);
      }
    }
    const length = end - start + 1;
    const headers: Record<string, string> = {
      'Content-Type': 'application/vnd.pmtiles', 'Accept-Ranges': 'bytes', 'Content-Length': String(length),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    };
    if (c.req.method === 'HEAD') return c.body(null, range ? 206 : 200, headers);
    const buf = Buffer.alloc(length);
    const fh = await open(path, 'r');
    try { await fh.read(buf, 0, length, start); } finally { await fh.close(); }
    return c.body(buf, range ? 206 : 200, headers);
  });
