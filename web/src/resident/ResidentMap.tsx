import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { BoundaryCollection, PublicSiteFeature as SiteFeature, Township, Village } from '../lib/api';
import { translate } from '../lib/i18n';
import { useBasemap, useVillageLabels } from '../map/use-basemap';
import { BasemapSwitcher } from '../map/BasemapSwitcher';
import type { Lang } from '../lib/i18n';
import type { NearestResult } from '../coverage/api';
import { SOURCE } from '../map/ids';
import { plannerStyle } from '../map/layers/base-style';
import { boundaryBounds, districtMask, placedSites, townshipSeats } from '../map/geojson';
import { createDistrictMap } from '../map/create-district-map';
import { townshipLabelMarkers } from '../map/township-label-markers';
import { pointFeature, RESIDENT_SOURCE, residentLayers, residentSources, routeFeatures } from './layers';

export interface ResidentPoint {
  lng: number;
  lat: number;
  approximate: boolean;
}

interface Props {
  boundary: BoundaryCollection | null;
  townships: readonly Township[];
  villages: readonly Village[];
  sites: readonly SiteFeature[];
  /** Service areas (isochrones) of the placed sites for the chosen mode, drawn faintly. */
  circles: FeatureCollection | null;
  point: ResidentPoint | null;
  results: readonly NearestResult[];
  method: string;
  selectedId: string | null;
  lang: Lang;
  onTap: (lng: number, lat: number) => void;
  onSelect: (id: string) => void;
}

/** The resident page's map: district, sites and service areas, the chosen point and routes to the nearest sites. */
export function ResidentMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const map = createDistrictMap(container.current!, plannerStyle({ circlesVisible: true }), 8.6);
    mapRef.current = map;
    map.on('load', () => {
      for (const [id, src] of Object.entries(residentSources())) map.addSource(id, src);
      for (const l of residentLayers()) map.addLayer(l);
      setReady(true);
    });
    map.on('click', (e) => latest.current.onTap(e.lngLat.lng, e.lngLat.lat));
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  const map = ready ? mapRef.current : null;
  const basemap = useBasemap(map);
  useVillageLabels(map, props.villages, props.lang);
  const setData = (id: string, data: FeatureCollection) => (map?.getSource(id) as GeoJSONSource | undefined)?.setData(data);

  useEffect(() => {
    if (!map || !props.boundary) return;
    setData(SOURCE.district, props.boundary as FeatureCollection);
    setData(SOURCE.districtMask, districtMask(props.boundary));
    const b = boundaryBounds(props.boundary);
    if (b && !latest.current.point) map.fitBounds(b, { padding: 16, animate: false });
  }, [map, props.boundary]);

  useEffect(() => {
    if (!map) return;
    const seats = townshipSeats(props.townships);
    setData(SOURCE.townships, seats);
    const markers = townshipLabelMarkers(map, seats, props.lang);
    return () => markers.forEach((m) => m.remove());
  }, [map, props.townships, props.lang]);

  useEffect(() => {
    if (!map) return;
    setData(SOURCE.sites, placedSites(props.sites));
  }, [map, props.sites]);

  useEffect(() => {
    if (!map) return;
    setData(SOURCE.circles, props.circles ?? { type: 'FeatureCollection', features: [] });
  }, [map, props.circles]);

  useEffect(() => {
    if (!map) return;
    setData(RESIDENT_SOURCE.point, pointFeature(props.point));
    setData(RESIDENT_SOURCE.routes, routeFeatures(props.results, props.method, props.selectedId));
  }, [map, props.point, props.results, props.method, props.selectedId]);

  // Numbered markers on the nearest sites (1 = nearest); tapping one selects it.
  useEffect(() => {
    if (!map) return;
    const markers = props.results.map((r, i) => {
      const el = document.createElement('button');
      el.type = 'button';
      el.className = `rank-marker${r.id === props.selectedId ? ' selected' : ''}`;
      el.dataset.testid = 'rank-marker';
      el.textContent = String(i + 1);
      el.title = r.name;
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        latest.current.onSelect(r.id);
      });
      return new maplibregl.Marker({ element: el }).setLngLat([r.lng, r.lat]).addTo(map);
    });
    return () => markers.forEach((m) => m.remove());
  }, [map, props.results, props.selectedId]);

  // Keep the point and the selected (or nearest) site in view.
  useEffect(() => {
    if (!map || !props.point) return;
    const target = props.results.find((r) => r.id === props.selectedId) ?? props.results[0];
    const pts: [number, number][] = [[props.point.lng, props.point.lat]];
    if (target) pts.push([target.lng, target.lat]);
    const w = Math.min(...pts.map((p) => p[0]));
    const e = Math.max(...pts.map((p) => p[0]));
    const s = Math.min(...pts.map((p) => p[1]));
    const n = Math.max(...pts.map((p) => p[1]));
    const pad = Math.min(60, map.getContainer().clientWidth / 5);
    map.fitBounds([w, s, e, n], { padding: pad, maxZoom: 14.5, duration: 500 });
  }, [map, props.point, props.results, props.selectedId]);

  return (
    <>
      <div ref={container} className="resident-map" data-testid="map" />
      <BasemapSwitcher list={basemap.list} current={basemap.current} lang={props.lang} label={translate(props.lang, 'basemap.label')} onChoose={basemap.choose} />
    </>
  );
}
