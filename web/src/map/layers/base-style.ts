import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from '../ids';
import { boundaryLayers } from './boundary-layers';
import { circleLayers } from './circle-layers';
import { siteLayers } from './site-layers';
import { townshipLayers } from './township-layers';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** A style with only a plain background: needs no tile, glyph or sprite server. */
export function backgroundStyle(color = '#e8e4da'): StyleSpecification {
  return {
    version: 8,
    name: 'chaotian-plain',
    sources: {},
    layers: [{ id: LAYER.background, type: 'background', paint: { 'background-color': color } }],
  };
}

/** The planner's own GeoJSON sources (empty until data arrives), keyed by source id. */
export function overlaySources(): StyleSpecification['sources'] {
  return Object.fromEntries(
    Object.values(SOURCE).map((id) => [id, { type: 'geojson' as const, data: EMPTY, ...(id === SOURCE.sites ? { promoteId: 'id' } : {}) }]),
  );
}

/** The planner's layers in drawing order: district mask and fill, circles, outline, seats, sites. */
export function overlayLayers(opts: { circlesVisible?: boolean } = {}): LayerSpecification[] {
  const [mask, fill, casing, line] = boundaryLayers();
  return [mask, fill, ...circleLayers(opts.circlesVisible ?? true), casing, line, ...townshipLayers(), ...siteLayers()];
}

/** The complete self-contained style: background, the planner's sources and layers. */
export function plannerStyle(opts: { circlesVisible?: boolean; background?: string } = {}): StyleSpecification {
  const base = backgroundStyle(opts.background);
  return { ...base, sources: overlaySources(), layers: [...base.layers, ...overlayLayers(opts)] };
}
