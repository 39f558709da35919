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

/** Radius grows with zoom: 0.6× at z8, 1× at z10, 1.6× at z14. */
const zoomed = (radius: ExpressionSpecification, extra = 0): DataDrivenPropertyValueSpecification<number> => [
  'interpolate', ['linear'], ['zoom'],
  8, ['+', ['*', radius, 0.6], extra],
  10, ['+', radius, extra],
  14, ['+', ['*', radius, 1.6], extra],
];

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
