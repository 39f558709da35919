import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from '../ids';
import { byKind } from './site-layers';

/**
 * The 15-minute service circles (polygons in source `service-circles`, one per placed site, with the
 * site's `kind`): a translucent fill and a thin outline in the kind's colour. Hidden until switched on.
 */
export function circleLayers(visible = true): (FillLayerSpecification | LineLayerSpecification)[] {
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: LAYER.circlesFill,
      type: 'fill',
      source: SOURCE.circles,
      layout: { visibility },
      paint: { 'fill-color': byKind('color', '#555555'), 'fill-opacity': 0.12 },
    },
    {
      id: LAYER.circlesLine,
      type: 'line',
      source: SOURCE.circles,
      layout: { visibility },
      paint: { 'line-color': byKind('color', '#555555'), 'line-opacity': 0.7, 'line-width': 1 },
    },
  ];
}
