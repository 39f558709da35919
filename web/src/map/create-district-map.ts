import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { StyleSpecification } from 'maplibre-gl';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The map, for browser tests and debugging. */
    __map?: maplibregl.Map;
    /** True once the map's `load` event has fired. */
    __mapLoaded?: boolean;
    /** Selects a site as a click on it would (browser tests). */
    __selectSite?: (id: string | null) => void;
  }
}

/** Where the map starts before the open district's boundary arrives (广元市, roughly its middle); the pages then fit it. */
const CITY_CENTER: [number, number] = [105.84, 32.2];

/**
 * A MapLibre map of the district as both pages use it: starting over 广元市 at `zoom` (the pages fit it to the district's boundary once loaded), no rotation or pitch, zoom
 * buttons at the top right, a metric scale bar at the bottom left and no default attribution. It is exposed as
 * `window.__map` (with `window.__mapLoaded` once loaded) for browser tests until it is removed.
 */
export function createDistrictMap(container: HTMLElement, style: StyleSpecification | string, zoom: number): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style,
    center: CITY_CENTER,
    zoom,
    minZoom: 6,
    maxZoom: 18,
    dragRotate: false,
    pitchWithRotate: false,
    attributionControl: false,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  window.__map = map;
  map.on('load', () => {
    window.__mapLoaded = true;
  });
  map.on('remove', () => {
    if (window.__map === map) {
      window.__map = undefined;
      window.__mapLoaded = false;
    }
  });
  return map;
}
