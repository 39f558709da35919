import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../lib/api';

/** A basemap as `GET /api/basemaps` describes it (the layers do not need its datum). */
export type BasemapInfo = Omit<Basemap, 'datum'>;

export const BASEMAP_PREFIX = 'basemap-';
export const RIVER_SOURCE = 'basemap-river';
export const RIVER_LAYER = 'basemap-river-line';
export const TOWNSHIP_OUTLINE_SOURCE = 'basemap-township-outlines';
export const TOWNSHIP_OUTLINE_LAYER = 'basemap-township-outline-line';

/**
 * Sources and layers that draw `b` under our overlays (ids prefixed `basemap-`): raster tiles and their annotation
 * layer, a local PMTiles archive (raster, or vector drawn with plain water/road/building layers), or for the offline
 * map the 嘉陵江 main stem and the imported township outlines. `pmtilesTileType` is the archive's tile type (1 = MVT) once read.
 */
export function basemapLayers(b: BasemapInfo, opts: { origin: string; pmtilesVector?: boolean }): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  if (b.type === 'offline') {
    sources[RIVER_SOURCE] = { type: 'geojson', data: `${opts.origin}/api/basemaps/rivers` };
    // Township outlines where known: imported boundaries only, never the approximate nearest-seat cells.
    sources[TOWNSHIP_OUTLINE_SOURCE] = { type: 'geojson', data: `${opts.origin}/api/township-areas` };
    layers.push({
      id: TOWNSHIP_OUTLINE_LAYER, type: 'line', source: TOWNSHIP_OUTLINE_SOURCE, filter: ['==', ['get', 'approximate'], false],
      paint: { 'line-color': '#8a7f6a', 'line-width': 1.2, 'line-dasharray': [4, 2] },
    });
    layers.push({
      id: RIVER_LAYER, type: 'line', source: RIVER_SOURCE, layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#6fa8d6', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 14, 6], 'line-opacity': 0.9 },
    });
  } else if (b.type === 'raster' && b.tiles) {
    sources['basemap-tiles'] = { type: 'raster', tiles: b.tiles, tileSize: 256, maxzoom: b.maxzoom, attribution: b.attribution };
    layers.push({ id: 'basemap-tiles', type: 'raster', source: 'basemap-tiles' });
    if (b.labelTiles) {
      sources['basemap-labels'] = { type: 'raster', tiles: b.labelTiles, tileSize: 256, maxzoom: b.maxzoom };
      layers.push({ id: 'basemap-labels', type: 'raster', source: 'basemap-labels' });
    }
  } else if (b.type === 'pmtiles' && b.url) {
    const url = `pmtiles://${opts.origin}${b.url}`;
    if (opts.pmtilesVector) {
      sources['basemap-pmtiles'] = { type: 'vector', url, attribution: b.attribution };
      const src = 'basemap-pmtiles';
      layers.push(
        { id: 'basemap-pm-earth', type: 'fill', source: src, 'source-layer': 'earth', paint: { 'fill-color': '#f2efe6' } },
        { id: 'basemap-pm-landuse', type: 'fill', source: src, 'source-layer': 'landuse', paint: { 'fill-color': '#e3ead3', 'fill-opacity': 0.6 } },
        { id: 'basemap-pm-water', type: 'fill', source: src, 'source-layer': 'water', paint: { 'fill-color': '#a9cde8' } },
        { id: 'basemap-pm-buildings', type: 'fill', source: src, 'source-layer': 'buildings', paint: { 'fill-color': '#d6d0c4' } },
        { id: 'basemap-pm-roads', type: 'line', source: src, 'source-layer': 'roads', paint: { 'line-color': '#b9a98c', 'line-width': 1.2 } },
      );
    } else {
      sources['basemap-pmtiles'] = { type: 'raster', url, tileSize: 256, attribution: b.attribution };
      layers.push({ id: 'basemap-pmtiles', type: 'raster', source: 'basemap-pmtiles' });
    }
  }
  return { sources, layers };
}

const STORAGE_KEY = 'chaotian.basemap';

/** The remembered basemap id, if it is still on offer; else the offline map. */
export function rememberedBasemap(list: readonly BasemapInfo[]): BasemapInfo | undefined {
  let id: string | null = null;
  try { id = window.localStorage.getItem(STORAGE_KEY); } catch { /* storage blocked */ }
  return list.find((b) => b.id === id) ?? list.find((b) => b.type === 'offline') ?? list[0];
}

export function rememberBasemap(id: string): void {
  try { window.localStorage.setItem(STORAGE_KEY, id); } catch { /* storage blocked */ }
}
