import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import type { Village } from '../lib/api';
import type { Lang } from '../lib/i18n';
import { BASEMAP_PREFIX, basemapLayers, rememberBasemap, rememberedBasemap, type BasemapInfo } from './basemap-layers';
import { LAYER } from './ids';
import { keys } from '../lib/queries';

declare global {
  interface Window {
    /** The basemap id in use, for browser tests. */
    __basemap?: string;
  }
}

const OFFLINE_FALLBACK: BasemapInfo = { id: 'offline', name: '离线底图', nameEn: 'Offline map', type: 'offline', attribution: '', maxzoom: 18 };

/** The basemaps on offer; the offline map alone when the server cannot say (the map still works offline). */
function loadBasemaps(): Promise<BasemapInfo[]> {
  return fetch('/api/basemaps')
    .then((r) => (r.ok ? r.json() : { basemaps: [OFFLINE_FALLBACK] }))
    .then((b: { basemaps: BasemapInfo[] }) => b.basemaps)
    .catch(() => [OFFLINE_FALLBACK]);
}

let protocolAdded = false;
const NO_BASEMAPS: BasemapInfo[] = [];

/**
 * The basemaps on offer and the chosen one (remembered across visits), drawn on `map` under our overlays
 * (below the district mask). Off the offline map our district fill turns faint so the basemap shows through.
 */
export function useBasemap(map: maplibregl.Map | null) {
  const { data: list = NO_BASEMAPS } = useQuery({ queryKey: keys.basemaps, queryFn: loadBasemaps });
  // The one chosen here (by id); until then the remembered one, once the list is in.
  const [chosen, setChosen] = useState<string | undefined>();
  const current = list.find((b) => b.id === chosen) ?? (list.length ? rememberedBasemap(list) : undefined);

  useEffect(() => {
    if (!map || !current) return;
    let cancelled = false;
    const apply = async () => {
      let pmtilesVector = false;
      if (current.type === 'pmtiles' && current.url) {
        const protocol = new Protocol();
        if (!protocolAdded) { maplibregl.addProtocol('pmtiles', protocol.tile); protocolAdded = true; }
        const header = await new PMTiles(`${window.location.origin}${current.url}`).getHeader().catch(() => null);
        pmtilesVector = header?.tileType === TileType.Mvt;
      }
      if (cancelled) return;
      const style = map.getStyle();
      for (const l of style.layers) if (l.id.startsWith(BASEMAP_PREFIX)) map.removeLayer(l.id);
      for (const id of Object.keys(style.sources)) if (id.startsWith(BASEMAP_PREFIX)) map.removeSource(id);
      const { sources, layers } = basemapLayers(current, { origin: window.location.origin, pmtilesVector });
      for (const [id, src] of Object.entries(sources)) map.addSource(id, src);
      const before = map.getLayer(LAYER.mask) ? LAYER.mask : undefined;
      for (const l of layers) map.addLayer(l, before);
      if (map.getLayer(LAYER.districtFill)) map.setPaintProperty(LAYER.districtFill, 'fill-opacity', current.type === 'offline' ? 0.55 : 0.08);
      if (map.getLayer(LAYER.background)) map.setPaintProperty(LAYER.background, 'background-color', current.type === 'offline' ? '#e8e4da' : '#f4f2ec');
      window.__basemap = current.id;
    };
    // Callers pass the map only after its `load` event, so its style can take layers now.
    void apply();
    return () => { cancelled = true; };
  }, [map, current]);

  return {
    list,
    current,
    choose: (id: string) => {
      const b = list.find((x) => x.id === id);
      if (!b) return;
      rememberBasemap(id);
      setChosen(b.id);
    },
  };
}

/** Labels (HTML, no glyph server) for every placed village and community, added to `map`; removed on change. */
export function useVillageLabels(map: maplibregl.Map | null, villages: readonly Village[], lang: Lang) {
  useEffect(() => {
    if (!map) return;
    const markers = villages.filter((v) => v.lng !== null && v.lat !== null).map((v) => {
      const el = document.createElement('div');
      el.className = `village-label${v.precision === 'exact' ? '' : ' approximate'}`;
      el.dataset.testid = 'village-label';
      el.dataset.code = v.code;
      el.textContent = lang === 'en' ? `${v.shortName}` : v.shortName;
      return new maplibregl.Marker({ element: el, anchor: 'left', offset: [4, 0] }).setLngLat([v.lng!, v.lat!]).addTo(map);
    });
    return () => markers.forEach((m) => m.remove());
  }, [map, villages, lang]);
}
