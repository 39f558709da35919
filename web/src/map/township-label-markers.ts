import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Lang } from '../lib/i18n';
import type { SeatProps } from './geojson';
import { townshipLabel } from '../lib/names';

/**
 * Township names as HTML labels (no glyph server needed) just below their seat dots, in `lang`, added to `map`.
 * The caller removes the returned markers when the townships or the language change.
 */
export function townshipLabelMarkers(map: maplibregl.Map, seats: FeatureCollection<Point, SeatProps>, lang: Lang): maplibregl.Marker[] {
  return seats.features.map((f) => {
    const el = document.createElement('div');
    el.className = 'township-label';
    el.dataset.testid = 'township-label';
    el.textContent = townshipLabel(f.properties, lang);
    return new maplibregl.Marker({ element: el, anchor: 'top', offset: [0, 5] })
      .setLngLat(f.geometry.coordinates as [number, number])
      .addTo(map);
  });
}
