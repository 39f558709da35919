import { useEffect, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { readView, withoutMap, writeView, type UrlView } from './url-view';

/** Reads the view from the address bar once, when the page opens. */
export const initialUrlView = (): UrlView => readView(window.location.search);

/**
 * Keeps the address bar in step with the view: a change of tab, selection, filters or coverage settings adds a
 * history entry (Back/Forward move between views, calling `apply`); moving the map only replaces the entry.
 * Once the map has its district view, the URL's map position (if any) is restored.
 */
export function useUrlView(view: Omit<UrlView, 'map'>, map: MapLibreMap | null, ready: boolean, apply: (v: UrlView) => void) {
  const latestApply = useRef(apply);
  latestApply.current = apply;
  const mapView = useRef(readView(window.location.search).map);
  const first = useRef(true);

  const key = JSON.stringify(view);
  useEffect(() => {
    const next = writeView(window.location.search, { ...view, map: mapView.current });
    if (withoutMap(next) === withoutMap(window.location.search)) return;
    const url = window.location.pathname + next + window.location.hash;
    if (first.current) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    first.current = false;
  }, [key]);
  useEffect(() => {
    first.current = false;
  }, []);

  // Restore the URL's map position once the district is drawn, then follow the map.
  useEffect(() => {
    if (!map || !ready) return;
    const m = mapView.current;
    if (m) map.jumpTo({ center: [m.lng, m.lat], zoom: m.zoom });
    const onMoveEnd = () => {
      const c = map.getCenter();
      mapView.current = { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
      const next = writeView(window.location.search, { ...readView(window.location.search), map: mapView.current });
      window.history.replaceState(window.history.state, '', window.location.pathname + next + window.location.hash);
    };
    map.on('moveend', onMoveEnd);
    return () => void map.off('moveend', onMoveEnd);
  }, [map, ready]);

  useEffect(() => {
    const onPop = () => {
      const v = readView(window.location.search);
      latestApply.current(v);
      if (v.map && map) map.jumpTo({ center: [v.map.lng, v.map.lat], zoom: v.map.zoom });
      mapView.current = v.map;
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [map]);
}
