import type {
  CircleLayerSpecification,
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
} from 'maplibre-gl';
import { SITE_KINDS, type SiteKind } from '../../../../api/src/schemas/sites';
import { LAYER, SOURCE } from '../ids';
import { DEMONSTRATION_COLOR, KIND_STYLE, type KindStyle } from './site-kind-style';

/** A `match` on the feature's `kind` picking one {@link KindStyle} field per kind. */
export function byKind<K extends keyof KindStyle>(field: K, fallback: KindStyle[K]): ExpressionSpecification {
  const pairs = SITE_KINDS.flatMap((k: SiteKind) => [k, KIND_STYLE[k][field]]);
  return ['match', ['get', 'kind'], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** Symbol size factor by zoom (linear between stops, constant beyond): 0.6× at z8, 1× at z10, 1.6× at z14. */
export const ZOOM_SCALE: readonly (readonly [zoom: number, factor: number])[] = [[8, 0.6], [10, 1], [14, 1.6]];

const zoomed = (radius: ExpressionSpecification, extra = 0): DataDrivenPropertyValueSpecification<number> =>
  ['interpolate', ['linear'], ['zoom'], ...ZOOM_SCALE.flatMap(([z, f]) => [z, ['+', ['*', radius, f], extra]])] as never;

/** The drawn radius in pixels of a symbol of `radiusPx` (at z10) at `zoom`, as the circle layer draws it. */
export function symbolRadiusAtZoom(radiusPx: number, zoom: number): number {
  const first = ZOOM_SCALE[0];
  const last = ZOOM_SCALE[ZOOM_SCALE.length - 1];
  if (zoom <= first[0]) return radiusPx * first[1];
  if (zoom >= last[0]) return radiusPx * last[1];
  for (let i = 1; i < ZOOM_SCALE.length; i++) {
    const [z0, f0] = ZOOM_SCALE[i - 1];
    const [z1, f1] = ZOOM_SCALE[i];
    if (zoom <= z1) return radiusPx * (f0 + ((zoom - z0) / (z1 - z0)) * (f1 - f0));
  }
  return radiusPx * last[1];
}

/** Matches no feature: the selection halo shows nothing until a site is selected. */
export const NO_SELECTION: FilterSpecification = ['==', ['get', 'id'], ''];

/**
 * Circle layers for placed sites: a selection halo, a gold ring for demonstration sites, and the
 * site symbol itself (colour, size and stroke by kind; filled when existing, hollow when planned,
 * faint hollow when proposed). Reads `kind`, `status`, `demonstration`, `id` from the `sites` source.
 */
export function siteLayers(): CircleLayerSpecification[] {
  const radius = byKind('radiusPx', 5);
  const hollow: ExpressionSpecification = ['!=', ['get', 'status'], 'existing'];
  return [
    {
      id: LAYER.siteHalo,
      type: 'circle',
      source: SOURCE.sites,
      filter: NO_SELECTION,
      paint: {
        'circle-radius': zoomed(radius, 8),
        'circle-color': '#ffd23f',
        'circle-opacity': 0.45,
        'circle-stroke-color': '#1a1a1a',
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.siteDemoRing,
      type: 'circle',
      source: SOURCE.sites,
      filter: ['==', ['get', 'demonstration'], true],
      paint: {
        'circle-radius': zoomed(radius, 4),
        'circle-color': DEMONSTRATION_COLOR,
        'circle-stroke-color': '#6b4e00',
        'circle-stroke-width': 1,
      },
    },
    {
      id: LAYER.sites,
      type: 'circle',
      source: SOURCE.sites,
      // Smaller symbols on top, so a station at a township seat is not hidden under the institute.
      layout: { 'circle-sort-key': ['-', 0, radius] },
      paint: {
        'circle-radius': zoomed(radius),
        'circle-color': ['case', hollow, '#ffffff', byKind('color', '#555555')],
        'circle-opacity': ['match', ['get', 'status'], 'proposed', 0.7, 1],
        'circle-stroke-color': ['case', hollow, byKind('color', '#555555'), byKind('strokeColor', '#ffffff')],
        'circle-stroke-width': ['case', hollow, ['max', 2, byKind('strokeWidthPx', 1)], byKind('strokeWidthPx', 1)],
        'circle-stroke-opacity': ['match', ['get', 'status'], 'proposed', 0.6, 1],
      },
    },
  ];
}

/** The filter state of the left panel. `kinds`/`statuses` list what is shown; `township` null = all. */
export interface SiteFilterState {
  kinds: readonly string[];
  statuses: readonly string[];
  township: string | null;
}

/** A MapLibre filter expression showing only sites (or their circles) that pass the panel's filters. */
export function siteFilter(f: SiteFilterState): ExpressionSpecification {
  const parts: ExpressionSpecification[] = [
    ['in', ['get', 'kind'], ['literal', [...f.kinds]]],
    ['in', ['get', 'status'], ['literal', [...f.statuses]]],
  ];
  if (f.township) parts.push(['==', ['get', 'townshipCode'], f.township]);
  return ['all', ...parts];
}
