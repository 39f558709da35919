/**
 * Pure layer functions for the volunteer choropleth: township areas coloured by the share of residents
 * registered as volunteers, in classes around the plan's 13% target (below the target in warm colours).
 */
import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';

export const VOLUNTEER_SOURCE = 'leaders-volunteer-areas';
export const VOLUNTEER_LAYER = { fill: 'leaders-volunteer-fill', line: 'leaders-volunteer-line' } as const;

/** Class breaks of the registration rate; 0.13 (the plan's target) is one of them. */
export const RATE_BREAKS = [0.05, 0.1, 0.13, 0.2] as const;
/** ColorBrewer RdYlGn-like: the two classes at or above 13% are green. */
export const RATE_COLORS = ['#d7301f', '#fc8d59', '#fdcc8a', '#91cf60', '#1a9850'] as const;
export const NO_DATA_COLOR = '#ced4da';

/** Class of a rate, as the `step` expression draws it. */
export function rateClass(rate: number): number {
  return RATE_BREAKS.filter((b) => rate >= b).length;
}

export function volunteerLayers(): [FillLayerSpecification, LineLayerSpecification] {
  const color: ExpressionSpecification = ['case', ['==', ['typeof', ['get', 'rate']], 'number'],
    ['step', ['get', 'rate'], RATE_COLORS[0], RATE_BREAKS[0], RATE_COLORS[1], RATE_BREAKS[1], RATE_COLORS[2], RATE_BREAKS[2], RATE_COLORS[3], RATE_BREAKS[3], RATE_COLORS[4]],
    NO_DATA_COLOR];
  return [
    { id: VOLUNTEER_LAYER.fill, type: 'fill', source: VOLUNTEER_SOURCE, paint: { 'fill-color': color, 'fill-opacity': 0.55 } },
    { id: VOLUNTEER_LAYER.line, type: 'line', source: VOLUNTEER_SOURCE, paint: { 'line-color': '#495057', 'line-width': 1 } },
  ];
}
