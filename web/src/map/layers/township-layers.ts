import type { CircleLayerSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from '../ids';

/**
 * Township seats as small dark dots (source `township-seats`); an approximate seat is drawn hollow.
 * Names are HTML labels (no glyph server), placed by the map component.
 */
export function townshipLayers(): CircleLayerSpecification[] {
  return [
    {
      id: LAYER.townshipSeats,
      type: 'circle',
      source: SOURCE.townships,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 14, 5],
        'circle-color': ['case', ['==', ['get', 'seatPrecision'], 'approximate'], '#ffffff', '#333333'],
        'circle-stroke-color': '#333333',
        'circle-stroke-width': 1.2,
      },
    },
  ];
}
