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

/** The choropleths the 评估 tab draws: residents registered (13%), cadres registered (100%), cadres taking part (80%). */
export const CHOROPLETH_MEASURES = ['residentRegistration', 'cadreRegistration', 'cadreParticipation'] as const;
export type ChoroplethMeasure = (typeof CHOROPLETH_MEASURES)[number];

/**
 * Breaks, colours and target per measure: the target is always a break, classes below it warm, at or above it green.
 * Cadre registration's target is 100%, so only the top class (everyone registered) is green.
 */
export const MEASURE_CLASSES: Record<ChoroplethMeasure, { breaks: readonly number[]; colors: readonly string[]; target: number }> = {
  residentRegistration: { breaks: RATE_BREAKS, colors: RATE_COLORS, target: 0.13 },
  cadreRegistration: { breaks: [0.6, 0.8, 0.95, 1], colors: ['#d7301f', '#fc8d59', '#fdcc8a', '#fee8c8', '#1a9850'], target: 1 },
  cadreParticipation: { breaks: [0.4, 0.6, 0.8, 0.9], colors: RATE_COLORS, target: 0.8 },
};

export function volunteerLayers(measure: ChoroplethMeasure = 'residentRegistration'): [FillLayerSpecification, LineLayerSpecification] {
  const { breaks, colors } = MEASURE_CLASSES[measure];
  const steps = breaks.flatMap((b, i) => [b, colors[i + 1]]);
  const color: ExpressionSpecification = ['case', ['==', ['typeof', ['get', 'rate']], 'number'],
    ['step', ['get', 'rate'], colors[0], ...steps] as unknown as ExpressionSpecification,
    NO_DATA_COLOR];
  return [
    { id: VOLUNTEER_LAYER.fill, type: 'fill', source: VOLUNTEER_SOURCE, paint: { 'fill-color': color, 'fill-opacity': 0.55 } },
    { id: VOLUNTEER_LAYER.line, type: 'line', source: VOLUNTEER_SOURCE, paint: { 'line-color': '#495057', 'line-width': 1 } },
  ];
}
