/**
 * Which basemaps this server offers, from its environment. Nothing is configured by default: then only the
 * offline map (our own layers, the 嘉陵江 main stem, township and village labels) is offered and nothing is fetched
 * from the internet. Every basemap here is WGS-84 / CGCS2000 Web-Mercator: GCJ-02 basemaps (高德/腾讯) are not
 * offered, because our WGS-84 overlays would sit ~450 m off on them.
 *
 * | variable | meaning |
 * |---|---|
 * | `TIANDITU_TOKEN` | 天地图 key: adds 天地图 vector + annotation and imagery + annotation |
 * | `TIANDITU_HOST` | tile host, default `https://t{s}.tianditu.gov.cn` (`{s}` = 0…7) |
 * | `BASEMAP_XYZ` | JSON array of `{ "name", "url", "attribution", "maxzoom"?, "nameEn"?, "id"? }`: XYZ raster tile URLs with `{z}/{x}/{y}` (a vector style.json still goes in `?basemap=` / `VITE_BASEMAP_STYLE`) |
 * | `BASEMAP_PMTILES` | path of a local PMTiles file (raster or vector), served by the API with range requests |
 */
import { z } from 'zod';

export interface Basemap {
  id: string;
  name: string;
  nameEn: string;
  /** `offline`: no tiles; `raster`: XYZ tile templates; `pmtiles`: our own archive. */
  type: 'offline' | 'raster' | 'pmtiles';
  /** XYZ templates of the base layer (raster), then of an annotation layer drawn above it, if any. */
  tiles?: string[];
  labelTiles?: string[];
  /** Path of the archive on this API (type `pmtiles`). */
  url?: string;
  attribution: string;
  maxzoom: number;
  datum: 'WGS-84' | 'CGCS2000';
}

const XyzEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  url: z.string().regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'url must be http(s) with {z}, {x} and {y}'),
  attribution: z.string().min(1, 'attribution is required'),
  maxzoom: z.number().int().min(1).max(22).default(18),
});

const OFFLINE: Basemap = {
  id: 'offline', name: '离线底图', nameEn: 'Offline map', type: 'offline', maxzoom: 18, datum: 'WGS-84',
  attribution: '嘉陵江干流 HydroRIVERS (Lehner & Grill 2013, 精度约 450 m / ~450 m precision) · 行政区划 Vonng/adcode, modood · 本系统',
};

function tiandituTiles(host: string, layer: string, token: string): string[] {
  const hosts = host.includes('{s}') ? [0, 1, 2, 3, 4, 5, 6, 7].map((s) => host.replace('{s}', String(s))) : [host];
  return hosts.map((h) => `${h}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(token)}`);
}

/** The basemaps on offer and the local archive path, from `env`; throws a plain Error naming a bad variable. */
export function basemapsFromEnv(env: Record<string, string | undefined>): { basemaps: Basemap[]; pmtilesPath: string | null } {
  const basemaps: Basemap[] = [OFFLINE];
  const token = env.TIANDITU_TOKEN?.trim();
  if (token) {
    const host = (env.TIANDITU_HOST?.trim() || 'https://t{s}.tianditu.gov.cn').replace(/\/$/, '');
    const attribution = '天地图 © 国家基础地理信息中心 (CGCS2000)';
    basemaps.push(
      { id: 'tianditu-vec', name: '天地图 矢量', nameEn: 'Tianditu map', type: 'raster', tiles: tiandituTiles(host, 'vec', token), labelTiles: tiandituTiles(host, 'cva', token), attribution, maxzoom: 18, datum: 'CGCS2000' },
      { id: 'tianditu-img', name: '天地图 影像', nameEn: 'Tianditu imagery', type: 'raster', tiles: tiandituTiles(host, 'img', token), labelTiles: tiandituTiles(host, 'cia', token), attribution, maxzoom: 18, datum: 'CGCS2000' },
    );
  }
  if (env.BASEMAP_XYZ?.trim()) {
    let raw: unknown;
    try { raw = JSON.parse(env.BASEMAP_XYZ); } catch { throw new Error('BASEMAP_XYZ must be a JSON array'); }
    const parsed = z.array(XyzEntrySchema).safeParse(raw);
    if (!parsed.success) throw new Error(`BASEMAP_XYZ: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    parsed.data.forEach((e, i) => basemaps.push({
      id: e.id ?? `xyz-${i + 1}`, name: e.name, nameEn: e.nameEn ?? e.name, type: 'raster', tiles: [e.url], attribution: e.attribution, maxzoom: e.maxzoom, datum: 'WGS-84',
    }));
  }
  const pmtilesPath = env.BASEMAP_PMTILES?.trim() || null;
  if (pmtilesPath) {
    basemaps.push({
      id: 'local-pmtiles', name: '本地瓦片', nameEn: 'Local tiles', type: 'pmtiles', url: '/api/basemaps/local.pmtiles',
      attribution: env.BASEMAP_PMTILES_ATTRIBUTION?.trim() || '© OpenStreetMap contributors (ODbL)', maxzoom: 15, datum: 'WGS-84',
    });
  }
  return { basemaps, pmtilesPath };
}

/**
 * The origins (scheme, host, port) the offered raster basemaps load tiles from, for the page's Content-Security-Policy:
 * a tile host configured over plain http, or on another port (an intranet mirror), must be allowed explicitly.
 * A bad configuration gives none here; the basemaps route reports it.
 */
export function basemapTileOrigins(env: Record<string, string | undefined>): string[] {
  let basemaps: Basemap[];
  try { ({ basemaps } = basemapsFromEnv(env)); } catch { return []; }
  const origins = basemaps.flatMap((b) => [...(b.tiles ?? []), ...(b.labelTiles ?? [])]).flatMap((t) => {
    try { return [new URL(t.replace(/\{[a-z]\}/g, '0')).origin]; } catch { return []; }
  });
  return [...new Set(origins)];
}
