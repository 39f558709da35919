import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { basemapLayers, type BasemapInfo } from '../../web/src/map/basemap-layers.ts';
import { plannerStyle } from '../../web/src/map/layers/base-style.ts';

const ORIGIN = 'http://127.0.0.1:8787';
/** Whether a layer's filter lets an outline with these properties through (evaluated as MapLibre does). */
const passes = (filter: unknown, properties: Record<string, unknown>) =>
  featureFilter(filter as never, 'filter').filter({ zoom: 10 }, { type: 'LineString', properties } as never);
const style = (b: BasemapInfo, pmtilesVector = false) => {
  const base = plannerStyle();
  const { sources, layers } = basemapLayers(b, { origin: ORIGIN, pmtilesVector });
  return { ...base, sources: { ...base.sources, ...sources }, layers: [base.layers[0], ...layers, ...base.layers.slice(1)] };
};

describe('basemapLayers', () => {
  it('offline: the river line and imported township outlines from our own API, valid style', () => {
    const b: BasemapInfo = { id: 'offline', name: '离线底图', nameEn: 'Offline map', type: 'offline', attribution: 'x', maxzoom: 18 };
    const { sources, layers } = basemapLayers(b, { origin: ORIGIN });
    expect(layers.map((l) => l.id)).toEqual(['basemap-township-outline-line', 'basemap-river-line']);
    // Imported outlines are drawn; the approximate nearest-seat cells (and outlines without the flag) are not.
    const outline = layers[0];
    if (outline.type !== 'line') throw new Error('the outline layer is a line layer');
    expect(passes(outline.filter, { code: '510812100', approximate: false })).toBe(true);
    expect(passes(outline.filter, { code: '510812100', approximate: true })).toBe(false);
    expect(passes(outline.filter, { code: '510812100' })).toBe(false);
    expect(sources['basemap-township-outlines']).toMatchObject({ type: 'geojson', data: `${ORIGIN}/api/township-areas` });
    expect(sources['basemap-river']).toMatchObject({ type: 'geojson', data: `${ORIGIN}/api/basemaps/rivers` });
    expect(validateStyleMin(style(b) as never)).toEqual([]);
  });

  it('raster with annotation: base then labels, attribution on the base source', () => {
    const b: BasemapInfo = { id: 't', name: 't', nameEn: 't', type: 'raster', tiles: ['http://a/{z}/{x}/{y}'], labelTiles: ['http://b/{z}/{x}/{y}'], attribution: '天地图', maxzoom: 18 };
    const { sources, layers } = basemapLayers(b, { origin: ORIGIN });
    expect(layers.map((l) => l.id)).toEqual(['basemap-tiles', 'basemap-labels']);
    expect(sources['basemap-tiles']).toMatchObject({ type: 'raster', tiles: b.tiles, attribution: '天地图', tileSize: 256 });
    expect(validateStyleMin(style(b) as never)).toEqual([]);
  });

  it('local PMTiles: raster or vector (plain Protomaps-schema layers) through the pmtiles:// protocol', () => {
    const b: BasemapInfo = { id: 'p', name: 'p', nameEn: 'p', type: 'pmtiles', url: '/api/basemaps/local.pmtiles', attribution: 'OSM', maxzoom: 15 };
    const raster = basemapLayers(b, { origin: ORIGIN });
    expect(raster.sources['basemap-pmtiles']).toMatchObject({ type: 'raster', url: `pmtiles://${ORIGIN}/api/basemaps/local.pmtiles` });
    const vector = basemapLayers(b, { origin: ORIGIN, pmtilesVector: true });
    expect(vector.sources['basemap-pmtiles']).toMatchObject({ type: 'vector' });
    expect(vector.layers.map((l) => ('source-layer' in l ? l['source-layer'] : null))).toEqual(['earth', 'landuse', 'water', 'buildings', 'roads']);
    expect(validateStyleMin(style(b, true) as never)).toEqual([]);
  });
});
