import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import type { BoundaryCollection, SiteFeature, Township } from '../lib/api';
import type { Lang } from '../lib/i18n';
import { LAYER, SOURCE } from './ids';
import { NO_SELECTION, siteFilter, symbolRadiusAtZoom, type SiteFilterState } from './layers/site-layers';
import { KIND_STYLE } from './layers/site-kind-style';
import { overlayLayers, overlaySources, plannerStyle } from './layers/base-style';
import { boundaryBounds, districtMask, placedSites, serviceCircles, townshipSeats, WALK_CIRCLE } from './geojson';
import { basemapStyleUrl } from './basemap';
import { createDistrictMap } from './create-district-map';
import { townshipLabelMarkers } from './township-label-markers';

export interface MapViewProps {
  boundary: BoundaryCollection | null;
  townships: readonly Township[];
  sites: readonly SiteFeature[];
  filter: SiteFilterState;
  showCircles: boolean;
  selectedId: string | null;
  /** The details panel covers the map's right edge (desktop) or bottom (narrow screens). */
  detailsOpen: boolean;
  /** Placing mode (an unplaced site, or a new one): the next map click goes to `onPlace`. */
  placing: boolean;
  attribution: readonly string[];
  lang: Lang;
  /** Hover label for a site: its name and kind. */
  describeSite: (site: SiteFeature['properties']) => string;
  onSelect: (id: string | null) => void;
  onPlace: (lng: number, lat: number) => void;
  onMove: (id: string, lng: number, lat: number) => void;
  /** Whether the selected site may be dragged (the account may edit it); default yes. */
  canMove?: (id: string) => boolean;
  /** Called with the map once it has loaded (null when removed): panels add their own sources, layers and markers. */
  onMap?: (map: maplibregl.Map | null) => void;
}

/** Site names appear from this zoom on (about 1:35,000), at most this many at once. */
const SITE_LABEL_MIN_ZOOM = 12.5;
const SITE_LABEL_MAX = 150;

/** The district map: our own GeoJSON layers on a plain background (or an optional base map). */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const basemap = basemapStyleUrl(window.location.search, import.meta.env.VITE_BASEMAP_STYLE as string | undefined, window.location.href);
    const map = createDistrictMap(container.current!, basemap ?? plannerStyle({ circlesVisible: latest.current.showCircles }), 9.2);
    if (basemap) {
      map.once('style.load', () => {
        for (const [id, src] of Object.entries(overlaySources())) map.addSource(id, src);
        for (const layer of overlayLayers({ circlesVisible: latest.current.showCircles })) map.addLayer(layer);
      });
    }
    mapRef.current = map;
    map.on('load', () => {
      setReady(true);
      latest.current.onMap?.(map);
    });

    const hover = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'site-tooltip' });
    let drag: { id: string; moved: boolean; lngLat: maplibregl.LngLat } | null = null;
    let suppressClick = false;

    map.on('mousemove', LAYER.sites, (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f || drag) return;
      const site = latest.current.sites.find((s) => s.id === f.properties.id);
      if (!site) return;
      const el = document.createElement('div');
      el.textContent = latest.current.describeSite(site.properties);
      hover.setLngLat(e.lngLat).setDOMContent(el).addTo(map);
      if (!latest.current.placing)
        map.getCanvas().style.cursor = f.properties.id === latest.current.selectedId ? 'grab' : 'pointer';
    });
    map.on('mouseleave', LAYER.sites, () => {
      hover.remove();
      if (!drag) map.getCanvas().style.cursor = '';
    });

    // Drag the selected site to move it.
    const onDragMove = (e: MapMouseEvent) => {
      if (!drag) return;
      drag.moved = true;
      drag.lngLat = e.lngLat;
      const moved = latest.current.sites.map((s) =>
        s.id === drag!.id ? { ...s, geometry: { type: 'Point' as const, coordinates: [e.lngLat.lng, e.lngLat.lat] as [number, number] } } : s,
      );
      (map.getSource(SOURCE.sites) as GeoJSONSource | undefined)?.setData(placedSites(moved));
    };
    map.on('mousedown', LAYER.sites, (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties.id as string | undefined;
      if (!id || id !== latest.current.selectedId || latest.current.placing || latest.current.canMove?.(id) === false) return;
      e.preventDefault();
      hover.remove();
      drag = { id, moved: false, lngLat: e.lngLat };
      map.getCanvas().style.cursor = 'grabbing';
      map.on('mousemove', onDragMove);
      map.once('mouseup', () => {
        map.off('mousemove', onDragMove);
        map.getCanvas().style.cursor = '';
        const d = drag;
        drag = null;
        if (d?.moved) {
          // MapLibre usually sends no click after a drag; if one comes, it belongs to the drag.
          suppressClick = true;
          window.setTimeout(() => (suppressClick = false), 0);
          latest.current.onMove(d.id, d.lngLat.lng, d.lngLat.lat);
        }
      });
    });

    map.on('click', (e: MapMouseEvent) => {
      if (suppressClick) {
        suppressClick = false;
        return;
      }
      const p = latest.current;
      if (p.placing) {
        p.onPlace(e.lngLat.lng, e.lngLat.lat);
        return;
      }
      const { x, y } = e.point;
      const hits = map.getLayer(LAYER.sites)
        ? map.queryRenderedFeatures([[x - 5, y - 5], [x + 5, y + 5]], { layers: [LAYER.sites] })
        : [];
      p.onSelect((hits[0]?.properties.id as string | undefined) ?? null);
    });

    // Site names as HTML labels (no glyph server) once zoomed in far enough to read them.
    const siteLabels = new Map<string, maplibregl.Marker>();
    const updateSiteLabels = () => {
      const wanted = new Map<string, { name: string; coords: [number, number]; offsetPx: number }>();
      if (map.getZoom() >= SITE_LABEL_MIN_ZOOM && map.getLayer(LAYER.sites)) {
        for (const f of map.queryRenderedFeatures({ layers: [LAYER.sites] })) {
          if (wanted.size >= SITE_LABEL_MAX) break;
          const id = String(f.properties.id);
          const site = latest.current.sites.find((s) => s.id === id);
          if (site?.geometry)
            wanted.set(id, {
              name: site.properties.name,
              coords: site.geometry.coordinates as [number, number],
              offsetPx: symbolRadiusAtZoom(KIND_STYLE[site.properties.kind].radiusPx, map.getZoom()) + 5,
            });
        }
      }
      for (const [id, m] of siteLabels) {
        if (!wanted.has(id)) {
          m.remove();
          siteLabels.delete(id);
        }
      }
      for (const [id, w] of wanted) {
        const existing = siteLabels.get(id);
        if (existing) {
          existing.setLngLat(w.coords).setOffset([w.offsetPx, 0]);
          existing.getElement().textContent = w.name;
          continue;
        }
        const el = document.createElement('div');
        el.className = 'site-label';
        el.dataset.testid = 'site-label';
        el.textContent = w.name;
        siteLabels.set(id, new maplibregl.Marker({ element: el, anchor: 'left', offset: [w.offsetPx, 0] }).setLngLat(w.coords).addTo(map));
      }
    };
    map.on('idle', updateSiteLabels);

    return () => {
      latest.current.onMap?.(null);
      hover.remove();
      for (const m of siteLabels.values()) m.remove();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  const map = ready ? mapRef.current : null;

  // District boundary, mask and initial view.
  useEffect(() => {
    if (!map || !props.boundary) return;
    (map.getSource(SOURCE.district) as GeoJSONSource).setData(props.boundary as GeoJSON.FeatureCollection);
    (map.getSource(SOURCE.districtMask) as GeoJSONSource).setData(districtMask(props.boundary));
    const b = boundaryBounds(props.boundary);
    if (b) map.fitBounds(b, { padding: { top: 30, bottom: 50, left: 30, right: 30 }, animate: false });
  }, [map, props.boundary]);

  // Township seats (dots) and their names (HTML labels: no glyph server needed).
  useEffect(() => {
    if (!map) return;
    const seats = townshipSeats(props.townships);
    (map.getSource(SOURCE.townships) as GeoJSONSource).setData(seats);
    const markers = townshipLabelMarkers(map, seats, props.lang);
    return () => markers.forEach((m) => m.remove());
  }, [map, props.townships, props.lang]);

  // Sites and their straight-line service circles.
  useEffect(() => {
    if (!map) return;
    const placed = placedSites(props.sites);
    (map.getSource(SOURCE.sites) as GeoJSONSource).setData(placed);
    (map.getSource(SOURCE.circles) as GeoJSONSource).setData(serviceCircles(placed, WALK_CIRCLE.radiusMeters));
  }, [map, props.sites]);

  // Choosing a township in the filters moves the map to its seat; clearing it shows the whole district.
  const focusTownship = props.filter.township;
  const firstFocus = useRef(true);
  useEffect(() => {
    if (!map) return;
    if (firstFocus.current) {
      firstFocus.current = false;
      if (!focusTownship) return;
    }
    const seat = focusTownship ? props.townships.find((t) => t.code === focusTownship)?.seat : null;
    if (seat) map.easeTo({ center: [seat.lng, seat.lat], zoom: Math.max(map.getZoom(), 11), duration: 600 });
    else if (!focusTownship && props.boundary) {
      const b = boundaryBounds(props.boundary);
      if (b) map.fitBounds(b, { padding: { top: 30, bottom: 50, left: 30, right: 30 }, duration: 600 });
    }
  }, [map, focusTownship]);

  const filterKey = JSON.stringify(props.filter);
  useEffect(() => {
    if (!map) return;
    const filter = siteFilter(props.filter);
    for (const id of [LAYER.sites, LAYER.circlesFill, LAYER.circlesLine]) map.setFilter(id, filter);
    map.setFilter(LAYER.siteDemoRing, ['all', ['==', ['get', 'demonstration'], true], filter]);
  }, [map, filterKey]);

  useEffect(() => {
    if (!map) return;
    const v = props.showCircles ? 'visible' : 'none';
    map.setLayoutProperty(LAYER.circlesFill, 'visibility', v);
    map.setLayoutProperty(LAYER.circlesLine, 'visibility', v);
  }, [map, props.showCircles]);

  useEffect(() => {
    if (!map) return;
    map.setFilter(LAYER.siteHalo, props.selectedId ? ['==', ['get', 'id'], props.selectedId] : NO_SELECTION);
  }, [map, props.selectedId]);

  // Keep the selected site in view when the details panel covers part of the map.
  useEffect(() => {
    if (!map || !props.detailsOpen || !props.selectedId) return;
    const site = latest.current.sites.find((s) => s.id === props.selectedId);
    if (!site?.geometry) return;
    const panel = map.getContainer().closest('.main')?.querySelector('.right-panel')?.getBoundingClientRect();
    if (!panel) return;
    const canvas = map.getContainer().getBoundingClientRect();
    const p = map.project(site.geometry.coordinates as [number, number]);
    const x = canvas.left + p.x;
    const y = canvas.top + p.y;
    const margin = 40;
    const coveredRight = panel.left > canvas.left + canvas.width / 3 && x > panel.left - margin;
    const coveredBottom = panel.top > canvas.top + canvas.height / 3 && y > panel.top - margin;
    if (coveredRight) map.panBy([x - (panel.left - canvas.left) / 2 - canvas.left, 0]);
    else if (coveredBottom) map.panBy([0, y - (panel.top - canvas.top) / 2 - canvas.top]);
  }, [map, props.selectedId, props.detailsOpen]);

  useEffect(() => {
    if (!map) return;
    map.getCanvas().style.cursor = props.placing ? 'crosshair' : '';
  }, [map, props.placing]);

  // Data attribution from /api/sources, plus the note that circles are estimates.
  const attributionKey = props.attribution.join('\n');
  useEffect(() => {
    if (!map || props.attribution.length === 0) return;
    const control = new maplibregl.AttributionControl({ compact: true, customAttribution: [...props.attribution] });
    map.addControl(control, 'bottom-right');
    // Start collapsed as a compact ⓘ control (it expands on click), so it never covers panels or the scale bar.
    map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    return () => {
      map.removeControl(control);
    };
  }, [map, attributionKey]);

  return <div ref={container} className={`map${props.placing ? ' placing' : ''}`} data-testid="map" />;
}
