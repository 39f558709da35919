import { useEffect, useMemo, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import { LAYER } from '../map/ids';
import { useMapOverlay } from '../map/map-overlays';
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

/**
 * Draws proposals on the map: a numbered marker (rank) and a straight-line service circle each.
 * When `draggable`, the open scenario's markers can be dragged; the circle follows and the callbacks get the position.
 */
export function useProposalOverlay(map: maplibregl.Map | null, opts: ProposalOverlayOptions) {
  const latest = useRef(opts);
  latest.current = opts;
  const { points, draggable } = opts;

  // The circles are a declared overlay (mounted by <MapOverlays>), under the site symbols.
  useMapOverlay(useMemo(() => ({
    id: 'planner-proposals',
    sources: { [PLANNER_SOURCE.circles]: proposalCircles(points) },
    layers: plannerLayers(),
    beforeLayer: LAYER.siteHalo,
  }), [points]));

  useEffect(() => {
    if (!map) return;
    const positions = new Map(points.map((p) => [p.id, { ...p }]));
    // While a marker is dragged its circle follows it directly on the map's source.
    const redraw = (activeId: string | null) =>
      (map.getSource(PLANNER_SOURCE.circles) as GeoJSONSource | undefined)?.setData(proposalCircles([...positions.values()], activeId));

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
    return () => markers.forEach((m) => m.remove());
  }, [map, points, draggable]);
}
