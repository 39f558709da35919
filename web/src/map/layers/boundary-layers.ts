import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from '../ids';

/**
 * The district: a grey mask over everything outside it (source `district-mask`, the world with the
 * district cut out), a faint fill inside, and a white-cased dark outline.
 */
export function boundaryLayers(): (FillLayerSpecification | LineLayerSpecification)[] {
  return [
    {
      id: LAYER.mask,
      type: 'fill',
      source: SOURCE.districtMask,
      paint: { 'fill-color': '#5b6573', 'fill-opacity': 0.28 },
    },
    {
      id: LAYER.districtFill,
      type: 'fill',
      source: SOURCE.district,
      paint: { 'fill-color': '#fbfaf5', 'fill-opacity': 0.55 },
    },
    {
      id: LAYER.districtCasing,
      type: 'line',
      source: SOURCE.district,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 8] },
    },
    {
      id: LAYER.districtLine,
      type: 'line',
      source: SOURCE.district,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#7a2e1f',
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 14, 3.5],
        'line-dasharray': [3, 1.5],
      },
    },
  ];
}
