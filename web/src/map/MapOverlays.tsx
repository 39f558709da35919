import { useEffect, useRef } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useOverlayStore, type MapOverlay } from './map-overlays';

/**
 * The one place overlays are mounted on the planner map: every overlay declared with `useMapOverlay` is added
 * (sources, then layers under its `beforeLayer`), its data, visibility and filters follow its declaration, and
 * an overlay no longer declared is removed from the map.
 */
export function MapOverlays({ map }: { map: MapLibreMap | null }) {
  const overlays = useOverlayStore((s) => s.overlays);
  const mounted = useRef(new Map<string, MapOverlay>());

  useEffect(() => {
    if (!map) return;
    const prev = mounted.current;
    for (const [id, old] of prev) {
      if (overlays[id]) continue;
      unmount(map, old);
      prev.delete(id);
    }
    for (const o of Object.values(overlays)) {
      const old = prev.get(o.id);
      if (old === o) continue;
      mount(map, o, old);
      prev.set(o.id, o);
    }
  }, [map, overlays]);

  useEffect(() => {
    const prev = mounted.current;
    return () => {
      if (map) for (const o of prev.values()) unmount(map, o);
      prev.clear();
    };
  }, [map]);

  return null;
}

function mount(map: MapLibreMap, o: MapOverlay, old: MapOverlay | undefined) {
  for (const [id, data] of Object.entries(o.sources)) {
    const src = map.getSource(id) as GeoJSONSource | undefined;
    if (!src) map.addSource(id, { type: 'geojson', data, ...o.sourceOptions?.[id] });
    else if (old?.sources[id] !== data) src.setData(data as never);
  }
  const before = o.beforeLayer && map.getLayer(o.beforeLayer) ? o.beforeLayer : undefined;
  for (const layer of o.layers) if (!map.getLayer(layer.id)) map.addLayer(layer, before);
  const visibility = o.visible === false ? 'none' : 'visible';
  for (const id of o.visibleLayers ?? o.layers.map((l) => l.id)) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility);
  for (const [id, filter] of Object.entries(o.filters ?? {})) if (map.getLayer(id)) map.setFilter(id, filter);
}

function unmount(map: MapLibreMap, o: MapOverlay) {
  try {
    for (const layer of [...o.layers].reverse()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    for (const id of Object.keys(o.sources)) if (map.getSource(id)) map.removeSource(id);
  } catch {
    /* the map was removed */
  }
}
