/**
 * Pure MapLibre layer functions for the coverage view: the covered area (union of isochrones) in a
 * soft fill, coverage gaps graduated by population, the selected gap, and a focused township's outline.
 */
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  LineLayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';

export const COVERAGE_SOURCE = {
  covered: 'coverage-covered',
  gaps: 'coverage-gaps',
  townshipAreas: 'coverage-township-areas',
} as const;

export const COVERAGE_LAYER = {
  coveredFill: 'coverage-covered-fill',
  coveredLine: 'coverage-covered-line',
  gapFill: 'coverage-gaps-fill',
  gapLine: 'coverage-gaps-line',
  gapSelected: 'coverage-gaps-selected',
  focusFill: 'coverage-township-focus-fill',
  focusCasing: 'coverage-township-focus-casing',
  focusLine: 'coverage-township-focus-line',
  focusLineApproximate: 'coverage-township-focus-line-approximate',
} as const;

/** Gap population classes: [0, 200), [200, 1000), [1000, 3000), [3000, 10000), ≥ 10000 residents. */
export const GAP_BREAKS = [200, 1000, 3000, 10000] as const;
/** ColorBrewer YlOrRd, 5 classes (sequential, colour-blind safe), light = few residents. */
export const GAP_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
export const COVERED_COLOR = '#2f9e6b';

/** The class (0 … GAP_COLORS.length − 1) of a gap with `population` residents, as the `step` expression draws it. */
export function gapClass(population: number): number {
  let i = 0;
  while (i < GAP_BREAKS.length && population >= GAP_BREAKS[i]) i++;
  return i;
}

/** A `step` expression colouring a feature by its `population` with {@link GAP_COLORS} at {@link GAP_BREAKS}. */
export function gapColor(): ExpressionSpecification {
  const stops = GAP_BREAKS.flatMap((b, i) => [b, GAP_COLORS[i + 1]]);
  return ['step', ['get', 'population'], GAP_COLORS[0], ...stops] as unknown as ExpressionSpecification;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Feature ids of the coverage sources: gaps are keyed by `rank`, township areas by `code`. */
export const COVERAGE_SOURCE_OPTIONS = {
  [COVERAGE_SOURCE.gaps]: { promoteId: 'rank' },
  [COVERAGE_SOURCE.townshipAreas]: { promoteId: 'code' },
};

/** The coverage view's GeoJSON sources, empty until data arrives; gaps are keyed by `rank`. */
export function coverageSources(): Record<string, SourceSpecification> {
  return {
    [COVERAGE_SOURCE.covered]: { type: 'geojson', data: EMPTY },
    [COVERAGE_SOURCE.gaps]: { type: 'geojson', data: EMPTY, ...COVERAGE_SOURCE_OPTIONS[COVERAGE_SOURCE.gaps] },
    [COVERAGE_SOURCE.townshipAreas]: { type: 'geojson', data: EMPTY, ...COVERAGE_SOURCE_OPTIONS[COVERAGE_SOURCE.townshipAreas] },
  };
}

/** Matches no feature (the selected gap and focused township show nothing until chosen). */
export const NO_MATCH: FilterSpecification = ['==', ['get', 'code'], '\u0000'];

/**
 * The covered area in a soft green (opacity 0.22, so the district shows through) with a thin outline,
 * then gaps as polygons coloured by population (opacity 0.5) with a hairline, and a thick dark outline
 * for the selected gap. Drawn in this order, below the district outline and the sites.
 */
export function coverageLayers(visible = true): (FillLayerSpecification | LineLayerSpecification)[] {
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: COVERAGE_LAYER.coveredFill,
      type: 'fill',
      source: COVERAGE_SOURCE.covered,
      layout: { visibility },
      paint: { 'fill-color': COVERED_COLOR, 'fill-opacity': 0.22 },
    },
    {
      id: COVERAGE_LAYER.coveredLine,
      type: 'line',
      source: COVERAGE_SOURCE.covered,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': COVERED_COLOR, 'line-width': 1, 'line-opacity': 0.8 },
    },
    {
      id: COVERAGE_LAYER.gapFill,
      type: 'fill',
      source: COVERAGE_SOURCE.gaps,
      layout: { visibility },
      paint: { 'fill-color': gapColor(), 'fill-opacity': 0.5 },
    },
    {
      id: COVERAGE_LAYER.gapLine,
      type: 'line',
      source: COVERAGE_SOURCE.gaps,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': '#8c2d04', 'line-width': 0.6, 'line-opacity': 0.55 },
    },
    {
      id: COVERAGE_LAYER.gapSelected,
      type: 'line',
      source: COVERAGE_SOURCE.gaps,
      filter: NO_MATCH,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': '#1a1a1a', 'line-width': 2.5 },
    },
  ];
}

/** Shows only the gap of rank `rank` in the selected-gap layer (nothing for null). */
export function selectedGapFilter(rank: number | null): FilterSpecification {
  return rank === null ? NO_MATCH : ['==', ['get', 'rank'], rank];
}

/**
 * A focused township's area: a faint fill, a white casing and a dark red outline, solid for imported
 * boundaries and dashed for approximate (nearest-seat) areas. Filters start at {@link NO_MATCH}.
 */
export function townshipFocusLayers(): (FillLayerSpecification | LineLayerSpecification)[] {
  return [
    {
      id: COVERAGE_LAYER.focusFill,
      type: 'fill',
      source: COVERAGE_SOURCE.townshipAreas,
      filter: NO_MATCH,
      paint: { 'fill-color': '#9e1b20', 'fill-opacity': 0.06 },
    },
    {
      id: COVERAGE_LAYER.focusCasing,
      type: 'line',
      source: COVERAGE_SOURCE.townshipAreas,
      filter: NO_MATCH,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 6, 'line-opacity': 0.9 },
    },
    {
      id: COVERAGE_LAYER.focusLine,
      type: 'line',
      source: COVERAGE_SOURCE.townshipAreas,
      filter: NO_MATCH,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#9e1b20', 'line-width': 3 },
    },
    {
      id: COVERAGE_LAYER.focusLineApproximate,
      type: 'line',
      source: COVERAGE_SOURCE.townshipAreas,
      filter: NO_MATCH,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#9e1b20', 'line-width': 3, 'line-dasharray': [2, 1.5] },
    },
  ];
}

/** Filters for the focus layers: the township `code` everywhere, its outline solid or dashed by `approximate`. */
export function townshipFocusFilters(code: string | null): Record<string, FilterSpecification> {
  const is: FilterSpecification = code === null ? NO_MATCH : ['==', ['get', 'code'], code];
  const approximate = (v: boolean): FilterSpecification =>
    code === null ? NO_MATCH : ['all', ['==', ['get', 'code'], code], ['==', ['get', 'approximate'], v]];
  return {
    [COVERAGE_LAYER.focusFill]: is,
    [COVERAGE_LAYER.focusCasing]: is,
    [COVERAGE_LAYER.focusLine]: approximate(false),
    [COVERAGE_LAYER.focusLineApproximate]: approximate(true),
  };
}
