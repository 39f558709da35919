import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import { LAYER } from '../map/ids';
import { PLANNER_SOURCE, plannerLayers, proposalCircles, type ProposalPoint } from './planner-layers';

export interface ProposalOverlayOptions {
  points: readonly ProposalPoint[];
  /** The open scenario's proposals (role `scenario`) can be dragged. */
  draggable: boolean;
  /** Title shown on hover of a marker. */
  describe?: (p: ProposalPoint) => string;
  onDragStart?: (id: string) => void;
  onDrag?: (id: string, lng: number, lat: number) => void;
  onDragEnd?: (id: string, lng: number, lat: number) => void;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Adds the planner's circle source and layers once (under the site symbols). */
function ensureLayers(map: maplibregl.Map) {
  if (!map.getSource(PLANNER_SOURCE.circles)) map.addSource(PLANNER_SOURCE.circles, { type: 'geojson', data: EMPTY });
  const before = map.getLayer(LAYER.siteHalo) ? LAYER.siteHalo : undefined;
  for (const layer of plannerLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer, before);
}

/**
 * Draws proposals on the map: a numbered marker (rank) and a straight-line service circle each.
 * When `draggable`, the open scenario's markers can be dragged; the circle follows and the callbacks get the position.
 */
export function useProposalOverlay(map: maplibregl.Map | null, opts: ProposalOverlayOptions) {
  const latest = useRef(opts);
  latest.current = opts;
  const { points, draggable } = opts;

  useEffect(() => {
    if (!map) return;
    ensureLayers(map);
    const source = map.getSource(PLANNER_SOURCE.circles) as GeoJSONSource;
    const positions = new Map(points.map((p) => [p.id, { ...p }]));
    const redraw = (activeId: string | null) => source.setData(proposalCircles([...positions.values()], activeId));
    redraw(null);

    const markers = points.map((p) => {
      const canDrag = draggable && p.role === 'scenario';
      const el = document.createElement('div');
      el.className = `planner-marker role-${p.role}${canDrag ? ' draggable' : ''}`;
      el.dataset.testid = 'planner-marker';
      el.dataset.rank = String(p.rank);
      el.dataset.id = p.id;
      el.textContent = String(p.rank);
      const title = latest.current.describe?.(p);
      if (title) el.title = title;
      const marker = new maplibregl.Marker({ element: el, draggable: canDrag }).setLngLat([p.lng, p.lat]).addTo(map);
      if (canDrag) {
        marker.on('dragstart', () => latest.current.onDragStart?.(p.id));
        marker.on('drag', () => {
          const { lng, lat } = marker.getLngLat();
          positions.set(p.id, { ...positions.get(p.id)!, lng, lat });
          redraw(p.id);
          latest.current.onDrag?.(p.id, lng, lat);
        });
        marker.on('dragend', () => {
          const { lng, lat } = marker.getLngLat();
          redraw(null);
          latest.current.onDragEnd?.(p.id, lng, lat);
        });
      }
      return marker;
    });
    return () => {
      markers.forEach((m) => m.remove());
      try {
        source.setData(EMPTY);
      } catch {
        /* the map was removed */
      }
    };
  }, [map, points, draggable]);
}
